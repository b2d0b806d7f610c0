"""The verifier's checks, in Amazon's order, each refusing with the right status."""

from __future__ import annotations

import base64
import json
import logging
import os

import pytest
from alexa_fakes import SKILL_ID, Clock, Fetch, envelope
from alexa_pki import CHAIN_URL, DAY, PKI, issue, new_key, pem, sign
from cryptography.hazmat.primitives.asymmetric import ec

from skill.errors import RequestRejected
from skill.verification import (
    CHAIN_CACHE_SIZE,
    FIRST_RETRY_SECONDS,
    NEW_URL_FETCH_SECONDS,
    RequestVerifier,
    VerificationError,
    certifi_roots,
)


def refusal(verifier, headers, body, data) -> VerificationError:
    with pytest.raises(VerificationError) as refused:
        verifier.verify(headers, body, data)
    return refused.value


def test_a_signed_request_passes(verifier, make_request, fetch):
    headers, body, data = make_request()
    assert verifier.verify(headers, body, data) is None
    assert fetch.calls == [CHAIN_URL]


def test_headers_are_found_whatever_their_case(verifier, make_request):
    headers, body, data = make_request()
    lowered = {name.lower(): value for name, value in headers.items()}
    assert verifier.verify(lowered, body, data) is None


# -- step 3: the signature --------------------------------------------------------------
def test_a_tampered_body_is_refused(verifier, make_request):
    headers, body, data = make_request(note="original")
    tampered = body.replace(b"original", b"tampered")
    refused = refusal(verifier, headers, tampered, json.loads(tampered))
    assert (refused.status, refused.check) == (400, "signature")
    assert "does not match" in refused.reason


def test_one_changed_byte_is_refused(verifier, make_request):
    headers, body, data = make_request()
    changed = body[:-1] + b" "
    assert refusal(verifier, headers, changed, data).check == "signature"


def test_a_forged_signature_is_refused(verifier, make_request):
    headers, body, data = make_request()
    headers["Signature-256"] = base64.b64encode(os.urandom(256)).decode()
    refused = refusal(verifier, headers, body, data)
    assert (refused.status, refused.check) == (400, "signature")


def test_a_signature_by_another_key_is_refused(verifier, make_request, other_key):
    headers, body, data = make_request(key=other_key)
    refused = refusal(verifier, headers, body, data)
    assert (refused.status, refused.check) == (400, "signature")


def test_a_signature_that_is_not_base64_is_refused(verifier, make_request):
    headers, body, data = make_request()
    headers["Signature-256"] = "not base64!"
    refused = refusal(verifier, headers, body, data)
    assert (refused.status, refused.check) == (400, "signature")
    assert "base64" in refused.reason


def test_the_legacy_sha1_header_alone_is_not_enough(verifier, make_request):
    headers, body, data = make_request()
    headers["Signature"] = headers.pop("Signature-256")
    refused = refusal(verifier, headers, body, data)
    assert (refused.status, refused.check) == (400, "headers")
    assert "Signature-256" in refused.reason


@pytest.mark.parametrize("missing", ["SignatureCertChainUrl", "Signature-256"])
def test_missing_headers_are_refused_before_any_fetch(verifier, make_request, fetch, missing):
    headers, body, data = make_request()
    del headers[missing]
    refused = refusal(verifier, headers, body, data)
    assert (refused.status, refused.check) == (400, "headers")
    assert missing in refused.reason
    assert fetch.calls == []


# -- step 1: the certificate URL --------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "http://s3.amazonaws.com/echo.api/echo-api-cert-12.pem",
        "https://notamazon.com/echo.api/echo-api-cert-12.pem",
        "https://s3.amazonaws.com.evil.com/echo.api/echo-api-cert-12.pem",
        "https://s3.amazonaws.com:8443/echo.api/echo-api-cert-12.pem",
        "https://s3.amazonaws.com/echo.api/../x",
        "https://s3.amazonaws.com/ECHO.API/echo-api-cert-12.pem",
    ],
)
def test_a_foreign_certificate_url_is_refused_without_fetching(
    verifier, make_request, fetch, pki, signer, url
):
    fetch.chains[url] = pki.chain(signer[1])  # even a good chain there is not trusted
    headers, body, data = make_request(url=url)
    refused = refusal(verifier, headers, body, data)
    assert (refused.status, refused.check) == (400, "cert_url")
    assert fetch.calls == []


