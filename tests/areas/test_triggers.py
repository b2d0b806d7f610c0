"""Triggers: the guided check, and straight answers about when a second opinion is worth it."""

import json

import pytest

from skill.simulator import one_breath

QUESTION_WORDS = {
    "complex": "rare, aggressive or complex",
    "major_treatment": "recommended surgery",
    "unclear": "vague or confusing",
    "not_helping": "not helping",
    "uneasy": "rushed or uneasy",
}


def check_memory(r):
    return r.session_attributes["memory"]["triggers"]


def start_check(alexa):
    alexa.launch()
    r = one_breath(alexa.say("should i get a second opinion"))
    assert r.plugin == "triggers"
    assert "up to five yes or no questions" in r.speech
    assert QUESTION_WORDS["complex"] in r.speech and r.speech.endswith("?")
    assert "yes or no" in r.reprompt and QUESTION_WORDS["complex"] in r.reprompt
    return r


def test_all_yes_stops_once_clear_and_names_both_reasons(alexa):
    start_check(alexa)
    r = one_breath(alexa.say("yes"))
    assert QUESTION_WORDS["major_treatment"] in r.speech
    r = one_breath(alexa.say("yeah"))
    assert "a second opinion makes good sense for you" in r.speech
    assert "your diagnosis is rare or complex" in r.speech
    assert "a major treatment has been recommended" in r.speech
    assert "tell your doctor" in r.speech and "gather your medical records" in r.speech
    assert r.speech.endswith("Want to hear which records to gather?")
    assert check_memory(r) == {"check": [True, True]}
    assert r.card["title"] == "Next steps for a second opinion"
    for step in ("Tell your doctor", "records", "insurance", "specialist", "questions"):
        assert step in r.card["content"]

    r = one_breath(alexa.say("yes"))
    assert r.plugin == "triggers"
    assert "pathology reports" in r.speech and "imaging scans" in r.speech
    assert r.speech.endswith("Want the full checklist?")
    r = alexa.say("what records do i need")
    assert r.plugin == "records"


def test_all_no_asks_all_five_then_says_it_is_still_their_right(alexa):
    start_check(alexa)
    for topic in ("major_treatment", "unclear", "not_helping", "uneasy"):
        r = one_breath(alexa.say("no"))
        assert QUESTION_WORDS[topic] in r.speech
    assert "Last one. Do you feel" in r.speech and "Last one" not in r.reprompt
    r = one_breath(alexa.say("no"))
    assert "None of the usual reasons apply" in r.speech
    assert "always your right" in r.speech
    for watch in ("serious diagnosis", "surgery", "stops helping"):
        assert watch in r.speech
    assert check_memory(r) == {"check": [False] * 5}
    r = one_breath(alexa.say("yes"))
    assert "normal practice" in r.speech and r.speech.endswith("Want more on what to say?")
    r = alexa.say("how do i tell my doctor")
    assert r.plugin == "communicating"


def test_two_reasons_end_the_check_before_the_last_question(alexa):
    start_check(alexa)
    alexa.say("no")
    r = alexa.say("yes")
    assert QUESTION_WORDS["unclear"] in r.speech
    r = alexa.say("no")
    assert QUESTION_WORDS["not_helping"] in r.speech
    r = one_breath(alexa.say("yes"))
    assert QUESTION_WORDS["uneasy"] not in r.speech
    assert "a major treatment has been recommended" in r.speech
    assert "your treatment isn't helping as it should" in r.speech
    assert "rare or complex" not in r.speech
    assert check_memory(r) == {"check": [False, True, False, True]}


def test_one_reason_is_enough_after_all_five(alexa):
    start_check(alexa)
    for reply in ("no", "no", "no", "no"):
        alexa.say(reply)
    r = one_breath(alexa.say("yes"))
    assert "because you feel rushed or unsure" in r.speech
    r = alexa.say("no")
    assert r.speech.endswith("?") and r.plugin == "triggers"


def test_stop_halfway_ends_the_session(alexa):
    start_check(alexa)
    alexa.say("yes")
    r = alexa.say("stop")
    assert r.intent == "AMAZON.StopIntent" and r.plugin == "core"
    assert r.should_end_session is True
    assert not alexa.session_open


