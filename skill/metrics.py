"""What operators watch, in Prometheus's format at ``GET /metrics``: requests by type,
plugin and status, their latency, store errors, and refused requests by reason.

Under gunicorn, set ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder so that every worker's
numbers add up in one answer (prometheus_client's multiprocess mode).

prometheus_client is imported when it is first needed, not at start-up (it is a tenth of
what a start imports beyond Flask and the SDK): at the first scrape, or once
``PENDING_LIMIT`` events wait; until then each event is kept, in order, and told to the
real metric when it is made, so nothing is lost or counted twice. In multiprocess mode it
is imported at once: every worker's numbers must be on disk for any worker's scrape.
"""

from __future__ import annotations

import os
import threading
from typing import Any

#: Events kept before prometheus_client is imported; the next one imports it.
PENDING_LIMIT = 256


class _Deferred:
    """One metric, made with prometheus_client on first need; until then, what it is told
    waits in :data:`_PENDING`."""

    def __init__(self, kind: str, name: str, documentation: str, **options: Any):
        self.kind = kind
        self.name = name
        self.documentation = documentation
        self.options = options
        self.real: Any = None
        _METRICS.append(self)

    def labels(self, *values: str) -> Any:
        real = self.real
        if real is not None:
            return real.labels(*values)
        if len(values) != len(self.options.get("labelnames", ())):
            raise ValueError(f"{self.name}: wrong number of label values")  # as the real one
        return _Labelled(self, values)

    def inc(self, amount: float = 1) -> None:
        self._record(None, "inc", amount)

    def observe(self, value: float) -> None:
        self._record(None, "observe", value)

    def _record(self, labels: tuple[str, ...] | None, method: str, amount: float) -> None:
        if self.real is None:
            with _LOCK:
                if self.real is None:
                    _PENDING.append((self, labels, method, amount))
                    if len(_PENDING) >= PENDING_LIMIT:
                        _load_locked()
                    return
        _apply(self, labels, method, amount)


class _Labelled:
    """``metric.labels(...)`` before the metric is made."""

    __slots__ = ("metric", "values")

    def __init__(self, metric: _Deferred, values: tuple[str, ...]):
        self.metric = metric
        self.values = values

    def inc(self, amount: float = 1) -> None:
        self.metric._record(self.values, "inc", amount)

    def observe(self, value: float) -> None:
        self.metric._record(self.values, "observe", value)


_METRICS: list[_Deferred] = []
_PENDING: list[tuple[_Deferred, tuple[str, ...] | None, str, float]] = []
_LOCK = threading.Lock()


def _apply(metric: _Deferred, labels: tuple[str, ...] | None, method: str, amount: float) -> None:
    target = metric.real if labels is None else metric.real.labels(*labels)
    getattr(target, method)(amount)


def _load_locked() -> None:
    """Make every metric and tell it what waited (call with :data:`_LOCK` held)."""
    if _METRICS and _METRICS[0].real is not None:
        return
    import prometheus_client

    made = {
        metric: getattr(prometheus_client, metric.kind)(
            metric.name, metric.documentation, **metric.options
        )
        for metric in _METRICS
    }
    for metric, labels, method, amount in _PENDING:
        target = made[metric] if labels is None else made[metric].labels(*labels)
        getattr(target, method)(amount)
    _PENDING.clear()
    # Only now: an event arriving meanwhile waited on the lock, and then finds the metric.
    for metric, real in made.items():
        metric.real = real


def load() -> None:
    """Import prometheus_client and make the metrics now (the first scrape does this)."""
    with _LOCK:
        _load_locked()


REQUESTS = _Deferred(
    "Counter",
    "second_opinion_requests",
    "POST /alexa requests answered, by Alexa request type, answering plugin and HTTP status.",
    labelnames=["type", "plugin", "status"],
)
LATENCY = _Deferred(
    "Histogram",
    "second_opinion_request_seconds",
    "Time to answer POST /alexa, from the body read to the answer built.",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
STORE_ERRORS = _Deferred(
    "Counter",
    "second_opinion_store_errors",
    "Failed loads and saves of user progress; the skill answered without them.",
    labelnames=["operation"],
)
REJECTIONS = _Deferred(
    "Counter",
    "second_opinion_rejections",
    "Requests refused before the skill saw them, by the check that refused them.",
    labelnames=["reason"],
)

if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    load()


def __getattr__(name: str) -> str:
    # CONTENT_TYPE is prometheus_client's, read when the first scrape needs it.
    if name == "CONTENT_TYPE":
        from prometheus_client import CONTENT_TYPE_LATEST

        return CONTENT_TYPE_LATEST
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def request_type(envelope: object) -> str:
    """The request's type as a label: one the SDK knows, else ``other`` (labels stay few)."""
    from skill.runtime import REQUEST_TYPES  # here: the runtime's own modules count errors

    request = envelope.get("request") if isinstance(envelope, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return kind if kind in REQUEST_TYPES else "other"


def exposition() -> bytes:
    """Every metric, from this process or, in multiprocess mode, from all workers."""
    load()
    from prometheus_client import CollectorRegistry, generate_latest

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client.multiprocess import MultiProcessCollector

        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest()
