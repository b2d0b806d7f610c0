"""Offers and pointers to another area go with it: while it is blocked, nothing offers it.

An answer that leads to another area ends with a yes/no offer ("Want the full
checklist?"): a yes is answered by that area, a no keeps the session open.
"""

import pytest

from skill.settings import Settings
from skill.simulator import Conversation

# (area offered, a conversation that ends on the offer, the words of the offer)
OFFERS = [
    (
        "records",
        ["should i get a second opinion", "yes", "yes", "yes"],
        "Want the full checklist?",
    ),
    (
        "specialist",
        ["i have a rare disease", "yes"],
        "Want to hear how to find such a doctor?",
    ),
    (
        "insurance",
        ["is a second opinion required before spinal fusion", "yes"],
        "Want to hear more about coverage?",
    ),
    (
        "communicating",
        ["is it safe to wait for a second opinion", "yes"],
        "Want more on what to say?",
    ),
    (
        "communicating",
        ["i feel rushed by my doctor", "yes"],
        "Want tips on talking with your doctor?",
    ),
]

# (area pointed to, a conversation that ends on a menu of choices, the words naming it)
MENUS = [
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

GOODBYES = ("Goodbye", "Take care", "Good luck")


def talk(utterances, blocked=()):
    """Every turn of a one-shot conversation, with ``blocked`` areas switched off."""
    settings = Settings(verify=False, store="memory", disabled_plugins=tuple(blocked))
    alexa = Conversation(settings=settings, seed="pointers")
    return [alexa.say(utterance) for utterance in utterances]


def heard(turns):
    return " ".join(f"{turn.speech} {turn.reprompt}" for turn in turns)


@pytest.mark.parametrize(("area", "utterances", "offer"), OFFERS)
def test_an_offer_ends_the_answer_while_its_area_is_loaded(area, utterances, offer):
    last = talk(utterances)[-1]
    assert last.speech.endswith(offer)
    assert "ask:" not in last.speech
    assert last.reprompt.endswith("?") and not last.should_end_session


@pytest.mark.parametrize(("area", "utterances", "offer"), OFFERS)
def test_yes_to_an_offer_is_answered_by_the_offered_area(area, utterances, offer):
    turns = talk([*utterances, "yes"])
    assert turns[-1].plugin == area
    assert offer not in turns[-1].speech
    assert turns[-1].reprompt and not turns[-1].should_end_session


def test_a_yes_that_says_more_takes_the_offer_too():
    turns = talk(["should i get a second opinion", "yes", "yes", "yes", "yes it's for my mom"])
    assert turns[-1].plugin == "records"
    assert "records to gather" in turns[-1].speech


def test_the_first_one_takes_the_offer():
    turns = talk(["should i get a second opinion", "yes", "yes", "yes", "the first one"])
    assert turns[-1].plugin == "records"


@pytest.mark.parametrize(("area", "utterances", "offer"), OFFERS)
def test_no_to_an_offer_keeps_the_session_open(area, utterances, offer):
    last = talk([*utterances, "no"])[-1]
    assert last.plugin == "core"
    assert not last.should_end_session and last.reprompt
    assert last.speech.endswith("?")
    assert not any(goodbye in last.speech for goodbye in GOODBYES)


def test_after_declining_an_offer_a_question_is_answered_as_usual():
    turns = talk(["i have a rare disease", "yes", "no", "what records do i need"])
    assert turns[-1].plugin == "records"


def test_the_safety_gate_s_question_wins_over_an_open_offer():
    turns = talk(["should i get a second opinion", "yes", "yes", "yes", "my dad's stroke", "yes"])
    assert turns[-2].plugin == "safety"
    assert turns[-1].plugin == "safety" and turns[-1].should_end_session


@pytest.mark.parametrize(("area", "utterances", "pointer"), OFFERS + MENUS)
def test_a_blocked_area_is_never_offered_or_named(area, utterances, pointer):
    turns = talk(utterances, blocked=[area])
    assert pointer not in heard(turns)
    last = turns[-1]
    assert last.plugin == talk(utterances)[-1].plugin != area  # the same answer, less the pointer
    assert last.speech.endswith("?") and last.reprompt and not last.should_end_session


def test_with_records_blocked_the_records_answer_offers_a_specialist_instead():
    utterances = ["should i get a second opinion", "yes", "yes", "yes"]
    turns = talk([*utterances, "yes"], blocked=["records"])
    assert turns[-2].speech.endswith("Want tips on choosing the doctor?")
    assert turns[-1].plugin == "specialist"


def test_with_no_area_to_offer_a_yes_is_not_taken_for_one():
    blocked = ["records", "specialist"]
    turns = talk(["should i get a second opinion", "yes", "yes", "yes", "yes"], blocked=blocked)
    assert turns[-2].speech.endswith("What else would you like to know?")
    assert turns[-1].plugin not in blocked


@pytest.mark.parametrize(("area", "utterances", "pointer"), MENUS)
def test_a_menu_names_an_area_while_it_is_loaded(area, utterances, pointer):
    last = talk(utterances)[-1]
    assert pointer in last.speech
    assert last.speech.endswith("?") and last.reprompt


def test_with_every_other_area_blocked_an_area_offers_its_own_questions():
    others = ("triggers", "communicating", "insurance", "specialist", "outcomes")
    turns = talk(["do i have a right to my records", "no"], blocked=others)
    assert turns[-1].plugin == "records"
    assert "what am I still missing" in turns[-1].speech
    for phrase in ("insurance", "specialist", "tell my doctor", "disagree"):
        assert phrase not in heard(turns)


# (a conversation that ends on a menu of other areas, "the first one" / "the second one",
# the area that answers)
MENU_CHOICES = [
    (["do i have a right to my records", "no"], "the first one", "insurance"),
    (["do i have a right to my records", "no"], "the second one", "specialist"),
    (["how do i find a specialist", "no"], "the first one", "records"),
    (["how do i find a specialist", "no"], "the second one", "insurance"),
    (["does medicare pay for a second opinion", "no"], "the second one", "specialist"),
    (["does medicare pay for a second opinion", "no"], "the third one", "records"),
    (["should i stop taking my medication"], "the second one", "outcomes"),
]


@pytest.mark.parametrize(("utterances", "choice", "area"), MENU_CHOICES)
def test_a_menu_of_other_areas_is_chosen_from_by_order(utterances, choice, area):
    assert talk([*utterances, choice])[-1].plugin == area


def test_a_choice_counts_only_the_areas_the_menu_named():
    turns = talk(["do i have a right to my records", "no", "the first one"], blocked=["insurance"])
    assert turns[-1].plugin == "specialist"


def test_the_areas_a_reprompt_names_are_chosen_from_by_order():
    turns = talk(["are you a doctor", "the second one"])
    assert "what records do I need" in turns[0].reprompt
    assert turns[-1].plugin == "records"
    turns = talk(["are you a doctor", "the second one"], blocked=["records"])
    assert turns[-1].plugin == "specialist"
