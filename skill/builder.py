"""Wire the plugins into one ask-sdk-core skill."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pluggy
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder

from skill import safety
from skill.area import AreaHandler
from skill.context import answered_by
from skill.core.handlers import ErrorHandler, apology, core_handlers
from skill.core.interceptors import LogAnswer, RememberAnswer
from skill.core.menu import Menu
from skill.errors import log_failure
from skill.persistence import make_adapter
from skill.persistence.interceptors import LoadUserState, SaveUserState
from skill.privacy.handlers import privacy_handlers

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_core.skill import CustomSkill
    from ask_sdk_model import Response

    from skill.settings import Settings

logger = logging.getLogger(__name__)


class AttributedHandler(AbstractRequestHandler):
    """Runs one handler on behalf of one plugin, and contains its failures.

    A plugin's exception becomes a logged error and a spoken apology; the skill, and every
    other area, keeps working.
    """

    def __init__(self, inner: AbstractRequestHandler, plugin: str, menu: Menu):
        self.inner = inner
        self.plugin = plugin
        self.menu = menu
        # An AreaHandler answers only IntentRequests naming its intents: most requests can
        # be turned away here without asking it, which keeps dispatch cheap with many areas.
        self.intents = frozenset(inner.intents) if isinstance(inner, AreaHandler) else None

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if self.intents is not None:
            intent = getattr(handler_input.request_envelope.request, "intent", None)
            if intent is None or intent.name not in self.intents:
                return False
        try:
            return bool(self.inner.can_handle(handler_input))
        except Exception as exc:
            self._log(handler_input, exc, "can_handle")
            return False

    def handle(self, handler_input: HandlerInput) -> Response:
        answered_by(handler_input, self.plugin)
        try:
            return self.inner.handle(handler_input)
        except Exception as exc:
            self._log(handler_input, exc, "handle")
            return apology(handler_input, self.menu)

    def _log(self, handler_input: HandlerInput, exc: Exception, step: str) -> None:
        log_failure(
            logger,
            "plugin %s failed in %s.%s (request %s)",
            self.plugin,
            type(self.inner).__name__,
            step,
            handler_input.request_envelope.request.request_id,
            exc=exc,
        )


class AreaNameMismatch(ValueError):
    """A plugin registered under one name offers an area under another."""


def collect_areas(pm: pluggy.PluginManager) -> Menu:
    """The areas the plugins offer. Each must carry its plugin's name: blocking, logs and
    the answering-plugin header use the plugin name, the session and menu the area's."""
    areas = []
    for impl in pm.hook.register_area.get_hookimpls():
        area = impl.function()
        if area is None:
            continue
        name = pm.get_name(impl.plugin)
        if area.name != name:
            raise AreaNameMismatch(
                f"plugin {name!r} offers an area named {area.name!r}: register the plugin "
                f"(its entry point) under the area's name"
            )
        areas.append(area)
    return Menu(areas)


def collect_handlers(pm: pluggy.PluginManager, menu: Menu) -> list[AttributedHandler]:
    """Each plugin's handlers, attributed to the plugin, in registration order."""
    handlers = []
    for impl in pm.hook.register_handlers.get_hookimpls():
        name = pm.get_name(impl.plugin)
        for handler in impl.function() or []:
            handlers.append(AttributedHandler(handler, name, menu))
    return handlers


def build_skill(pm: pluggy.PluginManager, settings: Settings) -> tuple[CustomSkill, Menu]:
    """The skill for every locale, built once per process."""
    menu = collect_areas(pm)
    store = make_adapter(settings)
    builder = CustomSkillBuilder(persistence_adapter=store)
    builder.add_global_request_interceptor(safety.SafetyScreen())
    if store is not None:
        builder.add_global_request_interceptor(LoadUserState(store))
    for handler in [
        AttributedHandler(safety.SafetyHandler(), safety.SAFETY.name, menu),
        AttributedHandler(safety.DiagnosisRequestHandler(menu), safety.SAFETY.name, menu),
        # Privacy controls are the host's own and must win over any area's intents.
        *(AttributedHandler(h, "core", menu) for h in privacy_handlers(store, menu)),
        *collect_handlers(pm, menu),
        *(AttributedHandler(h, "core", menu) for h in core_handlers(menu)),
    ]:
        builder.add_request_handler(handler)
    builder.add_global_response_interceptor(RememberAnswer())
    builder.add_global_response_interceptor(LogAnswer())
    if store is not None:
        builder.add_global_response_interceptor(SaveUserState(store))
    builder.add_exception_handler(ErrorHandler(menu))
    return builder.create(), menu
