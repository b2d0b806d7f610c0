"""The web edge: POST /alexa answers envelopes, refuses malformed bodies with JSON 4xx."""

import json
from pathlib import Path

import pytest

from skill.app import PLUGIN_HEADER, create_app
from skill.settings import Settings

LAUNCH = Path(__file__).with_name("launch.json")


def launch_envelope():
    """The LaunchRequest the README posts with curl."""
    return json.loads(LAUNCH.read_text())


@pytest.fixture(scope="module")
def client():
    return create_app(Settings(verify=False, store="memory")).test_client()


def test_healthz_lists_the_areas(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert {"triggers", "records", "outcomes"} <= set(body["areas"])


def test_launch_envelope_is_answered_by_core(client):
    response = client.post("/alexa", json=launch_envelope())
    assert response.status_code == 200
    assert response.headers[PLUGIN_HEADER] == "core"
    body = response.get_json()
    assert body["version"] == "1.0"
    assert "not medical advice" in body["response"]["outputSpeech"]["ssml"]
    assert body["response"]["shouldEndSession"] is False


@pytest.mark.parametrize(
    "body, status, reason",
    [
        (b"", 400, "empty"),
        (b"not json", 400, "JSON"),
        (b"\xff\xfe{}", 400, "UTF-8"),
        (b"[1, 2]", 400, "object"),
        (b"{}", 400, "request"),
        (json.dumps({"request": {"type": "LaunchRequest"}}).encode(), 400, "requestId"),
        (b'{"request": NaN}', 400, "JSON"),
    ],
)
def test_malformed_bodies_are_refused_with_json(client, body, status, reason):
    response = client.post("/alexa", data=body, content_type="application/json")
    assert response.status_code == status
    assert reason in response.get_json()["error"]


def test_oversized_body_is_413(client):
    response = client.post("/alexa", data=b"{" + b" " * 300_000 + b"}")
    assert response.status_code == 413
    assert "error" in response.get_json()


def test_wrong_method_and_unknown_path_answer_json(client):
    assert client.get("/alexa").status_code == 405
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "error" in response.get_json()


def test_a_runtime_closes_its_store_and_reopens_it_when_asked_again(tmp_path):
    from skill.runtime import SkillRuntime

    runtime = SkillRuntime(Settings(verify=False, db_path=str(tmp_path / "p.sqlite3")))
    runtime.invoke(launch_envelope())
    runtime.close()
    reply = runtime.invoke(launch_envelope())
    assert "not medical advice" not in reply.envelope["response"]["outputSpeech"]["ssml"]
