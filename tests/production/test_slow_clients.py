"""200 slow clients hold connections open, and Alexa is still answered within a second:
against ``serve`` and against nginx in front of gunicorn, the two documented setups."""

from __future__ import annotations

import contextlib
import time

from production_support import SlowClients, gunicorn, nginx, serve, timed

SLOW = 200


def keeps_answering(port: int, alexa, seconds: float = 3.0) -> None:
    base = f"http://127.0.0.1:{port}"
    worst = 0.0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for request in (f"{base}/healthz", alexa.request(f"{base}/alexa")):
            status, took = timed(request)
            assert status == 200, status
            worst = max(worst, took)
    assert worst < 1.0, f"slowest answer {worst:.2f} s"


def test_serve_answers_alexa_while_200_slow_clients_hang_on(alexa, tmp_path):
    with serve(alexa, tmp_path / "progress.sqlite3") as port, SlowClients(port, SLOW) as slow:
        keeps_answering(port, alexa)
        assert slow.open() == SLOW  # held, not refused: the test measured what it meant to


def test_nginx_and_gunicorn_answer_alexa_while_200_slow_clients_hang_on(alexa, tmp_path):
    with contextlib.ExitStack() as stack:
        upstream = stack.enter_context(gunicorn(alexa, tmp_path / "progress.sqlite3"))
        port = stack.enter_context(nginx(tmp_path / "nginx", upstream))
        slow = stack.enter_context(SlowClients(port, SLOW))
        keeps_answering(port, alexa)
        assert slow.open() == SLOW
