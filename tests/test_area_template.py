"""The guidance areas follow the one template docs/plugins.md gives a new area: one handler
list function, topics as TopicHandlers, yes/no answers as maps, cards through turn.card."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = sorted(
    [path for path in (ROOT / "plugins").iterdir() if (path / "handlers.py").is_file()]
    + [ROOT / "tests" / "example_plugin" / "example_area"]
)
NAMES = [package.name for package in PACKAGES]
#: A card written out by hand from a topic's strings: turn.card(topic) says it once.
HAND_MADE_CARD = re.compile(r"""turn\.t\(f["']\{\w+\}\.card\.title["']\)""")


def tree(package: Path, module: str = "handlers") -> ast.Module:
    return ast.parse((package / f"{module}.py").read_text())


def classes(module: ast.Module, base: str) -> list[ast.ClassDef]:
    return [
        node
        for node in module.body
        if isinstance(node, ast.ClassDef)
        and any(getattr(b, "id", getattr(b, "attr", None)) == base for b in node.bases)
    ]


def body(node: ast.ClassDef | ast.FunctionDef) -> list[ast.stmt]:
    """``node``'s statements without its docstring."""
    first = node.body[0]
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    return node.body[1:] if docstring else node.body


def test_every_area_is_checked():
    assert len(PACKAGES) == 7  # the six built-in areas and the example


@pytest.mark.parametrize("package", PACKAGES, ids=NAMES)
def test_the_handler_list_is_handlers_area(package):
    functions = {node.name for node in tree(package).body if isinstance(node, ast.FunctionDef)}
    assert "handlers" in functions
    assert "make_handlers" not in functions
    assert "make_handlers" not in (package / "__init__.py").read_text()


@pytest.mark.parametrize("package", PACKAGES, ids=NAMES)
def test_an_intent_that_calls_one_function_is_a_topic(package):
    for handler in classes(tree(package), "AreaHandler"):
        statements = body(handler)
        methods = [s for s in statements if isinstance(s, ast.FunctionDef)]
        if [m.name for m in methods] != ["answer"] or len(statements) != 2:
            continue  # it does more than answer one intent
        (answer,) = methods
        steps = body(answer)
        wrapper = (
            len(steps) == 1
            and isinstance(steps[0], ast.Return)
            and isinstance(steps[0].value, ast.Call)
            # an argument worked out from the request (a slot, say) needs a class
            and not any(
                isinstance(node, ast.Call) for arg in steps[0].value.args for node in ast.walk(arg)
            )
        )
        assert not wrapper, f"{handler.name} only calls one function: make it a TopicHandler"


@pytest.mark.parametrize("package", PACKAGES, ids=NAMES)
def test_yes_and_no_are_maps_read_through_turn_answer(package):
    source = (package / "handlers.py").read_text()
    assert "AMAZON.YesIntent" not in source and "AMAZON.NoIntent" not in source
    for handler in classes(tree(package), "AnswerHandler"):
        declared = {
            target.id
            for statement in body(handler)
            if isinstance(statement, ast.Assign)
            for target in statement.targets
            if isinstance(target, ast.Name)
        }
        assert {"on_yes", "on_no"} <= declared, f"{handler.name} declares no yes/no maps"


@pytest.mark.parametrize("package", PACKAGES, ids=NAMES)
def test_a_topics_card_comes_from_turn_card(package):
    for path in package.glob("*.py"):
        assert not HAND_MADE_CARD.search(path.read_text()), f"{path.name}: use turn.card(topic)"
