"""Modules at the edge load without the handler layer: checking a request needs no dialog."""

import subprocess
import sys

import pytest

HANDLER_LAYER = ("ask_sdk_core", "skill.area", "skill.turn", "skill.core", "plugins")


@pytest.mark.parametrize("module", ["skill.verification"])
def test_importing_leaves_the_handler_layer_unloaded(module):
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(*sorted(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert module in loaded
    layer = [n for n in loaded if any(n == p or n.startswith(f"{p}.") for p in HANDLER_LAYER)]
    assert layer == []
