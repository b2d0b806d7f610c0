"""The production WSGI server ``serve`` runs: waitress, with its limits taken from settings.

waitress reads every request (headers and body) on its event loop and hands only complete
ones to its worker threads, so slow clients cost a socket each, never a thread. The limits
bound what they can hold: connections, idle time, header and body size.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask
    from waitress.server import BaseWSGIServer

    from skill.settings import Settings

#: Alexa's request headers fit in a few KiB.
MAX_HEADER_BYTES = 16 * 1024
#: Seconds a busy thread runs before handing the GIL to one that waits (Python: 0.005).
#: Measured with benchmarks/load.py at 32 clients, SQLite: 0.005 gave 0.78 of the floor's
#: throughput and 2.0 times its p99; 0.0005 gave 1.07 and 1.0.
SWITCH_INTERVAL = 0.0005


def make_server(
    app: Flask, settings: Settings, *, host: str, port: int, threads: int = 8
) -> BaseWSGIServer:
    """A waitress server for ``app`` listening on ``host:port``; call ``.run()``.

    :raises OSError: the address cannot be bound.
    """
    import waitress

    from skill import log_limits

    log_limits.install()  # waitress warns once per queued request when its threads are busy
    # Every SQLite statement lets go of the GIL (the RSA check does not); getting it back waits
    # for the running thread to hand over, by default after up to 5 ms. A writer holding
    # the store's lock then waits 5 ms per statement while the others queue behind it.
    sys.setswitchinterval(SWITCH_INTERVAL)
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        ident=None,
        connection_limit=settings.max_connections,
        channel_timeout=settings.client_timeout,
        # A body over the cap is refused (413) from its Content-Length or as the chunks
        # arrive, before the app runs, rather than spooled to disk first.
        max_request_body_size=settings.max_body_bytes,
        max_request_header_size=MAX_HEADER_BYTES,
        # poll(), unlike select(), has no 1024-descriptor ceiling on the connection limit.
        asyncore_use_poll=True,
        # Idle connections are reaped each cleanup pass: check as often as they may idle.
        cleanup_interval=max(1, min(30, settings.client_timeout)),
    )
    server.channel_class = _json_error_channel()
    return server


def _json_error_channel() -> type:
    """waitress's channel, answering the requests it refuses itself (too large, bad
    chunking, headers too long) in JSON with a reason, like the app does."""
    import json

    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class JsonErrorTask(ErrorTask):
        def execute(self) -> None:
            error = self.request.error
            # The reason phrase only: the detail can quote what the client sent.
            body = json.dumps({"error": error.reason.lower()}).encode()
            self.status = f"{error.code} {error.reason}"
            self.response_headers.extend(
                [("Content-Type", "application/json"), ("Connection", "close")]
            )
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class JsonErrorChannel(HTTPChannel):
        error_task_class = JsonErrorTask

    return JsonErrorChannel
