"""The records area: what to gather for the second doctor, how to get it sent, and progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.records import checklist, handlers
from plugins.records.screens import make_screens
from skill import hookimpl
from skill.area import Area
from skill.speech import spoken_list

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import AbstractRequestHandler

    from skill.screens import Screen


class RecordsArea(Area):
    """The records area keeps which checklist items the user has gathered."""

    def progress(self, locale: str, user: dict) -> str | None:
        have = len(checklist.gathered(user))
        if 0 < have < len(checklist.ITEMS):
            return self.strings.get(locale, "progress", have=have, total=len(checklist.ITEMS))
        return None

    def remembered(self, locale: str, user: dict) -> str | None:
        names = [self.strings.get(locale, f"item.{item}.name") for item in checklist.gathered(user)]
        if not names:
            return None
        items = spoken_list(names, self.strings.get(locale, "and"))
        return self.strings.get(locale, "remembered", items=items)


AREA = RecordsArea("records", __name__, rank=30, entry="RecordsChecklistIntent")


@hookimpl
def register_area() -> Area:
    return AREA


@hookimpl
def register_handlers() -> list[AbstractRequestHandler]:
    return handlers.handlers(AREA)


@hookimpl
def register_screens() -> list[Screen]:
    return make_screens(AREA)
