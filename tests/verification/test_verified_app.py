"""Verification at the web edge: refused requests get a JSON reason and never reach the skill."""

from __future__ import annotations

import base64
import logging

import pytest
from alexa_pki import CHAIN_URL

from skill.app import PLUGIN_HEADER, create_app
from skill.settings import Settings

FORGED = base64.b64encode(bytes(256)).decode()


@pytest.fixture
def app(verifier):
    return create_app(Settings(store="memory"), verifier=verifier)


@pytest.fixture
def invocations(app, monkeypatch):
    """Every envelope that reached the skill."""
    runtime = app.extensions["second_opinion"]
    seen = []
    real = runtime.invoke

    def invoke(envelope, **options):
        seen.append(envelope)
        return real(envelope, **options)

    monkeypatch.setattr(runtime, "invoke", invoke)
    return seen


def post(app, headers, body):
    return app.test_client().post(
        "/alexa", data=body, headers={"Content-Type": "application/json", **headers}
    )


def test_a_signed_request_is_answered(app, make_request, invocations):
    response = post(app, *make_request(kind="IntentRequest")[:2])
    assert response.status_code == 200
    assert response.headers[PLUGIN_HEADER] == "core"
    assert response.get_json()["response"]["outputSpeech"]["ssml"]
    assert len(invocations) == 1


@pytest.mark.parametrize(
    "change, status, reason",
    [
        (lambda h, b: ({**h, "Signature-256": FORGED}, b), 400, "does not match"),
        (lambda h, b: (h, b.replace(b"secret-symptom", b"secret-sympton")), 400, "does not match"),
        (lambda h, b: ({"Signature-256": h["Signature-256"]}, b), 400, "SignatureCertChainUrl"),
        (
            lambda h, b: ({**h, "SignatureCertChainUrl": CHAIN_URL.replace("https", "http")}, b),
            400,
            "https",
        ),
    ],
)
def test_a_refused_request_gets_a_json_reason_and_never_reaches_the_skill(
    app, make_request, invocations, caplog, change, status, reason
):
    headers, body, _ = make_request(note="secret-symptom")
    with caplog.at_level(logging.DEBUG):
        response = post(app, *change(headers, body))
    assert response.status_code == status
    assert reason in response.get_json()["error"]
    assert invocations == []
    assert "secret-sym" not in caplog.text
    assert any("rejected request" in r.getMessage() for r in caplog.records)


def test_a_wrong_skill_id_is_403(app, make_request, invocations):
    response = post(app, *make_request(skill_id="amzn1.ask.skill.other")[:2])
    assert response.status_code == 403
    assert "another skill" in response.get_json()["error"]
    assert invocations == []


def test_a_stale_request_is_400(app, make_request, invocations):
    response = post(app, *make_request(age=600)[:2])
    assert response.status_code == 400
    assert "too old" in response.get_json()["error"]
    assert invocations == []


def test_verification_is_on_by_default(make_request):
    app = create_app(Settings(store="memory"))
    response = post(app, {}, make_request()[1])
    assert response.status_code == 400
    assert "SignatureCertChainUrl" in response.get_json()["error"]


def test_verification_can_be_turned_off(make_request):
    app = create_app(Settings(verify=False, store="memory"))
    assert post(app, {}, make_request()[1]).status_code == 200


def test_the_environment_turns_it_off_and_names_the_skill():
    settings = Settings.from_env({"SECOND_OPINION_VERIFY": "0", "SECOND_OPINION_SKILL_ID": "x"})
    assert settings.verify is False
    assert settings.skill_id == "x"
    assert Settings.from_env({}).verify is True


def test_the_app_never_runs_in_debug_mode(monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app(Settings(verify=False, store="memory"))
    assert app.debug is False
