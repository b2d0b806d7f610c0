"""Every locale's strings: complete, consistent with the base, and free of other countries' facts.

Plural objects carry every CLDR category their language needs, with the same placeholders in
each; and a count of 0, 1 or 2 reads right in every English locale.

The checks read each locale's effective strings (its override merged over the base, as the
skill speaks them), so a fact that leaks through a fallback is caught as surely as one
written into an override.
"""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest

from skill.contract import served_locales
from skill.i18n import PLURAL_CATEGORIES, Strings, fallback_chain, plural_categories, texts
from skill.settings import MODELS_DIR

ROOT = Path(__file__).resolve().parents[2]
BASE = "en.json"
PACKAGES = sorted(
    ".".join(path.parent.parent.relative_to(ROOT).parts)
    for pattern in ("skill/**/locale/en.json", "plugins/*/locale/en.json")
    for path in ROOT.glob(pattern)
)
#: Every locale served, whatever its language: the checks that any translation must pass.
LOCALES = served_locales(MODELS_DIR)
ENGLISH = [locale for locale in LOCALES if locale.startswith("en-")]

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
        "primary care",
        "prior authorization",
        "in-network",
        "release form",
        "physical therapy",
        "coverage",
        "it's your right",
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
    return texts(value)


def placeholders(value: object) -> set[str]:
    return {
        name
        for text in spoken(value)
        for _, name, _, _ in string.Formatter().parse(text)
        if name is not None
    }


def country(locale: str) -> str:
    return locale.rsplit("-", 1)[-1]


def foreign_facts(locale: str, table: dict) -> list[str]:
    """``key: marker`` for each other country's marker in ``table``'s spoken strings.

    Markers belong to a country, not a language: es-US may say what en-US says.
    """
    found = []
    markers = [
        (other, m) for other, ms in MARKERS.items() if country(other) != country(locale) for m in ms
    ]
    markers += [
        (owners[0], m)
        for m, owners in SHARED.items()
        if country(locale) not in {country(owner) for owner in owners}
    ]
    for key, value in table.items():
        if ABOUT_ELSEWHERE.search(key):
            continue
        for text in spoken(value):
            for country_locale, marker in markers:
                if re.search(rf"(?<![\w-]){re.escape(marker)}(?![\w-])", text):
                    found.append(f"{key}: {marker} ({country_locale})")
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


def string_files() -> list[Path]:
    """Every string file of every package, the base included, in any language."""
    return [
        path
        for package in PACKAGES
        for path in sorted((ROOT / package.replace(".", "/") / "locale").glob("*.json"))
    ]


def plural_faults(name: str, table: dict) -> list[str]:
    """What is wrong with the plural objects of the file ``<name>.json``: a category its
    language's CLDR rules need and it lacks, one that isn't CLDR's, or a category whose
    placeholders differ from the others'."""
    faults = []
    needed = plural_categories(name)
    for key, value in table.items():
        if not isinstance(value, dict):
            continue
        if missing := needed - set(value):
            faults.append(f"{key}: no {sorted(missing)}")
        if unknown := set(value) - set(PLURAL_CATEGORIES):
            faults.append(f"{key}: {sorted(unknown)} is not a CLDR plural category")
        if "count" not in placeholders(value):
            faults.append(f"{key}: plural forms without a {{count}}")
        shapes = {category: placeholders(form) for category, form in value.items()}
        if len({frozenset(shape) for shape in shapes.values()}) > 1:
            faults.append(f"{key}: placeholders differ between categories {shapes}")
    return faults


#: What an English count reads wrongly as: "are 1", "all 1", "1 records"; "is 2", "2 record".
PLURAL_NOUNS = "records|questions|things|kinds|answers|items|documents"
WRONG_FOR_ONE = re.compile(
    rf"\b(are|were|all|these|those) (the )?1\b|\b1 (\w+ )?({PLURAL_NOUNS})\b", re.IGNORECASE
)
WRONG_FOR_MANY = re.compile(
    r"\b(is|was|there's|here's|its|it's) (the )?[02]\b"
    r"|\b[02] (\w+ )?(record|question|thing|kind|answer|item|document)\b(?!')",
    re.IGNORECASE,
)
SAMPLE_VALUES = {
    "have": 0,
    "total": 2,
    "name": "scan results",
    "names": "scan results and notes",
    "person": "your dad",
    "owner": "your dad's",
    "them": "your dad",
}


def counted_keys(table: dict) -> list[str]:
    return sorted(key for key, value in table.items() if "count" in placeholders(value))


def misreadings(locale: str, strings: Strings, key: str) -> list[str]:
    """How ``key`` reads wrongly in ``locale`` for a count of 0, 1 and 2, every variant."""
    found = []
    for count in (0, 1, 2):
        values = {
            name: SAMPLE_VALUES.get(name, "something")
            for name in placeholders(strings.raw(locale, key))
        }
        values.update(count=count, total=max(count, 2) if count != 1 else 1)
        for seed in range(8):  # enough seeds to hear every variant of a short list
            said = strings.get(locale, key, seed=str(seed), **values)
            wrong = WRONG_FOR_ONE if count == 1 else WRONG_FOR_MANY
            if wrong.search(said):
                found.append(f"{key} ({count}): {said}")
    return sorted(set(found))


