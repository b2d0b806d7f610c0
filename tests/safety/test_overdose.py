"""Too much of a medicine, said by the person or someone with them, is a poisoning."""

import pytest

from skill.simulator import Conversation

OVERDOSES = [
    "i think my mom took too much of her heart medicine",
    "grandpa took double his insulin",
    "i'm scared my husband took too many of his sleeping pills",
    "my toddler got into my blood pressure pills",
]


@pytest.mark.parametrize("said", OVERDOSES)
def test_an_overdose_hears_911_and_poison_help(said):
    turn = Conversation().say(said)
    assert turn.plugin == "safety"
    assert "911" in turn.speech and "1-800-222-1222" in turn.ssml
    assert turn.should_end_session


def test_a_question_about_a_dose_is_no_emergency():
    turn = Conversation().say("how much tylenol is safe for my daughter")
    assert turn.plugin != "safety"
    assert "pharmacist" in turn.speech and not turn.should_end_session


def test_a_hedged_yes_about_someone_answers_the_question_not_the_crisis_line():
    alexa = Conversation()
    alexa.say("should my mother get a second opinion")
    turn = alexa.say("i think she is")
    assert turn.plugin == "triggers" and "988" not in turn.speech


def test_worn_down_by_paperwork_is_not_a_crisis():
    turn = Conversation().say("i can't do this paperwork anymore")
    assert turn.plugin != "safety" and not turn.should_end_session
