"""Handlers for the communicating area.

Each answer is a step; a step may offer the next one as a yes/no question, so the user
can walk from "how do I tell my doctor" to the words to say, the referral and the
questions for the second doctor, or jump to any of them directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.communicating import intents
from skill.area import AnswerHandler, Area, AreaHandler, TopicHandler
from skill.speech import join
from skill.turn import Card, Turn

if TYPE_CHECKING:
    from ask_sdk_model import Response

QUESTION_COUNT = 7  # questions.1 .. questions.7 in the locale file

# Each step: its speech is <step>, its reprompt <step>.reprompt; a yes to its closing
# question leads to the step named here (None: the step ends with an open question).
NEXT = {
    "tell": "script",
    "reaction": "script",
    "not_distrust": "script",
    "script": "referral",
    "referral": "questions",
}


def step(turn: Turn, name: str) -> Response:
    if name == "questions":
        return read_questions(turn)
    return turn.ask_yes_no(
        turn.t(name), turn.t(f"{name}.reprompt"), about=NEXT[name], card=turn.card(name)
    )


def declined(turn: Turn, name: str) -> Response:
    return turn.ask(turn.t("no_thanks"), turn.t("open.reprompt"))


# The areas the open reprompt names, in order.
OPEN_REPROMPT_AREAS = ("records", "outcomes")


def medicine(turn: Turn, name: str) -> Response:
    """Never advice on a medicine or a dose: the prescriber or a pharmacist answers that."""
    return turn.ask(
        turn.t(name), open_reprompt(turn), options=turn.entries_of(*OPEN_REPROMPT_AREAS)
    )


def open_reprompt(turn: Turn) -> str:
    """What to ask next: records and weighing the opinions, where loaded, else this area."""
    examples = turn.examples_of(*OPEN_REPROMPT_AREAS)
    if not examples:
        return turn.t("open.reprompt")
    return turn.t("questions.then.reprompt", options=turn.choices(examples))


def read_questions(turn: Turn) -> Response:
    """The questions to take to the second doctor, read a few at a time, and on a card."""
    questions = [turn.t(f"questions.{n}") for n in range(1, QUESTION_COUNT + 1)]
    card_text = "\n".join(f"{n}. {q}" for n, q in enumerate(questions, 1))
    outcomes = turn.example_of("outcomes")
    later = turn.t("questions.later", example=outcomes) if outcomes else ""
    return turn.read_list(
        turn.t("questions.intro", count=len(questions)),
        questions,
        then=join(later, turn.t("questions.then")),
        then_reprompt=open_reprompt(turn),
        card=Card(turn.t("questions.card.title"), f"{card_text}\n\n{turn.t('card.footer')}"),
    )


class Answers(AnswerHandler):
    """Yes to an offer goes to the offered step; no leaves the choice open."""

    on_yes = {offered: step for offered in NEXT.values()}
    on_no = {offered: declined for offered in NEXT.values()}


def handlers(area: Area) -> list[AreaHandler]:
    """This area's handlers, in the order they are tried."""
    return [
        Answers(area),
        TopicHandler(area, intents.TELL_DOCTOR, "tell", step),
        TopicHandler(area, intents.DOCTOR_REACTION, "reaction", step),
        TopicHandler(area, intents.WHAT_TO_SAY, "script", step),
        TopicHandler(area, intents.ASK_REFERRAL, "referral", step),
        TopicHandler(area, intents.QUESTIONS, "questions", step),
        TopicHandler(area, intents.NOT_DISTRUST, "not_distrust", step),
        TopicHandler(area, intents.MEDICINE, "medicine", medicine),
    ]
