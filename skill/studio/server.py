"""Serving the studio on one address, with the URL to open.

Werkzeug's threaded server: the studio is one person's page on their own machine, and it
stops cleanly from another thread (tests serve it in the background).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


class StudioServer:
    """A bound studio server; :meth:`run` serves until :meth:`close`."""

    def __init__(self, app: Flask, host: str, port: int):
        from werkzeug.serving import make_server

        # Werkzeug logs every request at INFO unless told otherwise; the studio's terminal
        # keeps its URL and real problems.
        access = logging.getLogger("werkzeug")
        if access.level == logging.NOTSET:
            access.setLevel(logging.WARNING)
        self.host = host
        self._server = make_server(host, port, app, threaded=True)
        self._serving = False

    @property
    def port(self) -> int:
        return self._server.server_port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def run(self) -> None:
        self._serving = True
        try:
            self._server.serve_forever()
        finally:
            self._serving = False

    def run_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="studio-server", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        """Stop serving (from any thread) and let go of the port."""
        # shutdown() waits for serve_forever() to notice; it would wait forever if none runs.
        if self._serving:
            self._server.shutdown()
        self._server.server_close()


def start(app: Flask, host: str = "127.0.0.1", port: int = 0) -> StudioServer:
    """Bind ``app`` to ``host``:``port`` (0: any free port); raises OSError if it can't."""
    return StudioServer(app, host, port)
