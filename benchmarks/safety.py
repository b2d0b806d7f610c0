"""Recall and precision of the emergency gate on the held-out en-US safety set.

Prints both beside the floor the tests hold (recall 97 %, precision 95 %), every
emergency or crisis missed, every false alarm, and ordinary mentions that reached a
different area than the one they were about. Run:

    python benchmarks/safety.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "safety"))

from safety_set import load, phrasings, score  # noqa: E402

from skill.simulator.model import load_model  # noqa: E402

RECALL_FLOOR = 0.97
PRECISION_FLOOR = 0.95


def main() -> int:
    data = load()
    started = time.perf_counter()
    result = score(data)
    elapsed = time.perf_counter() - started
    print(f"held-out: {result.urgent} emergencies and crises, {result.ordinary} ordinary mentions")
    print(f"recall    {result.recall:6.1%}  (floor {RECALL_FLOOR:.0%})")
    print(f"precision {result.precision:6.1%}  (floor {PRECISION_FLOOR:.0%})")
    print(f"false alarms {result.false_alarms} of {result.ordinary}; scored in {elapsed:.1f} s")
    resolver = load_model("en-US").resolver
    instances = [said for said in phrasings(data) if resolver.exact_matches(said)]
    print(
        f"{len(instances)} of {len(phrasings(data))} phrasings fill a general template word for "
        "word (no phrasing is a sample)"
    )
    for title, lines in (
        ("missed", result.misses),
        ("false alarms", result.alarms),
        ("ordinary, reached another area", result.elsewhere),
        ("filling a template word for word", instances),
    ):
        print(f"\n{title}: {len(lines)}")
        for line in lines:
            print(f"  {line}")
    ok = result.recall >= RECALL_FLOOR and result.precision >= PRECISION_FLOOR
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
