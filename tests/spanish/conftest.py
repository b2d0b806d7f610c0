"""The English sets' scorers score the Spanish sets: their folders go on the path first."""

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
for helpers in ("safety", "conversations", "locales"):
    if str(TESTS / helpers) not in sys.path:
        sys.path.append(str(TESTS / helpers))
