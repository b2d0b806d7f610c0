"""Touches on a screen (``Alexa.Presentation.APL.UserEvent``), answered as the voice would be.

A ``SendEvent`` names its owner first: ``["core", ...]`` for the host's screens,
``[area, screen, *values]`` for an area's. A touch on a host button that has a spoken twin
(Yes, No, More, Back) becomes that intent before any handler sees it, so it takes exactly
the voice path; a touch for an area goes to that area's screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.utils import get_request_type
from ask_sdk_model import IntentRequest
from ask_sdk_model.intent import Intent
from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus

from skill.context import answered_by
from skill.core import CORE
from skill.core.handlers import apology, leave_areas
from skill.errors import log_failure
from skill.i18n import strings_for
from skill.screens.host import strings
from skill.turn import Turn, respond

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.core.menu import Menu
    from skill.screens.show import Screens

logger = logging.getLogger(__name__)

USER_EVENT = "Alexa.Presentation.APL.UserEvent"

#: Host buttons and the intent a user would say instead.
SPOKEN_TWIN = {
    ("question", "yes"): "AMAZON.YesIntent",
    ("question", "no"): "AMAZON.NoIntent",
    ("list", "more"): "AMAZON.MoreIntent",
    ("list", "previous"): "AMAZON.PreviousIntent",
}


def touch_arguments(handler_input: HandlerInput) -> list[str]:
    """The ``SendEvent`` arguments of a UserEvent, as strings; ``[]`` for anything else."""
    if get_request_type(handler_input) != USER_EVENT:
        return []
    arguments = getattr(handler_input.request_envelope.request, "arguments", None)
    if not isinstance(arguments, list):
        return []
    return [str(argument) for argument in arguments]


class TouchAsVoice(AbstractRequestInterceptor):
    """A touch on Yes, No, More or Back is that intent, so the voice path answers it."""

    def process(self, handler_input: HandlerInput) -> None:
        arguments = touch_arguments(handler_input)
        if len(arguments) != 3 or arguments[0] != CORE.name:
            return
        intent = SPOKEN_TWIN.get((arguments[1], arguments[2]))
        if intent is None:
            return
        event = handler_input.request_envelope.request
        handler_input.request_envelope.request = IntentRequest(
            request_id=event.request_id,
            timestamp=event.timestamp,
            locale=event.locale,
            intent=Intent(name=intent, confirmation_status=IntentConfirmationStatus.NONE),
        )


class TouchHandler(AbstractRequestHandler):
    """Routes a touch to the area whose screen it was on; answers gracefully when that
    area is blocked or gone, or the touch names nothing the skill has."""

    def __init__(self, screens: Screens, menu: Menu):
        self.screens = screens
        self.menu = menu

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) == USER_EVENT

    def handle(self, handler_input: HandlerInput) -> Response:
        arguments = touch_arguments(handler_input)
        owner, name, values = (arguments + ["", ""])[0], (arguments + ["", ""])[1], arguments[2:]
        if owner == CORE.name and name == "home" and values[:1] == ["open"]:
            area = self.menu.by_name.get(values[1] if len(values) > 1 else "")
            return open_area(handler_input, area) if area else unavailable(handler_input, self.menu)
        screen = self.screens.find(owner, name)
        if screen is None or screen.touch is None or owner not in self.menu.by_name:
            return unavailable(handler_input, self.menu)
        answered_by(handler_input, owner)
        try:
            return screen.touch(Turn(handler_input, screen.area), values)
        except Exception as exc:
            log_failure(
                logger,
                "plugin %s failed on a touch on %s (request %s)",
                owner,
                screen.token,
                handler_input.request_envelope.request.request_id,
                exc=exc,
            )
            return apology(handler_input, self.menu)


def open_area(handler_input: HandlerInput, area) -> Response:
    """A touch on an area at home: step into it and hear what it can do, as Help there says."""
    answered_by(handler_input, area.name)
    turn = Turn(handler_input, area)
    reprompt = strings_for("skill").get(turn.locale, "help.area_reprompt")
    return turn.ask(area.help(turn.locale, seed=turn.request_id), reprompt)


def unavailable(handler_input: HandlerInput, menu: Menu) -> Response:
    """A touch for an area that isn't loaded (a screen left from before it was blocked)."""
    answered_by(handler_input, CORE.name)
    turn = Turn(handler_input, CORE)
    leave_areas(turn)  # back to the top level, where the home screen lists what is loaded
    example = menu.examples(turn.locale, limit=1)
    return respond(
        handler_input,
        strings.get(turn.locale, "touch.unavailable", example=example),
        reprompt=strings.get(turn.locale, "touch.unavailable_reprompt", example=example),
    )
