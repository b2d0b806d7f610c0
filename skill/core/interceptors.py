"""Cross-cutting work around every request: logging and remembering the last answer."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor, AbstractResponseInterceptor
from ask_sdk_core.utils import get_request_type

from skill.core.handlers import LAST_KEY

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

logger = logging.getLogger("skill.requests")


class LogRequest(AbstractRequestInterceptor):
    """One line per request: its id, type and intent name, never slot values or user ids."""

    def process(self, handler_input: HandlerInput) -> None:
        if not logger.isEnabledFor(logging.INFO):
            return
        request = handler_input.request_envelope.request
        intent = getattr(request, "intent", None)
        logger.info(
            "%s %s %s",
            request.request_id,
            get_request_type(handler_input),
            intent.name if intent else "-",
        )


class RememberAnswer(AbstractResponseInterceptor):
    """Keep the last spoken answer in the session, so Repeat can say it again."""

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if response is None or response.output_speech is None:
            return
        if response.should_end_session or handler_input.request_envelope.session is None:
            return
        reprompt = response.reprompt.output_speech.ssml if response.reprompt else None
        handler_input.attributes_manager.session_attributes[LAST_KEY] = {
            "speech": response.output_speech.ssml,
            "reprompt": reprompt,
        }
