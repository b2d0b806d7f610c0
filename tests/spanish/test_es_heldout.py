"""Spanish phrasings the es-US model has never seen reach the right area, one-shot."""

from __future__ import annotations

import es_sets
import test_locale_heldout as locale_heldout
from conversation_set import load as load_conversations
from conversation_set import utterances
from safety_set import load as load_safety
from safety_set import phrasings as safety_phrasings


def test_the_routing_set_covers_every_area():
    items = es_sets.routing()
    assert len(items) >= 60
    assert len({item["utterance"] for item in items}) == len(items)
    areas = {item["area"] for item in items}
    assert {"triggers", "communicating", "records", "insurance", "specialist", "outcomes"} <= areas
    assert "core" in areas


def test_no_spanish_heldout_utterance_is_a_sample_of_the_model():
    """An utterance the model already holds would measure nothing: every set stays unseen."""
    said = [
        *(item["utterance"] for item in es_sets.routing()),
        *safety_phrasings(load_safety(es_sets.SAFETY)),
        *utterances(load_conversations(es_sets.CONVERSATIONS)),
    ]
    samples = es_sets.model_samples()
    copies = sorted({words for words in said if es_sets.normalize(words) in samples})
    assert copies == [], "held-out utterances copied into the es-US model; write new ones instead"


def test_spanish_phrasings_reach_their_area(monkeypatch):
    # The English locales' scorer, fed the Spanish set: one-shot, fresh user, 90 % floor.
    monkeypatch.setattr(locale_heldout, "phrasings", lambda locale: es_sets.routing())
    locale_heldout.test_heldout_phrasings_reach_their_area(es_sets.LOCALE)
