"""One request as a guidance area sees it: slots, strings, state and ways to answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ask_sdk_model import Response
from ask_sdk_model.slu.entityresolution import StatusCode
from ask_sdk_model.ui import SimpleCard

from skill import dialog, health, session, speech, state
from skill.i18n import locale_of, strings_for
from skill.person import person_words

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

    from skill.area import Area

# Where in the durable state the area the user was last in is kept: user["core"]["last_area"].
LAST_AREA = ("core", "last_area")


@dataclass(frozen=True)
class Slot:
    """A filled slot: what was heard, and the catalogue entry it matched, if any."""

    spoken: str
    value: str
    id: str | None = None

    @property
    def matched(self) -> bool:
        return self.id is not None


@dataclass(frozen=True)
class Card:
    """A standard card for the Alexa app. Never put what the user said about their health here."""

    title: str
    text: str


def read_slot(handler_input: HandlerInput, name: str) -> Slot | None:
    """The slot ``name`` of an IntentRequest, resolved through Alexa's entity resolution."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    slot = (intent.slots or {}).get(name) if intent else None
    if slot is None or not slot.value:
        return None
    for authority in getattr(slot.resolutions, "resolutions_per_authority", None) or []:
        if (
            authority.status
            and authority.status.code == StatusCode.ER_SUCCESS_MATCH
            and authority.values
        ):
            match = authority.values[0].value
            return Slot(spoken=slot.value, value=match.name, id=match.id)
    return Slot(spoken=slot.value, value=slot.value)


