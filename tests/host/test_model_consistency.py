"""The interaction model and the handlers agree, both ways, as Alexa needs them to."""

import json
from collections import Counter

import pytest

from skill.area import AnswerHandler
from skill.runtime import SkillRuntime
from skill.settings import MODELS_DIR, Settings

LOCALES = sorted(path.stem for path in MODELS_DIR.glob("*.json"))


@pytest.fixture(scope="module")
def handlers():
    return SkillRuntime(Settings(verify=False, store="memory")).handlers


def language_model(locale):
    return json.loads((MODELS_DIR / f"{locale}.json").read_text())["interactionModel"][
        "languageModel"
    ]


def claims(handlers, *, primary_only=False):
    """(intent, plugin) for every intent a handler claims."""
    found = []
    for handler in handlers:
        inner = handler.inner
        if primary_only and (
            isinstance(inner, AnswerHandler) or getattr(inner, "only_when_current", False)
        ):
            continue  # follow-ups and in-area overrides share their intent on purpose
        found += [(intent, handler.plugin) for intent in getattr(inner, "intents", ())]
    return found


def test_there_is_a_model_per_locale():
    assert "en-US" in LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_every_intent_a_handler_claims_is_in_the_model(handlers, locale):
    names = {intent["name"] for intent in language_model(locale)["intents"]}
    missing = sorted({intent for intent, _ in claims(handlers)} - names)
    assert not missing, f"handled but not in {locale}.json: {missing}"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_custom_intent_has_exactly_one_handler(handlers, locale):
    counts = Counter(intent for intent, _ in claims(handlers, primary_only=True))
    for intent in language_model(locale)["intents"]:
        name = intent["name"]
        if name.startswith("AMAZON."):
            continue
        assert counts[name] == 1, f"{name}: {counts[name]} handlers"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_slot_type_is_defined_or_built_in(locale):
    model = language_model(locale)
    defined = {slot_type["name"] for slot_type in model.get("types", [])}
    for intent in model["intents"]:
        for slot in intent.get("slots", []):
            assert slot["type"].startswith("AMAZON.") or slot["type"] in defined, slot
    used = {slot["type"] for intent in model["intents"] for slot in intent.get("slots", [])}
    assert defined <= used, f"slot types no intent uses: {sorted(defined - used)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_built_ins_the_host_answers_are_in_the_model(handlers, locale):
    names = {intent["name"] for intent in language_model(locale)["intents"]}
    host = {intent for intent, plugin in claims(handlers) if plugin == "core"}
    assert {"AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.FallbackIntent"} <= host
    assert host <= names