# -- step 2: the chain ------------------------------------------------------------------
def test_an_expired_signing_certificate_is_refused(pki, clock, make_request):
    key = new_key()
    expired = pki.leaf(key, not_before=pki.now - 60 * DAY, not_after=pki.now - DAY)
    verifier = RequestVerifier(
        trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: pki.chain(expired)}), clock=clock
    )
    refused = refusal(verifier, *make_request(key=key))
    assert (refused.status, refused.check) == (400, "chain")
    assert "expired" in refused.reason


def test_a_signing_certificate_not_yet_valid_is_refused(pki, clock, make_request):
    key = new_key()
    early = pki.leaf(key, not_before=pki.now + DAY, not_after=pki.now + 30 * DAY)
    verifier = RequestVerifier(
        trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: pki.chain(early)}), clock=clock
    )
    assert "not yet valid" in refusal(verifier, *make_request(key=key)).reason


@pytest.mark.parametrize(
    "names", [(), ("example.com",), ("echo-api.amazon.com.evil.com",), ("*.amazon.com",)]
)
def test_a_signing_certificate_without_alexas_name_is_refused(pki, clock, make_request, names):
    key = new_key()
    leaf = pki.leaf(key, names=names)
    verifier = RequestVerifier(
        trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: pki.chain(leaf)}), clock=clock
    )
    refused = refusal(verifier, *make_request(key=key))
    assert (refused.status, refused.check) == (400, "chain")
    assert "echo-api.amazon.com" in refused.reason


def test_a_chain_to_an_untrusted_root_is_refused(pki, clock, make_request):
    stranger = PKI(now=pki.now, name="Untrusted")
    key = new_key()
    chain = stranger.chain(stranger.leaf(key))
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: chain}), clock=clock)
    refused = refusal(verifier, *make_request(key=key))
    assert (refused.status, refused.check) == (400, "chain")
    assert "not trusted" in refused.reason


def test_a_signing_certificate_with_another_kind_of_key_is_refused(pki, clock, make_request):
    leaf = pki.leaf(ec.generate_private_key(ec.SECP256R1()))
    verifier = RequestVerifier(
        trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: pki.chain(leaf)}), clock=clock
    )
    refused = refusal(verifier, *make_request())
    assert (refused.status, refused.reason) == (400, "signing certificate has no RSA key")


def test_no_trusted_roots_refuses_rather_than_fails(fetch, clock, make_request, caplog):
    with caplog.at_level(logging.ERROR):
        verifier = RequestVerifier(trust_roots=[], fetch=fetch, clock=clock)
    # The trust store is built with the verifier, so the problem shows at start.
    assert "no trusted root certificates" in caplog.text
    assert "not trusted" in refusal(verifier, *make_request()).reason


def test_a_chain_without_its_intermediate_is_refused(pki, signer, clock, make_request):
    verifier = RequestVerifier(
        trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: pem(signer[1])}), clock=clock
    )
    assert "not trusted" in refusal(verifier, *make_request()).reason


def test_a_self_signed_echo_api_certificate_is_refused(pki, clock, make_request):
    key = new_key()
    selfsigned = issue(
        "echo-api.amazon.com",
        key,
        None,
        key,
        ca=False,
        not_before=pki.now - DAY,
        not_after=pki.now + DAY,
        names=("echo-api.amazon.com",),
    )
    verifier = RequestVerifier(
        trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: pem(selfsigned)}), clock=clock
    )
    assert "not trusted" in refusal(verifier, *make_request(key=key)).reason


