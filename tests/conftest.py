"""Fixtures for every test; ``tests/`` is on the path, so its helper modules import."""

import logging

import pytest
from fuzzing import Watch


@pytest.fixture(scope="module")
def watch():
    """Every log record with a traceback, from the whole module's tests."""
    handler = Watch()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)
