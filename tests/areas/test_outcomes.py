"""Outcomes: weighing the second opinion when the doctors agree, differ, or split on surgery."""

from skill.simulator import one_breath


def test_when_the_doctors_agree(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i got my second opinion now what"))
    assert r.intent == "AfterSecondOpinionIntent" and r.plugin == "outcomes"
    assert r.speech.endswith("Did the two doctors agree?")
    r = one_breath(alexa.say("yes"))
    assert "go ahead with more confidence" in r.speech
    assert "fits what matters to you" in r.speech
    assert "differ" not in r.speech
    r = one_breath(alexa.say("yes"))
    assert "your own values and goals" in r.speech and "a choice you can live with" in r.speech


def test_when_they_differ_through_to_the_final_call(alexa):
    alexa.launch()
    alexa.say("what do i do after the second opinion")
    r = one_breath(alexa.say("no"))
    assert "explain their reasoning and the evidence" in r.speech
    assert "surgeon" in r.speech and "non-surgical specialist" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "third opinion" in r.speech and "isn't linked to either" in r.speech
    assert "primary care doctor" in r.speech and "weigh them" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "your own values and goals" in r.speech and "a choice you can live with" in r.speech
    assert r.speech.endswith("?") and r.reprompt


def test_surgeon_says_operate_other_doctor_says_physical_therapy(alexa):
    alexa.launch()
    r = one_breath(alexa.say("the surgeon says operate but the other doctor says physical therapy"))
    assert r.intent == "SurgeryVersusTherapyIntent" and r.plugin == "outcomes"
    assert "Surgeons see what an operation can fix" in r.speech
    assert "evidence" in r.speech
    assert "if I try physical therapy first, for how long" in r.speech
    assert "Will surgery still be an option later" in r.speech
    assert r.card["title"] == "When one doctor says surgery and another says therapy"
    r = one_breath(alexa.say("yes"))
    assert "third opinion" in r.speech


def test_the_second_doctor_agreed(alexa):
    alexa.launch()
    r = one_breath(alexa.say("the second opinion confirmed my diagnosis"))
    assert r.intent == "OpinionsAgreeIntent" and r.plugin == "outcomes"
    assert "go ahead with more confidence" in r.speech
    assert r.speech.endswith("how to make the final call?")


def test_the_doctors_disagree_directly(alexa):
    alexa.launch()
    r = one_breath(alexa.say("what if the doctors disagree"))
    assert r.intent == "OpinionsDifferIntent"
    assert "reasoning and the evidence" in r.speech


def test_third_opinion_and_primary_care(alexa):
    alexa.launch()
    r = one_breath(alexa.say("should i get a third opinion"))
    assert r.intent == "ThirdOpinionIntent"
    assert "third opinion" in r.speech and "primary care doctor" in r.speech
    r = one_breath(alexa.say("can my family doctor help me compare the opinions"))
    assert r.intent == "PrimaryCareReviewIntent"
    assert "generalist" in r.speech and "both reports" in r.speech
    r = one_breath(alexa.say("no"))
    assert r.plugin == "outcomes" and r.speech.endswith("?")


def test_how_often_a_second_opinion_changes_things(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how often does a second opinion change the diagnosis"))
    assert r.intent == "HowOftenOpinionsChangeIntent"
    assert "changed for about 21 percent" in r.speech
    assert "refined for about 66 percent" in r.speech
    assert "only about 12 percent" in r.speech
    r = alexa.say("yes")
    assert "reasoning and the evidence" in r.speech


def test_making_the_final_decision(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do i make the final decision"))
    assert r.intent == "MakeTheDecisionIntent"
    assert "values and goals" in r.speech and "live with" in r.speech


def test_area_help_is_specific(alexa):
    alexa.launch()
    alexa.say("the doctors agree")
    r = alexa.say("help")
    assert "third opinion" in r.speech and "what if the doctors disagree" in r.speech
