"""Fixtures for host tests: the example area installed from its own distribution."""

import importlib
import shutil
import sys
from pathlib import Path

import pytest
from example_install import EXAMPLE, pip_install


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """A site directory holding the example area, pip-installed once from its distribution."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(EXAMPLE, root / "src")
    pip_install(root / "src", root / "site")
    return root / "site"


@pytest.fixture
def installed_example(example_site, monkeypatch):
    """The example area installed, as ``pip install`` would leave it, for one test."""
    monkeypatch.syspath_prepend(str(example_site))
    importlib.invalidate_caches()
    yield example_site
    for name in [name for name in sys.modules if name.split(".")[0] == "example_area"]:
        del sys.modules[name]
