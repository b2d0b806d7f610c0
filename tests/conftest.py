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


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "hipaa_eligible: the skill runs as a HIPAA-eligible deployment, so health progress "
        "(quick check answers, records gathered) is kept across sessions",
    )


@pytest.fixture
def alexa_settings(alexa_settings, request):
    """The ``alexa`` fixture's settings; HIPAA-eligible under ``@pytest.mark.hipaa_eligible``."""
    if request.node.get_closest_marker("hipaa_eligible") is None:
        return alexa_settings
    return alexa_settings.with_(hipaa_eligible=True)
