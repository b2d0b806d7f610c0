"""Each locale's held-out phrasings, in its country's words, reach the right area."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skill.settings import MODELS_DIR, Settings
from skill.simulator import Conversation
from skill.simulator.model import load_model
from skill.simulator.normalize import normalize

HERE = Path(__file__).parent
#: The English locales built from en-US with an overlay: each has its own held-out set.
LOCALES = sorted(path.stem for path in (MODELS_DIR / "overlays").glob("*.json"))
REQUIRED_SHARE = 0.9


def phrasings(locale: str) -> list[dict]:
    path = HERE / f"heldout_{locale.replace('-', '_')}.json"
    return json.loads(path.read_text(encoding="utf-8"))["phrasings"]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_heldout_phrasing_is_a_sample_of_the_locales_model(locale):
    samples = {
        normalize(s) for intent in load_model(locale).intents.values() for s in intent.samples
    }
    copies = [
        item["utterance"] for item in phrasings(locale) if normalize(item["utterance"]) in samples
    ]
    assert copies == [], "held-out phrasings copied into the model; write new ones instead"


@pytest.mark.parametrize("locale", LOCALES)
def test_heldout_phrasings_reach_their_area(locale):
    items = phrasings(locale)
    assert len(items) >= 40
    settings = Settings(verify=False, store="memory")
    misses = []
    right_by_block: dict[int, list[bool]] = {}
    for item in items:
        # A one-shot request each, from a fresh user, as if said cold to a speaker.
        said = item["utterance"]
        turn = Conversation(locale=locale, settings=settings, lint=False, seed=said).say(said)
        right_by_block.setdefault(item.get("block", 1), []).append(turn.plugin == item["area"])
        if turn.plugin != item["area"]:
            misses.append(f"  {said!r}: want {item['area']}, got {turn.plugin} ({turn.intent})")
    share = 1 - len(misses) / len(items)
    blocks = ", ".join(
        f"block {block} {sum(right) / len(right):.0%} of {len(right)}"
        for block, right in sorted(right_by_block.items())
    )
    print(f"{locale} held-out: {share:.0%} of {len(items)} resolved to the right area ({blocks})")
    assert share >= REQUIRED_SHARE, f"{share:.0%} right; misses:\n" + "\n".join(misses)


def test_every_english_locale_but_the_default_has_its_sets():
    served = sorted(path.stem for path in MODELS_DIR.glob("en-*.json"))
    assert [locale for locale in served if locale != "en-US"] == LOCALES
    for locale in LOCALES:
        tag = locale.replace("-", "_")
        assert (HERE / f"heldout_{tag}.json").is_file() and (HERE / f"safety_{tag}.json").is_file()