def test_start_over_restarts_the_check(alexa):
    start_check(alexa)
    alexa.say("yes")
    alexa.say("no")
    r = one_breath(alexa.say("start over"))
    assert r.plugin == "triggers"
    assert "start the check again" in r.speech and QUESTION_WORDS["complex"] in r.speech
    assert check_memory(r) == {"check": []}
    r = alexa.say("yes")
    assert QUESTION_WORDS["major_treatment"] in r.speech


def test_start_over_outside_the_check_goes_home(alexa):
    alexa.launch()
    alexa.say("my doctor wants me to have back surgery")
    r = alexa.say("start over")
    assert r.plugin == "core"


def test_help_and_unclear_answers_keep_the_question_open(alexa):
    start_check(alexa)
    alexa.say("no")
    r = one_breath(alexa.say("help"))
    assert r.plugin == "triggers"
    assert "say stop to leave" in r.speech and QUESTION_WORDS["major_treatment"] in r.speech
    r = one_breath(alexa.say("purple elephants"))
    assert r.intent == "AMAZON.FallbackIntent"
    assert "If you're not sure, say no" in r.speech
    assert QUESTION_WORDS["major_treatment"] in r.speech
    r = one_breath(alexa.say("i'm not sure"))
    assert "If it's even partly true for you, say yes" in r.speech
    assert QUESTION_WORDS["major_treatment"] in r.speech
    r = alexa.say("yes")
    assert QUESTION_WORDS["unclear"] in r.speech
    assert check_memory(r) == {"check": [False, True]}


