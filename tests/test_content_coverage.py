"""Every seed point and checked fact has a row in docs/content.md, an intent and a live test."""

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT.parent / "shared" / "research" / "domain-facts.md"
ROW = re.compile(
    r"^\| (?P<id>[SX]\d+) \| (?P<text>[^|]+) \| (?P<intent>\w+) \| (?P<test>[^|]+) \|$"
)

# The content points of the research notes, [S] from the seed and [X] checked extras.
POINTS = [f"S{n}" for n in (1, 2, 3, 4, 5, 9, 12, 17, 21, 24, 25, 26, 27)] + [
    f"X{n}" for n in (6, 7, 8, 10, 11, 13, 14, 15, 16, 18, 19, 20, 22, 23, 28)
]


def rows() -> dict[str, dict]:
    found = {}
    for line in (ROOT / "docs" / "content.md").read_text().splitlines():
        match = ROW.match(line)
        if match:
            found[match["id"]] = match.groupdict()
    return found


def model_intents() -> set[str]:
    model = json.loads((ROOT / "interaction_models" / "en-US.json").read_text())
    return {intent["name"] for intent in model["interactionModel"]["languageModel"]["intents"]}


def test_points_match_the_research_notes():
    if not FACTS.is_file():
        pytest.skip("research notes not beside this checkout")
    marked = re.findall(r"^(\d+)\. \[([SX])\]", FACTS.read_text(), re.MULTILINE)
    assert sorted(f"{kind}{n}" for n, kind in marked) == sorted(POINTS)


@pytest.mark.parametrize("point", sorted(set(POINTS) | {"S0"}))
def test_every_point_has_an_intent_and_a_test(point):
    row = rows().get(point)
    assert row, f"{point} has no row in docs/content.md"
    assert row["intent"] in model_intents(), f"{point}: {row['intent']} is not in the model"
    path, _, name = row["test"].strip().partition("::")
    source = ROOT / path
    assert source.is_file(), f"{point}: {path} does not exist"
    tests = {
        node.name
        for node in ast.walk(ast.parse(source.read_text()))
        if isinstance(node, ast.FunctionDef)
    }
    assert name in tests, f"{point}: {row['test']} does not exist"
