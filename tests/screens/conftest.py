"""Conversations on devices with and without a screen, through the real skill and model."""

import pytest

from skill.settings import Settings
from skill.simulator import Conversation


@pytest.fixture(scope="session")
def screen_settings() -> Settings:
    # Progress in memory: one skill build serves every test (users differ per test).
    return Settings(verify=False, store="memory")


@pytest.fixture
def talk(screen_settings, request):
    """``talk(device)``: a fresh conversation on that device, ids seeded from the test."""

    def start(device: str = "screen", seed: str = "", settings: Settings | None = None):
        return Conversation(
            device=device, settings=settings or screen_settings, seed=request.node.nodeid + seed
        )

    return start
