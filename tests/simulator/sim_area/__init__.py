"""A small area for simulator tests: every kind of slot, a card, an ending, a broken answer."""

from ask_sdk_core.handler_input import HandlerInput

from skill import hookimpl, speech
from skill.area import Area, AreaHandler
from skill.turn import Card

AREA = Area("sim", __name__, rank=1)


class TopicHandler(AreaHandler):
    intents = ("TopicIntent",)

    def answer(self, turn):
        slot = turn.slot("topic")
        topics = turn.memory.setdefault("topics", [])
        topics.append(slot.value if slot else None)
        say = turn.t(
            "topic",
            value=speech.escape(slot.value if slot else "nothing"),
            id=(slot.id if slot else None) or "none",
            count=len(topics),
        )
        return turn.ask(say, turn.t("topic.reprompt"))


class CountHandler(AreaHandler):
    intents = ("CountIntent",)

    def answer(self, turn):
        slot = turn.slot("count")
        return turn.ask(turn.t("count", count=slot.value if slot else "no"), turn.t("note"))


class NoteHandler(AreaHandler):
    intents = ("NoteIntent",)

    def answer(self, turn):
        return turn.ask(turn.t("note"), turn.t("note"))


class ChecklistHandler(AreaHandler):
    intents = ("ChecklistIntent",)

    def answer(self, turn):
        card = Card("Checklist", turn.t("checklist.card"))
        return turn.ask(turn.t("checklist"), turn.t("checklist"), card=card)


class WaitingHandler(AreaHandler):
    intents = ("WaitingIntent",)

    def answer(self, turn):
        return turn.tell(turn.t("waiting"))


class FragmentHandler(AreaHandler):
    intents = ("FragmentIntent",)

    def answer(self, turn):
        return turn.ask(turn.t("fragment"), turn.t("fragment"))


class BrokenHandler(AreaHandler):
    """Keeps the session open with no question and no reprompt: the lint must object."""

    intents = ("BadAnswerIntent",)

    def handle(self, handler_input: HandlerInput):
        builder = handler_input.response_builder
        builder.speak(AREA.strings.get("en-US", "broken"))
        builder.set_should_end_session(False)
        return builder.response


@hookimpl
def register_area():
    return AREA


@hookimpl
def register_handlers():
    return [
        TopicHandler(AREA),
        CountHandler(AREA),
        NoteHandler(AREA),
        ChecklistHandler(AREA),
        WaitingHandler(AREA),
        FragmentHandler(AREA),
        BrokenHandler(AREA),
    ]


@hookimpl
def register_interaction_model(locale):
    if not locale.startswith("en"):
        return None
    return {
        "intents": [
            {
                "name": "FragmentIntent",
                "slots": [],
                "samples": ["ask the fragment question", "say the fragment answer"],
            }
        ]
    }
