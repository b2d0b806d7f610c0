"""Every hook is documented in the README with its signature, and exercised by a test."""

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


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook):
    tests = [
        path
        for path in (ROOT / "tests").rglob("test_*.py")
        if path.name != "test_hook_docs.py" and hook in path.read_text()
    ]
    assert tests, f"no test exercises the {hook} hook"
