"""A body over the cap is refused from its Content-Length, before it is read into memory."""

import io
from pathlib import Path

from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response

from skill.app import create_app
from skill.settings import Settings

CLAIMED = 50 * 1024 * 1024


class CountingStream(io.RawIOBase):
    """Endless spaces that count how much of them the app read."""

    def __init__(self):
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b" " * len(buffer)
        self.read_bytes += len(buffer)
        return len(buffer)


def test_an_oversized_body_is_refused_without_reading_it():
    settings = Settings(verify=False, store="memory")
    app = create_app(settings)
    stream = CountingStream()
    environ = EnvironBuilder(path="/alexa", method="POST", content_type="application/json")
    environ = environ.get_environ()
    environ.update({"CONTENT_LENGTH": str(CLAIMED), "wsgi.input": stream})
    response = Response.from_app(app, environ)
    assert response.status_code == 413
    assert "error" in response.get_json()
    assert stream.read_bytes <= settings.max_body_bytes


class BrokenStream(io.RawIOBase):
    """A chunked body the server cannot decode (gunicorn raises on a bad chunk size)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        from gunicorn.http.errors import InvalidChunkSize

        raise InvalidChunkSize(b"zz")


def post_stream(app, stream) -> Response:
    """A chunked POST, as a server that decodes chunking hands it over: no length."""
    environ = EnvironBuilder(path="/alexa", method="POST", content_type="application/json")
    environ = environ.get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"wsgi.input": stream, "wsgi.input_terminated": True})
    return Response.from_app(app, environ)


def test_a_chunked_body_over_the_cap_is_refused_not_cut_short():
    settings = Settings(verify=False, store="memory")
    launch = (Path(__file__).with_name("launch.json")).read_bytes()
    # Valid JSON up to the cap, then more: cut at the cap it would still parse.
    body = launch + b" " * (settings.max_body_bytes + 10 - len(launch))
    response = post_stream(create_app(settings), io.BytesIO(body))
    assert response.status_code == 413
    assert "error" in response.get_json()


def test_a_body_that_cannot_be_read_is_a_400_without_a_traceback(caplog):
    response = post_stream(create_app(Settings(verify=False, store="memory")), BrokenStream())
    assert response.status_code == 400
    assert "error" in response.get_json()
    assert "Traceback" not in caplog.text and "ERROR" not in caplog.text
