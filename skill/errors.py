"""Errors the web edge turns into HTTP answers."""

from __future__ import annotations


class RequestRejected(Exception):
    """A request refused before it reaches the skill, with the HTTP status to answer."""

    status: int = 400

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        if status is not None:
            self.status = status
