"""Every locale's strings: complete, consistent with the base, and free of other countries' facts.

The checks read each locale's effective strings (its override merged over the base, as the
skill speaks them), so a fact that leaks through a fallback is caught as surely as one
written into an override.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from skill.contract import served_locales
from skill.i18n import Strings, fallback_chain
from skill.settings import MODELS_DIR

ROOT = Path(__file__).resolve().parents[2]
BASE = "en.json"
PACKAGES = sorted(
    ".".join(path.parent.parent.relative_to(ROOT).parts)
    for pattern in ("skill/**/locale/en.json", "plugins/*/locale/en.json")
    for path in ROOT.glob(pattern)
)
LOCALES = served_locales(MODELS_DIR)

#: What only one country's answers may say: its laws, schemes, numbers and bodies. A
#: marker found in another locale's strings is that country's fact spoken in the wrong place.
MARKERS = {
    "en-US": [
        "Medicare Part B",
        "Part B",
        "HIPAA",
        "hippa",
        "Medicaid",
        "Medicare Advantage",
        "HMO",
        "PPO",
        "EPO",
        "1-800-222-1222",
        "Poison Help",
        "ClinicalTrials",
        "NCI",
        "board certified",
        "state insurance department",
        "copays",
        "deductible",
        "180 days",
        "CuidadoDeSalud",
        "Suicide and Crisis Lifeline",
    ],
    "en-GB": [
        "NHS",
        "999",
        "Samaritans",
        "116 123",
        "subject access",
        "GMC",
        "Martha's Rule",
        "e-Referral",
        "private medical insurance",
    ],
    "en-CA": ["provincial", "OHIP", "CPSO", "health card", "811", "Suicide Crisis Helpline"],
    "en-AU": [
        "bulk bill",
        "triple zero",
        "000",
        "Lifeline on",
        "13 11 14",
        "My Health Record",
        "Medical Costs Finder",
        "myGov",
        "Medicare pays a rebate",
        "Ryan's Rule",
    ],
    "en-IN": [
        "mediclaim",
        "PM-JAY",
        "TPA",
        "NABH",
        "Tele MANAS",
        "14416",
        "lakh",
        "empanelled",
        "Charter of Patients' Rights",
    ],
}
#: Markers two countries share: 911 and 988 answer in the US and in Canada.
SHARED = {"911": ("en-US", "en-CA"), "988": ("en-US", "en-CA")}
#: Keys that may name another country's facts: answers to "how does it work in the UK?",
#: and the words the emergency gate listens for (never spoken).
ABOUT_ELSEWHERE = re.compile(r"^abroad\.|_terms$")


def spoken(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def placeholders(value: object) -> set[str]:
    return {
        name
        for text in spoken(value)
        for _, name, _, _ in string.Formatter().parse(text)
        if name is not None
    }


def foreign_facts(locale: str, table: dict) -> list[str]:
    """``key: marker`` for each other country's marker in ``table``'s spoken strings."""
    found = []
    markers = [(other, m) for other, ms in MARKERS.items() if other != locale for m in ms]
    markers += [(owners[0], m) for m, owners in SHARED.items() if locale not in owners]
    for key, value in table.items():
        if ABOUT_ELSEWHERE.search(key):
            continue
        for text in spoken(value):
            for country, marker in markers:
                if re.search(rf"(?<![\w-]){re.escape(marker)}(?![\w-])", text):
                    found.append(f"{key}: {marker} ({country})")
    return found


def stray_keys(base: dict, override: dict) -> list[str]:
    """Override keys with no base key: a typo, or a string no code asks for."""
    return sorted(set(override) - set(base))


def mismatched_placeholders(base: dict, override: dict) -> list[str]:
    return sorted(
        f"{key}: {sorted(placeholders(value))} vs base {sorted(placeholders(base[key]))}"
        for key, value in override.items()
        if key in base and placeholders(value) != placeholders(base[key])
    )


def overrides() -> list[tuple[str, Path]]:
    return [
        (package, path)
        for package in PACKAGES
        for path in sorted((ROOT / package.replace(".", "/") / "locale").glob("*.json"))
        if path.name != BASE
    ]


def test_the_checks_see_every_package_and_the_new_locales():
    assert {"skill", "plugins.insurance", "plugins.records"} <= set(PACKAGES)
    assert {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"} <= set(LOCALES)


def test_an_english_locale_never_falls_back_to_us_strings():
    assert fallback_chain("en-GB") == ["en-GB", "en"]
    assert "en-US" not in fallback_chain("en-IN")
    assert fallback_chain("fr-FR") == ["fr-FR", "fr", "en-US", "en"]


@pytest.mark.parametrize("package,path", overrides(), ids=lambda x: str(x).split("/work/")[-1])
def test_every_override_has_a_base_string_with_the_same_placeholders(package, path):
    base = json.loads(path.with_name(BASE).read_text(encoding="utf-8"))
    override = json.loads(path.read_text(encoding="utf-8"))
    assert stray_keys(base, override) == [], f"{path.name}: keys the base {BASE} lacks"
    assert mismatched_placeholders(base, override) == []
    for key, value in override.items():
        assert type(value) is type(base[key]), f"{key}: a {type(value).__name__} over a list"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_locale_misses_a_string_the_default_locale_speaks(locale):
    for package in PACKAGES:
        strings = Strings(package)
        missing = set(strings.table("en-US")) - set(strings.table(locale))
        assert not missing, f"{package} has no {sorted(missing)} for {locale}"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_locale_speaks_another_countrys_facts(locale):
    found = [
        f"{package} {hit}"
        for package in PACKAGES
        for hit in foreign_facts(locale, Strings(package).table(locale))
    ]
    assert found == [], f"{locale} speaks other countries' facts:\n" + "\n".join(found)


def test_each_locale_speaks_its_own_numbers():
    own = {"en-US": "911", "en-GB": "999", "en-CA": "911", "en-AU": "000", "en-IN": "112"}
    for locale, number in own.items():
        assert number in Strings("skill").get(locale, "safety.emergency")


def test_the_checks_catch_what_they_look_for():
    base = {"count": "Here are {count} questions.", "title": "insurance"}
    assert stray_keys(base, {"titel": "cover"}) == ["titel"]
    assert mismatched_placeholders(base, {"count": "Here are {n} questions."})
    assert foreign_facts("en-GB", {"plans": "A PPO pays part of it."}) == ["plans: PPO (en-US)"]
    assert foreign_facts("en-AU", {"crisis": "Call or text 988."}) == ["crisis: 988 (en-US)"]
    assert foreign_facts("en-CA", {"crisis": "Call or text 988."}) == []
    assert foreign_facts("en-GB", {"abroad.canada": "Ask your provincial plan."}) == []
