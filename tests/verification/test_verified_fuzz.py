"""The verified endpoint under fire: any change to a signed request is refused with a JSON
4xx, never a 5xx or a traceback, and the app still answers Alexa afterwards."""

from __future__ import annotations

import logging

import pytest
from alexa_pki import CHAIN_URL
from fuzzing import Watch, damaged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.app import create_app
from skill.settings import Settings

FUZZ = settings(
    max_examples=400,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER_VALUES = st.one_of(
    # No line breaks: HTTP cannot carry them in a header, and the test client refuses them.
    st.text(max_size=60).filter(lambda value: "\n" not in value and "\r" not in value),
    st.sampled_from([CHAIN_URL, CHAIN_URL.upper(), CHAIN_URL.replace("/echo.api/", "/x/"), ""]),
)


@FUZZ
@given(data=st.data())
def test_changed_signed_requests_are_refused_cleanly(verifier, make_request, data):
    app = create_app(Settings(store="memory"), verifier=verifier)
    client = app.test_client()
    watch = Watch()
    logging.getLogger().addHandler(watch)
    try:
        headers, body, _ = make_request(
            kind=data.draw(st.sampled_from(["LaunchRequest", "IntentRequest"]))
        )
        sent_body = damaged(data, body, data.draw(st.integers(0, 3)))
        sent_headers = dict(headers)
        for name in ("SignatureCertChainUrl", "Signature-256"):
            action = data.draw(st.sampled_from(["keep", "keep", "drop", "replace"]))
            if action == "drop":
                del sent_headers[name]
            elif action == "replace":
                sent_headers[name] = data.draw(HEADER_VALUES)
        response = client.post(
            "/alexa",
            data=sent_body,
            headers={"Content-Type": "application/json", **sent_headers},
        )
    finally:
        logging.getLogger().removeHandler(watch)
    text = response.get_data(as_text=True)
    assert response.status_code < 500 and "Traceback" not in text, text
    assert response.is_json and not watch.tracebacks, watch.tracebacks
    if sent_body != body or sent_headers.get("Signature-256") != headers["Signature-256"]:
        assert response.status_code in (400, 403, 413), text
        assert response.get_json()["error"]
    # A real request from Alexa is still answered.
    assert client.post("/alexa", data=body, headers=headers).status_code in (200,)


ODD_HEADERS = [
    "",
    " ",
    "\t",
    CHAIN_URL.upper(),
    CHAIN_URL + "\x00",
    "https://s3.amazonaws.com:0/echo.api/x.pem",
    "https://[::1]/echo.api/x.pem",
    "https://s3.amazonaws.com/echo.api/" + "%" * 50,
    "https://s3.amazonaws.com/echo.api/" + "a" * 5000,
    "//s3.amazonaws.com/echo.api/x.pem",
    "é" * 40,
    "=" * 344,
    "A" * 5000,
]


@pytest.mark.parametrize("name", ["SignatureCertChainUrl", "Signature-256"])
@pytest.mark.parametrize("value", ODD_HEADERS)
def test_odd_header_values_are_refused_cleanly(verifier, make_request, caplog, name, value):
    app = create_app(Settings(store="memory"), verifier=verifier)
    headers, body, _ = make_request()
    with caplog.at_level(logging.DEBUG):
        response = app.test_client().post("/alexa", data=body, headers={**headers, name: value})
    assert response.status_code in (400, 403), response.get_data(as_text=True)
    assert response.get_json()["error"]
    assert not [r for r in caplog.records if r.exc_info]
