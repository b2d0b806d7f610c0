"""The skill as a function: a request envelope in, a response envelope out."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.builder import build_skill
from skill.context import InvocationContext
from skill.plugin_manager import make_plugin_manager
from skill.settings import Settings

logger = logging.getLogger(__name__)


class InvalidRequest(ValueError):
    """The body is JSON but not an Alexa request envelope the SDK can read."""


@dataclass(frozen=True)
class Reply:
    """A response envelope, and the plugin that produced it (``core``, ``safety``, an area)."""

    envelope: dict
    plugin: str | None


class SkillRuntime:
    """Plugins loaded and the skill built once; then :meth:`invoke` per request."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self.plugin_manager = make_plugin_manager(
            self.settings.plugins, blocked=self.settings.disabled_plugins
        )
        self.skill, self.menu = build_skill(self.plugin_manager, self.settings)
        self.serializer = DefaultSerializer()

    def deserialize(self, envelope: dict) -> RequestEnvelope:
        try:
            # The SDK's public deserialize() takes a JSON string; the body is parsed already.
            parsed = self.serializer._DefaultSerializer__deserialize(envelope, RequestEnvelope)
        except Exception as exc:
            raise InvalidRequest(f"not a readable Alexa request: {type(exc).__name__}") from exc
        if parsed is None or parsed.request is None:
            raise InvalidRequest("not a readable Alexa request: unknown request type")
        return parsed

    def invoke(self, envelope: dict, context: InvocationContext | None = None) -> Reply:
        """Answer one request envelope (already parsed from JSON).

        :param context: reaches handlers as ``handler_input.context``; it comes back
            naming the plugin that answered.
        """
        request_envelope = self.deserialize(envelope)
        context = context or InvocationContext()
        context.menu = self.menu
        response = self.skill.invoke(request_envelope, context)
        return Reply(self.serializer.serialize(response), context.plugin)
