"""Handlers for the outcomes area.

Each answer is a step that may offer the next as a yes/no question: from "did they
agree?" to the conflict, the tie-break and the final call, or straight to any of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.outcomes import intents
from skill.area import AnswerHandler, Area, AreaHandler, TopicHandler
from skill.turn import Turn

if TYPE_CHECKING:
    from ask_sdk_model import Response

# Each step speaks <step> with reprompt <step>.reprompt; a yes to its closing question
# leads to the step named here. ``None``: the step ends with an open question.
NEXT: dict[str, str | None] = {
    "overview": "agreed",  # a yes/no about the doctors, not an offer: see Answers
    "agree": "decide",
    "differ": "tie",
    "surgery_vs_therapy": "tie",
    "how_often": "differ",
    "tie": "decide",
    "primary_care": "decide",
    "decide": None,
}


# "Did they agree?": the step a yes leads to, and the step a no leads to.
AGREED = {"yes": "agree", "no": "differ"}


def step(turn: Turn, name: str) -> Response:
    card = turn.card(name)
    following = NEXT[name]
    if following is None:
        return turn.ask(turn.t(name), turn.t(f"{name}.reprompt"), card=card)
    return turn.ask_yes_no(turn.t(name), turn.t(f"{name}.reprompt"), about=following, card=card)


def agreed(turn: Turn, question: str) -> Response:
    return step(turn, AGREED[turn.answer])


def declined(turn: Turn, question: str) -> Response:
    return turn.ask(turn.t("no_thanks"), turn.t("open.reprompt"))


# The offers a yes goes on to, by the step they offer.
OFFERS = ("how_often", "differ", "tie", "decide")


class Answers(AnswerHandler):
    """Yes or no to "did they agree?"; yes to any other offer goes on to it."""

    on_yes = {"agreed": agreed, **dict.fromkeys(OFFERS, step)}
    on_no = {"agreed": agreed, **dict.fromkeys(OFFERS, declined)}


def handlers(area: Area) -> list[AreaHandler]:
    """This area's handlers, in the order they are tried."""
    return [
        Answers(area),
        TopicHandler(area, intents.OVERVIEW, "overview", step),
        TopicHandler(area, intents.AGREE, "agree", step),
        TopicHandler(area, intents.DIFFER, "differ", step),
        TopicHandler(area, intents.SURGERY_VS_THERAPY, "surgery_vs_therapy", step),
        TopicHandler(area, intents.THIRD_OPINION, "tie", step),
        TopicHandler(area, intents.PRIMARY_CARE, "primary_care", step),
        TopicHandler(area, intents.DECIDE, "decide", step),
        TopicHandler(area, intents.HOW_OFTEN, "how_often", step),
    ]
