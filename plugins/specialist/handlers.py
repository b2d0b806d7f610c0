"""Answers for the specialist area: who to see, where to find them, and what to check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.specialist import intents
from skill import speech
from skill.area import AnswerHandler, Area, AreaHandler, TopicHandler
from skill.turn import Turn

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import AbstractRequestHandler
    from ask_sdk_model import Response

TOPICS = ("sources", "credentials", "centers", "virtual")
"""Each topic's answer ends by offering the next one not yet heard this session."""

HEARD_KEY = "heard"
"""Memory key: the topics read this session, so each is offered once."""

NEXT_AREAS = ("records", "insurance")
"""The areas offered once the user is done here, in order, where loaded."""


def is_cancer(condition_id: str | None) -> bool:
    if not condition_id:
        return False
    condition_id = condition_id.upper()
    return condition_id in intents.CANCER_IDS or condition_id.endswith("_CANCER")


def next_options(turn: Turn) -> str:
    """What to ask next: the other areas that are loaded, or this area's own question."""
    return turn.choices(turn.examples_of(*NEXT_AREAS) or [turn.t("ask.sources")])


def next_steps(turn: Turn, opening: str) -> Response:
    options = next_options(turn)
    return turn.ask(
        turn.t(opening, options=options),
        turn.t("next.reprompt", options=options),
        options=turn.entries_of(*NEXT_AREAS),
    )


def topic(turn: Turn, name: str, spoken: str | None = None) -> Response:
    """One topic in detail (``spoken``, or its own string), then the next one not heard yet."""
    heard = [t for t in turn.memory.get(HEARD_KEY) or [] if t in TOPICS and t != name]
    heard.append(name)
    turn.memory[HEARD_KEY] = heard
    card = turn.card(name)
    start = TOPICS.index(name)
    following = [TOPICS[(start + n) % len(TOPICS)] for n in range(1, len(TOPICS))]
    offered = next((t for t in following if t not in heard), None)
    if offered is None:
        return turn.ask(
            speech.join(spoken or turn.t(name), turn.t("done")),
            turn.t("next.reprompt", options=next_options(turn)),
            card=card,
        )
    return turn.ask_yes_no(
        speech.join(spoken or turn.t(name), turn.t(f"offer.{offered}")),
        turn.t(f"offer.{offered}.reprompt"),
        about=offered,
        card=card,
    )


class OverviewHandler(AreaHandler):
    """How to find one first (where names come from), then what to check."""

    intents = (intents.OVERVIEW,)

    def answer(self, turn: Turn) -> Response:
        condition = turn.slot(intents.CONDITION_SLOT)
        hint = turn.t("overview.cancer") if condition and is_cancer(condition.id) else ""
        return topic(turn, "sources", speech.join(turn.t("overview"), hint))


def declined(turn: Turn, offered: str) -> Response:
    return next_steps(turn, "next")


class SpecialistAnswerHandler(AnswerHandler):
    """Yes to an offered topic reads it; no gives the next steps."""

    on_yes = dict.fromkeys(TOPICS, topic)
    on_no = dict.fromkeys(TOPICS, declined)


def handlers(area: Area) -> list[AbstractRequestHandler]:
    """Every specialist handler, for ``area``."""
    return [
        SpecialistAnswerHandler(area),
        OverviewHandler(area),
        TopicHandler(area, intents.SOURCES, "sources", topic),
        TopicHandler(area, intents.CREDENTIALS, "credentials", topic),
        TopicHandler(area, intents.CENTERS, "centers", topic),
        TopicHandler(area, intents.VIRTUAL, "virtual", topic),
    ]
