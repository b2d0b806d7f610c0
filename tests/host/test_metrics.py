"""``GET /metrics``: what an operator watches, in Prometheus's text format."""

from __future__ import annotations

import json
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from skill.app import create_app
from skill.settings import Settings

LAUNCH = Path(__file__).with_name("launch.json").read_bytes()


def samples(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain")
    found = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def test_answered_and_refused_requests_are_counted():
    client = create_app(Settings(verify=False, store="memory")).test_client()
    before = samples(client)
    assert client.post("/alexa", data=LAUNCH).status_code == 200
    assert client.post("/alexa", data=b"{broken").status_code == 400
    assert client.post("/alexa", data=b" " * (300 * 1024)).status_code == 413
    after = samples(client)
    launch = dict(type="LaunchRequest", plugin="core", status="200")
    assert value(after, "second_opinion_requests_total", **launch) == (
        value(before, "second_opinion_requests_total", **launch) + 1
    )
    for reason in ("envelope", "too_large"):
        assert value(after, "second_opinion_rejections_total", reason=reason) == (
            value(before, "second_opinion_rejections_total", reason=reason) + 1
        )
    assert value(after, "second_opinion_request_seconds_count") == (
        value(before, "second_opinion_request_seconds_count") + 1
    )


def test_verification_refusals_are_counted_by_the_step_that_refused():
    client = create_app(Settings(store="memory", skill_id="amzn1.ask.skill.x")).test_client()
    before = samples(client)
    assert client.post("/alexa", data=LAUNCH).status_code == 400  # no signature headers
    after = samples(client)
    assert value(after, "second_opinion_rejections_total", reason="headers") == (
        value(before, "second_opinion_rejections_total", reason="headers") + 1
    )


def test_store_errors_are_counted(tmp_path):
    folder = tmp_path / "taken"
    folder.write_text("a file where the store's folder should be")
    settings = Settings(verify=False, db_path=str(folder / "progress.sqlite3"))
    client = create_app(settings).test_client()
    before = samples(client)
    reply = client.post("/alexa", data=LAUNCH)
    assert reply.status_code == 200 and json.loads(reply.data)["response"]
    after = samples(client)
    assert value(after, "second_opinion_store_errors_total", operation="load") == (
        value(before, "second_opinion_store_errors_total", operation="load") + 1
    )
