"""A tiny guidance area from another distribution: proves plugins need no core change."""

from skill import hookimpl
from skill.area import Area, AreaHandler

AREA = Area("second_opinion_costs", __name__, rank=90)
INTENT = "CostQuestionIntent"


class CostHandler(AreaHandler):
    intents = (INTENT,)

    def answer(self, turn):
        return turn.ask(turn.t("answer"), turn.t("reprompt"))


@hookimpl
def register_area():
    return AREA


@hookimpl
def register_handlers():
    return [CostHandler(AREA)]


@hookimpl
def register_interaction_model(locale):
    if not locale.startswith("en"):
        return None
    return {
        "intents": [
            {
                "name": INTENT,
                "slots": [],
                "samples": [
                    "how much does a second opinion cost",
                    "what does a second opinion cost",
                    "is a second opinion expensive",
                    "what will a second opinion cost me",
                ],
            }
        ]
    }