@pytest.mark.parametrize("served", [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\n"])
def test_a_chain_that_is_not_pem_is_refused(pki, clock, make_request, served):
    verifier = RequestVerifier(
        trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: served}), clock=clock
    )
    refused = refusal(verifier, *make_request())
    assert (refused.status, refused.check) == (400, "chain")
    assert "PEM" in refused.reason


def test_an_oversized_chain_is_refused(pki, signer, clock, make_request):
    huge = pki.chain(signer[1]) + b"\n" * 70_000
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=Fetch({CHAIN_URL: huge}), clock=clock)
    assert "too large" in refusal(verifier, *make_request()).reason


# -- the cache ----------------------------------------------------------------------------
def test_a_verified_chain_is_fetched_once(verifier, make_request, fetch):
    for _ in range(3):
        verifier.verify(*make_request())
    assert fetch.calls == [CHAIN_URL]


def test_the_cache_lasts_until_the_signing_certificate_expires(pki, clock, make_request):
    key = new_key()
    leaf = pki.leaf(key, not_after=pki.now + DAY)
    fetch = Fetch({CHAIN_URL: pki.chain(leaf)})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    verifier.verify(*make_request(key=key))
    clock.now += DAY.total_seconds() - 10
    verifier.verify(*make_request(key=key))
    assert len(fetch.calls) == 1
    clock.now += 20  # past the leaf's expiry: fetched again, and now refused
    refused = refusal(verifier, *make_request(key=key))
    assert "expired" in refused.reason
    assert len(fetch.calls) == 2


def test_the_cache_is_bounded(pki, signer, clock, make_request):
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{n}.pem" for n in range(CHAIN_CACHE_SIZE + 1)]
    fetch = Fetch({url: pki.chain(signer[1]) for url in urls})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    for url in urls:
        clock.now += NEW_URL_FETCH_SECONDS  # within the budget for new URLs
        verifier.verify(*make_request(url=url))
    assert len(fetch.calls) == len(urls)
    verifier.verify(*make_request(url=urls[-1]))  # still cached
    assert len(fetch.calls) == len(urls)
    verifier.verify(*make_request(url=urls[0]))  # the oldest was dropped
    assert fetch.calls[-1] == urls[0]
    assert len(fetch.calls) == len(urls) + 1


def test_a_failed_fetch_is_not_cached_as_success_nor_retried_at_once(
    pki, signer, clock, make_request
):
    fetch = Fetch({})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    for _ in range(5):
        refused = refusal(verifier, *make_request())
        assert (refused.status, refused.check) == (400, "chain")
        assert "could not be fetched" in refused.reason
    assert len(fetch.calls) == 1  # the burst was answered from the failure, not the network

    fetch.chains[CHAIN_URL] = pki.chain(signer[1])
    clock.now += FIRST_RETRY_SECONDS + 0.1
    verifier.verify(*make_request())
    assert len(fetch.calls) == 2


def test_repeated_failures_back_off_further(pki, clock, make_request):
    fetch = Fetch({})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    refusal(verifier, *make_request())
    clock.now += FIRST_RETRY_SECONDS + 0.1
    refusal(verifier, *make_request())
    assert len(fetch.calls) == 2
    clock.now += FIRST_RETRY_SECONDS + 0.1  # the second wait is twice as long
    refusal(verifier, *make_request())
    assert len(fetch.calls) == 2
    clock.now += FIRST_RETRY_SECONDS
    refusal(verifier, *make_request())
    assert len(fetch.calls) == 3


def test_a_chain_that_failed_its_checks_is_not_fetched_again_at_once(pki, clock, make_request):
    stranger = PKI(now=pki.now, name="Untrusted")
    key = new_key()
    fetch = Fetch({CHAIN_URL: stranger.chain(stranger.leaf(key))})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    for _ in range(3):
        assert "not trusted" in refusal(verifier, *make_request(key=key)).reason
    assert len(fetch.calls) == 1


