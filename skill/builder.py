"""Wire the plugins into one ask-sdk-core skill."""

from __future__ import annotations

import logging
from functools import cache
from importlib import metadata
from typing import TYPE_CHECKING

import pluggy
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_runtime.dispatch_components.request_components import GenericRequestMapper

from skill import NAME, contract, safety
from skill.area import Area, AreaHandler
from skill.context import answered_by
from skill.core.handlers import ErrorHandler, apology, core_handlers
from skill.core.interceptors import FirstUseDisclaimer, HearContext, LogAnswer, RememberAnswer
from skill.core.menu import Menu
from skill.errors import log_failure
from skill.health import HealthDataPolicy
from skill.name_free import CanFulfillHandler
from skill.persistence import make_adapter
from skill.persistence.interceptors import LoadUserState, SaveUserState
from skill.plugin_manager import call_each, make_plugin_manager
from skill.privacy.handlers import privacy_handlers
from skill.screens.show import ShowScreen, collect_screens
from skill.screens.touch import TouchAsVoice, TouchHandler

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


class IntentIndex(GenericRequestMapper):
    """The SDK's request mapper, asking only the handlers that may answer the request.

    The SDK asks every handler in turn; with every area's handlers that is dozens of calls
    per request, most of them a handler that answers only intents this request isn't. Here
    a request naming an intent asks, in the same order, the handlers declaring that intent
    and those declaring none; any other request asks only those declaring none. A handler
    declaring intents turns every other request away itself, so the answer is the same.
    """

    def __init__(self, request_handler_chains=None):
        self._index: tuple[dict[str, list], list] | None = None
        super().__init__(request_handler_chains)

    def add_request_handler_chain(self, request_handler_chain) -> None:
        super().add_request_handler_chain(request_handler_chain)
        self._index = None

    def _build_index(self) -> tuple[dict[str, list], list]:
        chains = self.request_handler_chains
        declared = [_declared_intents(chain.request_handler) for chain in chains]
        general = [chain for chain, intents in zip(chains, declared, strict=True) if not intents]
        by_intent = {
            name: [
                chain
                for chain, intents in zip(chains, declared, strict=True)
                if not intents or name in intents
            ]
            for name in {name for intents in declared if intents for name in intents}
        }
        self._index = (by_intent, general)
        return self._index

    def get_request_handler_chain(self, handler_input: HandlerInput):
        by_intent, general = self._index or self._build_index()
        intent = getattr(handler_input.request_envelope.request, "intent", None)
        name = getattr(intent, "name", None)
        for chain in by_intent.get(name, general) if name else general:
            if chain.request_handler.can_handle(handler_input=handler_input):
                return chain
        return None


def _declared_intents(handler: object) -> frozenset[str] | None:
    """The intents outside which ``handler`` answers nothing, when it says so."""
    return handler.intents if isinstance(handler, AttributedHandler) else None


def collect_areas(pm: pluggy.PluginManager) -> list[tuple[str, Area]]:
    """``(plugin, area)`` for each plugin that offers an area, each checked."""
    return [
        (plugin, contract.checked_area(plugin, area, pm))
        for plugin, area in call_each(pm, "register_area")
    ]


def collect_handlers(pm: pluggy.PluginManager) -> list[tuple[str, AbstractRequestHandler]]:
    """``(plugin, handler)`` for each plugin's handlers, in registration order."""
    return [
        (plugin, handler)
        for plugin, contributed in call_each(pm, "register_handlers")
        for handler in contract.checked_handlers(plugin, contributed, pm)
    ]


def gate_handlers(menu: Menu) -> list[AbstractRequestHandler]:
    """The emergency gate's handlers: asked before anything else."""
    return [safety.SafetyHandler(), safety.DiagnosisRequestHandler(menu)]


@cache
def installed_plugin_intents() -> frozenset[str]:
    """Every intent the handlers of an installed plugin declare, blocked plugins included."""
    claimed: set[str] = set()
    for entry_point in metadata.entry_points(group=NAME):
        try:
            pm = make_plugin_manager([entry_point.load()], blocked=[])
            claimed.update(
                intent for _, h in collect_handlers(pm) for intent in contract.intents_of(h)
            )
        except Exception as exc:  # it claims nothing; building the skill with it says why
            logger.debug("plugin %s not read for its intents: %s", entry_point.name, exc)
    return frozenset(claimed)


def unanswered_intents(pm: pluggy.PluginManager) -> frozenset[str]:
    """Installed plugins' intents that no handler of this skill answers: a blocked area's.

    They leave the model Alexa gets, so she never routes a user to an area that isn't there.
    """
    menu = Menu([])
    handlers = [
        *gate_handlers(menu),
        *privacy_handlers(None, menu),
        *(handler for _, handler in collect_handlers(pm)),
        *core_handlers(menu),
    ]
    return installed_plugin_intents() - {
        intent for h in handlers for intent in contract.intents_of(h)
    }


def build_skill(pm: pluggy.PluginManager, settings: Settings) -> tuple[CustomSkill, Menu]:
    """The skill for every locale, built once per process.

    :raises skill.plugin_manager.PluginContractError: a plugin breaks its contract.
    """
    areas = collect_areas(pm)
    plugin_handlers = collect_handlers(pm)
    contract.check_built(pm, areas, plugin_handlers, settings.models_dir)
    menu = Menu(area for _, area in areas)
    store = make_adapter(settings)
    screens = collect_screens(pm, menu)
    builder = CustomSkillBuilder(persistence_adapter=store)
    # A touch with a spoken twin (Yes, No, More) becomes that intent before anything looks.
    builder.add_global_request_interceptor(TouchAsVoice())
    builder.add_global_request_interceptor(safety.SafetyScreen())
    if store is not None:
        builder.add_global_request_interceptor(LoadUserState(store))
    builder.add_global_request_interceptor(HealthDataPolicy(settings.hipaa_eligible))
    builder.add_global_request_interceptor(HearContext())
    guidance_intents = [intent for _, h in plugin_handlers for intent in contract.intents_of(h)]
    for handler in [
        *(AttributedHandler(h, safety.SAFETY.name, menu) for h in gate_handlers(menu)),
        # Alexa's "could you answer this?" is answered without speech (the gate lets it by).
        AttributedHandler(CanFulfillHandler(guidance_intents), "core", menu),
        # Privacy controls are the host's own and must win over any area's intents.
        *(AttributedHandler(h, "core", menu) for h in privacy_handlers(store, menu)),
        AttributedHandler(TouchHandler(screens, menu), "core", menu),
        *(AttributedHandler(h, plugin, menu) for plugin, h in plugin_handlers),
        *(AttributedHandler(h, "core", menu) for h in core_handlers(menu)),
    ]:
        builder.add_request_handler(handler)
    builder.add_global_response_interceptor(RememberAnswer())
    builder.add_global_response_interceptor(FirstUseDisclaimer())
    builder.add_global_response_interceptor(ShowScreen(screens))
    builder.add_global_response_interceptor(LogAnswer())
    if store is not None:
        builder.add_global_response_interceptor(SaveUserState(store))
    builder.add_exception_handler(ErrorHandler(menu))
    skill = builder.create()
    dispatcher = skill.request_dispatcher
    (mapper,) = dispatcher.request_mappers
    dispatcher.request_mappers = [IntentIndex(mapper.request_handler_chains)]
    return skill, menu
