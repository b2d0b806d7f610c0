"""After the emergency gate answers, no area is asked and nothing the user had is changed."""

import plugins.records
import plugins.triggers
from skill import hookimpl
from skill.area import AreaHandler
from skill.settings import Settings
from skill.simulator import Conversation


class Spy:
    """Claims every intent the tests send, and notes whenever it is asked anything."""

    def __init__(self):
        self.asked: list[str] = []
        spy = self

        class Handler(AreaHandler):
            intents = ("RecordGatheredIntent", "SurgeryRecommendedIntent", "EmergencyIntent",
                       "CrisisIntent", "AMAZON.YesIntent")  # fmt: skip

            def can_handle(self, handler_input):
                spy.asked.append(handler_input.request_envelope.request.intent.name)
                return True

            def answer(self, turn):
                spy.asked.append("answer")
                return turn.ask("Spy?", "Spy?")

        self.handler = Handler

    @hookimpl
    def register_handlers(self):
        return [self.handler(plugins.records.AREA)]


def test_no_area_is_asked_once_the_gate_has_answered(tmp_path):
    spy = Spy()
    settings = Settings(
        verify=False, db_path=str(tmp_path / "p.sqlite3"), plugins=[spy, plugins.triggers]
    )
    alexa = Conversation(settings=settings)
    alexa.launch()
    for intent, slots in [
        ("EmergencyIntent", {}),
        ("CrisisIntent", {}),
        ("RecordGatheredIntent", {"record": "my chest pain"}),
        ("SurgeryRecommendedIntent", {"procedure": "surgery i want to end it all"}),
    ]:
        alexa.launch()
        r = alexa.intent(intent, **slots)
        assert r.plugin == "safety", intent
        if intent == "EmergencyIntent":
            assert r.should_end_session
    assert spy.asked == []


def test_an_urgent_slot_mid_checklist_ticks_nothing_off(alexa):
    alexa.launch()
    alexa.say("i have my imaging scans")
    alexa.say("what records do i need")
    r = alexa.intent("RecordGatheredIntent", record="my chest pain")
    assert r.plugin == "safety" and r.speech == "Is this happening right now?"
    r = alexa.intent("RecordsMissingIntent")
    assert "gathered 1 of 9" in r.speech
    r = alexa.intent("RecordGatheredIntent", record="my chest pain right now")
    assert r.plugin == "safety" and not alexa.session_open
