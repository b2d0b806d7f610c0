"""Handlers for the standard requests and built-in intents every certified skill needs.

Plugin handlers are tried first; these answer whatever no area claimed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_core.utils import get_request_type

from skill import health, paging, state
from skill.area import is_request, pending_question
from skill.context import answered_by
from skill.core import CORE
from skill.errors import log_failure
from skill.turn import AREA_KEY, LAST_AREA, MEMORY_KEY, QUESTION_KEY, Turn, respond

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.area import Area
    from skill.core.menu import Menu

logger = logging.getLogger(__name__)

LAST_KEY = "last"
DISCLAIMER_FLAG = "disclaimer_heard"


class CoreHandler(AbstractRequestHandler):
    """A host handler: it knows the menu of areas and speaks with the host's strings."""

    intents: tuple[str, ...] = ()

    def __init__(self, menu: Menu):
        self.menu = menu

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request(handler_input, *self.intents)

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.answer(Turn(handler_input, CORE))

    def answer(self, turn: Turn) -> Response:
        raise NotImplementedError

    def t(self, turn: Turn, key: str, **values) -> str:
        """A host string, with the menu's phrases available as {examples}, {example}, {titles}."""
        values.setdefault("examples", self.menu.examples(turn.locale))
        values.setdefault("example", self.menu.examples(turn.locale, limit=1))
        values.setdefault("titles", self.menu.titles(turn.locale))
        return turn.t(key, **values)

    def menu_reply(self, turn: Turn, opening: str) -> Response:
        """``opening``, then at most three things to try; the user is at the top level."""
        leave_areas(turn)
        return respond(
            turn.handler_input,
            f"{opening} {self.t(turn, 'menu.try')}",
            reprompt=self.t(turn, "menu.reprompt"),
        )


def leave_areas(turn: Turn) -> None:
    """Back to the top level: no current area, question or list."""
    for key in (AREA_KEY, QUESTION_KEY, paging.LIST_KEY):
        turn.session.pop(key, None)


class LaunchHandler(CoreHandler):
    """Welcome; the disclaimer the first time; at most three things to try."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) == "LaunchRequest"

    def answer(self, turn: Turn) -> Response:
        user = state.user_state(turn.handler_input)
        flags = user.setdefault(CORE.name, {})
        if flags.get(DISCLAIMER_FLAG):
            opening = self.t(turn, "welcome.back")
            if not health.durable(turn.handler_input):
                # Health progress went with the last session: say where the user's copy is.
                opening = f"{opening} {self.t(turn, 'welcome.session_only')}"
            for area in self.menu.areas:
                progress = area.progress(turn.locale, user.get(area.name) or {})
                if progress:
                    return self.resume(turn, area, opening, progress)
            last = self.menu.by_name.get(flags.get(LAST_AREA[1]) or "")
            if last is not None:
                return self.pick_up(turn, last, opening)
        else:
            opening = self.t(turn, "welcome.first")
            flags[DISCLAIMER_FLAG] = True
            state.mark_changed(turn.handler_input)
        return self.menu_reply(turn, opening)

    def pick_up(self, turn: Turn, area: Area, opening: str) -> Response:
        """Name the area a returning user was last in, and how to carry on there."""
        leave_areas(turn)
        last = self.t(
            turn, "welcome.last", title=area.title(turn.locale), example=area.example(turn.locale)
        )
        return respond(
            turn.handler_input, f"{opening} {last}", reprompt=self.t(turn, "menu.reprompt")
        )

    def resume(self, turn: Turn, area: Area, opening: str, progress: str) -> Response:
        """Offer a returning user the area they were working through."""
        leave_areas(turn)
        turn.session[AREA_KEY] = area.name
        turn.session[QUESTION_KEY] = {"area": area.name, "about": "resume"}
        return respond(turn.handler_input, f"{opening} {progress}", reprompt=progress)


class HelpHandler(CoreHandler):
    """Help about the area the user is in, or about the whole skill."""

    intents = ("AMAZON.HelpIntent",)

    def answer(self, turn: Turn) -> Response:
        area = self.menu.help_for(turn.session.get(AREA_KEY))
        if area is not None:
            text = area.help(turn.locale, seed=turn.request_id)
            turn.session.pop(QUESTION_KEY, None)
            return respond(turn.handler_input, text, reprompt=self.t(turn, "help.area_reprompt"))
        leave_areas(turn)
        return respond(
            turn.handler_input, self.t(turn, "help"), reprompt=self.t(turn, "help.reprompt")
        )


class StopHandler(CoreHandler):
    """Stop and Cancel end the session with a short goodbye."""

    intents = ("AMAZON.StopIntent", "AMAZON.CancelIntent")

    def answer(self, turn: Turn) -> Response:
        return turn.tell(self.t(turn, "goodbye"))


class NavigateHomeHandler(CoreHandler):
    intents = ("AMAZON.NavigateHomeIntent",)

    def answer(self, turn: Turn) -> Response:
        return self.menu_reply(turn, self.t(turn, "home"))


class StartOverHandler(CoreHandler):
    """Start over: forget this session's progress through the areas and show the menu.

    An area that has a flow of its own can claim StartOver while it is current.
    """

    intents = ("AMAZON.StartOverIntent",)

    def answer(self, turn: Turn) -> Response:
        turn.session.pop(MEMORY_KEY, None)
        return self.menu_reply(turn, self.t(turn, "home"))


class FallbackHandler(CoreHandler):
    """An utterance the model couldn't place: say so, and name what the skill can do."""

    intents = ("AMAZON.FallbackIntent",)

    def answer(self, turn: Turn) -> Response:
        area = self.menu.help_for(turn.session.get(AREA_KEY))
        if area is not None:
            help_text = area.help(turn.locale, seed=turn.request_id)
            return respond(
                turn.handler_input,
                f"{self.t(turn, 'fallback')} {help_text}",
                reprompt=self.t(turn, "help.area_reprompt"),
            )
        return respond(
            turn.handler_input,
            f"{self.t(turn, 'fallback')} {self.t(turn, 'fallback.more')}",
            reprompt=self.t(turn, "fallback.reprompt"),
        )


