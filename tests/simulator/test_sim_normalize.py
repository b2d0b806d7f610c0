"""Text normalisation shared by samples and utterances."""

import pytest

from skill.simulator.normalize import normalize, number_value, stem


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("What’s a Second-Opinion?", "what is a second opinion"),
        ("I can't  breathe!!", "i can not breathe"),
        ("Don't I need my doctor's notes", "do not i need my doctor notes"),
        ("we'll see, they're   late", "we will see they are late"),
        ("C.T. scans", "c t scans"),
    ],
)
def test_normalize(text, normal):
    assert normalize(text) == normal


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("records", "record", "recorded", "recording"), True),
        (("referred", "refer"), True),
        (("studies", "study"), True),
        (("called", "call"), True),
        (("felt", "feel", "feeling"), True),
        (("this", "thi"), False),
    ],
)
def test_stem_meets_word_forms(words, same):
    assert (len({stem(w) for w in words}) == 1) is same


@pytest.mark.parametrize(
    ("spoken", "value"),
    [
        ("five", "5"),
        ("twenty-five", "25"),
        ("one hundred and twenty three", "123"),
        ("a thousand", "1000"),
        ("two thousand twenty four", "2024"),
        ("minus three", "-3"),
        ("42", "42"),
        ("banana", None),
        ("", None),
    ],
)
def test_number_value(spoken, value):
    assert number_value(spoken) == value
