"""The resolver: exact samples, slots, entity resolution, numbers, paraphrases, fallback."""

import pytest

from skill.simulator.resolver import FALLBACK, THRESHOLD


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what should I bring to my appointment", "ChecklistIntent"),
        ("What should I bring to my appointment?", "ChecklistIntent"),
        ("  which   papers should I take with me ", "ChecklistIntent"),
        ("is it safe to wait a few weeks", "WaitingIntent"),
        ("ask the fragment question", "FragmentIntent"),
    ],
)
def test_exact_samples_score_one(resolver, text, intent):
    found = resolver.resolve(text)
    assert (found.intent, found.score) == (intent, 1.0)


def test_slot_value_resolves_to_catalogue_entry(resolver):
    found = resolver.resolve("tell me about imaging scans")
    assert found.intent == "TopicIntent" and found.score == 1.0
    topic = found.slots["topic"]
    assert (topic.value, topic.resolved, topic.id) == ("imaging scans", "imaging scans", "IMAGING")


@pytest.mark.parametrize(
    ("spoken", "canonical", "value_id"),
    [
        ("MRI scans", "imaging scans", "IMAGING"),
        ("x-rays", "imaging scans", "IMAGING"),
        ("C.T. scans", "imaging scans", "IMAGING"),
        ("biopsy results", "pathology report", "PATHOLOGY"),
        ("pathology reports", "pathology report", "PATHOLOGY"),
    ],
)
def test_synonyms_resolve_case_and_punctuation_blind(resolver, spoken, canonical, value_id):
    topic = resolver.resolve(f"explain {spoken}").slots["topic"]
    assert (topic.resolved, topic.id) == (canonical, value_id)


def test_value_without_id_gets_a_stable_generated_id(resolver):
    first = resolver.resolve("explain operative report").slots["topic"]
    again = resolver.resolve("tell me about the operative report").slots["topic"]
    assert first.resolved == "operative report"
    assert first.id and len(first.id) == 32 and first.id == again.id


def test_unknown_custom_value_passes_through_unmatched(resolver):
    found = resolver.resolve("tell me about genetic counselling")
    assert found.intent == "TopicIntent"
    topic = found.slots["topic"]
    assert topic.value == "genetic counselling" and topic.matches == () and topic.custom
    assert found.score < 1.0


@pytest.mark.parametrize(
    ("spoken", "digits"),
    [("five", "5"), ("twenty five", "25"), ("a hundred and two", "102"), ("3", "3")],
)
def test_number_slot_normalised_to_digits(resolver, spoken, digits):
    found = resolver.resolve(f"I have seen {spoken} doctors")
    assert found.intent == "CountIntent"
    assert found.slots["count"].value == digits


def test_number_slot_refuses_words_that_are_not_a_number(resolver):
    found = resolver.resolve("I have seen many doctors")
    assert "count" not in found.slots


def test_search_query_takes_the_words_as_spoken(resolver):
    found = resolver.resolve("make a note that the scan is on Tuesday")
    assert found.intent == "NoteIntent"
    assert found.slots["note"].value == "the scan is on tuesday"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what should I bring with me to the appointment", "ChecklistIntent"),
        ("which papers do I take", "ChecklistIntent"),
        ("is waiting a few weeks safe", "WaitingIntent"),
        ("how long can I wait", "WaitingIntent"),
        ("I've seen two doctors so far", "CountIntent"),
        ("could you tell me about biopsy results please", "TopicIntent"),
    ],
)
def test_paraphrases_resolve_with_a_score_below_one(resolver, text, intent):
    found = resolver.resolve(text)
    assert found.intent == intent, found
    assert THRESHOLD <= found.score < 1.0


def test_paraphrase_fills_catalogue_slot(resolver):
    found = resolver.resolve("can you explain the x rays to me")
    assert found.intent == "TopicIntent"
    assert found.slots["topic"].id == "IMAGING"


@pytest.mark.parametrize(
    "text",
    [
        "purple monkey dishwasher",
        "what is the capital of france",
        "play some jazz music",
        "",
        "?!",
        "the",
    ],
)
def test_nonsense_falls_back(resolver, text):
    found = resolver.resolve(text)
    assert found.intent == FALLBACK
    assert found.score < THRESHOLD


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("help", "AMAZON.HelpIntent"),
        ("what can I say", "AMAZON.HelpIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("cancel", "AMAZON.CancelIntent"),
        ("never mind", "AMAZON.CancelIntent"),
        ("go home", "AMAZON.NavigateHomeIntent"),
        ("main menu", "AMAZON.NavigateHomeIntent"),
        ("yes please", "AMAZON.YesIntent"),
        ("yeah", "AMAZON.YesIntent"),
        ("no thanks", "AMAZON.NoIntent"),
        ("say that again", "AMAZON.RepeatIntent"),
    ],
)
def test_built_in_intents_have_alexas_phrasings(resolver, text, intent):
    assert resolver.resolve(text).intent == intent


def test_built_ins_the_model_leaves_out_are_not_heard(resolver):
    # The test model has no NextIntent: Alexa would never send it.
    assert resolver.resolve("next").intent != "AMAZON.NextIntent"


def test_ambiguous_words_report_alternatives(resolver):
    found = resolver.resolve("bring scans")
    names = [name for name, _ in found.alternatives]
    assert found.alternatives and names == sorted(names, key=lambda n: -dict(found.alternatives)[n])
