"""The gate's two questions, and what it holds while one is open.

"Is this happening right now?" follows a sign said without a when ("my dad's stroke"): the
intent Alexa heard is held in this session's memory until the answer, so a no carries on to
the guidance the sentence was about. After a crisis answer, "would you like to go on?"
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import Intent

from skill import dialog, session

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

AREA = "safety"
NOW = "now"
GO_ON = "go_on"
HELD_KEY = "held"

_serializer = DefaultSerializer()


def _memory(handler_input: HandlerInput) -> dict:
    return session.memory(handler_input, AREA)


def open_question(handler_input: HandlerInput) -> str | None:
    """``NOW`` or ``GO_ON`` while the gate's question waits for an answer, else ``None``."""
    question = session.question(handler_input)
    return question.about if question and question.area == AREA else None


def ask(handler_input: HandlerInput, about: str, reprompt: str) -> None:
    """Note the gate's question, so the next yes or no comes back to the gate first."""
    dialog.asked(handler_input, AREA, about, reprompt)


def hold(handler_input: HandlerInput, urgency: str) -> None:
    """Keep this request's intent, and what a yes would make of it, until the answer."""
    intent = handler_input.request_envelope.request.intent
    _memory(handler_input)[HELD_KEY] = {
        "urgency": urgency,
        "intent": _serializer.serialize(intent),
    }


def held_urgency(handler_input: HandlerInput) -> str | None:
    return (_memory(handler_input).get(HELD_KEY) or {}).get("urgency")


def let_go(handler_input: HandlerInput) -> None:
    """Forget the held intent: answered, or the user moved on."""
    memory = _memory(handler_input)
    memory.pop(HELD_KEY, None)
    if not memory:
        session.clear_memory(handler_input, AREA)


def carry_on(handler_input: HandlerInput) -> None:
    """After "no, it isn't happening now": this request becomes the held one, so the
    skill answers what the first sentence asked."""
    held = (_memory(handler_input).get(HELD_KEY) or {}).get("intent")
    let_go(handler_input)
    dialog.settled(handler_input)
    if not isinstance(held, dict):
        return
    try:
        intent = _serializer.deserialize(json.dumps(held), Intent)
    except (SerializationException, TypeError, ValueError):
        return  # not what hold() wrote: the "no" stays a plain no
    if isinstance(intent, Intent) and intent.name:
        handler_input.request_envelope.request.intent = intent