class Turn:
    """The current request, seen from one area.

    Answer with :meth:`ask`, :meth:`ask_yes_no`, :meth:`read_list` or :meth:`tell`; each
    records this area as the current one, so Help, Yes and No find their way back.
    """

    def __init__(self, handler_input: HandlerInput, area: Area):
        self.handler_input = handler_input
        self.area = area
        request = handler_input.request_envelope.request
        self.request = request
        self.locale: str = locale_of(request)
        self.request_id: str = request.request_id or ""
        intent = getattr(request, "intent", None)
        #: The intent, with a yes or no that carried more ("yes it's cancer") read as the
        #: plain yes or no: its slots are still there to read.
        self.intent_name: str | None = dialog.plain_intent(intent.name if intent else None)
        #: ``"yes"``, ``"no"``, ``"partly"`` or ``"unsure"`` when the user answered a question.
        self.answer: str | None = dialog.answer_of(intent.name if intent else None)

    # -- state ---------------------------------------------------------------------
    @property
    def session(self) -> dict:
        """Session attributes, raw: gone when the session ends. Read and write them through
        :mod:`skill.session`, or an area's own :attr:`memory`."""
        return session.attributes(self.handler_input)

    @property
    def memory(self) -> dict:
        """This area's own session-scoped state."""
        return session.memory(self.handler_input, self.area.name)

    @property
    def user(self) -> dict:
        """This area's durable state for this user (kept across sessions when a store is set).

        Keep only what a feature needs: flags and catalogue ids, never a condition, a
        doctor's name or an insurer.
        """
        return state.user_state(self.handler_input).setdefault(self.area.name, {})

    def save_user(self) -> None:
        """Mark the durable state changed, so it is written when this turn answers."""
        state.mark_changed(self.handler_input)

    @property
    def progress(self) -> dict:
        """This area's health progress: quick check answers, records gathered.

        Durable (it is :attr:`user`) only in a HIPAA-eligible deployment; otherwise it
        lives in this session and is gone when the session ends (see :mod:`skill.health`).
        Keep in it anything that says something about the user's health or care.
        """
        if health.durable(self.handler_input):
            return self.user
        return session.progress(self.handler_input, self.area.name)

    def save_progress(self) -> None:
        """Mark :attr:`progress` changed, so it is written when it is durable."""
        if health.durable(self.handler_input):
            self.save_user()

    @property
    def question(self) -> str | None:
        """What this area last asked a yes/no question about, if it is still pending."""
        question = session.question(self.handler_input)
        return question.about if question and question.area == self.area.name else None

    def slot(self, name: str) -> Slot | None:
        return read_slot(self.handler_input, name)

    @property
    def person(self) -> str | None:
        """Who the user is helping this session ("FATHER"), or ``None`` for themself."""
        return session.person(self.handler_input)

    def for_person(self, key: str, **values) -> str:
        """String ``key``; while the user speaks for someone else, ``key.other`` instead,
        with ``{person}`` ("your dad", "they"), ``{owner}`` ("your dad's", "their") and
        ``{them}`` ("your dad", "them") filled in."""
        who = self.person
        if who is None or not self.has(f"{key}.other"):
            return self.t(key, **values)
        return self.t(f"{key}.other", **person_words(self.locale, who), **values)

    # -- words ---------------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        """This area's string ``key`` in the request's locale."""
        return self.area.strings.get(self.locale, key, seed=self.request_id, **values)

    def has(self, key: str) -> bool:
        return self.area.strings.has(self.locale, key)

    def card(self, topic: str) -> Card | None:
        """The card for ``topic`` from its strings ``<topic>.card.title`` and ``<topic>.card``,
        or ``None`` when the area has none for it: pass it on as ``card=``."""
        if not self.has(f"{topic}.card"):
            return None
        return Card(self.t(f"{topic}.card.title"), self.t(f"{topic}.card"))

    def examples_of(self, *area_names: str) -> list[str]:
        """The phrases that ask for each of these areas that is loaded, in order."""
        return [example for name in area_names if (example := self.example_of(name))]

    def entries_of(self, *area_names: str) -> list[str]:
        """The entry intents of these areas, in the order :meth:`examples_of` names them:
        pass them as ``options`` of a menu of those phrases, so "the first one" goes there.
        Empty when one of them that is loaded has no entry: then none can be matched up."""
        loaded = [area for name in area_names if (area := self._loaded(name)) is not None]
        if not all(area.entry for area in loaded):
            return []
        return [area.entry for area in loaded]

    def choices(self, options: list[str]) -> str:
        """``options`` offered as alternatives: "a, or b"; "a, b, or c"."""
        return speech.choices(options, strings_for("skill").get(self.locale, "or"))

    def offerable(self, area_name: str) -> Area | None:
        """Another area, while it is loaded and can be offered; else ``None``."""
        area = self._loaded(area_name)
        return area if area is not None and area.entry else None

    def _loaded(self, area_name: str) -> Area | None:
        menu = getattr(self.handler_input.context, "menu", None)
        return menu.by_name.get(area_name) if menu is not None else None

    def example_of(self, area_name: str) -> str | None:
        """How to ask for another area ("what records do I need"); ``None`` if it isn't loaded.

        Point the user to another area with this, never with its phrase written out, so
        the pointer goes when that area is blocked or reworded.
        """
        area = self._loaded(area_name)
        return area.example(self.locale) if area is not None else None

    # -- answers -------------------------------------------------------------------
    def ask(
        self,
        say: str,
        reprompt: str,
        *,
        card: Card | None = None,
        options: tuple[str, ...] | list[str] = (),
    ) -> Response:
        """Speak and keep the session open. ``say`` should end with a question.

        :param options: the intents ``say`` offers, in the order spoken, so "the second
            one" picks the second.
        """
        self._enter()
        dialog.asked(self.handler_input, self.area.name, None, reprompt, options=options)
        return respond(self.handler_input, say, reprompt=reprompt, card=card)

    def ask_yes_no(
        self, say: str, reprompt: str, *, about: str, card: Card | None = None
    ) -> Response:
        """Ask a yes/no question; the answer is routed back to this area with ``about``."""
        self._enter()
        dialog.asked(self.handler_input, self.area.name, about, reprompt)
        return respond(self.handler_input, say, reprompt=reprompt, card=card)

    def ask_offer(
        self, say: str, area_name: str, offer: str, *, card: Card | None = None
    ) -> Response | None:
        """``say``, then offer another area with this area's string ``offer`` ("Want the full
        checklist?") and ``offer.reprompt``; a yes goes to that area's entry intent, a no
        keeps the session open. ``None``, with nothing said, while that area isn't loaded:
        answer another way then.
        """
        area = self.offerable(area_name)
        if area is None:
            return None
        self._enter()
        reprompt = self.t(f"{offer}.reprompt")
        dialog.offer(self.handler_input, area.entry, reprompt)
        return respond(
            self.handler_input, speech.join(say, self.t(offer)), reprompt=reprompt, card=card
        )

    def tell(self, say: str, *, card: Card | None = None) -> Response:
        """Speak and end the session."""
        return respond(self.handler_input, say, card=card)

    def read_list(
        self,
        intro: str,
        items: list[str],
        *,
        then: str,
        then_reprompt: str,
        then_about: str | None = None,
        card: Card | None = None,
    ) -> Response:
        """Read ``items`` a few at a time; the host handles next, previous and more.

        After the last item the host says ``then`` (a question); with ``then_about``, a
        yes or no to it comes back to this area.
        """
        from skill import paging  # paging builds on Turn

        self._enter()
        return paging.start(
            self,
            intro=intro,
            items=items,
            then=then,
            then_reprompt=then_reprompt,
            then_about=then_about,
            card=card,
        )

    def _enter(self) -> None:
        session.set_current_area(self.handler_input, self.area.name)
        menu = getattr(self.handler_input.context, "menu", None)
        if menu is None or self.area.name not in menu.by_name:
            return  # only guidance areas are worth coming back to
        flags = state.user_state(self.handler_input).setdefault(LAST_AREA[0], {})
        if flags.get(LAST_AREA[1]) != self.area.name:
            flags[LAST_AREA[1]] = self.area.name
            state.mark_changed(self.handler_input)


def respond(
    handler_input: HandlerInput,
    say: str,
    *,
    reprompt: str | None = None,
    card: Card | None = None,
) -> Response:
    """Build a response: with a reprompt the session stays open, without it it ends."""
    builder = handler_input.response_builder
    builder.speak(say)
    if reprompt is not None:
        builder.ask(reprompt)
    else:
        builder.set_should_end_session(True)
    if card is not None:
        builder.set_card(SimpleCard(title=card.title, content=card.text))
    return builder.response
