"""Fetching chains under load: no shared wait, one fetch per URL, and a budget for new URLs."""

from __future__ import annotations

import threading
import time

import pytest
from alexa_fakes import Fetch, HeldFetch, outcome
from alexa_pki import CHAIN_URL, DAY

from skill.verification import (
    NEW_URL_FETCH_SECONDS,
    NEW_URL_FETCHES,
    RequestVerifier,
)

FORGED = "https://s3.amazonaws.com/echo.api/forged-{}.pem"
SLOW = "https://s3.amazonaws.com/echo.api/slow.pem"
BUSY = "too many new certificate URLs"


def in_thread(verifier, request) -> tuple[threading.Thread, list[str]]:
    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(outcome(verifier, request)))
    thread.start()
    return thread, result


def test_a_slow_fetch_holds_up_no_other_url(pki, signer, clock, make_request):
    fetch = HeldFetch({CHAIN_URL: pki.chain(signer[1])}, held={SLOW})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    slow, slow_result = in_thread(verifier, make_request(url=SLOW))
    try:
        assert fetch.started.wait(5)
        # Alexa's chain, not yet cached, is fetched and checked while the slow one hangs...
        genuine, genuine_result = in_thread(verifier, make_request())
        genuine.join(5)
        assert genuine_result == ["ok"]
        # ...and once cached it answers at once.
        assert outcome(verifier, make_request()) == "ok"
        assert slow.is_alive()
    finally:
        fetch.release.set()
        slow.join(5)
    assert slow_result == ["certificate chain could not be fetched"]
    assert fetch.calls.count(CHAIN_URL) == 1


@pytest.mark.parametrize("served, expected", [(True, "ok"), (False, "could not be fetched")])
def test_requests_for_a_url_being_fetched_wait_for_that_fetch(
    pki, signer, clock, make_request, served, expected
):
    chains = {CHAIN_URL: pki.chain(signer[1])} if served else {}
    fetch = HeldFetch(chains, held={CHAIN_URL})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    first, first_result = in_thread(verifier, make_request())
    assert fetch.started.wait(5)
    waiting = [in_thread(verifier, make_request()) for _ in range(8)]
    time.sleep(0.05)  # time for them to reach the fetch in flight, or start fetches of their own
    fetch.release.set()
    for thread, _ in [(first, first_result), *waiting]:
        thread.join(5)
    results = first_result + [reason for _, result in waiting for reason in result]
    assert len(results) == 9
    assert all(expected in reason for reason in results), results
    assert fetch.calls == [CHAIN_URL]


def test_forged_urls_cost_at_most_the_budget_and_are_then_refused_unfetched(
    pki, signer, clock, make_request
):
    fetch = Fetch({CHAIN_URL: pki.chain(signer[1])})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    reasons = [outcome(verifier, make_request(url=FORGED.format(n))) for n in range(40)]
    assert len(fetch.calls) == NEW_URL_FETCHES
    assert set(reasons[:NEW_URL_FETCHES]) == {"certificate chain could not be fetched"}
    assert all(BUSY in reason for reason in reasons[NEW_URL_FETCHES:])

    # Alexa's chain is new too: refused without a fetch, and not remembered as a failure.
    assert BUSY in outcome(verifier, make_request())
    assert CHAIN_URL not in fetch.calls
    clock.now += NEW_URL_FETCH_SECONDS
    assert outcome(verifier, make_request()) == "ok"
    assert fetch.calls[-1] == CHAIN_URL

    clock.now += NEW_URL_FETCH_SECONDS  # one fetch more per interval, never a burst
    reasons = [outcome(verifier, make_request(url=FORGED.format(n))) for n in range(40, 50)]
    assert len(fetch.calls) == NEW_URL_FETCHES + 2
    assert sum(BUSY in reason for reason in reasons) == 9


def test_retrying_a_failed_url_draws_on_the_budget(pki, clock, make_request):
    fetch = Fetch({})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    assert "could not be fetched" in outcome(verifier, make_request())
    clock.now += 120  # past the wait before a retry, and the budget is full again
    for n in range(NEW_URL_FETCHES):
        outcome(verifier, make_request(url=FORGED.format(n)))
    assert BUSY in outcome(verifier, make_request())
    assert len(fetch.calls) == 1 + NEW_URL_FETCHES


def test_an_expired_chain_that_verified_before_is_refreshed_whatever_the_budget(
    pki, signer, clock, make_request
):
    key = signer[0]
    first = pki.leaf(key, not_after=pki.now + DAY)
    fetch = Fetch({CHAIN_URL: pki.chain(first)})
    verifier = RequestVerifier(trust_roots=[pki.root], fetch=fetch, clock=clock)
    assert outcome(verifier, make_request(key=key)) == "ok"

    clock.now += 2 * DAY.total_seconds()  # the cached chain has expired
    renewed = pki.leaf(key, not_before=pki.now + DAY, not_after=pki.now + 30 * DAY)
    fetch.chains[CHAIN_URL] = pki.chain(renewed)
    for n in range(NEW_URL_FETCHES + 3):  # a flood of forged URLs spends the budget
        outcome(verifier, make_request(key=key, url=FORGED.format(n)))
    assert BUSY in outcome(verifier, make_request(key=key, url=FORGED.format(99)))

    assert outcome(verifier, make_request(key=key)) == "ok"  # refreshed all the same
    assert fetch.calls.count(CHAIN_URL) == 2
    assert outcome(verifier, make_request(key=key)) == "ok"
    assert fetch.calls.count(CHAIN_URL) == 2
