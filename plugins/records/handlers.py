"""Answers for the records area: the checklist, getting records sent, and ticking items off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.records import checklist, intents
from skill import session, speech
from skill.area import AnswerHandler, Area, AreaHandler, TopicHandler
from skill.turn import Card, Turn

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import AbstractRequestHandler
    from ask_sdk_model import Response

ITEM_KEY = "item"
"""Memory key: the item last talked about, for "do you have it already?" and "that one"."""

HEARD_KEY = "heard_checklist"
"""Memory key: the checklist was read this session, so don't offer it again straight away."""

CONFIRM_KEY = "confirm"
"""Memory key: the items a "you have ...?" question would tick off, until it is answered."""

NEXT_AREAS = ("insurance", "specialist")
"""The areas offered once the records are sorted, in order, where loaded."""


# -- small pieces -------------------------------------------------------------------
def total() -> int:
    return len(checklist.ITEMS)


def item_line(turn: Turn, item: str) -> str:
    return turn.t(f"item.{item}")


def item_name(turn: Turn, item: str) -> str:
    return turn.t(f"item.{item}.name")


def list_card(turn: Turn, title_key: str, items: list[str]) -> Card:
    lines = "\n".join(f"- {item_line(turn, item)}" for item in items)
    return Card(turn.t(title_key), f"{lines}\n\n{turn.t('card.footer')}")


def record_slot(turn: Turn) -> str | None:
    """The checklist id the user named, or ``None`` when none was named or it isn't one."""
    slot = turn.slot(intents.RECORD_SLOT)
    if slot is None or slot.id not in checklist.ITEMS:
        return None
    return slot.id


def named_records(turn: Turn) -> list[str]:
    """Every checklist id the sentence named, in the order said, each once."""
    named = []
    for name in intents.RECORD_SLOTS:
        slot = turn.slot(name)
        if slot is not None and slot.id in checklist.ITEMS and slot.id not in named:
            named.append(slot.id)
    return named


def out_of_place(turn: Turn) -> bool:
    """Whether the user was in another area when they said this.

    A statement of having a record heard in the middle of another topic is a weak match:
    it is confirmed before saved progress changes. At the start, or among records, it is
    what it says.
    """
    return session.current_area(turn.handler_input) not in (None, turn.area.name)


def last_item(turn: Turn) -> str | None:
    item = turn.memory.get(ITEM_KEY)
    return item if item in checklist.ITEMS else None


def next_options(turn: Turn) -> str:
    """What to ask next: the other areas that are loaded, or this area's own question."""
    return turn.choices(turn.examples_of(*NEXT_AREAS) or [turn.t("ask.missing")])


def next_reprompt(turn: Turn) -> str:
    return turn.t("next.reprompt", options=next_options(turn))


# -- answers shared by several handlers ----------------------------------------------
def read_checklist(turn: Turn, topic: str) -> Response:
    turn.memory[HEARD_KEY] = True
    have = len(checklist.gathered(turn.progress))
    intro = turn.t("checklist.intro", count=total())
    if have:
        intro = speech.join(intro, turn.t("checklist.progress", have=have))
    return turn.read_list(
        intro,
        [item_line(turn, item) for item in checklist.ITEMS],
        then=turn.t("checklist.then"),
        then_reprompt=turn.t("checklist.then_reprompt"),
        then_about="request",
        card=list_card(turn, "checklist.card.title", list(checklist.ITEMS)),
    )


def read_missing(turn: Turn, topic: str) -> Response:
    have = len(checklist.gathered(turn.progress))
    missing = checklist.missing(turn.progress)
    if not missing:
        return turn.ask(turn.t("missing.all", count=total()), next_reprompt(turn))
    if have:
        intro = turn.t("missing.some", have=have, total=total(), count=len(missing))
    else:
        intro = turn.t("missing.none", count=total())
    return turn.read_list(
        intro,
        [item_line(turn, item) for item in missing],
        then=turn.t("missing.then"),
        then_reprompt=turn.t("missing.then_reprompt"),
        then_about="request",
        card=list_card(turn, "missing.card.title", missing),
    )


def explain_request(turn: Turn, topic: str) -> Response:
    card = turn.card("request")
    if turn.memory.get(HEARD_KEY):
        # The checklist was just read: offering it again would go round in a circle.
        say = speech.join(turn.t("request"), turn.t("request.after_checklist"))
        return turn.ask(say, turn.t("request.after_checklist_reprompt"), card=card)
    say = speech.join(turn.t("request"), turn.t("request.ask"))
    return turn.ask_yes_no(say, turn.t("request.reprompt"), about="checklist", card=card)


