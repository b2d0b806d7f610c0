"""The US facts a Spanish speaker needs, heard by voice in es-US; docs/content.md maps each.

A row of the es-US table in docs/content.md names a fact here by its id; a fact with no row,
or a row with no fact, fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import es_sets
import pytest

from skill.settings import Settings
from skill.simulator import Conversation

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| (?P<id>ES\d+) \| [^|]+ \| [^|]+ \| (?P<intent>\w+) \|")
ALL = re.DOTALL


def heard(pattern: str, flags: int = ALL) -> re.Pattern:
    return re.compile(pattern, flags)


#: (id, what is said in turn, the intent the first reaches, what one of the answers says)
FACTS = [
    ("ES1", ["he pensado en quitarme la vida"], "CrisisIntent", heard(r"988.*\b(?:2|dos)\b")),
    (
        "ES2",
        ["a veces pienso en suicidarme"],
        "CrisisIntent",
        heard(r"\bAYUDA\b.*988|988.*\bAYUDA\b"),
    ),
    ("ES3", ["mi esposo no está respirando"], "EmergencyIntent", heard(r"\b911\b")),
    ("ES4", ["mi niño se tomó cloro"], "EmergencyIntent", heard(r"1-800-222-1222")),
    (
        "ES5",
        ["¿Medicare cubre una segunda opinión?"],
        "MedicareIntent",
        heard(r"Parte B.*cirug[ií]a", ALL | re.IGNORECASE),
    ),
    (
        "ES6",
        ["¿Medicare paga una segunda opinión antes de operarme?"],
        "MedicareIntent",
        heard(r"tercera", re.IGNORECASE),
    ),
    (
        "ES7",
        ["¿cuánto pago con Medicare por una segunda opinión?"],
        "MedicareIntent",
        heard(r"\b20\s*(?:%|por ciento)"),
    ),
    (
        "ES8",
        ["¿Medicare cubre una segunda opinión?", "sí"],
        "MedicareIntent",
        heard(r"1-800-MEDICARE|1-800-633-4227"),
    ),
    (
        "ES9",
        ["¿mi seguro médico paga una segunda opinión?"],
        "InsuranceOverviewIntent",
        heard(r"red de proveedores", re.IGNORECASE),
    ),
    (
        "ES10",
        ["no tengo seguro médico", "sí"],
        "SecondOpinionCostIntent",
        heard(r"cuidado\s*de\s*salud\s*(?:\.|punto)\s*gov", re.IGNORECASE),
    ),
    (
        "ES11",
        ["tengo Medicaid"],
        "InsurancePlanRulesIntent",
        heard(r"Medicaid.*estado", ALL | re.IGNORECASE),
    ),
    (
        "ES12",
        ["¿tengo derecho a una copia de mi expediente médico?"],
        "RecordsRightsIntent",
        heard(r"(?=.*HIPAA)(?=.*30 d[ií]as)"),
    ),
]


def content_rows() -> dict[str, str]:
    lines = (ROOT / "docs" / "content.md").read_text(encoding="utf-8").splitlines()
    return {m["id"]: m["intent"] for line in lines if (m := ROW.match(line))}


@pytest.mark.parametrize("fact,said,intent,words", FACTS, ids=[fact[0] for fact in FACTS])
def test_spanish_fact(fact, said, intent, words):
    alexa = Conversation(locale=es_sets.LOCALE, settings=Settings(verify=False, store="memory"))
    turns = [alexa.say(utterance) for utterance in said]
    assert turns[0].intent == intent, f"{said[0]!r} reached {turns[0].intent}"
    spoken = " | ".join(turn.speech for turn in turns)
    assert words.search(spoken), spoken


def test_every_spanish_fact_has_a_row_in_the_content_map():
    rows = content_rows()
    assert sorted(rows) == sorted(fact for fact, *_ in FACTS)
    for fact, _, intent, _ in FACTS:
        assert rows[fact] == intent, f"{fact}: docs/content.md names another intent"
