"""Offline Alexa signatures: a test PKI, a fetch that serves its chain, a clock to move."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from alexa_fakes import SKILL_ID, Clock, Fetch, envelope
from alexa_pki import CHAIN_URL, PKI, new_key, sign

from skill.verification import RequestVerifier


@pytest.fixture(scope="session")
def pki() -> PKI:
    return PKI()


@pytest.fixture(scope="session")
def signer(pki):
    """Alexa's signing key and its certificate."""
    key = new_key()
    return key, pki.leaf(key)


@pytest.fixture(scope="session")
def other_key():
    return new_key()


@pytest.fixture
def clock(pki) -> Clock:
    return Clock(pki.now.timestamp())


@pytest.fixture
def fetch(pki, signer) -> Fetch:
    return Fetch({CHAIN_URL: pki.chain(signer[1])})


@pytest.fixture
def verifier(pki, fetch, clock) -> RequestVerifier:
    return RequestVerifier(skill_id=SKILL_ID, trust_roots=[pki.root], fetch=fetch, clock=clock)


@pytest.fixture
def make_request(signer, clock):
    """``make_request(**envelope_args) -> (headers, body, envelope)``, signed by Alexa's key."""

    def make(*, key=None, url=CHAIN_URL, age: float = 0.0, **envelope_args):
        stamp = clock() - age
        when = datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        data = envelope(when, **envelope_args)
        body = json.dumps(data).encode()
        headers = {"SignatureCertChainUrl": url, "Signature-256": sign(key or signer[0], body)}
        return headers, body, data

    return make
