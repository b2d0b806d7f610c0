"""One interaction model per English locale, built from en-US and a reviewed overlay.

The models must be current (rebuilding changes nothing), pass Alexa's rules, hold every
intent a handler answers, and hear each country's own words; the skill answers in them.
"""

from __future__ import annotations

import json
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

import pytest

from skill.app import create_app
from skill.settings import MODELS_DIR, Settings
from skill.simulator import Conversation
from skill.simulator.check import ERROR, check
from skill.simulator.model import load_model
from skill.simulator.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
# The generator is a script without a .py suffix: load it by path.
loader = SourceFileLoader("build_locale_models", str(ROOT / "scripts/build-locale-models"))
build_locale_models = module_from_spec(spec_from_loader(loader.name, loader))
loader.exec_module(build_locale_models)
LOCALES = build_locale_models.overlay_locales()

#: Words each country says that its model must hear, as samples or slot values.
VOCABULARY = {
    "en-GB": ["gp", "consultant", "nhs", "a and e", "subject access request", "surgery"],
    "en-CA": ["family doctor", "walk in clinic", "health card", "provincial plan", "ohip"],
    "en-AU": ["gp", "bulk bill", "medicare rebate", "referral", "my health record", "gap"],
    "en-IN": ["mediclaim", "cashless", "tpa", "network hospital", "empanelled", "nabh"],
}


def heard_text(locale: str) -> str:
    model = load_model(locale)
    words = [s for intent in model.intents.values() for s in intent.samples]
    document = json.loads((MODELS_DIR / f"{locale}.json").read_text())
    for slot_type in document["interactionModel"]["languageModel"]["types"]:
        for value in slot_type["values"]:
            words += [value["name"]["value"], *value["name"].get("synonyms", [])]
    return "\n".join(normalize(word) for word in words)


def test_the_four_english_locales_have_overlays():
    assert LOCALES == ["en-AU", "en-CA", "en-GB", "en-IN"]


@pytest.mark.parametrize("locale", LOCALES)
def test_each_model_is_what_the_generator_builds_from_en_us(locale):
    on_disk = (MODELS_DIR / f"{locale}.json").read_text(encoding="utf-8")
    assert on_disk == build_locale_models.build(locale), (
        f"{locale}.json is out of date: run scripts/build-locale-models"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_each_model_passes_alexas_rules(locale):
    errors = [f for f in check(load_model(locale)) if f.level == ERROR]
    assert errors == []


@pytest.mark.parametrize("locale", LOCALES)
def test_each_model_hears_its_countrys_words(locale):
    text = heard_text(locale)
    missing = [word for word in VOCABULARY[locale] if word not in text]
    assert missing == []


def test_us_only_samples_are_left_out_elsewhere():
    for locale in LOCALES:
        assert "medicare part b" not in heard_text(locale).splitlines()
    assert "medicare part b" in heard_text("en-US").splitlines()


def test_a_swap_adds_a_twin_and_keeps_the_original():
    twins = build_locale_models.swapped("how do i tell my doctor", [["my doctor", "my GP"]])
    assert twins == ["how do i tell my GP"]
    assert build_locale_models.swapped("my doctors disagree", [["my doctor", "my GP"]]) == []


def test_every_locale_has_every_intent_of_en_us():
    intents = set(load_model("en-US").intents)
    for locale in LOCALES:
        assert set(load_model(locale).intents) == intents


@pytest.mark.parametrize("locale", LOCALES)
def test_the_skill_answers_in_each_locale_and_lists_it(locale):
    app = create_app(Settings(verify=False, store="memory"))
    client = app.test_client()
    assert locale in client.get("/healthz").get_json()["locales"]
    envelope = json.loads((ROOT / "tests/host/launch.json").read_text())
    envelope["request"]["locale"] = locale
    answer = client.post("/alexa", json=envelope)
    assert answer.status_code == 200, answer.get_data(as_text=True)


def test_a_locale_without_a_model_is_still_refused():
    app = create_app(Settings(verify=False, store="memory"))
    envelope = json.loads((ROOT / "tests/host/launch.json").read_text())
    envelope["request"]["locale"] = "en-NZ"
    assert app.test_client().post("/alexa", json=envelope).status_code == 400


@pytest.mark.parametrize(
    "locale,said,heard",
    [
        ("en-GB", "is a second opinion free on the NHS", "GP to refer you"),
        ("en-CA", "is a second opinion covered by my provincial plan", "family doctor"),
        ("en-AU", "does the specialist bulk bill", "the gap"),
        ("en-IN", "will my mediclaim pay for a second opinion", "policy wording"),
    ],
)
def test_each_country_hears_its_own_cover(locale, said, heard):
    turn = Conversation(locale=locale, settings=Settings(verify=False, store="memory")).say(said)
    assert turn.plugin == "insurance" and heard in turn.speech
