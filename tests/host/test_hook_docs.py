"""Every hook is documented in the README with its signature, and exercised by a test."""

import ast
import inspect
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


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_documented_in_readme_with_signature(hook):
    readme = (ROOT / "README.md").read_text()
    signature = inspect.signature(getattr(hookspecs, hook))
    params = ", ".join(
        f"{p.name}: {p.annotation}" if p.annotation is not inspect.Parameter.empty else p.name
        for p in signature.parameters.values()
    )
    returns = signature.return_annotation
    assert f"`{hook}({params}) -> {returns}`" in readme


def functions_using(hook: str, source: str) -> list[str]:
    """The test functions in ``source`` that use ``hook``: call it, name it, implement it, or
    use a class or function of the module that implements it. Comments and docstrings don't."""
    tree = ast.parse(source)
    implementers = {
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef | ast.FunctionDef)
        and any(isinstance(n, ast.FunctionDef) and n.name == hook for n in ast.walk(node))
    }

    def uses(node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id == hook or node.id in implementers
        if isinstance(node, ast.Attribute):
            return node.attr == hook
        if isinstance(node, ast.FunctionDef):
            return node.name == hook
        # A string is a use only as an argument, e.g. call_each(pm, "register_area").
        return isinstance(node, ast.Call) and any(
            isinstance(arg, ast.Constant) and arg.value == hook for arg in node.args
        )

    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and node.name.startswith("test")
        and any(uses(inner) for inner in ast.walk(node) if inner is not node)
    ]


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
        f"{path.relative_to(ROOT)}::{name}"
        for path in (ROOT / "tests").rglob("test_*.py")
        if path.name != "test_hook_docs.py"
        for name in functions_using(hook, path.read_text())
    ]
    assert tests, f"no test calls, implements or otherwise uses the {hook} hook"