def next_steps(turn: Turn, opening: str = "next") -> Response:
    return turn.ask(
        turn.t(opening, options=next_options(turn)),
        next_reprompt(turn),
        options=turn.entries_of(*NEXT_AREAS),
    )


def which_record(turn: Turn, reprompt_key: str) -> Response:
    """The user named no record, or one not on the checklist: name the ones there are."""
    names = [item_name(turn, item) for item in checklist.ITEMS]
    question = turn.t(reprompt_key)
    return turn.ask(
        speech.join(turn.t("unknown", items=speech.spoken_list(names, turn.t("and"))), question),
        question,
    )


def set_item(turn: Turn, item: str, have: bool) -> Response:
    """Tick ``item`` off (``have``) or put it back on the list, and say so."""
    return mark(turn, item) if have else unmark(turn, item)


def confirm(turn: Turn, items: list[str]) -> Response:
    """Ask before ticking off what a weak match named: "You have your mom's medicine list?"."""
    turn.memory[CONFIRM_KEY] = list(items)
    if len(items) == total():
        say = turn.t("confirm.all", count=total())
    else:
        say = turn.for_person("confirm", names=names_of(turn, items))
    return turn.ask_yes_no(say, turn.t("confirm.reprompt"), about="confirm")


def names_of(turn: Turn, items: list[str]) -> str:
    return speech.spoken_list([item_name(turn, item) for item in items], turn.t("and"))


def after_ticking(turn: Turn, said: str) -> Response:
    """``said`` (what was ticked off), then what's missing; or, with all of them, what's next."""
    if len(checklist.gathered(turn.progress)) == total():
        return turn.ask(turn.t("gathered.all", count=total()), next_reprompt(turn))
    return turn.ask_yes_no(
        speech.join(said, turn.t("gathered.ask")), turn.t("gathered.reprompt"), about="missing"
    )


def mark_several(turn: Turn, items: list[str]) -> Response:
    """Tick off several items named in one sentence (or all of them), and say so once."""
    if len(items) == 1:
        return mark(turn, items[0])
    for item in items:
        checklist.mark(turn.progress, item)
    turn.save_progress()
    turn.memory[ITEM_KEY] = items[-1]
    have = len(checklist.gathered(turn.progress))
    said = turn.t("gathered.several", names=names_of(turn, items), have=have, total=total())
    return after_ticking(turn, said)


def mark(turn: Turn, item: str) -> Response:
    turn.memory[ITEM_KEY] = item
    name = item_name(turn, item)
    if not checklist.mark(turn.progress, item):
        return turn.ask_yes_no(
            speech.join(turn.t("gathered.already", name=name), turn.t("gathered.ask")),
            turn.t("gathered.reprompt"),
            about="missing",
        )
    turn.save_progress()
    have = len(checklist.gathered(turn.progress))
    return after_ticking(turn, turn.t("gathered.done", name=name, have=have, total=total()))


def unmark(turn: Turn, item: str) -> Response:
    turn.memory[ITEM_KEY] = item
    name = item_name(turn, item)
    if checklist.unmark(turn.progress, item):
        turn.save_progress()
        have = len(checklist.gathered(turn.progress))
        if have:
            said = turn.t("unmarked", name=name, have=have, total=total())
        else:
            said = turn.t("unmarked.none", name=name)
    else:
        said = turn.t("unmarked.not_ticked", name=name)
    return turn.ask_yes_no(
        speech.join(said, turn.t("gathered.ask")), turn.t("gathered.reprompt"), about="missing"
    )


def describe(turn: Turn, item: str) -> Response:
    about = turn.t(f"item.{item}.about")
    turn.memory[ITEM_KEY] = item
    if item in checklist.gathered(turn.progress):
        return turn.ask(speech.join(about, turn.t("detail.have")), turn.t("detail.reprompt"))
    return turn.ask_yes_no(
        speech.join(about, turn.t("detail.ask")), turn.t("detail.ask_reprompt"), about="have_item"
    )


def rights(turn: Turn, topic: str) -> Response:
    return turn.ask_yes_no(turn.t(topic), turn.t(f"{topic}.reprompt"), about="request")


def reset(turn: Turn, question: str) -> Response:
    checklist.clear(turn.progress)
    turn.save_progress()
    return turn.ask_yes_no(
        turn.t("reset.done", count=total()),
        turn.t("reset.done_reprompt"),
        about="checklist",
    )


def have_item(turn: Turn, question: str) -> Response:
    """Yes, the user has the record just described: tick it off."""
    item = last_item(turn)
    return next_steps(turn) if item is None else mark(turn, item)


