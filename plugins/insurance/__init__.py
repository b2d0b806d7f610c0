"""The insurance area: checking coverage and network rules before booking a second opinion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.insurance import handlers
from skill import hookimpl
from skill.area import Area

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import AbstractRequestHandler

AREA = Area("insurance", __name__, rank=40, entry="InsuranceOverviewIntent")


@hookimpl
def register_area() -> Area:
    return AREA


@hookimpl
def register_handlers() -> list[AbstractRequestHandler]:
    return handlers.handlers(AREA)
