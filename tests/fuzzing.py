"""Helpers shared by the fuzz tests of the web edge, verified or not."""

from __future__ import annotations

import logging

from hypothesis import strategies as st


class Watch(logging.Handler):
    """Every log record with a traceback attached."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.tracebacks: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.tracebacks.append(record)


def no_tracebacks(watch: Watch) -> None:
    crashed = [f"{r.name}: {r.getMessage()}" for r in watch.tracebacks]
    watch.tracebacks.clear()
    assert not crashed, crashed


def damaged(data: st.DataObject, body: bytes, changes: int) -> bytes:
    """``body`` with ``changes`` bytes flipped, runs cut out or junk put in, as hypothesis draws."""
    damaged = bytearray(body)
    for _ in range(changes):
        at = data.draw(st.integers(0, len(damaged)))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip" and at < len(damaged):
            damaged[at] ^= data.draw(st.integers(1, 255))
        elif action == "cut":
            del damaged[at : at + data.draw(st.integers(1, 20))]
        else:
            damaged[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    return bytes(damaged)
