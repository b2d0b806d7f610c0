"""Warnings that repeat per request (rejections, a full work queue) are rate-limited, so a
flood of bad or excess requests cannot flood the log: a few of each kind per minute, then
one line saying how many like it were left out."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

#: Loggers that warn once per request: our edge and its checks, and waitress's queue.
PER_REQUEST_LOGGERS = (
    "skill.app",
    "skill.verification",
    "skill.persistence.interceptors",
    "waitress.queue",
)
BURST = 5
INTERVAL = 60.0


class RateLimit(logging.Filter):
    """Lets ``burst`` records of each message (its template, not its values) through per
    ``interval`` seconds; the first one after a quiet spell says how many were left out."""

    def __init__(
        self,
        burst: int = BURST,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__()
        self.burst = burst
        self.interval = interval
        self.clock = clock
        self._lock = threading.Lock()
        # message template -> [window start, records let through, records left out]
        self._windows: dict[tuple[str, object], list] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True  # errors are rare and each one matters
        now = self.clock()
        key = (record.name, record.msg)
        with self._lock:
            window = self._windows.get(key)
            if window is None or now - window[0] >= self.interval:
                left_out = window[2] if window else 0
                self._windows[key] = [now, 1, 0]
                if left_out and isinstance(record.args, tuple):
                    record.msg = f"{record.msg} (and %d like it in the last %d s, not logged)"
                    record.args = (*record.args, left_out, int(self.interval))
                return True
            if window[1] < self.burst:
                window[1] += 1
                return True
            window[2] += 1
            return False

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()


_limit: RateLimit | None = None
_install_lock = threading.Lock()


def install() -> None:
    """Rate-limit the per-request warnings. The filter is added once per process; each call
    (each app built, which production does once) starts the counts afresh."""
    global _limit
    with _install_lock:
        if _limit is None:
            _limit = RateLimit()
            for name in PER_REQUEST_LOGGERS:
                logging.getLogger(name).addFilter(_limit)
        _limit.reset()
