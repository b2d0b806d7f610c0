"""docs/plugins.md shows the example area as it is, and its tests pass once it is installed."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "example_plugin"
DOC = ROOT / "docs" / "plugins.md"


def shown_files() -> dict[str, str]:
    """Each code block of the page that starts with ``# <path>``: the path and the rest."""
    blocks = re.findall(r"```[a-z]*\n# ([\w./]+)\n(.*?)```", DOC.read_text(), re.S)
    return {path: text for path, text in blocks}


def test_the_page_shows_the_examples_files():
    assert set(shown_files()) == {
        "pyproject.toml",
        "example_area/__init__.py",
        "example_area/handlers.py",
        "tests/test_example_area.py",
    }


@pytest.mark.parametrize("path", sorted(shown_files()))
def test_each_file_shown_is_the_examples_own(path):
    # The pyproject block is shown whole; a Python block's first line is its path comment.
    assert shown_files()[path] == (EXAMPLE / path).read_text()


def test_the_examples_own_tests_pass_once_it_is_installed(example_site, tmp_path):
    shutil.copytree(EXAMPLE / "tests", tmp_path / "tests")
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(example_site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "2 passed" in ran.stdout
