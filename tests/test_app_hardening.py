"""POST /alexa under fire: whatever a client sends, a 2xx or a JSON 4xx, never a 5xx or a crash.

Thousands of random bodies and mutated envelopes (every intent in the en-US model, with slots,
entity resolution and the host's session attributes) go to one app; afterwards it still
answers a valid request.
"""

from __future__ import annotations

import copy
import json
import logging

import pytest
from fuzzing import damaged, no_tracebacks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.app import PLUGIN_HEADER, create_app
from skill.envelope import (
    MAX_DEPTH,
    MAX_SLOT_CHARS,
    MAX_STRING_CHARS,
    check_limits,
    within_limits_by_size,
)
from skill.settings import MODELS_DIR, Settings
from skill.simulator.envelope import EnvelopeBuilder

MODEL = json.loads((MODELS_DIR / "en-US.json").read_text())["interactionModel"]["languageModel"]
# Derandomized: the same few thousand cases each run, so a failure is never a fluke.
FUZZ = settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    derandomize=True,
)


ALEXA = EnvelopeBuilder(user_id="amzn1.ask.account.fuzz", skill_id="amzn1.ask.skill.fuzz", seed=0)


def envelope(request_type: str, attributes: dict | None = None, **fields) -> dict:
    """A request in a session already under way, holding ``attributes``."""
    session = ALEXA.ongoing_session(attributes)
    return ALEXA.request(session, request_type, timestamp="2026-11-26T00:00:00Z", **fields)


def slot(name: str, value: str, matched: bool) -> dict:
    authority = {
        "authority": f"amzn1.er-authority.echo-sdk.fuzz.{name}",
        "status": {"code": "ER_SUCCESS_MATCH" if matched else "ER_SUCCESS_NO_MATCH"},
    }
    if matched:
        authority["values"] = [{"value": {"name": value, "id": value.upper()}}]
    return {
        "name": name,
        "value": value,
        "confirmationStatus": "NONE",
        "resolutions": {"resolutionsPerAuthority": [authority]},
    }


# A session in the middle of things: every host-owned attribute set.
BUSY_SESSION = {
    "area": "records",
    "question": {"area": "records", "about": "resume"},
    "memory": {"records": {"step": 1}},
    "user": {"core": {"disclaimer_heard": True}, "records": {"have": ["imaging"]}},
    "list": {
        "area": "records",
        "items": ["one", "two", "three", "four"],
        "pos": 3,
        "start": 0,
        "then": "Anything else?",
        "then_reprompt": "Anything else?",
        "then_about": None,
    },
    "last": {"speech": "<speak>Hello.</speak>", "reprompt": "<speak>Hello?</speak>"},
}


def seeds() -> list[dict]:
    """Valid envelopes of every kind the skill meets, to mutate."""
    found = [
        ALEXA.launch(ALEXA.new_session()),
        envelope("LaunchRequest", BUSY_SESSION),
        envelope("SessionEndedRequest", reason="USER_INITIATED"),
        envelope(
            "SessionEndedRequest",
            reason="ERROR",
            error={"type": "INVALID_RESPONSE", "message": "bad"},
        ),
        envelope("AlexaSkillEvent.SkillEnabled"),
        envelope("Connections.Response", name="x", status={"code": "200"}),
        envelope("Some.Future.Request"),
    ]
    for intent in MODEL["intents"]:
        slots = {
            s["name"]: slot(s["name"], "chest pain" if i % 2 else "knee surgery", bool(i % 2))
            for i, s in enumerate(intent.get("slots", []))
        }
        request = {
            "dialogState": "COMPLETED",
            "intent": {"name": intent["name"], "confirmationStatus": "NONE", "slots": slots},
        }
        found.append(envelope("IntentRequest", **request))
        found.append(envelope("IntentRequest", BUSY_SESSION, **request))
    return found


SEEDS = seeds()

json_leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "IntentRequest", "LaunchRequest", "en-US", "records", "\u0000", "<"])
)
json_values = st.recursive(
    json_leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["type", "name", "value", "slots", "items", "pos", "area", "about"])
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


