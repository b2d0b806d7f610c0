"""Fixtures for simulator tests: a small model and area of their own, independent of content."""

from pathlib import Path

import pytest
import sim_area

from skill.settings import Settings
from skill.simulator import Conversation

MODELS = Path(__file__).parent / "models"


@pytest.fixture(scope="session")
def sim_settings() -> Settings:
    # Progress in memory: one skill build serves every test (users differ per test).
    return Settings(verify=False, store="memory", plugins=[sim_area], models_dir=MODELS)


@pytest.fixture
def sim(sim_settings, request) -> Conversation:
    """A conversation with the test area through the test model."""
    return Conversation(settings=sim_settings, seed=request.node.nodeid)


@pytest.fixture
def resolver(sim):
    return sim.model.resolver
