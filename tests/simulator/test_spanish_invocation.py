"""Spanish invocation: es-US launch phrases, one-shots, a name in Spanish letters."""

import dataclasses

import pytest

from skill.simulator.check import check
from skill.simulator.invocation import parse
from skill.simulator.model import load_model

NAME = "guía de segunda opinión"


@pytest.mark.parametrize(
    "text",
    [
        "abre guía de segunda opinión",
        "Alexa, abre Guía de Segunda Opinión",
        "abre guia de segunda opinion",  # typed without accents
        "inicia la guía de segunda opinión",
        "guía de segunda opinión",
    ],
)
def test_spanish_launch_phrases(text):
    found = parse(text, NAME, "es")
    assert found is not None and found.kind == "launch"


@pytest.mark.parametrize(
    ("text", "heard"),
    [
        (
            "pregúntale a guía de segunda opinión si debo pedir otra opinión",
            "debo pedir otra opinion",
        ),
        (
            "Alexa, pídele a guía de segunda opinión la lista de documentos",
            "la lista de documentos",
        ),
        ("¿qué papeles necesito? con guía de segunda opinión", "que papeles necesito"),
    ],
)
def test_spanish_one_shots_keep_the_request(text, heard):
    found = parse(text, NAME, "es")
    assert found is not None and (found.kind, found.utterance) == ("one-shot", heard)


def test_english_launch_words_do_not_open_a_spanish_skill():
    assert parse("open guía de segunda opinión", NAME, "es") is None


def test_a_spanish_name_may_use_its_own_letters_but_an_english_one_may_not():
    spanish = load_model("es-US")
    assert not [f for f in check(spanish, ambiguity=False) if f.rule == "invocation-name"]
    english = dataclasses.replace(load_model("en-US"), invocation_name=NAME)
    assert [f for f in check(english, ambiguity=False) if f.rule == "invocation-name"]


def test_a_spanish_name_must_still_be_lower_case():
    shouted = dataclasses.replace(load_model("es-US"), invocation_name="Guía de segunda opinión")
    assert [f for f in check(shouted, ambiguity=False) if f.rule == "invocation-name"]


def test_a_one_shot_is_asked_in_the_models_language():
    from skill.simulator.invocation import one_shot

    spanish = one_shot(NAME, "cuánto cuesta una segunda opinión", "es")
    assert parse(spanish, NAME, "es").utterance == "cuanto cuesta una segunda opinion"
    english = one_shot("second opinion guide", "what records do i need")
    assert parse(english, "second opinion guide").utterance == "what records do i need"
