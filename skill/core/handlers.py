"""Handlers for the standard requests and built-in intents every certified skill needs.

Plugin handlers are tried first; these answer whatever no area claimed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_core.utils import get_intent_name, get_request_type

from skill import dialog, health, paging, session, speech, state
from skill.area import is_request
from skill.context import answered_by
from skill.core import CORE
from skill.errors import log_failure
from skill.turn import LAST_AREA, Turn, respond

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.area import Area
    from skill.core.menu import Menu

logger = logging.getLogger(__name__)

DISCLAIMER_FLAG = "disclaimer_heard"
#: How many things Help and the menu name in one breath.
NAMED = 3
#: The host's own yes/no question: "want to hear the rest?" after Help.
HELP_MORE = "help_more"


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
        """A host string, with the menu's phrases available as {examples}, {example},
        {titles} (the first three areas) and {rest} (the others)."""
        values.setdefault("examples", self.menu.examples(turn.locale, limit=NAMED))
        values.setdefault("example", self.menu.examples(turn.locale, limit=1))
        values.setdefault("titles", self.menu.titles(turn.locale, limit=NAMED))
        values.setdefault("rest", self.menu.titles(turn.locale, start=NAMED))
        return turn.t(key, **values)

    def ask(self, turn: Turn, say: str, reprompt: str, *, about: str | None = None) -> Response:
        """Speak and keep the session open, noting the question asked."""
        dialog.asked(turn.handler_input, CORE.name, about, reprompt)
        return respond(turn.handler_input, say, reprompt=reprompt)

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
    session.clear_current_area(turn.handler_input)
    session.clear_reading(turn.handler_input)
    dialog.settled(turn.handler_input)


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
        session.set_current_area(turn.handler_input, area.name)
        dialog.asked(turn.handler_input, area.name, "resume", progress)
        return respond(turn.handler_input, f"{opening} {progress}", reprompt=progress)


class HelpHandler(CoreHandler):
    """Help about the area the user is in, or about the whole skill: three things, and
    the rest on request."""

    intents = ("AMAZON.HelpIntent",)

    def answer(self, turn: Turn) -> Response:
        area = self.menu.help_for(session.current_area(turn.handler_input))
        if area is not None:
            text = area.help(turn.locale, seed=turn.request_id)
            return self.ask(turn, text, self.t(turn, "help.area_reprompt"))
        return self.skill_help(turn)

    def skill_help(self, turn: Turn) -> Response:
        """What the skill can do: three areas, and an offer of the rest when there are more."""
        leave_areas(turn)
        if len(self.menu.areas) <= NAMED:
            return self.ask(turn, self.t(turn, "help.few"), self.t(turn, "help.reprompt"))
        return self.ask(
            turn, self.t(turn, "help"), self.t(turn, "help.more_reprompt"), about=HELP_MORE
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
        session.clear_memory(turn.handler_input)
        return self.menu_reply(turn, self.t(turn, "home"))


class FallbackHandler(CoreHandler):
    """An utterance the model couldn't place. The first time: say so, and what can be
    said here. The second in a row: shorter, about the current area, and the emergency
    number once. From the third: the menu."""

    intents = ("AMAZON.FallbackIntent",)

    def answer(self, turn: Turn) -> Response:
        misses = dialog.missed(turn.handler_input)
        area = self.menu.help_for(session.current_area(turn.handler_input))
        if misses >= 3:
            dialog.understood(turn.handler_input)  # the menu starts the count afresh
            return self.menu_reply(turn, self.t(turn, "fallback.menu"))
        if misses == 2:
            example = area.example(turn.locale) if area else self.menu.examples(turn.locale, 1)
            key = "fallback.again.area" if area else "fallback.again"
            title = area.title(turn.locale) if area else ""
            say = self.t(turn, key, title=title, example=example, net=turn.t("safety.fallback_net"))
            return self.ask(turn, say, self.t(turn, "fallback.reprompt", example=example))
        if area is not None:
            help_text = area.help(turn.locale, seed=turn.request_id)
            return self.ask(
                turn, f"{self.t(turn, 'fallback')} {help_text}", self.t(turn, "help.area_reprompt")
            )
        return self.ask(
            turn,
            f"{self.t(turn, 'fallback')} {self.t(turn, 'fallback.more')}",
            self.t(turn, "fallback.reprompt"),
        )


class RepeatHandler(CoreHandler):
    """Say the last answer again, word for word."""

    intents = ("AMAZON.RepeatIntent",)

    def answer(self, turn: Turn) -> Response:
        last = session.last_answer(turn.handler_input)
        if last is None:
            return respond(
                turn.handler_input,
                self.t(turn, "repeat.nothing"),
                reprompt=self.t(turn, "help.reprompt"),
            )
        builder = turn.handler_input.response_builder
        builder.speak(last.speech)
        if last.reprompt:
            builder.ask(last.reprompt)
        return builder.response


class ListHandler(CoreHandler):
    """Next, more, previous and yes-to-more move through the list being read."""

    forward = ("AMAZON.NextIntent", "AMAZON.MoreIntent")
    back = ("AMAZON.PreviousIntent",)
    intents = forward + back

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_request(handler_input, *self.intents):
            return True
        return is_request(handler_input, *dialog.ANSWERS) and paging.asking_for_more(handler_input)

    def answer(self, turn: Turn) -> Response:
        if paging.active(turn.handler_input) is None:
            return self.no_list(turn)
        if turn.intent_name in self.back:
            return paging.previous_page(turn.handler_input)
        if turn.intent_name == "AMAZON.NoIntent":
            return paging.finish(turn.handler_input)
        return paging.next_page(turn.handler_input)

    def no_list(self, turn: Turn) -> Response:
        """ "Skip" or "go back" with no list: against the open question, if there is one."""
        asked = session.last_question(turn.handler_input)
        if not asked:
            return self.ask(turn, self.t(turn, "list.nothing"), self.t(turn, "help.reprompt"))
        if turn.intent_name in self.back:
            return self.ask(turn, speech.join(self.t(turn, "again"), asked), asked)
        return self.ask(turn, self.t(turn, "skipped"), self.t(turn, "help.reprompt"))


class YesNoHandler(CoreHandler):
    """A yes or no that no area was waiting for: after "anything else?", no means done,
    and yes means "go on": the current area's options, or the skill's. A yes or no that
    said more ("no, it's for my dad") is an answer, never a goodbye; so is a no to an offer
    of another area."""

    intents = dialog.ANSWERS

    def answer(self, turn: Turn) -> Response:
        if session.question(turn.handler_input) == session.Question(CORE.name, HELP_MORE):
            if turn.answer == "yes":
                return self.ask(turn, self.t(turn, "help.rest"), self.t(turn, "help.reprompt"))
            return self.menu_reply(turn, self.t(turn, "help.declined"))
        if dialog.offered(turn.handler_input) is not None and turn.answer == "no":
            dialog.settled(turn.handler_input)
            return respond(
                turn.handler_input,
                self.t(turn, "offer.declined"),
                reprompt=self.t(turn, "help.reprompt"),
            )
        dialog.settled(turn.handler_input)
        if get_intent_name(turn.handler_input) in (dialog.YES_WITH, dialog.NO_WITH):
            example = self.menu.examples(turn.locale, limit=1)
            noted = turn.for_person("answer.noted", example=example)
            return self.ask(turn, noted, self.t(turn, "help.reprompt"))
        if turn.intent_name == "AMAZON.NoIntent":
            return turn.tell(self.t(turn, "goodbye"))
        area = self.menu.help_for(session.current_area(turn.handler_input))
        if area is not None:
            return respond(
                turn.handler_input,
                f"{self.t(turn, 'yes_no.sure')} {area.help(turn.locale, seed=turn.request_id)}",
                reprompt=self.t(turn, "help.area_reprompt"),
            )
        return respond(
            turn.handler_input, self.t(turn, "yes_no.go_on"), reprompt=self.t(turn, "help.reprompt")
        )


class HedgeHandler(CoreHandler):
    """ "Kind of", "maybe", "not sure" that the asking area doesn't take itself: ask for
    a yes or a no to the same question; with no question open, where to start."""

    intents = dialog.HEDGES

    def answer(self, turn: Turn) -> Response:
        question = session.question(turn.handler_input)
        asked = session.last_question(turn.handler_input)
        if asked and question is not None:
            say = self.t(turn, "hedge.question")
            if not session.current_area(turn.handler_input):
                session.set_current_area(turn.handler_input, question.area)
            return respond(turn.handler_input, say, reprompt=asked)  # the question stays open
        return self.ask(turn, self.t(turn, "hedge.open"), self.t(turn, "help.reprompt"))


class ChooseOptionHandler(CoreHandler):
    """ "The second one" that isn't one of the options offered (those are answered as the
    option itself, see :class:`skill.core.interceptors.HearContext`): in a list, that
    item again; otherwise, which ones there are."""

    intents = (dialog.CHOOSE, dialog.WHAT_WAS)

    def answer(self, turn: Turn) -> Response:
        current = paging.active(turn.handler_input)
        ordinal = turn.slot(dialog.ORDINAL_SLOT)
        if current is not None and ordinal is not None and ordinal.id:
            item = list_item(current, ordinal.id)
            if item is not None:
                asked = session.last_question(turn.handler_input) or current["then_reprompt"]
                return respond(
                    turn.handler_input, speech.join(speech.sentence(item), asked), reprompt=asked
                )
        asked = session.last_question(turn.handler_input)
        if asked:
            return respond(
                turn.handler_input, speech.join(self.t(turn, "again"), asked), reprompt=asked
            )
        if session.last_answer(turn.handler_input) is not None:
            return RepeatHandler.answer(self, turn)
        return self.ask(turn, self.t(turn, "repeat.nothing"), self.t(turn, "help.reprompt"))


def list_item(current: dict, ordinal: str) -> str | None:
    """The list item "the second one" or "the last one" means: on the page just read."""
    items = current["items"]
    start = current.get("start", 0)
    end = min(current.get("pos", 0), len(items))
    if ordinal == "LAST":
        return items[end - 1] if end > start else None
    if not ordinal.isdigit():
        return None
    index = start + int(ordinal) - 1
    return items[index] if start <= index < end else None


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
    dialog.settled(handler_input)
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
        HedgeHandler(menu),
        ChooseOptionHandler(menu),
        FallbackHandler(menu),
        SessionEndedHandler(),
        UnhandledHandler(menu),
    ]
