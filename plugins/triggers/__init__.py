"""The triggers guidance area: when a second opinion is worth getting."""

from plugins.triggers.handlers import handlers
from skill import hookimpl
from skill.area import Area

AREA = Area("triggers", __name__, rank=10)


@hookimpl
def register_area() -> Area:
    return AREA


@hookimpl
def register_handlers() -> list:
    return handlers(AREA)
