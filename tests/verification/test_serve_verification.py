"""``second-opinion serve``: verification on by default, and never without a skill id."""

from __future__ import annotations

import json
import logging

import pytest
import waitress
from alexa_fakes import SKILL_ID, envelope

from skill import cli


@pytest.fixture
def served(monkeypatch):
    """The app ``serve`` would have handed to waitress, if it got that far."""
    for name in ("SECOND_OPINION_SKILL_ID", "SECOND_OPINION_VERIFY", "FLASK_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    # Only the command under test, so the parser does not depend on the others.
    monkeypatch.setattr(cli, "COMMANDS", ["serve"])
    apps = []

    class Server:
        def run(self) -> None:
            pass

        def close(self) -> None:
            pass

    def create_server(app, **options):
        apps.append((app, options))
        return Server()

    monkeypatch.setattr(waitress, "create_server", create_server)
    return apps


def serve(*args: str) -> int:
    return cli.main(["serve", "--store", "memory", *args])


def unsigned(app):
    body = json.dumps(envelope("2026-01-01T00:00:00Z")).encode()
    return app.test_client().post("/alexa", data=body, content_type="application/json")


def test_refuses_to_start_verified_without_a_skill_id(served, capsys):
    with pytest.raises(SystemExit) as stopped:
        serve()
    assert stopped.value.code == 2
    message = capsys.readouterr().err
    assert "--skill-id" in message and "SECOND_OPINION_SKILL_ID" in message
    assert "--no-verify" in message
    assert served == []


def test_starts_verified_with_a_skill_id(served):
    assert serve("--skill-id", SKILL_ID) == 0
    [(app, options)] = served
    assert unsigned(app).status_code == 400
    assert app.debug is False
    assert options["ident"] is None  # no server banner in responses


def test_the_skill_id_may_come_from_the_environment(served, monkeypatch):
    monkeypatch.setenv("SECOND_OPINION_SKILL_ID", SKILL_ID)
    assert serve() == 0
    assert unsigned(served[0][0]).status_code == 400


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_no_verify_serves_unsigned_requests_and_warns_at_start(served, monkeypatch, caplog, how):
    if how == "environment":
        monkeypatch.setenv("SECOND_OPINION_VERIFY", "0")
    with caplog.at_level(logging.WARNING):
        assert serve(*(["--no-verify"] if how == "flag" else [])) == 0
    assert "verification is OFF" in caplog.text
    assert unsigned(served[0][0]).status_code == 200


def test_never_in_debug_mode_even_when_flask_is_told_so(served, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    serve("--skill-id", SKILL_ID)
    assert served[0][0].debug is False
