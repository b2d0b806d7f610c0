"""Read a request body from WSGI within the size cap, whatever the server in front.

With a Content-Length over the cap, the body is refused (413) before any of it is read.
Without one (a chunked body the server decodes), the body is read here up to one byte past
the cap, so one over it is refused rather than cut short and parsed.
"""

from __future__ import annotations

import logging

from flask import Request
from werkzeug.exceptions import RequestEntityTooLarge

from skill.errors import RequestRejected

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024


def read_body(request: Request, max_bytes: int) -> bytes:
    """The whole body; :class:`RequestRejected` (413) past ``max_bytes``, (400) unreadable."""
    too_large = RequestRejected(f"body larger than {max_bytes} bytes", 413)
    if request.content_length is not None and request.content_length > max_bytes:
        raise too_large  # from the header alone: nothing is read
    try:
        if request.content_length is None and request.environ.get("wsgi.input_terminated"):
            return _read_capped(request.environ["wsgi.input"], max_bytes)
        return request.get_data(cache=False)
    except RequestRejected:
        raise
    except RequestEntityTooLarge:
        raise too_large from None
    except Exception as exc:  # the server's own decoding error (a bad chunk size), or I/O
        logger.debug("body could not be read: %s", type(exc).__name__)
        raise RequestRejected("body could not be read") from None


def _read_capped(stream, max_bytes: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        part = stream.read(min(CHUNK, max_bytes + 1 - size))
        if not part:
            return b"".join(parts)
        size += len(part)
        if size > max_bytes:
            raise RequestRejected(f"body larger than {max_bytes} bytes", 413)
        parts.append(part)
