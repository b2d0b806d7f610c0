"""The studio's JSON API without a browser: loopback only, bad input answered with a
reason, and the command that serves it."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


@pytest.fixture
def client(studio_app):
    return studio_app.test_client()


def test_refuses_other_machines_and_other_host_names(client):
    assert client.get("/api/state").status_code == 200
    remote = client.get("/api/state", environ_base={"REMOTE_ADDR": "192.168.1.20"})
    assert remote.status_code == 403 and "loopback" in remote.json["error"]
    # A web page whose name was rebound to 127.0.0.1 still sends its own name.
    rebound = client.get("/api/state", headers={"Host": "attacker.example:8090"})
    assert rebound.status_code == 403
    for host in ("localhost:8090", "127.0.0.1:8090", "[::1]:8090"):
        assert client.get("/api/state", headers={"Host": host}).status_code == 200


def test_answers_other_machines_when_allowed(studio_settings):
    from skill.studio.app import create_studio_app

    app = create_studio_app(studio_settings, allow_remote=True)
    remote = app.test_client().get(
        "/api/state", environ_base={"REMOTE_ADDR": "192.168.1.20"}, headers={"Host": "box:8090"}
    )
    assert remote.status_code == 200


@pytest.mark.parametrize(
    ("path", "kwargs", "reason"),
    [
        ("/api/say", {"data": "text=hello"}, "send JSON"),
        ("/api/say", {"json": ["hello"]}, "JSON object"),
        ("/api/say", {"json": {}}, "text must be a string"),
        ("/api/say", {"json": {"text": "   "}}, "empty"),
        ("/api/say", {"json": {"text": "x" * 501}}, "longer than"),
        ("/api/action", {"json": {"action": "dance"}}, "unknown action"),
        ("/api/setup", {"json": {"locale": "xx-XX"}}, "no interaction model"),
        ("/api/setup", {"json": {"device": "toaster"}}, "device must be one of"),
        ("/api/setup", {"json": {"user": "robot"}}, "user must be one of"),
        ("/api/model", {"json": {"query": ""}}, "type an utterance"),
    ],
)
def test_bad_input_is_a_400_with_a_reason(client, path, kwargs, reason):
    response = client.post(path, **kwargs)
    assert response.status_code == 400
    assert reason in response.json["error"]


def test_the_screen_of_a_turn_is_drawn_for_a_device_with_one(client):
    client.post("/api/action", json={"action": "launch"})
    assert "nothing on a speaker" in client.get("/api/screen/1").json["error"]
    assert client.get("/api/screen/9").status_code == 400
    client.post("/api/setup", json={"device": "screen"})
    turn = client.post("/api/action", json={"action": "launch"}).json["turn"]
    assert turn["screen_preview"]["url"] == "/api/screen/1"
    drawn = client.get("/api/screen/1")
    assert drawn.status_code == 200 and b"data-type='Text'" in drawn.data
    assert drawn.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert drawn.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_touching_a_target_on_the_screen_is_a_turn_the_saved_test_replays(client):
    spoken = client.post("/api/say", json={"text": "what records do i need"}).json["turn"]
    assert spoken["screen_preview"] is None
    refused = client.post("/api/touch", json={"arguments": ["core", "home"]})
    assert refused.status_code == 400 and "has no screen" in refused.json["error"]
    client.post("/api/setup", json={"device": "screen"})
    touches = client.post("/api/say", json={"text": "what records do i need"}).json["turn"][
        "screen_preview"
    ]["touches"]
    assert touches
    touched = client.post("/api/touch", json={"arguments": touches[0]}).json["turn"]
    assert touched["request_type"] == "Alexa.Presentation.APL.UserEvent"
    assert touched["request"]["request"]["arguments"] == touches[0]
    assert f"r = alexa.touch({json.dumps(touches[0])})" in client.get("/api/test.py").text
    for bad in ({"arguments": "core"}, {"arguments": ["x"] * 17}, {}):
        assert client.post("/api/touch", json=bad).status_code == 400


def test_nothing_to_save_before_anything_is_said(client):
    response = client.get("/api/test.py")
    assert response.status_code == 400 and "nothing to save" in response.json["error"]
    assert client.get("/api/transcript.jsonl").data == b""


def test_an_odd_utterance_gets_an_answer_not_an_error(client):
    response = client.post("/api/say", json={"text": "purple monkey dishwasher"})
    assert response.status_code == 200
    assert response.json["turn"]["speech"]


def test_page_and_files_are_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and b'<script src="/static/studio.js"' in page.data
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    for name in ("studio.js", "studio.css", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200
    missing = client.get("/nowhere")
    assert missing.status_code == 404 and missing.json["error"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def studio_process(*args: str) -> tuple[subprocess.Popen, str]:
    """``second-opinion studio`` started, and the first line it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "studio", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, process.stdout.readline().strip()


def stop(process: subprocess.Popen) -> str:
    process.terminate()
    _, stderr = process.communicate(timeout=10)
    return stderr


def test_the_command_serves_on_loopback_and_prints_its_url():
    port = free_port()
    process, line = studio_process("--port", str(port))
    try:
        url = f"http://127.0.0.1:{port}/"
        assert line.endswith(url)
        with urllib.request.urlopen(url, timeout=10) as page:
            assert b"Second Opinion Guide studio" in page.read()
        # Nothing listens on the machine's other addresses.
        outward = socket.gethostbyname(socket.gethostname())
        if not outward.startswith("127."):
            with pytest.raises(OSError), socket.create_connection((outward, port), timeout=2):
                pass
    finally:
        stderr = stop(process)
    assert "warning" not in stderr
    assert "GET / " not in stderr  # no line per request in the studio's terminal


def test_the_command_warns_when_given_a_public_host():
    port = free_port()
    process, line = studio_process("--host", "0.0.0.0", "--port", str(port))
    try:
        assert line.endswith(f"http://0.0.0.0:{port}/")
        time.sleep(0.1)
    finally:
        stderr = stop(process)
    assert "warning: the studio will answer anyone who can reach 0.0.0.0" in stderr


def test_the_command_refuses_a_locale_without_a_model():
    run = subprocess.run(
        [sys.executable, "-m", "skill.cli", "studio", "--locale", "xx-XX", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "no interaction model for xx-XX" in run.stderr
