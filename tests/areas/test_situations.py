"""Openings that name a condition, a stage, a finding or an operation, answered to fit."""

import json

import pytest

from skill.simulator import one_breath

UPBEAT = ("good news", "great", "glad", "wonderful")


def test_a_relative_with_a_staged_cancer_hears_about_a_high_volume_specialist(alexa):
    alexa.launch()
    r = one_breath(alexa.say("my mom has stage three colon cancer"), 45)
    assert r.intent == "ComplexDiagnosisIntent" and r.plugin == "triggers"
    assert r.resolved["condition"] == "colon cancer" and r.slots["stage"] == "3"
    assert "treats many people with that exact condition" in r.speech
    assert "colon" not in r.speech and "colon" not in json.dumps(r.session_attributes)
    r = alexa.say("yes")
    assert "how many people with this condition" in r.speech


def test_a_common_diagnosis_offers_the_quick_check(alexa):
    alexa.launch()
    r = one_breath(alexa.say("my dad has diabetes"), 45)
    assert r.intent == "ComplexDiagnosisIntent"
    assert "rare, aggressive or complex" not in r.speech
    assert "new diagnosis" in r.speech and r.speech.endswith("?")
    r = alexa.say("yes")
    assert "yes or no" in r.speech and r.plugin == "triggers"


@pytest.mark.parametrize(
    "opening",
    ["my biopsy came back positive", "they found a mass on my kidney"],
)
def test_a_finding_leads_to_a_fresh_look_at_scans_and_slides(alexa, opening):
    alexa.launch()
    r = one_breath(alexa.say(opening), 45)
    assert r.intent == "TestFindingIntent" and r.plugin == "triggers"
    assert "hard news" in r.speech and "biopsy slides themselves" in r.speech
    assert "kidney" not in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert "lab that holds the biopsy sends the slides" in r.speech
    assert "disc or secure link" in r.speech and r.speech.endswith("?")


@pytest.mark.parametrize(
    "opening, kind",
    [
        ("my dad's surgeon wants to do a knee replacement", "joint or spine"),
        ("my doctor wants me to have back surgery", "joint or spine"),
        ("my doctor wants me to have brain surgery", "less invasive"),
        ("the cardiologist wants to replace my heart valve", "less invasive"),
        ("my doctor wants me to have cataract surgery", "what the other options are"),
        ("they want to schedule a c-section", "what the other options are"),
        ("my doctor wants me to have a mastectomy", "cancer surgery"),
        ("my husband needs a transplant", "transplant"),
        ("the surgeon recommended an amputation", "I'm sorry you're facing this"),
        ("they want to amputate", "I'm sorry you're facing this"),
    ],
)
def test_surgery_advice_fits_the_kind_of_operation(alexa, opening, kind):
    alexa.launch()
    r = one_breath(alexa.say(opening), 45)
    assert r.intent == "SurgeryRecommendedIntent" and r.plugin == "triggers"
    assert kind in r.speech
    joint = kind == "joint or spine"
    assert ("physical therapy" in r.speech) is joint, r.speech
    assert not any(word in r.speech.lower() for word in UPBEAT)
    r = one_breath(alexa.say("yes"), 60)
    assert ("physical therapy" in r.speech) is joint, r.speech
    assert r.card and "General information, not medical advice." in r.card["content"]


def test_cancer_named_beside_a_plain_operation_hears_the_cancer_advice(alexa):
    alexa.launch()
    r = one_breath(alexa.say("my doctor recommended surgery for my lung cancer"), 45)
    assert r.resolved == {"procedure": "surgery", "condition": "lung cancer"}
    assert "cancer surgery" in r.speech and "physical therapy" not in r.speech


@pytest.mark.parametrize(
    "said",
    ["both doctors said i need surgery", "the surgeon recommended an amputation"],
)
def test_no_upbeat_words_in_hard_moments(alexa, said):
    alexa.launch()
    r = one_breath(alexa.say(said), 45)
    assert not any(word in r.speech.lower() for word in UPBEAT), r.speech


def test_scared_is_heard_as_a_feeling(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i'm scared"), 45)
    assert r.intent == "FeelingScaredIntent" and r.plugin == "triggers"
    assert "feeling scared is natural" in r.speech
    assert "surgery" not in r.speech and "operation" not in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert "someone you trust" in r.speech and "support" in r.speech
    r = alexa.say("i'm scared for my dad")
    assert r.intent == "FeelingScaredIntent"


def test_how_do_i_find_a_specialist_answers_the_how_first(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do i find a specialist"), 45)
    how = r.speech.index("refer you")
    for source in ("Medical associations", "patient advocacy groups"):
        assert r.speech.index(source) > how
    assert r.speech.index("what to check") > r.speech.index("patient advocacy groups")


@pytest.mark.parametrize("said", ["should i stop taking my medication", "what dose should i take"])
def test_medicine_questions_go_to_the_prescriber_or_a_pharmacist(alexa, said):
    alexa.launch()
    r = one_breath(alexa.say(said), 45)
    assert r.intent == "MedicineQuestionIntent" and r.plugin == "communicating"
    assert "don't stop or change a medicine on your own" in r.speech
    assert (
        "prescriber or a pharmacist" in r.speech
        and "can't advise on medicines or doses" in r.speech
    )
    assert "record" not in r.speech.lower() and r.speech.endswith("?")


def test_answers_speak_of_the_person_being_helped(alexa):
    alexa.launch()
    alexa.say("my dad has parkinson's")
    r = one_breath(alexa.say("his treatment isn't helping"), 45)
    assert r.intent == "TreatmentNotWorkingIntent"
    assert "helping your dad" in r.speech and "you're getting worse" not in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert "what your dad has tried" in r.speech


def test_questions_to_ask_are_about_the_person_being_helped(alexa):
    alexa.launch()
    r = alexa.say("my dad's surgeon wants to do a knee replacement")
    assert "joint or spine" in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert "what if your dad tries physical therapy" in r.speech
    assert "what if I try" not in r.speech
