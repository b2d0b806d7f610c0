"""The default fetch: HTTPS only to the URL checked, briefly, and never too much."""

from __future__ import annotations

import http.server
import ssl
import threading

import pytest
from alexa_pki import new_key, pem
from cryptography.hazmat.primitives import serialization

from skill.verification import MAX_CHAIN_BYTES, fetch_chain

CHAIN = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        if self.path == "/echo.api/chain.pem":
            self._send(200, CHAIN)
        elif self.path == "/echo.api/huge.pem":
            self._send(200, b"x" * (MAX_CHAIN_BYTES + 1))
        elif self.path == "/echo.api/moved.pem":
            self.send_response(302)
            self.send_header("Location", "/echo.api/chain.pem")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"no")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(pki, tmp_path_factory):
    """A local HTTPS server whose certificate our test root signed."""
    folder = tmp_path_factory.mktemp("tls")
    key = new_key()
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (folder / "cert.pem").write_bytes(
        pem(pki.leaf(key, names=("localhost",), ips=("127.0.0.1",)), pki.intermediate)
    )
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def trusting(pki):
    context = ssl.create_default_context()
    context.load_verify_locations(cadata=pem(pki.root).decode())
    return context


def test_fetches_the_chain_over_verified_https(server, trusting):
    assert fetch_chain(f"{server}/echo.api/chain.pem", context=trusting) == CHAIN


def test_refuses_a_server_it_does_not_trust(server):
    with pytest.raises(OSError, match="CERTIFICATE_VERIFY_FAILED"):
        fetch_chain(f"{server}/echo.api/chain.pem")


def test_refuses_a_chain_over_the_size_cap(server, trusting):
    with pytest.raises(ValueError, match="too large"):
        fetch_chain(f"{server}/echo.api/huge.pem", context=trusting)


def test_does_not_follow_redirects(server, trusting):
    with pytest.raises(OSError):
        fetch_chain(f"{server}/echo.api/moved.pem", context=trusting)


def test_an_error_status_is_a_failure(server, trusting):
    with pytest.raises(OSError):
        fetch_chain(f"{server}/echo.api/missing.pem", context=trusting)
