"""A sign that comes and goes with a long-standing condition is no emergency now, but the
answer still names the number; the same sign happening now is an emergency."""

import pytest

from skill.simulator import Conversation

COMES_AND_GOES = [
    ("en-US", "my husband has heart failure and gets winded sometimes", "911"),
    ("en-US", "i have angina and get chest pain when i climb stairs", "911"),
    ("en-GB", "my mum has COPD and on and off she struggles to breathe", "999"),
    ("es-US", "mi esposo tiene insuficiencia cardíaca y de vez en cuando le falta el aire", "911"),
    ("es-US", "tengo angina y me da dolor de pecho cuando subo escaleras", "911"),
]
HAPPENING_NOW = [
    ("en-US", "my husband has heart failure and can't breathe right now", "911"),
    ("es-US", "mi esposo tiene insuficiencia cardíaca y ahorita no puede respirar", "911"),
]


@pytest.mark.parametrize(("locale", "said", "number"), COMES_AND_GOES)
def test_a_sign_that_comes_and_goes_keeps_the_session_and_names_the_number(
    locale, said, number
):
    turn = Conversation(locale=locale).say(said)
    assert turn.plugin == "safety" and turn.intent == "HealthHistoryIntent"
    assert number in turn.speech and not turn.should_end_session


@pytest.mark.parametrize(("locale", "said", "number"), HAPPENING_NOW)
def test_the_same_sign_happening_now_is_an_emergency(locale, said, number):
    turn = Conversation(locale=locale).say(said)
    assert turn.plugin == "safety" and number in turn.speech and turn.should_end_session


def test_a_condition_and_a_sign_with_no_word_of_when_is_never_taken_as_past():
    turn = Conversation(locale="en-GB").say("my mum has COPD and she struggles to breathe")
    assert turn.plugin == "safety"
    assert turn.should_end_session or "right now" in turn.speech


def test_the_gate_asks_when_a_history_sign_comes_with_a_condition_and_no_when():
    from skill.safety import signs
    from skill.turn import Slot

    breath = Slot("struggles to breathe", "can't breathe", "CANT_BREATHE")
    copd = Slot("copd", "a lung disease", "LUNG_DISEASE")
    assert signs.read({"history": breath, "condition": copd}, "en-US") == signs.UNSURE
    sometimes = Slot("sometimes", "sometimes", signs.RECURRING)
    assert signs.read({"history": breath, "condition": copd, "when": sometimes}, "en-US") is None
    assert signs.read({"history": breath}, "en-US") is None  # "I had trouble breathing"
