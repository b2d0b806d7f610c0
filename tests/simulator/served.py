"""The Flask app served on a loopback port in a thread, for tests that go over HTTP."""

import threading
from contextlib import contextmanager

from werkzeug.serving import make_server

from skill.app import create_app


@contextmanager
def serve(settings):
    """Yield the ``/alexa`` URL of the app for ``settings``; stop the server afterwards."""
    server = make_server("127.0.0.1", 0, create_app(settings), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/alexa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
