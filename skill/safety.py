"""The emergency gate: checked on every request, before any area is asked.

Alexa sends intents and slot values, not raw text, so the gate looks at both: the
model's ``EmergencyIntent`` and ``CrisisIntent`` carry the urgent phrasings, and any
slot value that contains an urgent phrase trips the gate wherever it was heard.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor

from skill.area import Area, is_request
from skill.i18n import locale_of
from skill.turn import Turn

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.core.menu import Menu

logger = logging.getLogger(__name__)

EMERGENCY_INTENT = "EmergencyIntent"
CRISIS_INTENT = "CrisisIntent"
DIAGNOSIS_INTENT = "DiagnosisRequestIntent"
FLAG = "safety"

SAFETY = Area("safety", "skill", rank=0)


@cache
def _pattern(locale: str, kind: str) -> re.Pattern:
    terms = SAFETY.strings.raw(locale, f"safety.{kind}_terms")
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _normalise(text: str) -> str:
    return text.replace("’", "'").replace("cannot", "can not")


def classify(handler_input: HandlerInput) -> str | None:
    """``"crisis"``, ``"emergency"`` or ``None`` for this request."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    if intent is None:
        return None
    if intent.name == CRISIS_INTENT:
        return "crisis"
    if intent.name == EMERGENCY_INTENT:
        return "emergency"
    heard = " ".join(slot.value for slot in (intent.slots or {}).values() if slot and slot.value)
    if not heard:
        return None
    heard = _normalise(heard)
    locale = locale_of(request)
    for kind in ("crisis", "emergency"):
        if _pattern(locale, kind).search(heard):
            return kind
    return None


class SafetyScreen(AbstractRequestInterceptor):
    """Flags an urgent request so that only :class:`SafetyHandler` answers it."""

    def process(self, handler_input: HandlerInput) -> None:
        kind = classify(handler_input)
        if kind:
            handler_input.attributes_manager.request_attributes[FLAG] = kind
            logger.debug(
                "safety gate: %s (request %s)",
                kind,
                handler_input.request_envelope.request.request_id,
            )


class SafetyHandler(AbstractRequestHandler):
    """A short, fixed answer to an emergency or crisis: who to call, and that Alexa can't."""

    intents = (EMERGENCY_INTENT, CRISIS_INTENT)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return FLAG in handler_input.attributes_manager.request_attributes

    def handle(self, handler_input: HandlerInput) -> Response:
        kind = handler_input.attributes_manager.request_attributes[FLAG]
        turn = Turn(handler_input, SAFETY)
        return turn.tell(turn.t(f"safety.{kind}"))


class DiagnosisRequestHandler(AbstractRequestHandler):
    """A kind refusal to diagnose or choose a treatment, and a way back to the guidance."""

    intents = (DIAGNOSIS_INTENT,)

    def __init__(self, menu: Menu):
        self.menu = menu

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request(handler_input, DIAGNOSIS_INTENT)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn(handler_input, SAFETY)
        example = self.menu.examples(turn.locale, limit=1)
        return turn.ask(
            turn.t("safety.diagnosis") + " " + turn.t("safety.diagnosis.more", example=example),
            turn.t("safety.diagnosis.more", example=example),
        )
