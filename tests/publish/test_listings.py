"""Store listings per locale: each country's own words, found by file, checked by certify."""

from __future__ import annotations

import json

import pytest

from skill.contract import served_locales
from skill.publish import certify, manifest
from skill.settings import MODELS_DIR
from skill.simulator.check import ERROR

LOCALES = served_locales(MODELS_DIR)
ENGLISH = [locale for locale in LOCALES if locale.startswith("en-")]
#: The number each English listing tells a reader to call in an emergency.
EMERGENCY = {"en-US": "911", "en-GB": "999", "en-CA": "911", "en-AU": "000", "en-IN": "112"}
#: Words from each country's health system that its listing names.
OWN_WORDS = {
    "en-GB": ["NHS", "GP", "consultant"],
    "en-CA": ["family doctor", "provincial health plan"],
    "en-AU": ["GP", "Medicare", "gap"],
    "en-IN": ["mediclaim", "PM-JAY", "NABH"],
}


def listings(package) -> dict[str, dict]:
    document = json.loads((package / "skill-package" / "skill.json").read_text())
    return document["manifest"]["publishingInformation"]["locales"]


def test_every_served_locale_is_listed_in_the_package(lambda_package):
    assert set(listings(lambda_package)) == set(LOCALES)


@pytest.mark.parametrize("locale", sorted(OWN_WORDS))
def test_each_english_locale_has_a_listing_in_its_countrys_words(locale, lambda_package):
    listing = listings(lambda_package)[locale]
    us = listings(lambda_package)["en-US"]
    for key in ("summary", "description", "updatesDescription", "keywords", "examplePhrases"):
        assert listing[key] != us[key], f"{locale} {key} is the US one"
    for word in OWN_WORDS[locale]:
        assert word in listing["description"], f"{locale} description never says {word!r}"
    assert listing["examplePhrases"] == manifest.LISTING.raw(locale, "examples")


@pytest.mark.parametrize("locale", ENGLISH)
def test_each_english_listing_names_its_own_emergency_number(locale, lambda_package):
    description = listings(lambda_package)[locale]["description"]
    assert f"call {EMERGENCY[locale]}" in description or "(000)" in description
    others = {number for other, number in EMERGENCY.items() if number != EMERGENCY[locale]}
    assert not [number for number in others if number in description]


def test_the_countries_follow_the_locales_with_no_table():
    assert manifest.country_of("en-GB") == "GB"
    assert manifest.country_of("es-US") == "US"
    assert manifest.country_of("pt-BR") == "BR"


def test_a_listing_copied_into_another_country_fails(broken, runtime):
    def copy(m):
        locales = m["publishingInformation"]["locales"]
        locales["en-GB"]["description"] = locales["en-US"]["description"]

    broken.manifest(copy)
    found = [f for f in certify.certify(broken.root, runtime, talk=False) if f.level == ERROR]
    copied = [f"{f.where}: {f.message}" for f in found if f.rule == "manifest-listing-country"]
    assert len(copied) == 1 and "en-GB" in copied[0] and "en-US" in copied[0], copied


def test_the_same_country_may_share_a_listing_in_two_languages():
    same = {"en-US": {"description": "A"}, "es-US": {"description": "A"}}
    assert certify._copied_listings(same) == []
    assert certify._copied_listings({"en-AU": {"description": "A"}, "en-IN": {"description": "A"}})


def test_another_language_opens_the_skill_in_its_own_words():
    name = "guía de segunda opinión"
    called = certify._called(
        f"Alexa, pídele a {name} que me diga qué documentos necesito", name, "es-US"
    )
    assert called.kind == "one-shot" and called.utterance == "que me diga qué documentos necesito"
    assert certify._called(f"Alexa, abre {name}", name, "es-US").kind == "launch"
    assert certify._called("Alexa, abre otra cosa", name, "es-US") is None
    # English keeps Alexa's English grammar: a Spanish opening is not an English example.
    assert certify._called(f"Alexa, pídele a {name} que me ayude", name, "en-US") is None


def test_an_example_the_locale_model_does_not_route_fails(broken, runtime):
    broken.manifest(
        lambda m: m["publishingInformation"]["locales"]["en-GB"]["examplePhrases"].__setitem__(
            1, "Alexa, ask second opinion guide to sing me a song"
        )
    )
    found = [f for f in certify.certify(broken.root, runtime, talk=False) if f.level == ERROR]
    assert any(f.rule == "manifest-examples" and f.where.startswith("en-GB") for f in found)
