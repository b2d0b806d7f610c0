"""The outcomes guidance area: making sense of a second opinion once you have it."""

from plugins.outcomes import handlers
from skill import hookimpl
from skill.area import Area

AREA = Area("outcomes", __name__, rank=60, entry="OpinionsDifferIntent")


@hookimpl
def register_area() -> Area:
    return AREA


@hookimpl
def register_handlers() -> list:
    return handlers.handlers(AREA)