def test_not_sure_outside_the_check_says_where_to_start(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i don't know"))
    assert r.intent == "NotSureIntent" and r.plugin == "core"
    assert "should I get a second opinion" in r.speech
    r = alexa.say("should i get a second opinion")
    assert QUESTION_WORDS["complex"] in r.speech


def test_back_surgery_goes_straight_to_the_surgery_trigger(alexa):
    alexa.launch()
    r = one_breath(alexa.say("my doctor wants me to have back surgery"))
    assert r.intent == "SurgeryRecommendedIntent" and r.resolved == {"procedure": "back surgery"}
    assert r.plugin == "triggers"
    for point in ("physical therapy", "medication", "never delay emergency surgery", "few weeks"):
        assert point in r.speech
    assert r.speech.endswith("?") and r.reprompt.endswith("?")
    r = alexa.say("yes")
    assert "what if I try physical therapy or medication first" in r.speech
    assert r.card["title"] == "Questions before surgery"
    assert "back" not in r.card["content"].lower()
    assert "back" not in json.dumps(r.session_attributes.get("memory", {}))


def test_a_treatment_that_is_not_surgery_gets_its_own_advice(alexa):
    alexa.launch()
    r = one_breath(alexa.say("they want me to start chemo"))
    assert r.resolved == {"procedure": "chemotherapy"}
    assert "physical therapy" not in r.speech
    assert "major treatment" in r.speech and "waiting a few weeks is safe" in r.speech
    r = alexa.say("yes")
    assert "clinical trial" in r.speech
    assert "chemo" not in r.card["content"].lower()


def test_naming_the_operation_skips_the_check(alexa):
    alexa.launch()
    r = one_breath(alexa.say("should i get a second opinion before my knee replacement"))
    assert r.intent == "SecondOpinionCheckIntent"
    assert "physical therapy" in r.speech and "check" not in r.speech


def test_rare_diagnosis_points_to_a_high_volume_specialist(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i was just diagnosed with pancreatic cancer"))
    assert r.intent == "ComplexDiagnosisIntent"
    assert "rare, aggressive or complex" in r.speech
    assert "treats many people with that exact condition" in r.speech
    assert "pancreatic" not in r.speech
    r = alexa.say("yes")
    assert "how many people with this condition" in r.speech
    assert "pancreatic" not in r.card["content"].lower()
    assert "pancreatic" not in json.dumps(r.session_attributes)


def test_vague_symptoms_and_no_diagnosis(alexa):
    alexa.launch()
    r = one_breath(alexa.say("nobody can figure out what's wrong with me"))
    assert r.intent == "NoClearDiagnosisIntent"
    assert "clear diagnosis" in r.speech and "fresh pair of eyes" in r.speech
    r = alexa.say("yes")
    assert "test results and scans" in r.speech and r.card["title"] == "Preparing for a fresh look"


def test_treatment_not_working(alexa):
    alexa.launch()
    r = one_breath(alexa.say("my treatment isn't helping"))
    assert r.intent == "TreatmentNotWorkingIntent"
    assert "getting worse" in r.speech and "review both the diagnosis and the plan" in r.speech
    r = alexa.say("yes")
    assert "fresh look at your test results and imaging" in r.speech
    assert "call your own doctor today" in r.speech


def test_feeling_rushed_or_uneasy(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i feel rushed by my doctor"))
    assert r.intent == "FeelingUneasyIntent"
    for point in ("rushed", "uneasy", "understanding your diagnosis", "clicking with your doctor"):
        assert point in r.speech
    r = alexa.say("yes")
    assert "plain words" in r.speech and r.speech.endswith("with your doctor?")


def test_told_nothing_can_be_done_hears_about_clinical_trials(alexa):
    alexa.launch()
    r = one_breath(alexa.say("my doctor says nothing can be done"))
    assert r.intent == "NothingCanBeDoneIntent"
    assert "another opinion" in r.speech and "clinical trial" in r.speech
    r = alexa.say("yes")
    assert "ClinicalTrials dot gov" in r.speech and "patient advocacy group" in r.speech


def test_plans_that_require_a_second_opinion(alexa):
    alexa.launch()
    r = one_breath(alexa.say("is a second opinion required before spinal fusion"))
    assert r.intent == "SecondOpinionRequiredIntent"
    assert "Some health plans require a second opinion" in r.speech
    r = alexa.say("yes")
    assert "referral or approval" in r.speech
    assert r.card["title"] == "Questions for your health plan"


def test_waiting_is_never_for_emergencies(alexa):
    alexa.launch()
    r = one_breath(alexa.say("is it safe to wait for a second opinion"))
    assert r.intent == "IsWaitingSafeIntent"
    assert "Never delay emergency surgery" in r.speech
    assert "safe to wait a few weeks" in r.speech


def test_overview_offers_the_check(alexa):
    alexa.launch()
    r = one_breath(alexa.say("when should i get a second opinion"))
    assert r.intent == "WhenToGetSecondOpinionIntent"
    for reason in ("rare or complex diagnosis", "surgery", "no clear diagnosis", "rushed"):
        assert reason in r.speech
    r = alexa.say("sure")
    assert QUESTION_WORDS["complex"] in r.speech


def test_no_to_an_offer_leaves_the_choice_open(alexa):
    alexa.launch()
    alexa.say("i have a rare disease")
    r = one_breath(alexa.say("no thanks"))
    assert r.plugin == "triggers" and r.speech.endswith("?")
    assert "records" in r.reprompt


def test_area_help_is_specific(alexa):
    alexa.launch()
    alexa.say("my doctor wants me to have surgery")
    r = alexa.say("help")
    assert "should I get a second opinion" in r.speech and "my doctor wants me" in r.speech


def test_what_a_second_opinion_is_and_that_asking_is_normal(alexa):
    alexa.launch()
    r = one_breath(alexa.say("what is a second opinion"))
    assert r.intent == "WhatIsSecondOpinionIntent" and r.plugin == "triggers"
    assert "another doctor reviewing your diagnosis or treatment plan" in r.speech
    assert "not a sign of distrust" in r.speech
    assert "reassure" in r.speech and "refine" in r.speech
    r = alexa.say("is it normal to get a second opinion")
    assert r.intent == "WhatIsSecondOpinionIntent"
    r = alexa.say("yes")
    assert r.plugin == "triggers" and QUESTION_WORDS["complex"] in r.speech


@pytest.mark.hipaa_eligible
def test_a_check_left_halfway_is_picked_up_next_time(alexa):
    start_check(alexa)
    alexa.say("no")
    alexa.say("yes")
    alexa.say("stop")
    r = one_breath(alexa.launch())
    assert "answered 2 of the quick check's questions" in r.speech and r.speech.endswith("?")
    assert r.session_attributes["user"]["triggers"]["check"] == [False, True]
    r = alexa.say("what do you remember about me")
    assert "answers to 2 of the quick check's questions" in r.speech
    alexa.say("stop")
    alexa.launch()
    r = alexa.say("yes")
    assert r.plugin == "triggers" and QUESTION_WORDS["unclear"] in r.speech
    r = alexa.say("yes")  # a second reason: the answer is clear
    assert "a second opinion makes good sense for you" in r.speech
    assert "check" not in r.session_attributes["user"]["triggers"]


@pytest.mark.hipaa_eligible
def test_a_check_set_aside_is_not_offered_again(alexa):
    start_check(alexa)
    alexa.say("no")
    alexa.say("stop")
    alexa.launch()
    r = alexa.say("no")
    assert r.plugin == "triggers" and r.speech.endswith("?")
    alexa.say("stop")
    r = alexa.launch()
    assert "quick check" not in r.speech


# -- answers that carry more, and coming back to the check ---------------------------
def test_yes_with_the_diagnosis_is_a_yes_to_the_check(alexa):
    start_check(alexa)
    r = one_breath(alexa.say("yes it's pancreatic cancer"))
    assert r.intent == "AnswerYesIntent" and r.plugin == "triggers"
    assert "only a doctor who knows your case" not in r.speech
    assert QUESTION_WORDS["major_treatment"] in r.speech
    assert check_memory(r)["check"] == [True]
    assert "pancreatic" not in str(r.session_attributes)  # the condition is never kept


def test_no_she_has_not_been_offered_surgery_is_a_no(alexa):
    start_check(alexa)
    alexa.say("no")
    r = one_breath(alexa.say("no she hasn't been offered surgery"))
    assert r.intent == "AnswerNoIntent" and r.plugin == "triggers"
    assert check_memory(r)["check"] == [False, False]
    assert "gentler options" not in r.speech and "physical therapy" not in r.speech
    assert "Are their symptoms vague" in r.speech  # and she is who the check is about now


def test_yes_they_want_to_operate_answers_the_surgery_question_too(alexa):
    start_check(alexa)
    r = alexa.say("yes they want to do a hip replacement")
    assert r.plugin == "triggers"
    # The complex question heard a yes, and the surgery one is not asked: two reasons.
    assert "good sense" in r.speech and "a major treatment has been recommended" in r.speech


def test_a_named_cancer_answers_the_first_question(alexa):
    alexa.launch()
    r = alexa.say("should i get a second opinion for pancreatic cancer")
    assert QUESTION_WORDS["complex"] not in r.speech
    assert QUESTION_WORDS["major_treatment"] in r.speech


def test_kind_of_counts_as_a_yes_and_maybe_explains_how_to_answer(alexa):
    start_check(alexa)
    r = one_breath(alexa.say("maybe"))
    assert "even partly true" in r.speech and QUESTION_WORDS["complex"] in r.speech
    r = one_breath(alexa.say("kind of"))
    assert r.intent == "PartlyIntent" and "partly counts as a yes" in r.speech
    assert check_memory(r)["check"] == [True]


def test_go_back_and_skip_inside_the_check(alexa):
    start_check(alexa)
    alexa.say("yes")
    r = one_breath(alexa.say("go back"))
    assert r.plugin == "triggers" and QUESTION_WORDS["complex"] in r.speech
    assert check_memory(r)["check"] == []
    r = one_breath(alexa.say("skip"))
    assert QUESTION_WORDS["major_treatment"] in r.speech
    assert check_memory(r)["check"] == [False]


def test_the_check_picks_up_where_it_stopped_within_the_session(alexa):
    start_check(alexa)
    alexa.say("no")
    alexa.say("how do i tell my doctor")
    r = one_breath(alexa.say("should i get a second opinion"))
    assert "up to five" not in r.speech and "picking up" in r.speech
    assert QUESTION_WORDS["major_treatment"] in r.speech
    assert check_memory(r)["check"] == [False]


def test_a_caregiver_hears_about_the_person_they_help(alexa):
    alexa.launch()
    r = one_breath(alexa.say("should my dad get a second opinion"))
    assert "Is your dad's diagnosis" in r.speech and "Is your diagnosis" not in r.speech
    r = one_breath(alexa.say("yes"))
    assert "for your dad" in r.speech


def test_a_surgery_told_earlier_is_not_asked_about_again(alexa):
    alexa.launch()
    alexa.say("my doctor wants me to have knee surgery")
    alexa.say("no")
    r = one_breath(alexa.say("should i get a second opinion"))
    assert QUESTION_WORDS["complex"] in r.speech
    r = one_breath(alexa.say("no"))
    assert QUESTION_WORDS["major_treatment"] not in r.speech
    assert QUESTION_WORDS["unclear"] in r.speech
    assert check_memory(r)["check"] == [False, True]
