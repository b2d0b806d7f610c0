"""Time to resolve one utterance against the full en-US model, and to compile the model.

Utterances: every sample of the model (slots filled with a value they can hold), the
held-out phrasings, and out-of-domain requests, so exact, fuzzy and fallback paths all
count. Prints median and p99 per utterance; the target is a median under 1 ms. Run:

    python benchmarks/resolve.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.simulator.check import _example  # noqa: E402
from skill.simulator.model import InteractionModel  # noqa: E402
from skill.simulator.resolver import FALLBACK, Resolver  # noqa: E402

TARGET_MEDIAN_MS = 1.0
OUT_OF_DOMAIN = [
    "what's the weather like today",
    "play some music",
    "set a timer for ten minutes",
    "tell me a joke",
    "turn off the lights",
    "add milk to my shopping list",
    "how far away is the moon",
    "purple monkey dishwasher",
]


def utterances(model: InteractionModel) -> list[str]:
    said = [
        _example(model, intent, sample)
        for intent in model.intents.values()
        for sample in intent.samples
    ]
    heldout = ROOT / "tests" / "simulator" / "heldout_en_US.json"
    if heldout.is_file():
        said += [p["utterance"] for p in json.loads(heldout.read_text())["phrasings"]]
    return said + OUT_OF_DOMAIN


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the utterances")
    parser.add_argument("--locale", default="en-US")
    args = parser.parse_args()

    path = ROOT / "interaction_models" / f"{args.locale}.json"
    model = InteractionModel.from_document(json.loads(path.read_text()), args.locale, str(path))
    started = time.perf_counter()
    resolver = Resolver(model)
    compile_ms = (time.perf_counter() - started) * 1000

    said = utterances(model)
    for text in said:  # warm caches the way a running conversation would
        resolver.resolve(text)
    times: list[float] = []
    scored: list[float] = []  # utterances no sample matches word for word
    fallbacks = 0
    for _ in range(args.rounds):
        for text in said:
            started = time.perf_counter()
            found = resolver.resolve(text)
            elapsed = (time.perf_counter() - started) * 1000
            times.append(elapsed)
            if found.score < 1.0:
                scored.append(elapsed)
            fallbacks += found.intent == FALLBACK
    median = statistics.median(times)
    samples = sum(len(i.samples) for i in model.intents.values())
    print(f"model: {len(model.intents)} intents, {samples} samples, {len(model.types)} slot types")
    print(f"compile: {compile_ms:.1f} ms")
    print(f"utterances: {len(said)} x {args.rounds} rounds ({fallbacks // args.rounds} fall back)")
    print(
        f"all      median {median:.3f} ms  p99 {p99(times):.3f} ms  (target median < "
        f"{TARGET_MEDIAN_MS} ms)"
    )
    if scored:
        print(
            f"scored   median {statistics.median(scored):.3f} ms  p99 {p99(scored):.3f} ms  "
            f"({len(scored) // args.rounds} utterances without an exact match)"
        )
    return 0 if median < TARGET_MEDIAN_MS else 1


def p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


if __name__ == "__main__":
    sys.exit(main())
