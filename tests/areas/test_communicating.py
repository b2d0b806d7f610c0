"""Communicating: telling your doctor, words to use, the referral, and questions to take along."""

import json

from skill.simulator import one_breath


def test_telling_your_doctor_then_words_then_referral(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do i tell my doctor i want a second opinion"))
    assert r.plugin == "communicating"
    assert "normal practice" in r.speech and "not a sign of distrust" in r.speech
    assert "most doctors support it" in r.speech
    assert r.speech.endswith("Want some words to use?")

    r = one_breath(alexa.say("yes please"))
    assert "I'd like a second opinion before we go ahead" in r.speech
    assert "Could you recommend someone, and send them my records?" in r.speech
    assert r.card["title"] == "Words for your doctor"
    assert "send them my records" in r.card["content"]

    r = one_breath(alexa.say("yes"))
    assert "who they'd recommend" in r.speech and "outside their own practice" in r.speech
    assert "send your records" in r.speech
    assert r.speech.endswith("Want questions for the second doctor?")

    r = alexa.say("yes")
    assert r.speech.startswith("Here are 7 questions for the second doctor")


def test_questions_for_the_second_doctor_are_paged_with_a_card(alexa):
    alexa.launch()
    r = one_breath(alexa.say("what should i ask the second doctor"))
    assert r.intent == "QuestionsForSecondDoctorIntent"
    assert "7 questions" in r.speech
    assert "Why do you recommend this treatment?" in r.speech
    assert "other options" in r.speech and "risks" in r.speech
    assert "What happens if I wait" not in r.speech
    assert "4 more" in r.speech and r.speech.endswith("?")
    card = r.card["content"]
    assert r.card["title"] == "Questions for the second doctor"
    for n in range(1, 8):
        assert f"{n}. " in card

    r = one_breath(alexa.say("next"))
    assert "What happens if I wait" in r.speech
    assert "How much experience do you have with this condition" in r.speech
    r = one_breath(alexa.say("go back"))
    assert "Why do you recommend this treatment?" in r.speech
    alexa.say("more")
    r = one_breath(alexa.say("yes"))
    assert "daily life" in r.speech
    assert "you can ask: what if the doctors disagree" in r.speech and r.speech.endswith("?")
    assert "what records do I need, or what if the doctors disagree" in r.reprompt


def test_the_card_never_repeats_the_procedure(alexa):
    alexa.launch()
    r = alexa.say("what should i ask about spinal fusion")
    assert r.intent == "QuestionsForSecondDoctorIntent"
    assert r.resolved == {"procedure": "spinal fusion"}
    assert "fusion" not in r.card["content"].lower()
    assert "fusion" not in json.dumps(r.session_attributes)


def test_worried_the_doctor_will_be_offended(alexa):
    alexa.launch()
    r = one_breath(alexa.say("will my doctor be offended"))
    assert r.intent == "DoctorReactionIntent"
    assert "most doctors expect the request" in r.speech and "your right" in r.speech
    r = alexa.say("yes")
    assert "I'd like a second opinion" in r.speech


def test_asking_for_a_referral_and_records(alexa):
    alexa.launch()
    r = one_breath(alexa.say("can my doctor recommend someone"))
    assert r.intent == "AskForReferralIntent"
    assert "independent view" in r.speech and "check they arrived" in r.speech
    r = one_breath(alexa.say("no"))
    assert r.speech.endswith("?") and "what to ask the second doctor" in r.reprompt


def test_words_to_use_on_request(alexa):
    alexa.launch()
    r = one_breath(alexa.say("what should i say to my doctor"))
    assert r.intent == "WhatToSayIntent"
    assert "I'd like a second opinion before we go ahead" in r.speech


def test_area_help_is_specific(alexa):
    alexa.launch()
    alexa.say("how do i tell my doctor")
    r = alexa.say("help")
    assert "words to use" in r.speech and "questions for the second doctor" in r.speech
