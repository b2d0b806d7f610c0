"""Bodies over the cap are refused as they arrive, with a JSON reason, in both documented
setups: a claimed size is refused at once, a chunked stream once it passes the cap, and a
body the server cannot decode is a 400, never a 500."""

from __future__ import annotations

import contextlib
import json
import socket
import time

import pytest
from production_support import gunicorn, nginx, serve

CAP = 256 * 1024


@pytest.fixture(params=["serve", "nginx"])
def port(request, alexa, tmp_path):
    with contextlib.ExitStack() as stack:
        db = tmp_path / "progress.sqlite3"
        if request.param == "serve":
            yield stack.enter_context(serve(alexa, db))
        else:
            upstream = stack.enter_context(gunicorn(alexa, db))
            yield stack.enter_context(nginx(tmp_path / "nginx", upstream))


def answer(sock: socket.socket, seconds: float = 3.0) -> tuple[int, dict]:
    """The status and JSON body of the response on ``sock``."""
    sock.settimeout(seconds)
    data = b""
    with contextlib.suppress(OSError):
        while chunk := sock.recv(65536):
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            if body.rstrip().endswith(b"}"):
                break
    head, _, body = data.partition(b"\r\n\r\n")
    assert head, "no answer"
    if b"chunked" in head.lower():
        body = body.split(b"\r\n", 1)[1]
    return int(head.split()[1]), json.loads(body[: body.rindex(b"}") + 1])


def test_a_claimed_100_mib_body_is_refused_at_once(port):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        start = time.monotonic()
        sock.sendall(
            b"POST /alexa HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n{" % (100 * 1024 * 1024)
        )
        status, body = answer(sock)
    assert status == 413 and body["error"]
    assert time.monotonic() - start < 2


def test_a_chunked_stream_past_the_cap_is_refused_before_it_ends(port):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /alexa HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"%x\r\n%s\r\n" % (64 * 1024, b" " * 64 * 1024)
        sent = 0
        with contextlib.suppress(OSError):  # the server may close as soon as it has refused
            while sent < 64 * CAP:  # 16 MiB, unless refused long before
                sock.sendall(chunk)
                sent += 64 * 1024
                if sent > 2 * CAP:
                    break
        status, body = answer(sock)
    assert status == 413 and body["error"]


def test_a_bad_chunk_size_is_a_400(port):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /alexa HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
        )
        status, body = answer(sock)
    assert status == 400 and body["error"]
