"""Print how the held-out conversations go: the share that went right and every miss.

.venv/bin/python tests/conversations/report.py [ID ...]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conversation_set import load, play_all  # noqa: E402


def main(ids: list[str]) -> int:
    conversations = [c for c in load() if not ids or c["id"] in ids]
    outcomes = play_all(conversations)
    for outcome in outcomes:
        if not outcome.right:
            print(f"{outcome.id} ({outcome.who})")
            for problem in outcome.problems:
                print(f"  {problem}")
    right = sum(outcome.right for outcome in outcomes)
    print(f"\n{right} of {len(outcomes)} conversations went right ({right / len(outcomes):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
