"""The communicating guidance area: telling your doctor, and what to ask the next one."""

from plugins.communicating import handlers
from skill import hookimpl
from skill.area import Area

AREA = Area("communicating", __name__, rank=20, entry="TellDoctorIntent")


@hookimpl
def register_area() -> Area:
    return AREA


@hookimpl
def register_handlers() -> list:
    return handlers.handlers(AREA)
