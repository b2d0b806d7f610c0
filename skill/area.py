"""What a guidance area is, and the handler base classes areas build on."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.utils import get_intent_name, get_request_type

from skill import dialog, session
from skill.i18n import strings_for
from skill.turn import Turn

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

Say = Callable[[Turn, str], "Response"]
"""How an area answers a topic: ``say(turn, topic)``, the topic naming the strings it speaks
(``<topic>``, ``<topic>.reprompt``, ``<topic>.card``). Topic handlers and the yes/no maps
of :class:`AnswerHandler` both call one."""


class Area:
    """A guidance area: a name, a place in the launch menu, and its strings.

    The area's ``locale/<locale>.json`` must hold ``title`` (how the host names it, e.g.
    "getting your records"), ``try`` (a phrase to offer, e.g. "what records do I need")
    and ``help`` (area help, ending with a question).

    :param name: the plugin name, e.g. ``"records"``.
    :param package: the package whose ``locale/`` folder holds the strings.
    :param rank: lower ranks are offered first at launch.
    :param entry: the intent the ``try`` phrase reaches, e.g. ``"RecordsChecklistIntent"``;
        another area's offer of this one ("Want the full checklist?") is answered with it
        on a yes. ``None``: the area can't be offered.
    """

    def __init__(self, name: str, package: str, *, rank: int = 100, entry: str | None = None):
        self.name = name
        self.rank = rank
        self.entry = entry
        self.strings = strings_for(package)

    def title(self, locale: str) -> str:
        return self.strings.get(locale, "title")

    def example(self, locale: str) -> str:
        return self.strings.get(locale, "try")

    def help(self, locale: str, seed: str = "") -> str:
        return self.strings.get(locale, "help", seed=seed)

    def progress(self, locale: str, user: dict) -> str | None:
        """A returning user's progress in this area, as a yes/no question, or ``None``.

        Launch says the first area's progress it finds and asks it; a yes or no comes back
        to this area's :class:`AnswerHandler` as the question ``"resume"``. Override in an
        area that keeps durable state.

        :param user: this area's durable state (what its handlers kept in ``turn.user``).
        """
        return None

    def remembered(self, locale: str, user: dict) -> str | None:
        """What this area keeps for the user, in a phrase "what do you remember" reads back.

        The host says the area's title and, when this returns one, the phrase (e.g. "the
        imaging scans and test results you've gathered"). Override in an area that keeps
        durable state to say what it is; keep to flags and catalogue names, never health
        details the user spoke.

        :param user: this area's kept state (what its handlers kept in ``turn.user``).
        :returns: a phrase, or ``None`` to be named by title alone.
        """
        return None

    def __repr__(self) -> str:
        return f"Area({self.name!r})"


def is_request(handler_input: HandlerInput, *names: str) -> bool:
    """True for an IntentRequest naming one of ``names``."""
    return get_request_type(handler_input) == "IntentRequest" and (
        get_intent_name(handler_input) in names
    )


class AreaHandler(AbstractRequestHandler):
    """Answers the intents in ``intents`` for one area.

    Subclasses set ``intents`` and implement :meth:`answer`. With ``only_when_current``
    the handler claims its intents only while its area is the current one: the way to
    answer built-in intents such as ``AMAZON.StartOverIntent`` inside an area.

    It answers only IntentRequests that name one of ``intents``; the host relies on that
    to pass over it for every other request, so override :meth:`can_handle` only to
    narrow it further (call ``super().can_handle`` first).
    """

    intents: tuple[str, ...] = ()
    only_when_current: bool = False

    def __init__(self, area: Area):
        self.area = area

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not is_request(handler_input, *self.intents):
            return False
        if not self.only_when_current:
            return True
        return session.current_area(handler_input) == self.area.name

    def handle(self, handler_input: HandlerInput) -> Response:
        return self.answer(Turn(handler_input, self.area))

    def answer(self, turn: Turn) -> Response:
        raise NotImplementedError


class TopicHandler(AreaHandler):
    """One intent that speaks one topic of the area.

    ``TopicHandler(area, "ThirdOpinionIntent", "tie", say)`` answers that intent with
    ``say(turn, "tie")``, so an area with many such intents writes ``say`` once. An intent
    answered by calling one function is a topic: write a handler class only for one that
    reads slots or chooses between answers.
    """

    def __init__(self, area: Area, intent: str, topic: str, say: Say):
        super().__init__(area)
        self.intents = (intent,)
        self.topic = topic
        self.say = say

    def answer(self, turn: Turn) -> Response:
        return self.say(turn, self.topic)


class AnswerHandler(AreaHandler):
    """Takes yes and no to a question this area asked with :meth:`Turn.ask_yes_no`.

    A question is named by the ``about`` it was asked with. Declare what a yes and a no to
    each do in two maps, ``{question: say}``: ``on_yes = {"checklist": read_checklist}``
    answers a yes to the question asked with ``about="checklist"`` with
    ``read_checklist(turn, "checklist")``. A yes or no that said more ("no she hasn't been
    offered surgery") counts as the yes or no; its slots are still there to read. An answer
    the maps don't hold goes to :meth:`otherwise` (what a no says by default, say).

    It takes the questions the maps name, and any more listed in ``questions`` (for an
    :meth:`answer` of its own). "Kind of" and "not sure" go to the host, which asks for a
    yes or a no, unless the question is in ``hedged``: then they come here too, with
    ``turn.answer`` ``"partly"`` or ``"unsure"``.
    """

    intents = (*dialog.ANSWERS, *dialog.HEDGES)
    questions: tuple[str, ...] = ()
    hedged: tuple[str, ...] = ()
    on_yes: Mapping[str, Say] = {}
    on_no: Mapping[str, Say] = {}

    def asked(self) -> frozenset[str]:
        """Every question this handler answers."""
        return frozenset((*self.questions, *self.on_yes, *self.on_no))

    def answer(self, turn: Turn) -> Response:
        about = turn.question or ""
        say = {"yes": self.on_yes, "no": self.on_no}.get(turn.answer or "", {}).get(about)
        if say is None:
            return self.otherwise(turn)
        return say(turn, about)

    def otherwise(self, turn: Turn) -> Response:
        """An answer neither map holds; by default there is none."""
        raise NotImplementedError(f"{type(self).__name__}: no answer to {turn.question!r}")

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not is_request(handler_input, *self.intents):
            return False
        question = session.question(handler_input)
        if question is None or question.area != self.area.name:
            return False
        if get_intent_name(handler_input) in dialog.HEDGES:
            return question.about in self.hedged
        return question.about in self.asked()