class RepeatHandler(CoreHandler):
    """Say the last answer again, word for word."""

    intents = ("AMAZON.RepeatIntent",)

    def answer(self, turn: Turn) -> Response:
        last = turn.session.get(LAST_KEY)
        if not last:
            return respond(
                turn.handler_input,
                self.t(turn, "repeat.nothing"),
                reprompt=self.t(turn, "help.reprompt"),
            )
        builder = turn.handler_input.response_builder
        builder.speak(last["speech"])
        if last.get("reprompt"):
            builder.ask(last["reprompt"])
        return builder.response


class ListHandler(CoreHandler):
    """Next, more, previous and yes-to-more move through the list being read."""

    forward = ("AMAZON.NextIntent", "AMAZON.MoreIntent")
    back = ("AMAZON.PreviousIntent",)
    intents = forward + back

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_request(handler_input, *self.intents):
            return True
        return is_request(handler_input, "AMAZON.YesIntent", "AMAZON.NoIntent") and (
            pending_question(handler_input) == paging.MORE_QUESTION
        )

    def answer(self, turn: Turn) -> Response:
        if paging.active(turn.handler_input) is None:
            return respond(
                turn.handler_input,
                self.t(turn, "list.nothing"),
                reprompt=self.t(turn, "help.reprompt"),
            )
        if turn.intent_name in self.back:
            return paging.previous_page(turn.handler_input)
        if turn.intent_name == "AMAZON.NoIntent":
            return paging.finish(turn.handler_input)
        return paging.next_page(turn.handler_input)


class YesNoHandler(CoreHandler):
    """A yes or no that no area was waiting for: after "anything else?", no means done,
    and yes means "go on": the current area's options, or the skill's."""

    intents = ("AMAZON.YesIntent", "AMAZON.NoIntent")

    def answer(self, turn: Turn) -> Response:
        turn.session.pop(QUESTION_KEY, None)
        if turn.intent_name == "AMAZON.NoIntent":
            return turn.tell(self.t(turn, "goodbye"))
        area = self.menu.help_for(turn.session.get(AREA_KEY))
        if area is not None:
            return respond(
                turn.handler_input,
                f"{self.t(turn, 'yes_no.sure')} {area.help(turn.locale, seed=turn.request_id)}",
                reprompt=self.t(turn, "help.area_reprompt"),
            )
        return respond(
            turn.handler_input, self.t(turn, "yes_no.go_on"), reprompt=self.t(turn, "help.reprompt")
        )


class SessionEndedHandler(AbstractRequestHandler):
    """Alexa closed the session (user quiet, said exit, or an error): nothing to say."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) == "SessionEndedRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        reason = getattr(request, "reason", None)
        error = getattr(request, "error", None)
        if error is not None:
            logger.warning(
                "session ended with error %s (request %s)",
                getattr(error, "object_type", None) or getattr(error, "type", None),
                request.request_id,
            )
        else:
            logger.debug("session ended: %s", reason)
        return handler_input.response_builder.response


class UnhandledHandler(CoreHandler):
    """Anything no other handler claimed: an intent from an unloaded area, say."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def answer(self, turn: Turn) -> Response:
        if turn.intent_name is None and get_request_type(turn.handler_input) != "IntentRequest":
            # Requests with no voice to answer (events, display callbacks): acknowledge.
            return turn.handler_input.response_builder.response
        return respond(
            turn.handler_input,
            self.t(turn, "unsupported"),
            reprompt=self.t(turn, "help.reprompt"),
        )


class ErrorHandler(AbstractExceptionHandler):
    """Any exception: apologise, log it with the request id, and keep the session usable."""

    def __init__(self, menu: Menu):
        self.menu = menu

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        request = handler_input.request_envelope.request
        log_failure(logger, "unhandled (request %s)", request.request_id, exc=exception)
        answered_by(handler_input, CORE.name)
        return apology(handler_input, self.menu)


def apology(handler_input: HandlerInput, menu: Menu) -> Response:
    """The answer when something broke: sorry, and a way forward."""
    turn = Turn(handler_input, CORE)
    example = menu.examples(turn.locale, limit=1)
    turn.session.pop(QUESTION_KEY, None)
    # A fresh builder: the failed handler may have half-built a response.
    handler_input.response_builder = ResponseFactory()
    return respond(
        handler_input,
        f"{turn.t('error')} {turn.t('error.more', example=example)}",
        reprompt=turn.t("error.reprompt", example=example),
    )


def core_handlers(menu: Menu) -> list[AbstractRequestHandler]:
    """The host's handlers, in the order they are tried (after every plugin's)."""
    return [
        LaunchHandler(menu),
        HelpHandler(menu),
        StopHandler(menu),
        NavigateHomeHandler(menu),
        StartOverHandler(menu),
        ListHandler(menu),
        RepeatHandler(menu),
        YesNoHandler(menu),
        FallbackHandler(menu),
        SessionEndedHandler(),
        UnhandledHandler(menu),
    ]
