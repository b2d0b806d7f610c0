"""Amazon's health-data rule: health progress outlives the session only where allowed.

A skill may keep information about a person's health or health care (the quick check's
answers, which records someone is gathering) beyond the session only when it is
HIPAA-eligible (``Settings.hipaa_eligible``). Otherwise that progress lives in the session,
and durable state keeps only what is not health information: disclaimer heard, last area,
preferences. Areas reach their progress through :attr:`skill.turn.Turn.progress`, which
follows this rule; they never decide it themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor

from skill import state

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

#: Request attribute: health progress is durable for this request.
DURABLE_KEY = "health_durable"

#: Health flags earlier versions of the skill kept in durable state, by area, before
#: health progress went through :attr:`Turn.progress`: dropped where they may not be kept.
STORED_BEFORE: dict[str, tuple[str, ...]] = {
    "records": ("gathered",),
    "triggers": ("check",),
}


def durable(handler_input: HandlerInput) -> bool:
    """Whether health progress outlives this session (off unless the policy says so)."""
    return bool(handler_input.attributes_manager.request_attributes.get(DURABLE_KEY))


def drop_health_flags(user: dict) -> bool:
    """Remove :data:`STORED_BEFORE` flags from a user's durable state; ``True`` if any were."""
    dropped = False
    for area, keys in STORED_BEFORE.items():
        section = user.get(area)
        if not isinstance(section, dict):
            continue
        for key in keys:
            if key in section:
                del section[key]
                dropped = True
        if not section:
            del user[area]
    return dropped


class HealthDataPolicy(AbstractRequestInterceptor):
    """Says, per request, whether health progress is durable; migrates stored state.

    Register it after the interceptor that loads durable state. With the deployment not
    HIPAA-eligible, health flags an earlier version stored are dropped from the user's
    state and the change is saved, so the store forgets them too.
    """

    def __init__(self, hipaa_eligible: bool):
        self.hipaa_eligible = hipaa_eligible

    def process(self, handler_input: HandlerInput) -> None:
        handler_input.attributes_manager.request_attributes[DURABLE_KEY] = self.hipaa_eligible
        envelope = handler_input.request_envelope
        if self.hipaa_eligible or envelope.session is None:
            return
        if envelope.request.object_type == "CanFulfillIntentRequest":
            return  # that request must change nothing
        if drop_health_flags(state.user_state(handler_input)):
            state.mark_changed(handler_input)
