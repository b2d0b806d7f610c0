"""The area's handlers: each matches its intents and answers from the area's strings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from example_area import intents
from skill.area import AreaHandler

if TYPE_CHECKING:
    from ask_sdk_model import Response

    from skill.turn import Turn


class BringSomeoneHandler(AreaHandler):
    intents = (intents.BRING_SOMEONE,)

    def answer(self, turn: Turn) -> Response:
        return turn.ask(turn.t("answer"), turn.t("reprompt"))


def make_handlers(area) -> list[AreaHandler]:
    return [BringSomeoneHandler(area)]
