"""The specialist area: finding a qualified, independent doctor for the second opinion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.specialist import handlers
from skill import hookimpl
from skill.area import Area

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import AbstractRequestHandler

AREA = Area("specialist", __name__, rank=50, entry="FindSpecialistIntent")


@hookimpl
def register_area() -> Area:
    return AREA


@hookimpl
def register_handlers() -> list[AbstractRequestHandler]:
    return handlers.handlers(AREA)
