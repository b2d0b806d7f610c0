"""Every content point and topic has a row in docs/content.md, an intent and a live test.

The points come from the repository's copy of the research notes' list
(tests/data/content_points.md), and the seed guide's points are checked against the
repository's copy of the guide (tests/data/second-opinion-guide.txt), so this runs anywhere;
where the sources are beside the checkout (../shared), the copies must still match them.
"""

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NOTES = SHARED / "research" / "domain-facts.md"
SEED = SHARED / "seed" / "second-opinion-guide.txt"
COPY = ROOT / "tests" / "data" / "content_points.md"
SEED_COPY = ROOT / "tests" / "data" / "second-opinion-guide.txt"
POINT = re.compile(r"^(\d+)\. \[([SX])\] (.*)$", re.MULTILINE)
#: Words of five letters or more, compared on their first five ("gathering" ~ "gather").
WORD = re.compile(r"[a-z]{5,}")
#: The share of a seed point's longer words the seed guide must hold: a point reworded from
#: the guide keeps most of them; one that isn't in the guide (an [X] fact) doesn't.
SEED_SHARE = 0.7
# S and X rows are the notes' points; T rows are topics people raise beyond them.
ROW = re.compile(
    r"^\| (?P<id>[SXT]\d+) \| (?P<text>[^|]+) \| (?P<intent>\w+) \| (?P<test>[^|]+) \|$"
)


def points(text: str) -> list[str]:
    return [f"{kind}{number}" for number, kind, _ in POINT.findall(text)]


def rows() -> dict[str, dict]:
    found = {}
    for line in (ROOT / "docs" / "content.md").read_text().splitlines():
        match = ROW.match(line)
        if match:
            assert match["id"] not in found, f"{match['id']} has two rows in docs/content.md"
            found[match["id"]] = match.groupdict()
    return found


def model_intents() -> set[str]:
    model = json.loads((ROOT / "interaction_models" / "en-US.json").read_text())
    return {intent["name"] for intent in model["interactionModel"]["languageModel"]["intents"]}


POINTS = points(COPY.read_text())
ROWS = rows()


def test_the_copy_matches_the_research_notes():
    if not NOTES.is_file():
        pytest.skip("research notes not beside this checkout")
    notes = [line for line in NOTES.read_text().splitlines() if POINT.match(line)]
    copy = [line for line in COPY.read_text().splitlines() if POINT.match(line)]
    assert copy == notes, "tests/data/content_points.md is out of date: copy the notes' list"


def test_the_seed_copy_matches_the_seed_guide():
    if not SEED.is_file():
        pytest.skip("seed guide not beside this checkout")
    assert SEED_COPY.read_text() == SEED.read_text(), (
        "tests/data/second-opinion-guide.txt is out of date: copy the seed guide"
    )


def stems(text: str) -> set[str]:
    return {word[:5] for word in WORD.findall(text.lower())}


@pytest.mark.parametrize(
    "number, text",
    [(number, text) for number, kind, text in POINT.findall(COPY.read_text()) if kind == "S"],
)
def test_every_seed_point_draws_on_the_seed_guide(number, text):
    words = stems(text)
    missing = sorted(words - stems(SEED_COPY.read_text()))
    assert len(words) - len(missing) >= SEED_SHARE * len(words), (
        f"S{number} is marked as from the seed guide, which lacks {missing}"
    )


def test_the_copy_lists_the_seed_and_the_checked_facts():
    assert len(POINTS) == len(set(POINTS)) >= 34
    assert {"S1", "S27", "X31", "X34"} <= set(POINTS)


@pytest.mark.parametrize("point", sorted({*POINTS, "S0"}))
def test_every_point_has_a_row(point):
    assert point in ROWS, f"{point} has no row in docs/content.md"


@pytest.mark.parametrize("row", sorted(ROWS))
def test_every_row_names_an_intent_and_a_test(row):
    found = ROWS[row]
    assert found["intent"] in model_intents(), f"{row}: {found['intent']} is not in the model"
    path, _, name = found["test"].strip().partition("::")
    source = ROOT / path
    assert source.is_file(), f"{row}: {path} does not exist"
    tests = {
        node.name
        for node in ast.walk(ast.parse(source.read_text()))
        if isinstance(node, ast.FunctionDef)
    }
    assert name in tests, f"{row}: {found['test']} does not exist"