# -- step 4: the timestamp ----------------------------------------------------------------
@pytest.mark.parametrize("age", [0, 140, -140])
def test_a_timestamp_within_150_seconds_passes(verifier, make_request, age):
    assert verifier.verify(*make_request(age=age)) is None


def test_a_stale_timestamp_is_refused(verifier, make_request):
    refused = refusal(verifier, *make_request(age=152))
    assert (refused.status, refused.check) == (400, "timestamp")
    assert "too old" in refused.reason


def test_a_future_timestamp_is_refused(verifier, make_request):
    refused = refusal(verifier, *make_request(age=-155))
    assert (refused.status, refused.check) == (400, "timestamp")
    assert "future" in refused.reason


def test_a_skill_event_may_be_an_hour_old(verifier, make_request):
    event = "AlexaSkillEvent.SkillDisabled"
    assert verifier.verify(*make_request(kind=event, age=3000)) is None
    refused = refusal(verifier, *make_request(kind=event, age=3700))
    assert refused.check == "timestamp"
    assert refusal(verifier, *make_request(kind=event, age=-300)).check == "timestamp"


def test_an_unreadable_timestamp_is_refused(verifier, signer):
    data = envelope("yesterday")
    body = json.dumps(data).encode()
    headers = {"SignatureCertChainUrl": CHAIN_URL, "Signature-256": sign(signer[0], body)}
    refused = refusal(verifier, headers, body, data)
    assert (refused.status, refused.check) == (400, "timestamp")


# -- step 5: the skill id -----------------------------------------------------------------
def test_a_request_for_another_skill_is_403(verifier, make_request):
    refused = refusal(verifier, *make_request(skill_id="amzn1.ask.skill.someone-else"))
    assert (refused.status, refused.check) == (403, "skill_id")


def test_a_session_naming_another_skill_is_403(verifier, make_request, signer):
    headers, body, data = make_request()
    data["session"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else"
    body = json.dumps(data).encode()
    headers["Signature-256"] = sign(signer[0], body)
    assert refusal(verifier, headers, body, data).status == 403


def test_a_request_naming_no_skill_is_403_when_one_is_configured(verifier, make_request, signer):
    headers, body, data = make_request()
    del data["context"]["System"]["application"]
    del data["session"]["application"]
    body = json.dumps(data).encode()
    headers["Signature-256"] = sign(signer[0], body)
    assert refusal(verifier, headers, body, data).status == 403


def test_without_a_configured_skill_id_any_skill_passes(pki, fetch, clock, make_request):
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    assert verifier.verify(*make_request(skill_id="amzn1.ask.skill.anything")) is None


# -- order: the first failing check answers; the checks that cost no fetch come first -----
def test_checks_run_cheapest_first(verifier, make_request, other_key):
    everything_wrong = dict(
        url="http://s3.amazonaws.com/echo.api/x.pem", key=other_key, age=999, skill_id="other"
    )
    assert refusal(verifier, *make_request(**everything_wrong)).check == "cert_url"
    everything_wrong.pop("url")
    assert refusal(verifier, *make_request(**everything_wrong)).check == "timestamp"
    everything_wrong.pop("age")
    assert refusal(verifier, *make_request(**everything_wrong)).check == "skill_id"
    everything_wrong.pop("skill_id")
    assert refusal(verifier, *make_request(**everything_wrong)).check == "signature"


def test_verification_error_is_a_request_rejection():
    assert issubclass(VerificationError, RequestRejected)


# -- default trust ------------------------------------------------------------------------
def test_default_roots_include_amazons_root():
    roots = certifi_roots()
    names = {root.subject.rfc4514_string() for root in roots}
    assert len(roots) > 50
    assert any("CN=Amazon Root CA 1" in name for name in names)


def test_an_unconfigured_verifier_trusts_public_roots_not_test_ones(make_request, pki, fetch):
    verifier = RequestVerifier(skill_id=SKILL_ID, fetch=fetch, clock=Clock(pki.now.timestamp()))
    assert "not trusted" in refusal(verifier, *make_request()).reason
