"""Cross-cutting work around every request: logging and remembering the last answer."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractResponseInterceptor
from ask_sdk_core.utils import get_request_type

from skill.core.handlers import LAST_KEY
from skill.speech import ssml_of

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

logger = logging.getLogger("skill.requests")


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
        handler_input.attributes_manager.session_attributes[LAST_KEY] = {
            "speech": said,
            "reprompt": ssml_of(response.reprompt.output_speech) if response.reprompt else None,
        }
