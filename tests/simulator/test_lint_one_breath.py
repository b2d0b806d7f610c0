"""The one-breath rules: at most three options a turn (every answer), at most 45 words in a
first answer (checked by ``one_breath``)."""

import pytest

from skill.simulator import ONE_BREATH, one_breath
from skill.simulator.lint import MAX_OPTIONS, lint, options_offered


def answer(text):
    body = {
        "outputSpeech": {"type": "SSML", "ssml": f"<speak>{text}</speak>"},
        "reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Which?</speak>"}},
        "shouldEndSession": False,
    }
    return {"version": "1.0", "response": body}


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("Say yes or no.", 2),
        ("You can ask about records, insurance, or finding a doctor. Which?", 3),
        ("You can ask about when, how, records, or insurance. Which?", 4),
        ("Test results. Pathology reports. Imaging scans.", 0),
        ("Call triple zero, 000, now, or have someone near you call.", 3),
    ],
)
def test_options_are_counted_per_sentence(said, count):
    assert options_offered(said) == count


def test_a_fourth_option_breaks_the_rule_three_do_not():
    rules = {p.rule for p in lint(answer("Ask about a, b, c, or d?"), request_type="IntentRequest")}
    assert rules == {"too-many-options"}
    assert not lint(answer("Ask about a, b, or c?"), request_type="IntentRequest")
    assert MAX_OPTIONS == 3


def test_a_first_answer_fits_in_45_words():
    class Said:
        speech = " ".join(["word"] * ONE_BREATH)

    assert ONE_BREATH == 45
    assert one_breath(Said) is Said
    Said.speech += " more"
    with pytest.raises(AssertionError, match="one-breath: 46 spoken words"):
        one_breath(Said)
