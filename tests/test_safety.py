"""The emergency gate answers first, in any state, and nothing else runs after it."""

import json
from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parents[1] / "interaction_models" / "en-US.json"


def model_samples(intent_name):
    """Every sample of ``intent_name``, its slots filled with a catalogue value."""
    language = json.loads(MODEL.read_text())["interactionModel"]["languageModel"]
    types = {t["name"]: t for t in language.get("types", [])}
    intent = next(i for i in language["intents"] if i["name"] == intent_name)
    filled = []
    for sample in intent["samples"]:
        for slot in intent.get("slots", []):
            value = types[slot["type"]]["values"][0]["name"]["value"]
            sample = sample.replace("{" + slot["name"] + "}", value)
        filled.append(sample)
    return filled


def assert_emergency(r):
    assert r.plugin == "safety"
    assert "911" in r.speech and "can't place calls" in r.speech
    assert '<say-as interpret-as="telephone">911</say-as>' in r.ssml
    assert r.should_end_session is True and not r.reprompt and r.card is None
    assert len(r.speech.split()) <= 40


def assert_crisis(r):
    assert r.plugin == "safety"
    assert '<say-as interpret-as="telephone">988</say-as>' in r.ssml
    assert "can't place calls" in r.speech
    assert r.should_end_session is True and not r.reprompt and r.card is None


def test_emergency_at_launch(alexa):
    alexa.launch()
    r = alexa.say("i think i'm having a heart attack")
    assert r.intent == "EmergencyIntent"
    assert_emergency(r)
    assert not alexa.session_open


def test_emergency_in_a_one_shot_request(alexa):
    r = alexa.say("tell second opinion guide my husband can't breathe")
    assert r.intent == "EmergencyIntent"
    assert_emergency(r)


def test_emergency_in_the_middle_of_the_check(alexa):
    alexa.launch()
    alexa.say("should i get a second opinion")
    alexa.say("yes")
    r = alexa.say("i have chest pain")
    assert_emergency(r)
    assert not alexa.session_open
    # Nothing of the check carries on: a new session starts from the welcome.
    r = alexa.launch()
    assert r.plugin == "core"


def test_crisis_in_the_middle_of_a_list(alexa):
    alexa.launch()
    r = alexa.say("what should i ask the second doctor")
    assert "more" in r.speech
    r = alexa.say("i want to kill myself")
    assert r.intent == "CrisisIntent"
    assert_crisis(r)
    assert not alexa.session_open


def test_crisis_in_the_middle_of_the_records_checklist(alexa):
    alexa.launch()
    r = alexa.say("what records do i need")
    assert r.plugin == "records"
    r = alexa.say("i don't want to live anymore")
    assert_crisis(r)


def test_emergency_words_heard_in_another_intents_slot_trip_the_gate(alexa):
    alexa.launch()
    alexa.say("should i get a second opinion")
    r = alexa.intent("ComplexDiagnosisIntent", condition="a stroke right now")
    assert_emergency(r)
    alexa.launch()
    r = alexa.intent("SurgeryRecommendedIntent", procedure="surgery i want to end it all")
    assert_crisis(r)


def test_family_emergencies_reach_the_gate(alexa):
    alexa.launch()
    assert_emergency(alexa.say("my husband is having a stroke"))


@pytest.mark.parametrize("utterance", model_samples("EmergencyIntent"))
def test_every_emergency_phrasing_reaches_the_gate(alexa, utterance):
    alexa.launch()
    assert_emergency(alexa.say(utterance))


@pytest.mark.parametrize("utterance", model_samples("CrisisIntent"))
def test_every_crisis_phrasing_reaches_the_gate(alexa, utterance):
    alexa.launch()
    assert_crisis(alexa.say(utterance))


@pytest.mark.parametrize(
    "utterance",
    [
        "i'm having back surgery next week",
        "my husband is having surgery",
        "i'm having second thoughts about surgery",
        "my treatment isn't helping",
    ],
)
def test_ordinary_worries_are_not_emergencies(alexa, utterance):
    alexa.launch()
    r = alexa.say(utterance)
    assert r.plugin not in ("safety", "core") and not r.should_end_session


def test_diagnosis_requests_get_a_kind_refusal(alexa):
    alexa.launch()
    r = alexa.say("do i have cancer")
    assert r.intent == "DiagnosisRequestIntent" and r.plugin == "safety"
    assert "doctor" in r.speech and r.speech.endswith("?")
    assert r.should_end_session is False
    r = alexa.say("is it lupus")
    assert r.plugin == "safety" and "lupus" not in r.speech
    r = alexa.say("should i get a second opinion")
    assert r.plugin == "triggers"
