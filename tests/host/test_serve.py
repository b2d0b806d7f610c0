"""`second-opinion serve` as a newcomer runs it: a real process, a real HTTP post."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

LAUNCH = Path(__file__).with_name("launch.json")
# The console script installed beside this interpreter, as the README runs it.
COMMAND = str(Path(sys.executable).with_name("second-opinion"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_a_posted_launch_request(tmp_path):
    port = free_port()
    env = {**os.environ, "SECOND_OPINION_DB": str(tmp_path / "progress.sqlite3")}
    server = subprocess.Popen(
        [COMMAND, "serve", "--no-verify", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/alexa",
            data=LAUNCH.read_bytes(),
            headers={"Content-Type": "application/json"},
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    body = json.load(response)
                    plugin = response.headers["X-Second-Opinion-Plugin"]
                break
            except (ConnectionError, urllib.error.URLError):
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        assert plugin == "core"
        assert "Welcome to Second Opinion Guide" in body["response"]["outputSpeech"]["ssml"]
        assert body["response"]["shouldEndSession"] is False
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_limits_from_the_environment_reach_the_server():
    from skill.app import create_app
    from skill.server import make_server
    from skill.settings import Settings

    env = {
        "SECOND_OPINION_MAX_BODY_BYTES": "65536",
        "SECOND_OPINION_MAX_CONNECTIONS": "300",
        "SECOND_OPINION_CLIENT_TIMEOUT": "12",
    }
    settings = Settings.from_env(env, verify=False, store="memory")
    interval = sys.getswitchinterval()
    server = make_server(create_app(settings), settings, host="127.0.0.1", port=0)
    try:
        assert server.adj.max_request_body_size == 65536
        assert server.adj.connection_limit == 300
        assert server.adj.channel_timeout == 12
        # Threads blocked on a short C call (SQLite, RSA) get the GIL back quickly.
        assert sys.getswitchinterval() <= 0.001
    finally:
        server.close()
        sys.setswitchinterval(interval)


def test_a_limit_that_is_not_a_number_stops_the_start():
    import pytest

    from skill.settings import Settings, SettingsError

    with pytest.raises(SettingsError, match="SECOND_OPINION_MAX_CONNECTIONS"):
        Settings.from_env({"SECOND_OPINION_MAX_CONNECTIONS": "lots"})
