"""A flood of bad or excess requests cannot flood the log."""

from __future__ import annotations

import logging

from skill.app import create_app
from skill.log_limits import BURST, RateLimit
from skill.settings import Settings


def test_a_flood_of_rejected_requests_logs_a_few_lines(caplog):
    client = create_app(Settings(verify=False, store="memory")).test_client()
    with caplog.at_level(logging.WARNING, logger="skill"):
        for _ in range(500):
            assert client.post("/alexa", data=b"{not json").status_code == 400
    rejected = [r for r in caplog.records if "rejected request" in r.getMessage()]
    assert len(rejected) <= BURST  # the limit is per process: earlier tests may have used it


def test_a_full_work_queue_is_not_logged_per_request(caplog):
    from skill.server import make_server

    make_server(
        create_app(Settings(verify=False, store="memory")), Settings(), host="127.0.0.1", port=0
    ).close()
    queue = logging.getLogger("waitress.queue")
    with caplog.at_level(logging.WARNING, logger="waitress.queue"):
        for depth in range(1000):
            queue.warning("Task queue depth is %d", depth)
    assert len([r for r in caplog.records if r.name == "waitress.queue"]) <= BURST


def test_after_a_quiet_spell_it_says_how_many_were_left_out():
    now = [0.0]
    limit = RateLimit(burst=2, interval=60, clock=lambda: now[0])
    logger = logging.getLogger("test.log_limits")
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.addHandler(handler)
    logger.addFilter(limit)
    try:
        for n in range(10):
            logger.warning("rejected request: %s", n)
        now[0] = 61
        logger.warning("rejected request: %s", "late")
    finally:
        logger.removeHandler(handler)
        logger.removeFilter(limit)
    said = [record.getMessage() for record in records]
    assert said[:2] == ["rejected request: 0", "rejected request: 1"]
    assert said[2] == "rejected request: late (and 8 like it in the last 60 s, not logged)"
    assert len(said) == 3
