"""A returning user is greeted with where they left off, kept across sessions."""

import pytest


def test_returning_user_hears_the_area_they_were_last_in(alexa):
    alexa.launch()
    alexa.say("how do i find a specialist")
    alexa.say("stop")
    r = alexa.launch()
    assert "not medical advice" not in r.speech
    assert "Last time, we talked about" in r.speech
    assert "specialist" in r.speech and r.speech.endswith("?")
    assert r.session_attributes["user"]["core"]["last_area"] == "specialist"


@pytest.mark.hipaa_eligible
def test_records_progress_comes_before_the_last_area(alexa):
    alexa.launch()
    alexa.say("i have my imaging scans")
    alexa.say("how do i find a specialist")
    alexa.say("stop")
    r = alexa.launch()
    assert "1 of 9" in r.speech and "Last time" not in r.speech
    assert r.session_attributes["question"] == {"area": "records", "about": "resume"}


def test_safety_and_host_answers_are_not_a_place_to_come_back_to(alexa):
    alexa.launch()
    alexa.say("do i have cancer")
    alexa.say("stop")
    r = alexa.launch()
    assert "Last time" not in r.speech


def test_what_is_remembered_includes_the_last_area(alexa):
    alexa.launch()
    alexa.say("how do i find a specialist")
    r = alexa.say("what do you remember about me")
    assert "we last talked about finding a specialist" in r.speech
