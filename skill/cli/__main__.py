"""``python -m skill.cli``: the same as the ``second-opinion`` command."""

import sys

from skill.cli import main

sys.exit(main())
