"""A body over the cap is refused from its Content-Length, before it is read into memory."""

import io

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
