"""The emergency gate: checked on every IntentRequest, before any area is asked.

Alexa sends intents and slot values, not raw text, so the gate reads both: the model's
``EmergencyIntent`` and ``CrisisIntent`` carry urgent phrasings said as happening now,
``UrgentMentionIntent`` a sign said without a when, ``HealthHistoryIntent`` a past event or
a risk, and the name of the slot a sign was heard in tells the tense anywhere else
(:mod:`skill.safety.signs`). More in ``docs/safety.md``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor

from skill import dialog
from skill.i18n import locale_of
from skill.safety import question, signs
from skill.safety.handlers import (
    CRISIS_INTENT,
    DIAGNOSIS_INTENT,
    EMERGENCY_INTENT,
    FLAG,
    GO_ON,
    HISTORY_INTENT,
    LEAVE,
    MENTION_INTENT,
    SAFETY,
    DiagnosisRequestHandler,
    SafetyHandler,
)

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

__all__ = [
    "CRISIS_INTENT",
    "DIAGNOSIS_INTENT",
    "EMERGENCY_INTENT",
    "FLAG",
    "HISTORY_INTENT",
    "MENTION_INTENT",
    "SAFETY",
    "DiagnosisRequestHandler",
    "SafetyHandler",
    "SafetyScreen",
    "classify",
]

logger = logging.getLogger(__name__)


def classify(handler_input: HandlerInput) -> str | None:
    """What the gate makes of this request: ``emergency``, ``poison``, ``crisis``,
    ``unsure`` (ask whether it is happening now) or ``None`` (not the gate's)."""
    request = handler_input.request_envelope.request
    if request.object_type != "IntentRequest":
        return None  # CanFulfillIntentRequest and the rest: nobody is speaking
    intent = request.intent
    if intent.name == CRISIS_INTENT:
        return signs.CRISIS
    slots = signs.heard_slots(handler_input)
    locale = locale_of(request)
    if intent.name == EMERGENCY_INTENT:
        if signs.OVERDOSE_SLOT in slots:
            return signs.POISON
        sign = slots.get(signs.NOW_SLOT)
        return signs.urgency_of(sign, locale) if sign else signs.EMERGENCY
    reading = signs.read(slots, locale)
    if reading is None and intent.name == MENTION_INTENT and not signs.heard_as_past(slots):
        return signs.UNSURE if signs.names_a_sign(slots, locale) else None
    return reading


def verdict(handler_input: HandlerInput) -> str | None:
    """The gate's verdict for an IntentRequest, the gate's open question included."""
    about = question.open_question(handler_input)
    answer = dialog.answer_of(handler_input.request_envelope.request.intent.name)
    if about == question.NOW and answer is not None:
        if answer != "no":  # yes, or "I'm not sure": treat it as happening
            return question.held_urgency(handler_input) or signs.EMERGENCY
        question.carry_on(handler_input)
        cleared = classify(handler_input)
        return None if cleared == signs.UNSURE else cleared
    if about == question.GO_ON and answer in ("yes", "no"):
        return GO_ON if answer == "yes" else LEAVE
    if about == question.NOW:
        question.let_go(handler_input)  # the user moved on without answering
    return classify(handler_input)


class SafetyScreen(AbstractRequestInterceptor):
    """Decides, before any handler is chosen, whether only the gate may answer."""

    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        if request.object_type != "IntentRequest":
            return  # CanFulfillIntentRequest and the rest: nobody is speaking
        found = verdict(handler_input)
        if found:
            handler_input.attributes_manager.request_attributes[FLAG] = found
            logger.debug("safety gate: %s (request %s)", found, request.request_id)
