"""Cross-cutting work around every request: the dialog context, logging and remembering
the last answer."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor, AbstractResponseInterceptor
from ask_sdk_core.utils import get_request_type
from ask_sdk_model import Intent
from ask_sdk_model.ui import SsmlOutputSpeech

from skill import dialog, session, state
from skill.core import CORE
from skill.core.handlers import DISCLAIMER_FLAG
from skill.safety import SAFETY
from skill.speech import ssml_of
from skill.turn import Turn, read_slot

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

logger = logging.getLogger("skill.requests")


class HearContext(AbstractRequestInterceptor):
    """Before any handler: note who the user speaks for, end a run of misunderstandings,
    and take "the second one" as the second of the options just offered.

    A choice is answered as the option's own intent, so the area that offered it answers
    it; "the second one" with no options offered goes to the host's handler. A yes to an
    offer of another area ("Want the full checklist?") is answered the same way, as that
    area's entry intent; the safety gate screens the request before this runs.
    """

    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        intent = getattr(request, "intent", None)
        if intent is None or handler_input.request_envelope.session is None:
            return
        if intent.name != "AMAZON.FallbackIntent":
            dialog.understood(handler_input)
        relationship = read_slot(handler_input, dialog.RELATIONSHIP_SLOT)
        if relationship is not None and relationship.matched:
            dialog.speaking_for(handler_input, relationship.id)
        offered = dialog.offered(handler_input)
        if offered is not None and intent.name in dialog.YES_INTENTS:
            dialog.settled(handler_input)
            request.intent = Intent(name=offered, slots={})
        elif intent.name == dialog.CHOOSE:
            ordinal = read_slot(handler_input, dialog.ORDINAL_SLOT)
            offered = session.options(handler_input)
            chosen = _pick(offered, ordinal.id if ordinal else None)
            if chosen is not None:
                request.intent = Intent(name=chosen, slots={})


def _pick(offered: list[str], ordinal: str | None) -> str | None:
    if not offered or not ordinal:
        return None
    if ordinal == "LAST":
        return offered[-1]
    if ordinal.isdigit() and 1 <= int(ordinal) <= len(offered):
        return offered[int(ordinal) - 1]
    return None


class FirstUseDisclaimer(AbstractResponseInterceptor):
    """A first-time user who opens with a question, not with "open", hears the disclaimer
    once, before the answer; a launch says it in its welcome. The gate's answers stay as
    they are: nothing may stand between a person in an emergency and the number to call."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        envelope = handler_input.request_envelope
        if response is None or envelope.session is None or not envelope.session.new:
            return
        if get_request_type(handler_input) != "IntentRequest":
            return
        if getattr(handler_input.context, "plugin", None) == SAFETY.name:
            return
        said = ssml_of(response.output_speech)
        flags = state.user_state(handler_input).setdefault(CORE.name, {})
        if said is None or flags.get(DISCLAIMER_FLAG):
            return
        disclaimer = Turn(handler_input, CORE).t("disclaimer.one_shot")
        response.output_speech = SsmlOutputSpeech(
            ssml=said.replace("<speak>", f"<speak>{disclaimer} ", 1)
        )
        flags[DISCLAIMER_FLAG] = True
        state.mark_changed(handler_input)


class LogAnswer(AbstractResponseInterceptor):
    """One line per request at INFO: its id, its type and the plugin that answered.

    Never slot values or user ids; the intent name says what the user asked about
    (``CrisisIntent``), so it is logged only at DEBUG.
    """

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if not logger.isEnabledFor(logging.INFO):
            return
        request = handler_input.request_envelope.request
        plugin = getattr(handler_input.context, "plugin", None) or "-"
        logger.info(
            "%s %s answered by %s", request.request_id, get_request_type(handler_input), plugin
        )
        if logger.isEnabledFor(logging.DEBUG):
            intent = getattr(request, "intent", None)
            logger.debug("%s intent %s", request.request_id, intent.name if intent else "-")


class RememberAnswer(AbstractResponseInterceptor):
    """Keep the last spoken answer in the session, so Repeat can say it again."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if response is None or response.should_end_session:
            return
        if handler_input.request_envelope.session is None:
            return
        said = ssml_of(response.output_speech)
        if said is None:
            return
        reprompt = ssml_of(response.reprompt.output_speech) if response.reprompt else None
        session.set_last_answer(handler_input, said, reprompt)
