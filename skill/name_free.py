"""Name-free interaction: answer Alexa's CanFulfillIntentRequest, never with speech.

Alexa asks before routing a request that did not name the skill. The answer is YES for a
guidance intent whose slots the skill understands, MAYBE when a slot value is not in its
catalogue, and NO for emergencies, crises and requests for a diagnosis: Alexa answers
those itself. The request must change nothing, so this handler only reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.utils import get_request_type
from ask_sdk_model.canfulfill import (
    CanFulfillIntent,
    CanFulfillIntentValues,
    CanFulfillSlot,
    CanFulfillSlotValues,
    CanUnderstandSlotValues,
)

from skill import safety
from skill.i18n import locale_of
from skill.safety import signs
from skill.turn import read_slot

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

REQUEST_TYPE = "CanFulfillIntentRequest"
#: Intents Alexa should keep for itself: the skill would only say to call for help.
NEVER = frozenset(
    {
        safety.EMERGENCY_INTENT,
        safety.CRISIS_INTENT,
        safety.DIAGNOSIS_INTENT,
        safety.MENTION_INTENT,
        safety.HISTORY_INTENT,
    }
)


class CanFulfillHandler(AbstractRequestHandler):
    """YES, MAYBE or NO for a CanFulfillIntentRequest, with a verdict per slot.

    :param guidance_intents: the intents the loaded guidance areas answer.
    """

    def __init__(self, guidance_intents: Iterable[str]):
        # Built-in intents (help, yes, stop) mean nothing without the skill's name.
        self.guidance_intents = (
            frozenset(name for name in guidance_intents if not name.startswith("AMAZON.")) - NEVER
        )

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) == REQUEST_TYPE

    def handle(self, handler_input: HandlerInput) -> Response:
        builder = handler_input.response_builder
        builder.set_can_fulfill_intent(self.verdict(handler_input))
        return builder.response

    def verdict(self, handler_input: HandlerInput) -> CanFulfillIntent:
        intent = handler_input.request_envelope.request.intent
        if intent is None or intent.name not in self.guidance_intents or urgent(handler_input):
            return CanFulfillIntent(can_fulfill=CanFulfillIntentValues.NO, slots={})
        slots = {}
        for name, slot in (intent.slots or {}).items():
            if slot is None or not slot.value:
                continue
            understood = read_slot(handler_input, name)
            matched = understood is not None and understood.matched
            slots[name] = CanFulfillSlot(
                can_understand=CanUnderstandSlotValues.YES
                if matched
                else CanUnderstandSlotValues.MAYBE,
                # Any value only picks which general guidance to give: it can always be given.
                can_fulfill=CanFulfillSlotValues.YES,
            )
        whole = (
            CanFulfillIntentValues.YES
            if all(s.can_understand == CanUnderstandSlotValues.YES for s in slots.values())
            else CanFulfillIntentValues.MAYBE
        )
        return CanFulfillIntent(can_fulfill=whole, slots=slots)


def urgent(handler_input: HandlerInput) -> bool:
    """Whether a slot holds a sign of an emergency or a crisis: then it is Alexa's to answer."""
    heard = signs.heard_slots(handler_input)
    return (
        bool(heard)
        and signs.read(heard, locale_of(handler_input.request_envelope.request)) is not None
    )