def paths(value, prefix=()):
    """Every path to a value inside ``value``."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


def mutate(data: st.DataObject, value: dict) -> object:
    """One change at one place: drop it, replace it, or wrap it."""
    where = data.draw(st.sampled_from(list(paths(value))))
    if not where:
        return data.draw(json_values)
    parent = value
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    action = data.draw(st.sampled_from(["drop", "replace", "replace", "wrap", "stringify"]))
    if action == "drop":
        del parent[last]
    elif action == "replace":
        parent[last] = data.draw(json_values)
    elif action == "wrap":
        parent[last] = [parent[last]]
    else:
        parent[last] = json.dumps(parent[last])
    return value


@pytest.fixture(scope="module")
def client():
    return create_app(Settings(verify=False, store="memory")).test_client()


def answer(client, body: bytes):
    response = client.post("/alexa", data=body, content_type="application/json")
    text = response.get_data(as_text=True)
    assert response.status_code < 500, text
    assert "Traceback" not in text
    assert response.is_json, text
    if response.status_code >= 400:
        assert response.get_json()["error"]
    return response


@FUZZ
@given(body=st.binary(max_size=400))
def test_random_bytes(client, watch, body):
    answer(client, body)
    no_tracebacks(watch)


@FUZZ
@given(value=json_values)
def test_random_json(client, watch, value):
    answer(client, json.dumps(value).encode())
    no_tracebacks(watch)


@settings(FUZZ, max_examples=1500)
@given(data=st.data(), seed=st.sampled_from(SEEDS), changes=st.integers(1, 3))
def test_mutated_envelopes(client, watch, data, seed, changes):
    value = copy.deepcopy(seed)
    for _ in range(changes):
        value = mutate(data, value) if isinstance(value, dict) else data.draw(json_values)
    answer(client, json.dumps(value).encode())
    no_tracebacks(watch)


@FUZZ
@given(data=st.data(), seed=st.sampled_from(SEEDS))
def test_mutated_bytes(client, watch, data, seed):
    body = damaged(data, json.dumps(seed).encode(), data.draw(st.integers(1, 4)))
    answer(client, body)
    no_tracebacks(watch)


deep_values = st.recursive(
    json_leaves | st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=3),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children)
    ),
    max_leaves=60,
)


@FUZZ
@given(value=deep_values, ascii_only=st.booleans())
def test_the_size_shortcut_never_passes_what_the_full_check_refuses(value, ascii_only):
    try:
        body = json.dumps({"v": value}, ensure_ascii=ascii_only).encode()
    except UnicodeEncodeError:
        return  # a lone surrogate has no UTF-8 spelling; such a body is refused as not UTF-8
    if within_limits_by_size(body):
        check_limits(json.loads(body))


@pytest.mark.parametrize(
    "body, status",
    [
        (b"[" * 100_000 + b"]" * 100_000, 400),
        (
            json.dumps(
                {
                    "request": {
                        "x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
                    }
                }
            ).encode(),
            400,
        ),
        (
            json.dumps(
                {**SEEDS[1], "deep": json.loads("[" * MAX_DEPTH + "]" * MAX_DEPTH)}
            ).encode(),
            400,
        ),
        (json.dumps({**SEEDS[1], "big": "x" * (MAX_STRING_CHARS + 1)}).encode(), 400),
        (json.dumps({**SEEDS[1], "many": [0] * 20_000}).encode(), 400),
        (b'{"request": {"type": "LaunchRequest", "requestId": "\\ud800", "timestamp": "t"}}', 400),
        (json.dumps({**SEEDS[1], "x": "\ud800"}).encode(), 400),
        (json.dumps(SEEDS[1]).encode()[:-1] + b', "x": 1e999999}', 400),
        (json.dumps(SEEDS[1]).encode()[:-1] + b', "x": ' + b"9" * 5000 + b"}", 400),
        (b"\xef\xbb\xbf" + json.dumps(SEEDS[1]).encode(), 400),
        (json.dumps(SEEDS[1]).encode() + b" " * 300_000, 413),
    ],
)
def test_hostile_bodies_are_refused(client, watch, body, status):
    assert answer(client, body).status_code == status
    no_tracebacks(watch)


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda r: r.update(locale="../../../etc/passwd"), "locale"),
        (lambda r: r.update(locale="de-DE"), "not one this skill speaks"),
        (lambda r: r.update(requestId="id\nFORGED LOG LINE"), "printable"),
        (lambda r: r.update(type="x" * 300), "printable"),
        (
            lambda r: r["intent"]["slots"]["condition"].update(value="a" * (MAX_SLOT_CHARS + 1)),
            "slot",
        ),
    ],
)
def test_fields_that_reach_files_and_logs_are_refused_when_odd(client, change, reason):
    value = copy.deepcopy(next(s for s in SEEDS if s["request"].get("intent", {}).get("slots")))
    value["request"]["intent"]["slots"].setdefault("condition", slot("condition", "x", False))
    change(value["request"])
    response = answer(client, json.dumps(value).encode())
    assert response.status_code == 400
    assert reason in response.get_json()["error"]


@pytest.mark.parametrize(
    "kind", ["AlexaSkillEvent.SkillEnabled", "Connections.Response", "AudioPlayer.PlaybackStopped"]
)
def test_requests_outside_a_session_are_answered_without_a_failure(client, watch, kind):
    value = envelope(kind)
    del value["session"]
    assert answer(client, json.dumps(value).encode()).status_code == 200
    no_tracebacks(watch)


def test_standard_requests_without_a_session_are_refused(client):
    value = envelope("LaunchRequest")
    del value["session"]
    response = answer(client, json.dumps(value).encode())
    assert response.status_code == 400
    assert "session" in response.get_json()["error"]


# The host's attributes in shapes it never writes: forged, or corrupted on the way.
BAD_ATTRIBUTES = [
    {"memory": None},
    {"memory": {"records": "x"}},
    {"user": ["x"]},
    {"user": {"core": 1}},
    {"list": {"items": "abc", "pos": 0}},
    {"list": {**BUSY_SESSION["list"], "pos": "1"}},
    {"list": {**BUSY_SESSION["list"], "items": [1, 2]}},
    {"last": {"reprompt": "x"}},
    {"question": {"area": 1}},
    {"area": ["records"]},
    {"dialog": {"misses": "three", "person": ["FATHER"]}},
    {"stored": {"base": [], "loaded": "yes"}},
    {"progress": {"records": 7}},
]
# What reads each of them: launch, help, the list, repeat, a yes, start over, fallback.
READERS = [
    ("LaunchRequest", {}),
    *(
        ("IntentRequest", {"intent": {"name": name, "confirmationStatus": "NONE"}})
        for name in (
            "AMAZON.HelpIntent",
            "AMAZON.NextIntent",
            "AMAZON.RepeatIntent",
            "AMAZON.YesIntent",
            "AMAZON.StartOverIntent",
            "AMAZON.FallbackIntent",
            "RecordsChecklistIntent",
        )
    ),
]


@pytest.mark.parametrize("attributes", BAD_ATTRIBUTES)
def test_host_attributes_in_another_shape_are_read_as_absent(client, watch, attributes):
    for kind, fields in READERS:
        value = envelope(kind, copy.deepcopy(attributes), **fields)
        response = answer(client, json.dumps(value).encode())
        assert response.status_code == 200, (kind, fields)
        assert response.get_json()["response"]["outputSpeech"]["ssml"]
    no_tracebacks(watch)


def test_a_bad_attribute_is_never_used(client):
    said = answer(client, json.dumps(envelope("LaunchRequest", {"user": ["x"]})).encode())
    assert "not medical advice" in said.get_json()["response"]["outputSpeech"]["ssml"]
    forged = {"last": {"speech": "<speak>forged</speak>", "reprompt": 5}}
    value = envelope(
        "IntentRequest",
        forged,
        intent={"name": "AMAZON.RepeatIntent", "confirmationStatus": "NONE"},
    )
    repeated = answer(client, json.dumps(value).encode()).get_json()["response"]
    assert "forged" not in repeated["outputSpeech"]["ssml"]


def test_session_attributes_larger_than_a_response_are_refused(client, watch):
    value = envelope(
        "LaunchRequest",
        {
            "memory": {"records": {"notes": "x" * 15_000}},
            "last": {"speech": "y" * 15_000, "reprompt": None},
        },
    )
    response = answer(client, json.dumps(value).encode())
    assert response.status_code == 400
    assert "session.attributes" in response.get_json()["error"]
    no_tracebacks(watch)


def test_unknown_request_types_are_acknowledged_politely(client):
    response = answer(client, json.dumps(envelope("Alexa.Brand.New.Event")).encode())
    assert response.status_code == 200
    assert response.get_json()["response"] == {}


def test_responses_carry_security_headers(client):
    for response in (
        client.post("/alexa", data=b"nope"),
        client.post("/alexa", json=SEEDS[0]),
        client.get("/healthz"),
    ):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "no-store"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"


def test_still_answers_a_valid_request_after_the_fuzzing(client):
    response = answer(client, json.dumps(SEEDS[0]).encode())
    assert response.status_code == 200
    assert "not medical advice" in response.get_json()["response"]["outputSpeech"]["ssml"]


def test_a_failure_inside_the_skill_still_answers_with_an_apology(monkeypatch, caplog):
    app = create_app(Settings(verify=False, store="memory"))
    runtime = app.extensions["second_opinion"]
    secret = "my " + "biopsy"  # built here, so only the exception's message can carry it

    def broken(request_envelope, context):
        raise RuntimeError(secret)

    monkeypatch.setattr(runtime.skill, "invoke", broken)
    with caplog.at_level(logging.ERROR):
        response = app.test_client().post("/alexa", json=SEEDS[0])
    assert response.status_code == 200
    assert response.headers[PLUGIN_HEADER] == "core"
    body = response.get_json()["response"]
    assert "Sorry" in body["outputSpeech"]["ssml"]
    assert body["shouldEndSession"] is True
    assert secret not in response.get_data(as_text=True)
    assert "skill failed" in caplog.text and "RuntimeError" in caplog.text
    assert secret not in caplog.text
