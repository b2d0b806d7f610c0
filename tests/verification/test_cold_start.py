"""A verifier that has just started cannot be starved by junk before Alexa's chain is known.

Cheap checks (headers, URL shape, timestamp, skill id) come before any fetch; verified
chains are kept on disk across restarts; and a URL asked for again after being turned away
draws on a budget that junk with a fresh URL each time never touches.
"""

from __future__ import annotations

import pytest
from alexa_fakes import SKILL_ID, Fetch, outcome
from alexa_pki import CHAIN_URL

from skill.verification import RequestVerifier

FORGED = "https://s3.amazonaws.com/echo.api/forged-{}.pem"


def check_of(verifier, request) -> str:
    return outcome(verifier, request, what="check")


@pytest.fixture
def make_verifier(pki, clock, tmp_path):
    """A verifier as a fresh process makes it, keeping chains in ``tmp_path``."""

    def make(fetch: Fetch, *, kept: bool = True) -> RequestVerifier:
        return RequestVerifier(
            skill_id=SKILL_ID,
            trust_roots=[pki.root],
            fetch=fetch,
            clock=clock,
            cache_dir=tmp_path if kept else None,
        )

    return make


@pytest.mark.parametrize(
    "junk, check",
    [({"age": 3600}, "timestamp"), ({"skill_id": "amzn1.ask.skill.someone-else"}, "skill_id")],
)
def test_requests_failing_a_cheap_check_fetch_nothing(make_verifier, make_request, junk, check):
    fetch = Fetch({})
    verifier = make_verifier(fetch, kept=False)
    reasons = {check_of(verifier, make_request(url=FORGED.format(n), **junk)) for n in range(50)}
    assert reasons == {check}
    assert fetch.calls == []


def test_a_verified_chain_is_kept_across_a_restart(pki, signer, make_verifier, make_request):
    first = make_verifier(Fetch({CHAIN_URL: pki.chain(signer[1])}))
    assert check_of(first, make_request()) == "ok"
    offline = Fetch({})  # after the restart S3 is unreachable, and junk has spent the budget
    restarted = make_verifier(offline)
    for n in range(20):
        check_of(restarted, make_request(url=FORGED.format(n)))
    assert check_of(restarted, make_request()) == "ok"
    assert CHAIN_URL not in offline.calls


def test_a_kept_chain_is_checked_again_when_loaded(pki, signer, clock, make_verifier, make_request):
    first = make_verifier(Fetch({CHAIN_URL: pki.chain(signer[1])}))
    assert check_of(first, make_request()) == "ok"
    clock.now += 400 * 24 * 3600  # every certificate in the test chain has expired
    restarted = make_verifier(Fetch({}))
    assert check_of(restarted, make_request()) == "chain"


def test_junk_with_a_fresh_url_each_time_cannot_starve_alexa(
    pki, signer, clock, make_verifier, make_request
):
    verifier = make_verifier(Fetch({CHAIN_URL: pki.chain(signer[1])}), kept=False)
    genuine = []
    # Junk gets in first, right after a start; then for 30 seconds it sends two requests a
    # second, each with a new URL, while Alexa sends one.
    for n in range(10):
        check_of(verifier, make_request(url=FORGED.format(f"burst-{n}")))
    for second in range(30):
        check_of(verifier, make_request(url=FORGED.format(f"{second}-a")))
        clock.now += 0.25
        genuine.append(check_of(verifier, make_request()))
        clock.now += 0.25
        check_of(verifier, make_request(url=FORGED.format(f"{second}-b")))
        clock.now += 0.5
    assert genuine.count("ok") >= 28, genuine
