"""The ``alexa`` pytest fixture: a fresh conversation with the skill in every test.

Installed with the package (entry point ``pytest11``), so a plugin author's own tests can
use it without configuration::

    def test_bringing_someone(alexa):
        alexa.launch()
        r = alexa.say("can i bring someone with me")
        assert r.plugin == "second_opinion_companion"

Run the same tests against a running endpoint with
``pytest --alexa-target http://127.0.0.1:8080/alexa``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from skill.settings import Settings
    from skill.simulator.conversation import Conversation


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("second_opinion", "Second Opinion Guide simulator")
    group.addoption(
        "--alexa-target",
        metavar="URL",
        default=None,
        help="send the alexa fixture's requests to this endpoint instead of an in-process skill",
    )
    group.addoption(
        "--alexa-locale", default="en-US", help="locale of the alexa fixture (default en-US)"
    )


@pytest.fixture
def alexa_settings(tmp_path) -> Settings:
    """Settings for the in-process skill; override this fixture to change them.

    Each test keeps progress in its own SQLite file, so tests can't see each other's users.
    """
    from skill.settings import Settings

    return Settings(verify=False, db_path=str(tmp_path / "progress.sqlite3"))


@pytest.fixture
def alexa(request: pytest.FixtureRequest, alexa_settings: Settings) -> Conversation:
    """A new :class:`skill.simulator.Conversation` (speaker, lint on, repeatable ids)."""
    import uuid

    from skill.simulator import Conversation

    target = request.config.getoption("alexa_target")
    return Conversation(
        locale=request.config.getoption("alexa_locale"),
        target=target,
        settings=alexa_settings,
        seed=request.node.nodeid,
        # A running server keeps its users between runs: give each run its own.
        user_id=f"amzn1.ask.account.TEST{uuid.uuid4().hex.upper()}" if target else None,
    )
