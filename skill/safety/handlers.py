"""The gate's answers: short, fixed, the number to call, and that Alexa can't call it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler

from skill import dialog
from skill.area import Area, is_request
from skill.i18n import locale_of
from skill.safety import question, signs
from skill.turn import Card, Turn, respond

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.core.menu import Menu

EMERGENCY_INTENT = "EmergencyIntent"
CRISIS_INTENT = "CrisisIntent"
MENTION_INTENT = "UrgentMentionIntent"
HISTORY_INTENT = "HealthHistoryIntent"
DIAGNOSIS_INTENT = "DiagnosisRequestIntent"
#: Request attribute holding the gate's verdict; only :class:`SafetyHandler` answers then.
FLAG = "safety"
#: Verdicts on the gate's "would you like to go on?" after a crisis answer.
GO_ON = "go_on"
LEAVE = "leave"

SAFETY = Area("safety", "skill", rank=0)


def _example(handler_input: HandlerInput, locale: str) -> str:
    menu = getattr(handler_input.context, "menu", None)
    return menu.examples(locale, limit=1) if menu is not None and menu.areas else ""


class SafetyHandler(AbstractRequestHandler):
    """Answers whatever the gate decided, and the signs it heard as past or not now."""

    intents = (EMERGENCY_INTENT, CRISIS_INTENT, MENTION_INTENT, HISTORY_INTENT)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if FLAG in handler_input.attributes_manager.request_attributes:
            return True
        if is_request(handler_input, MENTION_INTENT):
            # Words the catalogue didn't know and that name no sign: the host's answer.
            locale = locale_of(handler_input.request_envelope.request)
            return signs.names_a_sign(signs.heard_slots(handler_input), locale)
        return is_request(handler_input, HISTORY_INTENT)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = Turn(handler_input, SAFETY)
        verdict = handler_input.attributes_manager.request_attributes.get(FLAG)
        if verdict in (signs.EMERGENCY, signs.POISON):
            question.let_go(handler_input)
            return turn.tell(turn.t(f"safety.{verdict}"), card=self.card(turn))
        if verdict == signs.CRISIS:
            question.let_go(handler_input)
            question.ask(handler_input, question.GO_ON, turn.t("safety.crisis.reprompt"))
            key = "safety.crisis.other" if self.about_someone_else(turn) else "safety.crisis"
            return respond(
                handler_input,
                f"{turn.t(key)} {turn.t('safety.crisis.go_on')}",
                reprompt=turn.t("safety.crisis.reprompt"),
                card=self.card(turn),
            )
        if verdict == signs.UNSURE:
            slots = signs.heard_slots(handler_input)
            question.hold(handler_input, signs.urgency_if_now(slots, turn.locale))
            question.ask(handler_input, question.NOW, turn.t("safety.now.reprompt"))
            return respond(
                handler_input, turn.t("safety.now"), reprompt=turn.t("safety.now.reprompt")
            )
        if verdict == LEAVE:
            return turn.tell(turn.t("safety.crisis.leave"), card=self.card(turn))
        example = _example(handler_input, turn.locale)
        key = "safety.crisis.yes" if verdict == GO_ON else "safety.not_now"
        speech = turn.t(key, example=example)
        recurring = is_request(handler_input, HISTORY_INTENT) and signs.heard_as_recurring(
            signs.heard_slots(handler_input)
        )
        if recurring:
            # A sign that comes and goes can still come on badly: say the number anyway.
            speech = f"{turn.t('safety.fallback_net')} {speech}"
        return turn.ask(speech, turn.t("safety.more", example=example))

    @staticmethod
    def about_someone_else(turn: Turn) -> bool:
        """Whether this request names the person it is about ("my son is suicidal"): only
        this request's words count, never someone named earlier in the session."""
        person = turn.slot(dialog.RELATIONSHIP_SLOT)
        return person is not None and person.matched and person.id not in dialog.SELF

    @staticmethod
    def card(turn: Turn) -> Card:
        """The numbers, in the Alexa app: never what the user said."""
        return Card(turn.t("safety.card.title"), turn.t("safety.card"))


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
