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
from skill.runtime import SkillRuntime
from skill.settings import Settings

logger = logging.getLogger(__name__)


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
    # One line per request (ids and intent names only) goes to CloudWatch.
    logging.getLogger("skill").setLevel(os.environ.get("SECOND_OPINION_LOG_LEVEL") or "INFO")
    settings = Settings.from_env(
        store=os.environ.get("SECOND_OPINION_STORE") or "dynamodb", verify=False
    )
    return SkillRuntime(settings)


def handler(event: dict, context: Any) -> dict:
    """Answer one Alexa request envelope."""
    skill = runtime()
    skill_id = skill.settings.skill_id
    system = (event.get("context") or {}).get("System") or {}
    if skill_id and (system.get("application") or {}).get("applicationId") != skill_id:
        raise AskSdkException("Skill ID Verification failed!!")
    reply = skill.invoke(event, LambdaInvocation(context))
    # There are no response headers on Lambda: the answering plugin goes to the log.
    request_id = (event.get("request") or {}).get("requestId")
    logger.info("request %s answered by %s", request_id, reply.plugin)
    return reply.envelope
