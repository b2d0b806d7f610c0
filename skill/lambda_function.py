"""AWS Lambda entry point: set the function's handler to ``skill.lambda_function.handler``.

Behaves like ask-sdk's own ``SkillBuilder.lambda_handler()``: the event is the request
envelope as a dict, the return value the response envelope as a dict, and the Lambda
context reaches handlers as ``handler_input.context``. Settings come from the environment
(``SECOND_OPINION_*``), with DynamoDB as the store unless ``SECOND_OPINION_STORE`` says
otherwise. Alexa's signature is not checked here: the Lambda trigger's skill-id condition
and ``SECOND_OPINION_SKILL_ID`` do that job.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from typing import Any

from ask_sdk_core.exceptions import AskSdkException

from skill.context import InvocationContext
from skill.errors import RequestRejected
from skill.runtime import SkillRuntime
from skill.settings import Settings, SettingsError

logger = logging.getLogger(__name__)

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class LambdaInvocation(InvocationContext):
    """The Lambda context, plus the slot where the answering plugin is recorded."""

    __slots__ = ("lambda_context",)

    def __init__(self, lambda_context: Any):
        super().__init__()
        self.lambda_context = lambda_context

    def __getattr__(self, name: str) -> Any:
        # Handlers that want the Lambda context (remaining time, request id) still get it.
        if name == "lambda_context":
            raise AttributeError(name)
        return getattr(self.lambda_context, name)


@cache
def runtime() -> SkillRuntime:
    """The skill, built once per Lambda container (on its first event)."""
    level = (os.environ.get("SECOND_OPINION_LOG_LEVEL") or "WARNING").upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"SECOND_OPINION_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
    # At INFO, one line per request (its id and type) goes to CloudWatch.
    logging.getLogger("skill").setLevel(level)
    settings = Settings.from_env(
        store=os.environ.get("SECOND_OPINION_STORE") or "dynamodb", verify=False
    )
    return SkillRuntime(settings)


def handler(event: dict, context: Any) -> dict:
    """Answer one Alexa request envelope."""
    try:
        reply = runtime().invoke(event, LambdaInvocation(context))
    except RequestRejected as exc:
        # What ask-sdk's own Lambda handler raises for a request it must not answer.
        raise AskSdkException(exc.reason) from None
    # There are no response headers on Lambda: the answering plugin goes to the debug log.
    logger.debug("request %s answered by %s", event["request"]["requestId"], reply.plugin)
    return reply.envelope
