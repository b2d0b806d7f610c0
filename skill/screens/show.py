"""Choose the screen for each answer and add it as an APL RenderDocument directive."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractResponseInterceptor
from ask_sdk_core.utils import get_request_type
from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

from skill import session
from skill.errors import log_failure
from skill.i18n import locale_of
from skill.plugin_manager import call_each
from skill.screens.documents import compose
from skill.screens.host import asking, capitalised, host_screens, labels, stays_open, strings
from skill.screens.screen import Screen, supports_apl
from skill.turn import Turn

if TYPE_CHECKING:
    import pluggy
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.core.menu import Menu

logger = logging.getLogger(__name__)

RENDER_DOCUMENT = "Alexa.Presentation.APL.RenderDocument"
DATA_SOURCE = "screen"


class ScreenOwnerUnknown(ValueError):
    """A plugin offers a screen for an area that isn't loaded."""


class Screens:
    """Every screen the skill can show: each area's own, then the host's."""

    def __init__(self, area_screens: Iterable[Screen], menu: Menu):
        self.menu = menu
        self.by_area: dict[str, list[Screen]] = {}
        for screen in area_screens:
            self.by_area.setdefault(screen.area.name, []).append(screen)
        self.host = host_screens()
        # Documents are completed once, when the skill is built, not per answer.
        self.documents = {
            screen.token: compose(screen.document, screen.area.name)
            for screen in [*self.host, *(s for group in self.by_area.values() for s in group)]
        }

    def find(self, area: str, name: str) -> Screen | None:
        return next((s for s in self.by_area.get(area, ()) if s.name == name), None)

    def choose(self, handler_input: HandlerInput, response: Response) -> tuple[Screen, dict]:
        """The first screen that fits this answer: the current area's, then the host's."""
        current = session.current_area(handler_input) or ""
        for screen in [*self.by_area.get(current, ()), *self.host]:
            try:
                data = screen.show(Turn(handler_input, screen.area), response)
            except Exception as exc:
                # One area's broken screen leaves that answer to the host's screens.
                request_id = handler_input.request_envelope.request.request_id
                log_failure(
                    logger, "screen %s failed (request %s)", screen.token, request_id, exc=exc
                )
                continue
            if data is not None:
                return screen, data
        raise LookupError("no screen fits")  # the host's text screen fits any spoken answer

    def directive(
        self, handler_input: HandlerInput, response: Response, screen: Screen, data: dict
    ) -> RenderDocumentDirective:
        """The RenderDocument for ``screen``: the area's data over what every screen has
        (``title``, ``footer``, the question waiting as ``asking``, and button ``labels``)."""
        locale = locale_of(handler_input.request_envelope.request)
        current = self.menu.by_name.get(session.current_area(handler_input) or "")
        title = capitalised(current.title(locale)) if current else strings.get(locale, "title")
        turn = Turn(handler_input, screen.area)
        common = {
            "title": title,
            "footer": strings.get(locale, "footer"),
            "asking": asking(turn) if stays_open(response) else "",
            "labels": labels(turn),
        }
        source = {**common, **data}
        return RenderDocumentDirective(
            token=screen.token,
            document=self.documents[screen.token],
            datasources={DATA_SOURCE: source},
        )


def collect_screens(pm: pluggy.PluginManager, menu: Menu) -> Screens:
    """The screens every plugin registers; each must belong to the plugin's own area, so a
    touch on it goes back to the plugin that drew it."""
    screens = []
    for plugin, contributed in call_each(pm, "register_screens"):
        for screen in contributed or ():
            if screen.area.name != plugin or plugin not in menu.by_name:
                raise ScreenOwnerUnknown(
                    f"plugin {plugin!r} registers screen {screen.name!r} for area "
                    f"{screen.area.name!r}: a plugin shows screens only for its own loaded "
                    f"area; return it from that area's register_screens"
                )
            screens.append(screen)
    return Screens(screens, menu)


class ShowScreen(AbstractResponseInterceptor):
    """On a device with APL, every spoken answer gets a screen; elsewhere, nothing changes.

    A screen that fails is logged and left out: the spoken answer still goes out.
    """

    def __init__(self, screens: Screens):
        self.screens = screens

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        if response is None or response.output_speech is None:
            return
        if get_request_type(handler_input) == "SessionEndedRequest":
            return
        if not supports_apl(handler_input) or has_document(response):
            return
        try:
            screen, data = self.screens.choose(handler_input, response)
            directive = self.screens.directive(handler_input, response, screen, data)
        except Exception as exc:
            request_id = handler_input.request_envelope.request.request_id
            log_failure(logger, "no screen for request %s", request_id, exc=exc)
            return
        response.directives = [*(response.directives or []), directive]


def has_document(response: Response) -> bool:
    return any(
        getattr(directive, "object_type", None) == RENDER_DOCUMENT
        for directive in response.directives or ()
    )