def plural_calls_without_count(plural_keys: set[str]) -> list[str]:
    """Calls that ask for a plural string by name without passing ``count=``."""
    found = []
    for folder in ("skill", "plugins"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                names = {
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                }
                keywords = {keyword.arg for keyword in node.keywords}
                if names & plural_keys and "count" not in keywords and None not in keywords:
                    where = path.relative_to(ROOT)
                    found.append(f"{where}:{node.lineno} {sorted(names & plural_keys)}")
    return found


def test_the_checks_see_every_package_and_the_new_locales():
    assert {"skill", "plugins.insurance", "plugins.records"} <= set(PACKAGES)
    assert {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"} <= set(LOCALES)


def test_an_english_locale_never_falls_back_to_us_strings():
    assert fallback_chain("en-GB") == ["en-GB", "en"]
    assert "en-US" not in fallback_chain("en-IN")
    assert fallback_chain("es-US") == ["es-US", "es"], "another language never hears English"


@pytest.mark.parametrize("package,path", overrides(), ids=lambda x: str(x).split("/work/")[-1])
def test_every_override_has_a_base_string_with_the_same_placeholders(package, path):
    base = json.loads(path.with_name(BASE).read_text(encoding="utf-8"))
    override = json.loads(path.read_text(encoding="utf-8"))
    assert stray_keys(base, override) == [], f"{path.name}: keys the base {BASE} lacks"
    assert mismatched_placeholders(base, override) == []
    for key, value in override.items():
        # A language may need plural forms where the base has one line; never the reverse.
        if not isinstance(value, dict):
            assert type(value) is type(base[key]), (
                f"{key}: a {type(value).__name__} over a {type(base[key]).__name__}"
            )


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


def base_files() -> list[Path]:
    """Each package's base file of each language (``en.json``, ``es.json``, …)."""
    return [path for path in string_files() if "-" not in path.stem]


@pytest.mark.parametrize("path", base_files(), ids=lambda x: str(x).split("/work/")[-1])
def test_a_base_file_says_only_what_holds_in_every_country(path):
    """A base string is heard wherever no override replaces it: a future locale of the
    language hears it first, so no country's fact belongs there."""
    table = json.loads(path.read_text(encoding="utf-8"))
    found = foreign_facts("xx-ZZ", table)  # a country no marker belongs to
    assert found == [], f"{path.name} states country facts; move them to the locale file"


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


@pytest.mark.parametrize("path", string_files(), ids=lambda x: str(x).split("/work/")[-1])
def test_every_plural_object_carries_the_categories_its_language_needs(path):
    table = json.loads(path.read_text(encoding="utf-8"))
    assert plural_faults(path.stem, table) == []


@pytest.mark.parametrize("locale", ENGLISH)
def test_counts_of_zero_one_and_two_read_right_in_every_english_locale(locale):
    wrong = []
    for package in PACKAGES:
        strings = Strings(package)
        for key in counted_keys(strings.table(locale)):
            wrong += misreadings(locale, strings, key)
    assert wrong == [], "\n".join(wrong)


def test_every_plural_string_is_asked_for_with_a_count():
    plural = {
        key
        for path in string_files()
        for key, value in json.loads(path.read_text(encoding="utf-8")).items()
        if isinstance(value, dict)
    }
    assert {"missing.some", "list.more", "questions.intro"} <= plural
    assert plural_calls_without_count(plural) == []


def test_one_picks_the_singular_in_every_english_locale():
    for locale in ENGLISH:
        records = Strings("plugins.records")
        one = records.get(locale, "missing.some", have=5, total=6, count=1)
        two = records.get(locale, "missing.some", have=4, total=6, count=2)
        assert "Here is the 1 still missing" in one, locale
        assert "Here are the 2 still missing" in two, locale


def test_the_plural_checks_catch_what_they_look_for():
    assert plural_faults("en", {"n": {"other": "{count} more"}}) == ["n: no ['one']"]
    assert plural_faults("es", {"n": {"one": "{count} más", "other": "{count} más"}}) == [
        "n: no ['many']"
    ]
    assert plural_faults("en", {"n": {"one": "1 more", "other": "{count} more"}})
    assert (
        plural_faults("en", {"n": {"one": "{count}", "few": "{count}", "other": "{count}"}}) == []
    )
    assert plural_faults("en", {"n": {"one": "{count}", "lots": "{count}", "other": "{count}"}})
    assert WRONG_FOR_ONE.search("Here are the 1 still missing")
    assert WRONG_FOR_ONE.search("There are 1 kinds of records")
    assert not WRONG_FOR_ONE.search("Here is the 1 still missing")
    assert WRONG_FOR_MANY.search("There's 2 more")
    assert not WRONG_FOR_MANY.search("There are 2 more")
    assert plural_calls_without_count({"list.more"}) == []
    assert plural_calls_without_count({"checklist.intro", "gathered.all"}) == []
    assert plural_calls_without_count({"missing.none"}) == []
    assert plural_calls_without_count({"checklist.progress"}), "called with have= only"


def test_plural_forms_follow_each_languages_cldr_rules(monkeypatch):
    strings = Strings("skill")
    table = {"n": {"one": "{count} one", "many": "{count} many", "other": "{count} other"}}
    monkeypatch.setattr(strings, "table", lambda locale: table)
    assert strings.get("en-GB", "n", count=1) == "1 one"
    assert strings.get("en-GB", "n", count=0) == "0 other"
    assert strings.get("en-GB", "n", count=1_000_000) == "1000000 other"
    assert strings.get("es-US", "n", count=1_000_000) == "1000000 many"
    assert strings.get("es-US", "n", count=2) == "2 other"
    with pytest.raises(TypeError, match="count="):
        strings.get("en-GB", "n")
    assert plural_categories("en-IN") == {"one", "other"}
    assert plural_categories("es-US") == {"one", "many", "other"}


def test_babel_loads_only_when_a_count_is_spoken():
    import subprocess
    import sys

    code = "import sys, skill.app; print('babel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr[-500:]
