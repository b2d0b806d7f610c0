"""The host's own answers: launch, help, stop, fallback, repeat, lists and errors."""

from skill import dialog
from skill.area import Area

CORE = Area(dialog.HOST, "skill", rank=0)
"""The host answers as ``core``; its strings live in ``skill/locale``."""
