"""The package as the host issue asks for it: metadata, entry points, hook docs, quick start."""

import inspect
import re
import tomllib
from pathlib import Path

import pytest

from skill import hookspecs

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
AREAS = ["triggers", "communicating", "records", "insurance", "specialist", "outcomes"]
# Neither imports on OpenSSL >= 3.0.10 (certvalidator -> oscrypto).
BROKEN = {"flask-ask-sdk", "ask-sdk-webservice-support"}


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0].lower() for req in requirements}


def test_distribution_python_and_console_script():
    project = PROJECT["project"]
    assert project["name"] == "second-opinion-skill"
    assert project["requires-python"] == ">=3.11"
    assert project["scripts"] == {"second-opinion": "skill.cli:main"}


def test_dependencies_are_ranged_and_avoid_the_broken_sdk_packages():
    project = PROJECT["project"]
    everything = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        everything += extra
    assert not requirement_names(everything) & BROKEN
    pins = {re.split(r"[<>=!~]", req, maxsplit=1)[0]: req for req in project["dependencies"]}
    assert set(pins) >= {"flask", "ask-sdk-core", "ask-sdk-model", "pluggy"}
    assert pins["flask"] == "flask>=3.0,<4"
    assert pins["ask-sdk-core"] == "ask-sdk-core>=1.19,<1.20"
    assert pins["pluggy"].startswith("pluggy>=1.") and pins["pluggy"].endswith("<2")
    assert {"pytest", "ruff"} <= requirement_names(project["optional-dependencies"]["dev"])


def test_the_six_areas_are_entry_points_with_exactly_these_names():
    group = PROJECT["project"]["entry-points"]["second_opinion"]
    assert group == {name: f"plugins.{name}" for name in AREAS}


def test_packages_are_listed_explicitly():
    packages = PROJECT["tool"]["setuptools"]["packages"]
    assert isinstance(packages, list) and {"skill", "plugins"} <= set(packages)
    assert {f"plugins.{name}" for name in AREAS} <= set(packages)
    on_disk = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for top in ("skill", "plugins")
        for path in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk <= set(packages), f"not packaged: {sorted(on_disk - set(packages))}"


HOOKS = [
    function
    for _, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(function, "second_opinion_spec")
]


@pytest.mark.parametrize("hook", HOOKS, ids=lambda hook: hook.__name__)
def test_every_hookspec_has_a_full_docstring(hook):
    doc = inspect.getdoc(hook) or ""
    assert "Called " in doc, f"{hook.__name__}: say when it is called"
    assert ":returns:" in doc
    for name in inspect.signature(hook).parameters:
        assert f":param {name}:" in doc


def test_readme_first_screen_has_exactly_the_two_commands():
    first_screen = (ROOT / "README.md").read_text().split("\n---", 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", first_screen, re.S)
    assert [command.strip() for command in commands] == ["make chat", "make test"]


def test_both_commands_set_up_their_own_venv():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^VENV := \.venv$", makefile, re.M)
    assert "-m venv $(VENV)" in makefile and "-e '.[dev]'" in makefile
    setup = "$(BIN)/second-opinion"
    chat = re.search(r"^chat: (.*)\n\t(.*)$", makefile, re.M)
    test = re.search(r"^test: (.*)\n((?:\t.*\n?)+)", makefile, re.M)
    assert chat and chat[1] == setup and chat[2] == "$(BIN)/second-opinion chat"
    assert test and test[1] == setup and "-m pytest" in test[2]
    # The tests start real programs (a browser, a proxy): the same command installs them.
    assert "scripts/install-system-packages" in test[2]
