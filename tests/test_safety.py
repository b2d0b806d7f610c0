"""The emergency gate answers first, in any state, and leaves alone what isn't an emergency."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from skill import safety
from skill.safety.handlers import SAFETY
from skill.simulator import Conversation

MODEL = Path(__file__).resolve().parents[1] / "interaction_models" / "en-US.json"
POISON_HELP = '<say-as interpret-as="telephone">1-800-222-1222</say-as>'


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
    assert r.plugin == "safety", (r.intent, r.slots, r.speech)
    assert "911" in r.speech and "can't place calls" in r.speech
    assert '<say-as interpret-as="telephone">911</say-as>' in r.ssml
    assert r.should_end_session is True and not r.reprompt
    assert r.card and "911" in r.card["content"]
    assert len(r.speech.split()) <= 40


def assert_crisis(r):
    assert r.plugin == "safety", (r.intent, r.slots, r.speech)
    assert '<say-as interpret-as="telephone">988</say-as>' in r.ssml
    assert "can't place calls" in r.speech
    assert r.should_end_session is False and "988" in r.reprompt and r.speech.endswith("?")
    assert r.card and "988" in r.card["content"]


def assert_question(r):
    assert r.plugin == "safety" and r.speech == "Is this happening right now?"
    assert r.should_end_session is False and r.reprompt


def assert_not_gated(r):
    assert "911" not in r.speech and "988" not in r.speech and "right now?" not in r.speech, (
        r.intent,
        r.slots,
        r.speech,
    )
    assert r.should_end_session is False and r.reprompt


# -- the examples ---------------------------------------------------------------
@pytest.mark.parametrize(
    "utterance",
    [
        "my husband just collapsed",
        "he's turning blue",
        "my mom is suddenly confused and slurring her words",
        "i'm having the worst headache of my life",
        "i can't feel one side of my body",
        "i think i'm having a heart attack",
        "tell second opinion guide my husband can't breathe",
        "call nine one one",
        "call an ambulance",
        "get me help",
        "i suddenly lost my vision",
    ],
)
def test_emergencies_as_people_say_them(alexa, utterance):
    alexa.launch()
    assert_emergency(alexa.say(utterance))


def test_a_child_who_swallowed_pills_hears_911_and_poison_help(alexa):
    alexa.launch()
    r = alexa.say("my child swallowed some pills")
    assert_emergency(r)
    assert POISON_HELP in r.ssml and "1-800-222-1222" in r.card["content"]


def test_someone_fainting_inside_the_records_list(alexa):
    alexa.launch()
    assert alexa.say("what records do i need").plugin == "records"
    r = alexa.say("wait my wife just fainted")
    assert_emergency(r)
    assert not alexa.session_open


@pytest.mark.parametrize(
    "utterance",
    [
        "i was diagnosed with epilepsy and i'm having a seizure",
        "my dad has heart failure and he just collapsed",
        "i have lupus and i can't breathe",
    ],
)
def test_a_sentence_that_starts_with_a_diagnosis_and_ends_in_an_emergency(alexa, utterance):
    alexa.launch()
    assert_emergency(alexa.say(utterance))


@pytest.mark.parametrize("utterance", ["i think i overdosed", "i took too many pills"])
def test_an_overdose_hears_poison_help_too(alexa, utterance):
    alexa.launch()
    r = alexa.say(utterance)
    assert_emergency(r)
    assert POISON_HELP in r.ssml


@pytest.mark.parametrize(
    "utterance",
    [
        "what's the point of going on",
        "i don't see the point of living anymore",
        "nobody would miss me if i was gone",
        "i want to kill myself",
        "no point going on",
        "i'd be better off dead",
        "i don't want to be here anymore",
        "nobody would miss me",
        "i'm thinking about hurting myself",
    ],
)
def test_crises_as_people_say_them(alexa, utterance):
    alexa.launch()
    assert_crisis(alexa.say(utterance))


@pytest.mark.parametrize(
    "utterance, area",
    [
        ("my husband had a heart attack in march and they want bypass surgery", "triggers"),
        ("i had chest pain last month and now they want heart surgery", "triggers"),
        ("i'm worried about my mom's heart attack risk", None),
        ("i'm killing myself trying to get these records", "records"),
        ("after my stroke last year", None),
        ("my heart attack risk", None),
        ("they want to put in a stent", "triggers"),
        ("i had a heart attack in march", None),
        ("this insurance is killing me", "insurance"),
        ("i'm dying to know", None),
    ],
)
def test_past_events_risks_and_idioms_reach_the_guidance(alexa, utterance, area):
    alexa.launch()
    r = alexa.say(utterance)
    assert_not_gated(r)
    if area:
        assert r.plugin == area, (r.intent, r.slots)


# -- "Is this happening right now?" ---------------------------------------------------------
@pytest.mark.parametrize("utterance", ["chest pain", "my dad's stroke"])
def test_an_ambiguous_mention_asks_and_yes_is_the_emergency_answer(alexa, utterance):
    alexa.launch()
    assert_question(alexa.say(utterance))
    assert_emergency(alexa.say("yes"))


def test_an_ambiguous_mention_asks_and_no_carries_on(alexa):
    alexa.launch()
    assert_question(alexa.say("my dad's stroke"))
    r = alexa.say("no")
    assert_not_gated(r)
    assert r.plugin == "safety" and "second opinion" in r.speech
    r = alexa.say("what records do i need")
    assert r.plugin == "records"


def test_no_carries_on_to_the_guidance_the_sentence_was_about(alexa):
    alexa.launch()
    r = alexa.intent("SurgeryRecommendedIntent", procedure="surgery for my stroke")
    assert_question(r)
    r = alexa.say("no")
    assert_not_gated(r)
    assert r.plugin == "triggers"
    assert "safety" not in (alexa.session_attributes.get("memory") or {})


def test_words_that_name_no_sign_get_the_hosts_answer_not_the_question(alexa):
    alexa.launch()
    r = alexa.intent("UrgentMentionIntent", mention="purple elephants")
    assert r.plugin == "core" and r.speech.endswith("?") and not r.should_end_session
    assert_question(alexa.intent("UrgentMentionIntent", mention="his bad chest pains again"))


def test_a_when_settles_it_without_a_question(alexa):
    alexa.launch()
    assert_not_gated(alexa.say("about my heart attack in march"))
    assert_emergency(alexa.say("chest pain right now"))


def test_a_past_event_in_a_guidance_slot_is_not_asked_about(alexa):
    alexa.launch()
    r = alexa.intent("SurgeryRecommendedIntent", procedure="surgery after my stroke last year")
    assert_not_gated(r)
    assert r.plugin == "triggers"


def test_the_held_request_is_kept_in_the_session_only(alexa):
    alexa.launch()
    assert_question(alexa.say("my husband's seizure"))
    assert "held" in alexa.session_attributes["memory"]["safety"]
    alexa.say("no")
    db = Path(alexa.settings.db_path)
    stored = b"".join(path.read_bytes() for path in db.parent.glob(db.name + "*"))
    assert stored and b"seizure" not in stored


def test_yes_to_an_overdose_mention_hears_poison_help(alexa):
    alexa.launch()
    assert_question(alexa.say("my son's overdose"))
    r = alexa.say("yes")
    assert_emergency(r)
    assert POISON_HELP in r.ssml


@pytest.mark.parametrize("forged", [{"intent": {"slots": "x"}}, {"intent": "x"}, {}])
def test_a_held_request_that_isnt_what_the_gate_wrote_is_let_go(alexa, forged):
    alexa.launch()
    assert_question(alexa.say("chest pain"))
    alexa.session_attributes["memory"]["safety"]["held"] = forged  # the session, as sent back
    r = alexa.say("no")
    assert "sorry" not in r.speech.lower() and "911" not in r.speech


def test_unsure_about_now_is_treated_as_now(alexa):
    alexa.launch()
    assert_question(alexa.say("chest pain"))
    assert_emergency(alexa.say("i'm not sure"))


def test_the_question_wins_over_the_quick_checks_yes_and_no(alexa):
    alexa.launch()
    alexa.say("should i get a second opinion")
    assert_question(alexa.say("chest pain"))
    assert_emergency(alexa.say("yes"))


def test_moving_on_instead_of_answering_drops_the_question(alexa):
    alexa.launch()
    assert_question(alexa.say("chest pain"))
    assert alexa.say("what records do i need").plugin == "records"
    assert "safety" not in (alexa.session_attributes.get("memory") or {})
    r = alexa.say("yes")
    assert "911" not in r.speech


# -- mid-flow, in every area -------------------------------------------------------------------
AREAS = {
    "records": ["what records do i need"],
    "triggers": ["should i get a second opinion", "yes"],
    "communicating": ["how do i tell my doctor"],
    "insurance": ["does insurance cover a second opinion"],
    "specialist": ["how do i find a specialist"],
    "outcomes": ["the two doctors disagree"],
}


@pytest.mark.parametrize("area", AREAS)
def test_an_emergency_mid_flow_in_every_area(alexa, area):
    alexa.launch()
    for said in AREAS[area]:
        assert alexa.say(said).plugin == area
    assert_emergency(alexa.say("hang on my mom just collapsed"))


@pytest.mark.parametrize("area", AREAS)
def test_a_crisis_mid_flow_in_every_area(alexa, area):
    alexa.launch()
    for said in AREAS[area]:
        alexa.say(said)
    assert_crisis(alexa.say("i don't want to be here anymore"))


def test_emergency_in_the_middle_of_the_quick_check(alexa):
    alexa.launch()
    alexa.say("should i get a second opinion")
    alexa.say("yes")
    r = alexa.say("i have chest pain")
    assert_emergency(r)
    assert not alexa.session_open
    assert alexa.launch().plugin == "core"


def test_emergency_words_heard_in_another_intents_slot_trip_the_gate(alexa):
    alexa.launch()
    alexa.say("should i get a second opinion")
    assert_emergency(alexa.intent("ComplexDiagnosisIntent", condition="a stroke right now"))
    alexa.launch()
    assert_crisis(
        alexa.intent("SurgeryRecommendedIntent", procedure="surgery i want to end it all")
    )


def test_a_caregiver_hears_what_to_do_for_the_person_they_worry_about(alexa):
    alexa.launch()
    r = alexa.say("my daughter is suicidal")
    assert_crisis(r)
    assert "danger right now" in r.speech and "911" in r.speech
    assert "these thoughts" not in r.speech


def test_someone_named_earlier_doesnt_change_who_a_crisis_is_about(alexa):
    alexa.launch()
    alexa.say("my mom was diagnosed with breast cancer")
    r = alexa.say("i want to kill myself")
    assert_crisis(r)
    assert "these thoughts" in r.speech and "looking out for them" not in r.speech


# -- after a crisis answer ------------------------------------------------------------------------
def test_after_a_crisis_answer_yes_carries_on(alexa):
    alexa.launch()
    assert_crisis(alexa.say("i want to end it all"))
    r = alexa.say("yes")
    assert r.plugin == "safety" and not r.should_end_session and r.speech.endswith("?")
    assert "988" not in r.speech
    assert alexa.say("what records do i need").plugin == "records"


def test_after_a_crisis_answer_no_ends_with_the_line_again(alexa):
    alexa.launch()
    assert_crisis(alexa.say("i want to end it all"))
    r = alexa.say("no")
    assert r.should_end_session and "988" in r.speech and r.card


def test_after_a_crisis_answer_the_user_can_simply_ask(alexa):
    alexa.launch()
    assert_crisis(alexa.say("i can't go on living like this"))
    assert alexa.say("how do i find a specialist").plugin == "specialist"


# -- the numbers -----------------------------------------------------------------------------------
NUMBERS = {
    "en-US": ("911", "988"),
    "en-CA": ("911", "988"),
    "en-GB": ("999", "116 123"),
    "en-AU": ("000", "13 11 14"),
    "en-IN": ("112", "14416"),
}


def telephone(number):
    return f'<say-as interpret-as="telephone">{number}</say-as>'


@pytest.mark.parametrize("locale", NUMBERS)
def test_every_locale_speaks_its_own_numbers(locale):
    emergency, crisis = NUMBERS[locale]
    strings = SAFETY.strings
    for key in ("safety.emergency", "safety.poison", "safety.fallback_net"):
        assert telephone(emergency) in strings.get(locale, key), key
    assert telephone(crisis) in strings.get(locale, "safety.crisis")
    assert telephone(crisis) in strings.get(locale, "safety.crisis.other")
    assert emergency in strings.get(locale, "safety.crisis.other")
    assert telephone(crisis) in strings.get(locale, "safety.crisis.reprompt")
    assert telephone(crisis) in strings.get(locale, "safety.crisis.leave")
    card = strings.get(locale, "safety.card")
    assert emergency in card and crisis in card and "<" not in card
    others = {n for other, pair in NUMBERS.items() if other != locale for n in pair} - {
        emergency,
        crisis,
    }
    spoken = " ".join(strings.get(locale, key) for key in ("safety.emergency", "safety.crisis"))
    assert not any(telephone(number) in spoken for number in others)


def test_poison_help_beside_911_in_the_us_only():
    us = SAFETY.strings.get("en-US", "safety.poison")
    assert POISON_HELP in us and telephone("911") in us
    assert "1-800-222-1222" not in SAFETY.strings.get("en-CA", "safety.poison")


def test_the_card_never_holds_what_the_user_said(alexa):
    alexa.launch()
    r = alexa.say("my husband is having a heart attack")
    assert "husband" not in r.card["content"].lower() and "heart" not in r.card["content"].lower()


# -- the model, phrasing by phrasing ----------------------------------------------------------
def one_shot(utterance):
    alexa = Conversation()
    alexa.launch()
    return alexa.say(utterance)


def test_every_emergency_phrasing_reaches_the_gate():
    missed = []
    for utterance in model_samples("EmergencyIntent"):
        r = one_shot(utterance)
        if not (r.plugin == "safety" and r.should_end_session and "911" in r.speech):
            missed.append((utterance, r.intent, r.speech[:40]))
    assert missed == []


def test_every_crisis_phrasing_reaches_the_gate():
    missed = []
    for utterance in model_samples("CrisisIntent"):
        r = one_shot(utterance)
        if not (r.plugin == "safety" and "988" in r.speech and not r.should_end_session):
            missed.append((utterance, r.intent, r.speech[:40]))
    assert missed == []


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


def test_a_can_fulfill_request_is_never_the_gates():
    request = SimpleNamespace(object_type="CanFulfillIntentRequest", intent=None)
    handler_input = SimpleNamespace(request_envelope=SimpleNamespace(request=request))
    assert safety.classify(handler_input) is None


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


def test_nothing_said_is_logged_at_info(alexa, caplog):
    caplog.set_level("INFO")
    alexa.launch()
    alexa.say("my dad's stroke")
    alexa.say("no")
    assert not re.search(r"stroke|dad", caplog.text)
