"""Held-out phrasings (not copied from the samples) must reach the right area."""

import json
from pathlib import Path

from skill.settings import MODELS_DIR, Settings
from skill.simulator import Conversation
from skill.simulator.normalize import normalize

HELDOUT = Path(__file__).parent / "heldout_en_US.json"
REQUIRED_SHARE = 0.9


def test_heldout_phrasings_reach_their_area():
    phrasings = json.loads(HELDOUT.read_text())["phrasings"]
    assert len(phrasings) >= 40
    settings = Settings(verify=False, store="memory")
    misses = []
    for item in phrasings:
        # A one-shot request each, from a fresh user, as if said cold to a speaker.
        turn = Conversation(settings=settings, lint=False, seed=item["utterance"]).say(
            item["utterance"]
        )
        if turn.plugin != item["area"]:
            misses.append(
                f"  {item['utterance']!r}: want {item['area']}, got {turn.plugin} "
                f"({turn.intent} {turn.score:.2f}; closest {turn.resolution.alternatives[:2]})"
            )
    share = 1 - len(misses) / len(phrasings)
    print(f"held-out: {share:.0%} of {len(phrasings)} resolved to the right area")
    assert share >= REQUIRED_SHARE, f"{share:.0%} right; misses:\n" + "\n".join(misses)


def test_no_heldout_phrasing_is_a_sample_of_the_model():
    """A phrasing the model already holds would measure nothing: the set must stay unseen."""
    model = json.loads((MODELS_DIR / "en-US.json").read_text())["interactionModel"]
    samples = {
        normalize(sample)
        for intent in model["languageModel"]["intents"]
        for sample in intent["samples"]
    }
    phrasings = json.loads(HELDOUT.read_text())["phrasings"]
    copies = [item["utterance"] for item in phrasings if normalize(item["utterance"]) in samples]
    assert copies == [], "held-out phrasings copied into the model; write new ones instead"
