"""Invocation phrasing: launch phrases and one-shot requests with connecting words."""

import pytest

from skill.simulator.invocation import parse

NAME = "second opinion guide"


@pytest.mark.parametrize(
    "text",
    [
        "open second opinion guide",
        "Alexa, open Second Opinion Guide",
        "launch second opinion guide",
        "start the second opinion guide",
        "talk to second opinion guide",
        "second opinion guide",
        "ask second opinion guide",
    ],
)
def test_launch_phrases(text):
    found = parse(text, NAME)
    assert found is not None and found.kind == "launch"


@pytest.mark.parametrize(
    ("text", "heard"),
    [
        ("ask second opinion guide what records I need", "what records i need"),
        ("Alexa, ask second opinion guide about insurance", "insurance"),
        ("ask second opinion guide whether I need a second opinion", "i need a second opinion"),
        ("ask second opinion guide for help", "help"),
        ("tell second opinion guide that the doctors disagree", "the doctors disagree"),
        ("ask second opinion guide to read my checklist", "read my checklist"),
        ("what records do I need using second opinion guide", "what records do i need"),
        ("open second opinion guide and tell me about records", "tell me about records"),
    ],
)
def test_one_shot_phrases_keep_the_request(text, heard):
    found = parse(text, NAME)
    assert found is not None and (found.kind, found.utterance) == ("one-shot", heard)


@pytest.mark.parametrize("text", ["what records do I need", "ask my doctor", "open the door"])
def test_text_without_the_name_is_not_an_invocation(text):
    assert parse(text, NAME) is None
