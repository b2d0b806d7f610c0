"""Errors the web edge turns into HTTP answers."""

from __future__ import annotations

import logging
import traceback


class RequestRejected(Exception):
    """A request refused before it reaches the skill, with the HTTP status to answer."""

    status: int = 400

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        if status is not None:
            self.status = status


def log_failure(logger: logging.Logger, message: str, *args: object, exc: BaseException) -> None:
    """Log a failure at ERROR with the exception's type and traceback, never its message.

    An exception's message can hold what the user said (``KeyError: 'my biopsy'``), which
    must not reach the logs; the full exception goes to DEBUG for a developer's machine.
    """
    frames = "".join(traceback.format_tb(exc.__traceback__)).rstrip()
    logger.error(f"{message}: %s\n%s", *args, type(exc).__name__, frames)
    logger.debug("%s in detail", type(exc).__name__, exc_info=exc)
