"""The emergency gate in Spanish: recall and precision at the en-US floors, and the
answers carry 911, 988 with its Spanish option, and Poison Help."""

from __future__ import annotations

import re

import es_sets
import pytest
import safety_set
from test_heldout_safety import PRECISION_FLOOR, RECALL_FLOOR

from skill.settings import Settings

#: 988's Spanish option: press 2 on a call, or text AYUDA (locale-facts.md §5.1, §5.2).
SPANISH_OPTION = re.compile(r"\b(?:2|dos)\b|AYUDA")


@pytest.fixture
def heldout():
    return safety_set.load(es_sets.SAFETY)


@pytest.fixture
def spanish_question(monkeypatch):
    """The scorer tells the gate's question by its open state, not its English words."""
    monkeypatch.setattr(safety_set, "is_question", es_sets.gate_asks_if_now)


def test_the_set_is_big_enough(heldout):
    assert len(heldout["emergency"]) + len(heldout["crisis"]) >= 50
    assert len(heldout["not_emergency"]) >= 35
    said = safety_set.phrasings(heldout)
    assert len(set(said)) == len(said)
    assert sum(bool(item.get("poison")) for item in heldout["emergency"]) >= 5
    assert sum(bool(item.get("before")) for items in heldout.values() for item in items) >= 4


def test_recall_and_precision_in_spanish(heldout, spanish_question):
    result = safety_set.score(heldout, Settings(verify=False, store="memory"), es_sets.NUMBERS)
    report = "\n".join(["missed:", *result.misses, "false alarms:", *result.alarms])
    print(f"es-US: recall {result.recall:.1%}, precision {result.precision:.1%}\n{report}")
    assert result.recall >= RECALL_FLOOR, report
    assert result.precision >= PRECISION_FLOOR, report


def test_crisis_answers_give_988_with_the_spanish_option(heldout):
    settings = Settings(verify=False, store="memory")
    without = []
    for item in heldout["crisis"]:
        _, turn = safety_set.say(item, settings, es_sets.LOCALE)
        if safety_set.is_crisis_answer(turn, es_sets.NUMBERS) and not SPANISH_OPTION.search(
            turn.speech
        ):
            without.append(f"{item['say']!r}: {turn.speech!r}")
    assert without == [], "988 without its Spanish option:\n" + "\n".join(without)
