"""Pointers to another area go with it: while it is blocked, nothing offers it."""

import pytest

from skill.settings import Settings
from skill.simulator import Conversation

# (area pointed to, a conversation that ends on the pointer, the words of the pointer)
POINTERS = [
    (
        "records",
        ["should i get a second opinion", "yes", "yes", "yes"],
        "For the full list, ask: what records do I need.",
    ),
    (
        "specialist",
        ["i have a rare disease", "yes"],
        "To find such a doctor, ask: how do I find a specialist.",
    ),
    (
        "insurance",
        ["is a second opinion required before spinal fusion", "yes"],
        "For more on coverage, ask: will insurance cover a second opinion.",
    ),
    (
        "communicating",
        ["is it safe to wait for a second opinion", "yes"],
        "For more on what to say, ask: how do I tell my doctor.",
    ),
    (
        "outcomes",
        ["what should i ask the second doctor", "no"],
        "you can ask: what if the doctors disagree.",
    ),
    (
        "insurance",
        ["do i have a right to my records", "no"],
        "will insurance cover a second opinion",
    ),
    (
        "records",
        ["can i get a second opinion online", "yes", "no"],
        "what records do I need",
    ),
    (
        "specialist",
        ["does medicare pay for a second opinion", "no"],
        "how do I find a specialist",
    ),
]


def talk(utterances, blocked=()):
    """Every turn of a one-shot conversation, with ``blocked`` areas switched off."""
    settings = Settings(verify=False, store="memory", disabled_plugins=tuple(blocked))
    alexa = Conversation(settings=settings, seed="pointers")
    return [alexa.say(utterance) for utterance in utterances]


def heard(turns):
    return " ".join(f"{turn.speech} {turn.reprompt}" for turn in turns)


@pytest.mark.parametrize(("area", "utterances", "pointer"), POINTERS)
def test_a_pointer_is_offered_while_its_area_is_loaded(area, utterances, pointer):
    last = talk(utterances)[-1]
    assert pointer in last.speech
    assert last.speech.endswith("?") and last.reprompt


@pytest.mark.parametrize(("area", "utterances", "pointer"), POINTERS)
def test_a_blocked_area_is_never_offered(area, utterances, pointer):
    turns = talk(utterances, blocked=[area])
    assert pointer not in heard(turns)
    last = turns[-1]
    assert last.plugin == talk(utterances)[-1].plugin != area  # the same answer, less the pointer
    assert last.speech.endswith("?") and last.reprompt and not last.should_end_session


def test_with_every_other_area_blocked_an_area_offers_its_own_questions():
    others = ("triggers", "communicating", "insurance", "specialist", "outcomes")
    turns = talk(["do i have a right to my records", "no"], blocked=others)
    assert turns[-1].plugin == "records"
    assert "what am I still missing" in turns[-1].speech
    for phrase in ("insurance", "specialist", "tell my doctor", "disagree"):
        assert phrase not in heard(turns)
