"""Every hook is documented in the README and docs/plugins.md with its signature, and
exercised by a test."""

import ast
import inspect
from functools import cache
from pathlib import Path

import pytest

from skill import hookspecs

ROOT = Path(__file__).resolve().parents[2]
HOOKS = [
    name
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(function, "second_opinion_spec")
]


def test_there_are_hooks():
    assert {"register_area", "register_handlers", "register_interaction_model"} <= set(HOOKS)


@pytest.mark.parametrize("page", ["README.md", "docs/plugins.md"])
@pytest.mark.parametrize("hook", HOOKS)
def test_hook_documented_with_signature(hook, page):
    text = (ROOT / page).read_text()
    signature = inspect.signature(getattr(hookspecs, hook))
    params = ", ".join(
        f"{p.name}: {p.annotation}" if p.annotation is not inspect.Parameter.empty else p.name
        for p in signature.parameters.values()
    )
    returns = signature.return_annotation
    assert f"`{hook}({params}) -> {returns}`" in text


@cache
def sources_of_tests() -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(path.relative_to(ROOT)), path.read_text())
        for path in (ROOT / "tests").rglob("test_*.py")
        if path.name != "test_hook_docs.py"
    )


def used_names(node: ast.AST) -> set[str]:
    """Names, attributes, nested function names and string arguments inside ``node``:
    ``pm.hook.register_area()``, ``call_each(pm, "register_area")``, ``def register_area``."""
    names = set()
    for inner in ast.walk(node):
        if inner is node:
            continue
        if isinstance(inner, ast.Name):
            names.add(inner.id)
        elif isinstance(inner, ast.Attribute):
            names.add(inner.attr)
        elif isinstance(inner, ast.FunctionDef):
            names.add(inner.name)
        elif isinstance(inner, ast.Call):
            names.update(a.value for a in inner.args if isinstance(a, ast.Constant))
    return names


@cache
def index(source: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """What each test function uses, and the functions each top-level class or function
    defines (so a test that uses a class implementing a hook uses the hook)."""
    tree = ast.parse(source)
    defines = {
        node.name: {n.name for n in ast.walk(node) if isinstance(n, ast.FunctionDef)}
        for node in tree.body
        if isinstance(node, ast.ClassDef | ast.FunctionDef)
    }
    tests = {
        node.name: used_names(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test")
    }
    return tests, defines


def functions_using(hook: str, source: str) -> list[str]:
    """The test functions in ``source`` that use ``hook``: call it, name it, implement it, or
    use a class or function of the module that implements it. Comments and docstrings don't."""
    tests, defines = index(source)
    implementers = {name for name, defined in defines.items() if hook in defined}
    return [name for name, used in tests.items() if hook in used or used & implementers]


def test_a_mention_in_a_comment_or_docstring_is_not_a_test():
    source = (
        "def test_nothing():\n"
        '    """Exercises register_area, they say."""\n'
        "    # register_area\n"
        "    assert True\n"
    )
    assert functions_using("register_area", source) == []
    assert functions_using("register_area", "def test_it(pm):\n    pm.hook.register_area()\n")
    implemented = (
        "class Area:\n    def register_area(self):\n        return None\n"
        "def test_it():\n    make_plugin_manager([Area()])\n"
    )
    assert functions_using("register_area", implemented) == ["test_it"]


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook):
    tests = [
        f"{path}::{name}"
        for path, source in sources_of_tests()
        for name in functions_using(hook, source)
    ]
    assert tests, f"no test calls, implements or otherwise uses the {hook} hook"