def not_yet(turn: Turn, question: str) -> Response:
    """No, not the record just described yet: how to ask for it."""
    item = last_item(turn)
    if item is None:
        return next_steps(turn)
    return turn.ask_yes_no(
        turn.t("detail.not_yet", name=item_name(turn, item)),
        turn.t("detail.not_yet_reprompt"),
        about="request",
    )


# What a no to each question opens the next steps with (else "next").
DECLINED = {"missing": "missing.declined", "reset": "reset.kept"}


def declined(turn: Turn, question: str) -> Response:
    return next_steps(turn, DECLINED.get(question, "next"))


# -- handlers -------------------------------------------------------------------------
class OverviewHandler(AreaHandler):
    intents = (intents.OVERVIEW,)

    def answer(self, turn: Turn) -> Response:
        have = len(checklist.gathered(turn.progress))
        progress = turn.t("overview.progress", have=have, total=total()) if have else ""
        return turn.ask(
            speech.join(turn.t("overview"), progress, turn.t("overview.ask")),
            turn.t("overview.reprompt"),
            options=(intents.CHECKLIST, intents.REQUEST, intents.RIGHTS),  # in the order said
        )


class DetailHandler(AreaHandler):
    """What a record is and why it matters; then, do you have it already?"""

    intents = (intents.DETAIL,)

    def answer(self, turn: Turn) -> Response:
        item = record_slot(turn)
        return which_record(turn, "unknown.describe") if item is None else describe(turn, item)


class GatheredHandler(AreaHandler):
    """ "I have my test results and my scans": ticked off, or confirmed first when heard
    in the middle of another topic."""

    intents = (intents.GATHERED,)

    def answer(self, turn: Turn) -> Response:
        items = named_records(turn)
        if not items:
            return which_record(turn, "unknown.mark")
        if out_of_place(turn):
            return confirm(turn, items)
        return mark_several(turn, items)


class AllGatheredHandler(AreaHandler):
    """ "I have everything": every item, once the user confirms."""

    intents = (intents.ALL_GATHERED,)

    def answer(self, turn: Turn) -> Response:
        missing = checklist.missing(turn.progress)
        if not missing:
            return turn.ask(turn.t("missing.all", count=total()), next_reprompt(turn))
        return confirm(turn, list(checklist.ITEMS))


class NotGatheredHandler(AreaHandler):
    """Puts an item back on the list; "that one" is the item last talked about."""

    intents = (intents.NOT_GATHERED,)

    def answer(self, turn: Turn) -> Response:
        item = record_slot(turn) or (None if turn.slot(intents.RECORD_SLOT) else last_item(turn))
        return which_record(turn, "unknown.unmark") if item is None else unmark(turn, item)


class ResetHandler(AreaHandler):
    intents = (intents.RESET,)

    def answer(self, turn: Turn) -> Response:
        have = len(checklist.gathered(turn.progress))
        if not have:
            return turn.ask_yes_no(
                turn.t("reset.empty"), turn.t("reset.empty_reprompt"), about="checklist"
            )
        return turn.ask_yes_no(
            turn.t("reset.confirm", have=have), turn.t("reset.reprompt"), about="reset"
        )


class RecordsAnswerHandler(AnswerHandler):
    """Yes and no to the records area's own questions."""

    questions = ("confirm",)
    on_yes = {
        "resume": read_missing,
        "missing": read_missing,
        "request": explain_request,
        "checklist": read_checklist,
        "reset": reset,
        "have_item": have_item,
    }
    on_no = {**dict.fromkeys(on_yes, declined), "have_item": not_yet}

    def answer(self, turn: Turn) -> Response:
        yes = turn.answer == "yes"
        about = turn.question
        named = named_records(turn)  # "yes, I have the scans" names what to tick
        if about == "confirm":
            items = [i for i in turn.memory.pop(CONFIRM_KEY, None) or [] if i in checklist.ITEMS]
            if yes and (named or items):
                return mark_several(turn, named or items)
            return next_steps(turn, "reset.kept")  # the checklist is left as it was
        if yes and named and about in ("have_item", "missing"):
            return mark_several(turn, named)
        return super().answer(turn)


def handlers(area: Area) -> list[AbstractRequestHandler]:
    """Every records handler, for ``area``."""
    return [
        RecordsAnswerHandler(area),
        OverviewHandler(area),
        TopicHandler(area, intents.CHECKLIST, "checklist", read_checklist),
        TopicHandler(area, intents.REQUEST, "request", explain_request),
        TopicHandler(area, intents.RIGHTS, "rights", rights),
        DetailHandler(area),
        GatheredHandler(area),
        AllGatheredHandler(area),
        NotGatheredHandler(area),
        TopicHandler(area, intents.MISSING, "missing", read_missing),
        ResetHandler(area),
    ]
