"""Realistic conversations, never shown to the model, must mostly go right."""

import json

from conversation_set import load, play_all, utterances

from skill.settings import MODELS_DIR
from skill.simulator.normalize import normalize

REQUIRED_SHARE = 0.9


def test_enough_realistic_conversations():
    conversations = load()
    assert len(conversations) >= 120
    assert all(1 <= len(conversation["turns"]) <= 5 for conversation in conversations)
    assert len({conversation["id"] for conversation in conversations}) == len(conversations)


def test_no_heldout_utterance_is_a_sample_of_the_model():
    """An utterance the model already holds would measure nothing: the set stays unseen."""
    model = json.loads((MODELS_DIR / "en-US.json").read_text())["interactionModel"]
    samples = {
        normalize(sample)
        for intent in model["languageModel"]["intents"]
        for sample in intent["samples"]
    }
    copies = [said for said in utterances(load()) if normalize(said) in samples]
    assert copies == [], "held-out utterances copied into the model; write new ones instead"


def test_realistic_conversations_go_right():
    outcomes = play_all()
    misses = [outcome for outcome in outcomes if not outcome.right]
    share = 1 - len(misses) / len(outcomes)
    print(f"held-out conversations: {share:.0%} of {len(outcomes)} went right")
    report = "\n".join(f"{outcome.id}: " + "; ".join(outcome.problems) for outcome in misses)
    assert share >= REQUIRED_SHARE, f"{share:.0%} went right; misses:\n{report}"
