"""Realistic Spanish conversations, never shown to the es-US model, mostly go right."""

from __future__ import annotations

import functools

import conversation_set
import es_sets
from test_heldout_conversations import REQUIRED_SHARE

from skill.simulator import Conversation


def test_enough_realistic_spanish_conversations():
    conversations = conversation_set.load(es_sets.CONVERSATIONS)
    assert len(conversations) >= 45
    assert all(1 <= len(conversation["turns"]) <= 5 for conversation in conversations)
    assert len({conversation["id"] for conversation in conversations}) == len(conversations)


def test_spanish_conversations_go_right(monkeypatch):
    # The English scorer plays each conversation; only the locale it speaks changes.
    monkeypatch.setattr(
        conversation_set, "Conversation", functools.partial(Conversation, locale=es_sets.LOCALE)
    )
    outcomes = conversation_set.play_all(conversation_set.load(es_sets.CONVERSATIONS))
    misses = [outcome for outcome in outcomes if not outcome.right]
    share = 1 - len(misses) / len(outcomes)
    print(f"es-US conversations: {share:.0%} of {len(outcomes)} went right")
    report = "\n".join(f"{outcome.id}: " + "; ".join(outcome.problems) for outcome in misses)
    assert share >= REQUIRED_SHARE, f"{share:.0%} went right; misses:\n{report}"
