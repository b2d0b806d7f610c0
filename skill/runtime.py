"""The skill as a function: a request envelope in, a response envelope out."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ask_sdk_model import RequestEnvelope
from ask_sdk_model.request import Request

from skill.builder import build_skill
from skill.context import InvocationContext
from skill.envelope import check_envelope, check_skill_id
from skill.errors import log_failure
from skill.i18n import DEFAULT_LOCALE, strings_for
from skill.persistence.merge import copy_state
from skill.plugin_manager import make_plugin_manager
from skill.serializer import AlexaSerializer
from skill.settings import Settings, SettingsError

logger = logging.getLogger(__name__)

#: Request types the SDK can read; others are acknowledged with an empty response.
REQUEST_TYPES = frozenset(Request.discriminator_value_class_map)
ACKNOWLEDGE = {"version": "1.0", "response": {}}


class InvalidRequest(ValueError):
    """The body is JSON but not an Alexa request envelope the SDK can read."""


@dataclass(frozen=True)
class Reply:
    """A response envelope, and the plugin that produced it (``core``, ``safety``, an area)."""

    envelope: dict
    plugin: str | None


class SkillRuntime:
    """Plugins loaded and the skill built once; then :meth:`invoke` per request.

    Every way in (the web app, Lambda, the simulator) goes through :meth:`invoke`, so each
    gets the same checks and the same answer when something fails.
    """

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        # Alexa sends only the locales the skill is published in, and each needs a model.
        self.locales = frozenset(path.stem for path in self.settings.models_dir.glob("*.json"))
        if not self.locales:
            raise SettingsError(f"no interaction models in {self.settings.models_dir}")
        self.plugin_manager = make_plugin_manager(
            self.settings.plugins, blocked=self.settings.disabled_plugins
        )
        self.skill, self.menu = build_skill(self.plugin_manager, self.settings)
        self.serializer = AlexaSerializer()

    def close(self) -> None:
        """Let go of the store's connections; a closed store reopens if asked again."""
        adapter = self.skill.persistence_adapter
        if adapter is not None and hasattr(adapter, "close"):
            adapter.close()

    def health(self) -> str | None:
        """``None`` when the skill can keep progress; else what is wrong with the store."""
        adapter = self.skill.persistence_adapter
        return adapter.health() if adapter is not None else None

    @property
    def handlers(self) -> list:
        """The request handlers in the order they are tried, each naming its plugin."""
        (mapper,) = self.skill.request_dispatcher.request_mappers
        return [chain.request_handler for chain in mapper.request_handler_chains]

    def check(self, envelope: object) -> None:
        """Refuse (:class:`skill.errors.RequestRejected`) what isn't a request for this skill."""
        check_envelope(envelope, self.locales)

    def deserialize(self, envelope: dict) -> RequestEnvelope:
        try:
            parsed = self.serializer.deserialize_dict(envelope, RequestEnvelope)
        except Exception as exc:
            raise InvalidRequest(f"not a readable Alexa request: {type(exc).__name__}") from exc
        if parsed is None or parsed.request is None:
            raise InvalidRequest("not a readable Alexa request: unknown request type")
        session = parsed.session
        if session is not None and type(session.attributes) is dict:
            session.attributes = JsonAttributes(session.attributes)
        return parsed

    def invoke(
        self, envelope: dict, context: InvocationContext | None = None, *, checked: bool = False
    ) -> Reply:
        """Answer one request envelope (already parsed from JSON).

        :param context: reaches handlers as ``handler_input.context``; it comes back
            naming the plugin that answered.
        :param checked: :meth:`check` has already passed this envelope.
        :raises skill.errors.RequestRejected: malformed, or for another skill.
        """
        if not checked:
            self.check(envelope)
        check_skill_id(envelope, self.settings.skill_id)
        if envelope["request"]["type"] not in REQUEST_TYPES:
            # An interface newer than the SDK: nothing to say, and no reason to fail.
            return Reply(ACKNOWLEDGE, "core")
        request_envelope = self.deserialize(envelope)
        context = context or InvocationContext()
        context.menu = self.menu
        try:
            response = self.skill.invoke(request_envelope, context)
        except Exception as exc:
            # The skill contains its own failures; this is the last line, so Alexa still
            # hears an answer and the user an apology rather than a dead endpoint.
            request_id = envelope["request"]["requestId"]
            log_failure(logger, "skill failed (request %s)", request_id, exc=exc)
            return Reply(apology(envelope), "core")
        return Reply(self.serializer.serialize(response), context.plugin)


class JsonAttributes(dict):
    """Session attributes as Alexa sent them: JSON values only. The SDK deep-copies them
    for every request, and ``copy.deepcopy``'s general machinery (a memo, a dispatch per
    value) cost 5 % of a mid-session answer's instructions; JSON needs only its dicts and
    lists copied."""

    def __deepcopy__(self, memo: dict) -> dict:
        return copy_state(self)


def apology(envelope: dict) -> dict:
    """A spoken apology that ends the session, in the request's language."""
    request = envelope["request"]
    text = strings_for("skill").get(
        request.get("locale") or DEFAULT_LOCALE, "error", seed=request["requestId"]
    )
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{text}</speak>"},
            "shouldEndSession": True,
        },
    }
