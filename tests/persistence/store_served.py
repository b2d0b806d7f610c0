"""The store_area skill served by a child process (``store_server.py``), and sessions with it."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from store_support import HERE, ROOT, child_env
from store_visits import Visit

from skill.runtime import Reply


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HttpSkill:
    """Stands in for a SkillRuntime in :class:`Visit`: each envelope is a ``POST /alexa``."""

    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}"

    def invoke(self, envelope: dict) -> Reply:
        request = urllib.request.Request(
            f"{self.url}/alexa",
            data=json.dumps(envelope).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(json.load(response), response.headers.get("X-Second-Opinion-Plugin"))

    def health(self) -> tuple[int, dict]:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as exc:
            return exc.code, json.load(exc)


@contextlib.contextmanager
def served(db: Path) -> Iterator[HttpSkill]:
    """The skill on ``db`` in a child process; killed (SIGKILL, no clean close) at the end."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(HERE / "store_server.py"), str(db), str(port)],
        env=child_env(),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == "ready"
        yield HttpSkill(port)
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)


def mark_as(skill: HttpSkill, user_id: str, item: str) -> None:
    """One session for ``user_id`` that marks ``item``; asserts the write was kept."""
    answer = Visit(skill, user_id).mark(item)
    assert "Marked" in answer.speech and "couldn't save" not in answer.speech
