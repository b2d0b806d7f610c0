"""The guidance areas' first answers fit one breath: a median of 30 words, none over 45."""

import importlib.util
import statistics
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "first_answers.py"
AREAS = {"triggers", "communicating", "records", "insurance", "specialist", "outcomes"}


def load_benchmark():
    spec = importlib.util.spec_from_file_location("first_answers", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_first_answers_of_every_guidance_intent_fit_one_breath():
    benchmark = load_benchmark()
    counts = {}
    for intent, utterance in benchmark.first_utterances("en-US").items():
        turn = benchmark.first_answer("en-US", utterance)
        if turn.plugin in AREAS:
            counts[intent] = len(turn.speech.split())
    assert len(counts) >= 50
    over = {name: words for name, words in counts.items() if words > benchmark.TARGET_MAX}
    assert not over, over
    assert statistics.median(counts.values()) <= benchmark.TARGET_MEDIAN
