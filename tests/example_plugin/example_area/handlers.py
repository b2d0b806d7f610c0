"""The area's handlers: one topic per intent, each said from the area's strings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from example_area import intents
from skill.area import Area, AreaHandler, TopicHandler

if TYPE_CHECKING:
    from ask_sdk_model import Response

    from skill.turn import Turn


def say(turn: Turn, topic: str) -> Response:
    """Say ``topic``, with its card if it has one, and keep the conversation open."""
    return turn.ask(turn.t(topic), turn.t(f"{topic}.reprompt"), card=turn.card(topic))


def handlers(area: Area) -> list[AreaHandler]:
    """This area's handlers, in the order they are tried."""
    return [
        TopicHandler(area, intents.BRING_SOMEONE, "bring", say),
    ]
