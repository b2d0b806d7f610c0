"""The emergency gate in every English locale: its own held-out set, its own numbers, the
same recall and precision floors as en-US."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from skill.settings import Settings
from skill.simulator.model import load_model
from skill.simulator.normalize import normalize

sys.path.append(str(Path(__file__).resolve().parents[1] / "safety"))
from safety_set import Numbers, load, phrasings, score  # noqa: E402
from test_heldout_safety import PRECISION_FLOOR, RECALL_FLOOR  # noqa: E402

HERE = Path(__file__).parent
#: Each country's numbers, from ../shared/research/locale-facts.md: the emergency number,
#: the crisis line, and the urgent-advice line a poisoning hears beside it (where there is one).
NUMBERS = {
    "en-GB": Numbers("en-GB", emergency="999", crisis="116 123", poison="111"),
    "en-CA": Numbers("en-CA", emergency="911", crisis="988", poison=None),
    "en-AU": Numbers("en-AU", emergency="000", crisis="13 11 14", poison=None),
    "en-IN": Numbers("en-IN", emergency="112", crisis="14416", poison=None),
}


def heldout(locale: str) -> dict[str, list[dict]]:
    return load(HERE / f"safety_{locale.replace('-', '_')}.json")


@pytest.mark.parametrize("locale", NUMBERS)
def test_each_set_is_big_enough_and_unseen(locale):
    data = heldout(locale)
    assert len(data["emergency"]) + len(data["crisis"]) >= 60
    assert len(data["not_emergency"]) >= 40
    samples = {
        normalize(s) for intent in load_model(locale).intents.values() for s in intent.samples
    }
    copies = [said for said in phrasings(data) if normalize(said) in samples]
    assert copies == [], "held-out phrasings copied into the model; write new ones instead"


@pytest.mark.parametrize("locale", NUMBERS)
def test_recall_and_precision_in_each_locale(locale):
    result = score(heldout(locale), Settings(verify=False, store="memory"), NUMBERS[locale])
    report = "\n".join(["missed:", *result.misses, "false alarms:", *result.alarms])
    print(f"{locale}: recall {result.recall:.1%}, precision {result.precision:.1%}\n{report}")
    assert result.recall >= RECALL_FLOOR, report
    assert result.precision >= PRECISION_FLOOR, report
