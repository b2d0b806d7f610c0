"""The records checklist on a screen: every item with a tick box; a touch ticks or unticks it.

A touch takes the voice path: the same ``mark`` and ``unmark`` answer it, with the same
spoken confirmation, as "I have my test results" and "I don't have that one" do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_core.utils import get_request_type

from plugins.records import checklist, handlers, intents
from skill import paging
from skill.screens import Screen, documents_in

if TYPE_CHECKING:
    from ask_sdk_model import Response

    from skill.area import Area
    from skill.turn import Turn

#: Intents whose answer is about the checklist itself.
CHECKLIST_INTENTS = frozenset(
    {intents.CHECKLIST, intents.MISSING, intents.GATHERED, intents.NOT_GATHERED, intents.RESET}
)
#: Intents that move through a list the records area is reading.
PAGING_INTENTS = frozenset(
    {"AMAZON.YesIntent", "AMAZON.NoIntent", "AMAZON.NextIntent", "AMAZON.MoreIntent",
     "AMAZON.PreviousIntent"}
)  # fmt: skip


def about_the_checklist(turn: Turn) -> bool:
    if get_request_type(turn.handler_input) == "Alexa.Presentation.APL.UserEvent":
        return True  # a touch on the checklist: show it again with the tick changed
    if turn.intent_name in CHECKLIST_INTENTS:
        return True
    reading = paging.active(turn.handler_input) or {}
    return reading.get("area") == turn.area.name and turn.intent_name in PAGING_INTENTS


def show_checklist(turn: Turn, response: Response) -> dict | None:
    """Every item, ticked or not: our own words for each, never what the user said."""
    if not about_the_checklist(turn):
        return None
    have = checklist.gathered(turn.progress)
    progress = turn.t("overview.progress", have=len(have), total=handlers.total())
    return {
        "title": turn.t("checklist.card.title"),
        "progress": progress if have else "",
        "items": [
            {"id": item, "label": handlers.item_line(turn, item), "ticked": item in have}
            for item in checklist.ITEMS
        ],
    }


def toggle(turn: Turn, values: list[str]) -> Response:
    """``["toggle", item]``: tick the item off, or put it back if it was ticked."""
    item = values[1] if len(values) == 2 and values[0] == "toggle" else None
    if item not in checklist.ITEMS:
        return handlers.which_record(turn, "unknown.mark")
    if item in checklist.gathered(turn.progress):
        return handlers.unmark(turn, item)
    return handlers.mark(turn, item)


def make_screens(area: Area) -> list[Screen]:
    documents = documents_in(__package__)
    return [Screen(area, "checklist", documents["checklist"], show_checklist, toggle)]
