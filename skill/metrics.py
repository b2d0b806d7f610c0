"""What operators watch, in Prometheus's format at ``GET /metrics``: requests by type,
plugin and status, their latency, store errors, and refused requests by reason.

Under gunicorn, set ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder so that every worker's
numbers add up in one answer (prometheus_client's multiprocess mode).
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

REQUESTS = Counter(
    "second_opinion_requests",
    "POST /alexa requests answered, by Alexa request type, answering plugin and HTTP status.",
    ["type", "plugin", "status"],
)
LATENCY = Histogram(
    "second_opinion_request_seconds",
    "Time to answer POST /alexa, from the body read to the answer built.",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
STORE_ERRORS = Counter(
    "second_opinion_store_errors",
    "Failed loads and saves of user progress; the skill answered without them.",
    ["operation"],
)
REJECTIONS = Counter(
    "second_opinion_rejections",
    "Requests refused before the skill saw them, by the check that refused them.",
    ["reason"],
)

CONTENT_TYPE = CONTENT_TYPE_LATEST


def request_type(envelope: object) -> str:
    """The request's type as a label: one the SDK knows, else ``other`` (labels stay few)."""
    from skill.runtime import REQUEST_TYPES  # here: the runtime's own modules count errors

    request = envelope.get("request") if isinstance(envelope, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return kind if kind in REQUEST_TYPES else "other"


def exposition() -> bytes:
    """Every metric, from this process or, in multiprocess mode, from all workers."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest()
