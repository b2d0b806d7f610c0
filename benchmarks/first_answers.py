"""Words in the first answer to every intent: is each one a single breath?

One sample per intent of the model (its first, slots filled with a value they can hold),
each as the first thing asked after opening the skill, through the simulator, plus the
launch, Help and an out-of-domain request. A first-time user who asks without opening the
skill first also hears the disclaimer, once; the script says how many words that adds.
Prints median, p90 and max word counts beside the targets (median at most 30, none over
45), and with ``--each`` every answer's count. Run:

    python benchmarks/first_answers.py [--each] [--locale en-US]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.simulator import Conversation  # noqa: E402
from skill.simulator.check import _example  # noqa: E402
from skill.simulator.model import load_model  # noqa: E402

TARGET_MEDIAN = 30
TARGET_MAX = 45
BUILT_IN = {"AMAZON.HelpIntent": "help", "AMAZON.FallbackIntent": "purple monkey dishwasher"}


def first_utterances(locale: str) -> dict[str, str]:
    """Intent name → one thing a user could say to reach it first."""
    model = load_model(locale, ROOT / "interaction_models")
    said = dict(BUILT_IN)
    for intent in model.intents.values():
        if intent.samples and not intent.name.startswith("AMAZON."):
            said[intent.name] = _example(model, intent, intent.samples[0])
    return said


def first_answer(locale: str, utterance: str):
    """``utterance`` as the first thing asked after opening the skill, whose welcome has
    said the disclaimer (it comes once per user, before their first answer)."""
    alexa = Conversation(locale=locale)
    alexa.launch()
    return alexa.say(utterance)


def percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--each", action="store_true", help="print every answer's count")
    args = parser.parse_args()

    counts: dict[str, int] = {
        "(launch)": len(Conversation(locale=args.locale).launch().speech.split())
    }
    missed = []
    for intent, utterance in first_utterances(args.locale).items():
        turn = first_answer(args.locale, utterance)
        if turn.intent != intent:
            missed.append(f"{intent}: {utterance!r} reached {turn.intent}")
        counts[intent] = len(turn.speech.split())

    values = list(counts.values())
    if args.each:
        for intent, words in sorted(counts.items(), key=lambda item: -item[1]):
            print(f"{words:4d}  {intent}")
    over = sorted(name for name, words in counts.items() if words > TARGET_MAX)
    print(f"first answers: {len(values)} intents")
    print(f"median words: {statistics.median(values):5.1f}   target <= {TARGET_MEDIAN}")
    print(f"p90 words:    {percentile(values, 0.9):5d}")
    print(f"max words:    {max(values):5d}   target <= {TARGET_MAX}")
    print(f"over {TARGET_MAX}: {len(over)}{': ' + ', '.join(over) if over else ''}")
    disclaimer = Conversation(locale=args.locale).say(
        first_utterances(args.locale)["AMAZON.HelpIntent"]
    )
    added = len(disclaimer.speech.split()) - counts["AMAZON.HelpIntent"]
    print(f"a first-time user's first one-shot adds the disclaimer: {added} words")
    for line in missed:
        print(f"sample reached another intent: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
