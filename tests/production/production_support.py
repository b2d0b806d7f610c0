"""The production setups, started for real on loopback: ``serve``'s waitress, and Debian's
nginx (deploy/nginx) in front of gunicorn (deploy/gunicorn.conf.py)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# Appended, not prepended: the other test folders keep their own helper modules first.
sys.path.append(str(ROOT / "tests" / "verification"))

from alexa_fakes import envelope  # noqa: E402
from alexa_pki import CHAIN_URL, PKI, new_key, pem, sign  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen | None = None, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        time.sleep(0.05)
    raise TimeoutError(f"nothing listening on {port}")


class Alexa:
    """Signs requests as Alexa would, with a test PKI the server under test trusts."""

    def __init__(self, folder: Path):
        self.pki = PKI()
        self.key = new_key()
        self.root_file = folder / "root.pem"
        self.chain_file = folder / "chain.pem"
        self.root_file.write_bytes(pem(self.pki.root))
        self.chain_file.write_bytes(self.pki.chain(self.pki.leaf(self.key)))

    def env(self) -> dict:
        """What ``signed_app.create()`` reads to trust this PKI."""
        return {"TEST_ALEXA_ROOT": str(self.root_file), "TEST_ALEXA_CHAIN": str(self.chain_file)}

    def request(self, url: str) -> urllib.request.Request:
        when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        body = json.dumps(envelope(when)).encode()
        headers = {
            "Content-Type": "application/json",
            "SignatureCertChainUrl": CHAIN_URL,
            "Signature-256": sign(self.key, body),
        }
        return urllib.request.Request(url, data=body, headers=headers)


def timed(request: urllib.request.Request | str) -> tuple[int, float]:
    """HTTP status and seconds taken; a timeout counts as status 0."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (OSError, TimeoutError):
        status = 0
    return status, time.monotonic() - start


class SlowClients:
    """``count`` connections that each send a request header one line at a time, a line
    every ``every`` seconds, and never finish it (a slowloris)."""

    def __init__(self, port: int, count: int, every: float = 0.5):
        self.port, self.count, self.every = port, count, every
        self.sockets: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._drip, daemon=True)

    def __enter__(self) -> SlowClients:
        for _ in range(self.count):
            sock = socket.create_connection(("127.0.0.1", self.port), 5)
            sock.sendall(b"POST /alexa HTTP/1.1\r\nHost: localhost\r\n")
            self.sockets.append(sock)
        self.thread.start()
        return self

    def _drip(self) -> None:
        line = 0
        while not self.stop.wait(self.every):
            line += 1
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.sendall(b"X-Slow-%d: 1\r\n" % line)

    def open(self) -> int:
        """How many of the slow connections the server still holds open."""
        alive = 0
        for sock in self.sockets:
            sock.setblocking(False)
            try:
                alive += sock.recv(1, socket.MSG_PEEK) != b""
            except BlockingIOError:
                alive += 1
            except OSError:
                pass
            finally:
                sock.setblocking(True)
        return alive

    def __exit__(self, *exc_info) -> None:
        self.stop.set()
        self.thread.join(5)
        for sock in self.sockets:
            sock.close()


def child_env(alexa: Alexa, db: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_OPINION_")}
    env.update(alexa.env(), SECOND_OPINION_DB=str(db), **extra)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(ROOT / "tests" / "verification")])
    return env


@contextlib.contextmanager
def running(command: list[str], port: int, env: dict | None = None) -> Iterator[int]:
    """``command`` in a child process until the block ends; yields ``port`` once it listens."""
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_for_port(port, server)
        yield port
    finally:
        server.terminate()
        server.wait(10)


def serve(alexa: Alexa, db: Path) -> contextlib.AbstractContextManager[int]:
    """skill.server (what ``second-opinion serve`` runs) with the signed test app."""
    port = free_port()
    command = [sys.executable, str(HERE / "signed_server.py"), str(port)]
    return running(command, port, child_env(alexa, db))


def gunicorn(alexa: Alexa, db: Path, workers: int = 2) -> contextlib.AbstractContextManager[int]:
    """deploy/gunicorn.conf.py serving the signed test app."""
    program = Path(sys.executable).with_name("gunicorn")
    if not program.exists():
        pytest.skip("gunicorn is not installed (pip install '.[dev]')")
    port = free_port()
    env = child_env(
        alexa, db, SECOND_OPINION_BIND=f"127.0.0.1:{port}", SECOND_OPINION_WORKERS=str(workers)
    )
    config = str(ROOT / "deploy" / "gunicorn.conf.py")
    return running([str(program), "-c", config, "signed_app:create()"], port, env)


NGINX_CONF = """
{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream second_opinion {{ server 127.0.0.1:{upstream}; }}
    server {{
        listen 127.0.0.1:{port};
        include {root}/deploy/nginx/alexa-proxy.conf;
    }}
}}
"""


def nginx(folder: Path, upstream: int) -> contextlib.AbstractContextManager[int]:
    """Debian's nginx with deploy/nginx/alexa-proxy.conf in front of ``upstream``."""
    program = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(program).exists():
        pytest.skip("nginx is not installed (scripts/system-packages.txt)")
    port = free_port()
    folder.mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    # As root nginx would hand its workers to nobody, who cannot use a private tmp folder.
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(
        NGINX_CONF.format(user=user, folder=folder, upstream=upstream, port=port, root=ROOT)
    )
    return running([program, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"], port)
