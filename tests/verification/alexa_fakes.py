"""Stand-ins for the network and the clock, and the envelopes the verifier tests sign."""

from __future__ import annotations

import threading

from skill.simulator.envelope import EnvelopeBuilder
from skill.verification import VerificationError

SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"


def outcome(verifier, request, *, what: str = "reason") -> str:
    """``"ok"``, or the refusal's ``reason`` (or ``check``, with ``what="check"``)."""
    try:
        verifier.verify(*request)
    except VerificationError as refused:
        return getattr(refused, what)
    return "ok"


class Clock:
    """Seconds since the epoch, moved by the test."""

    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


class Fetch:
    """Serves chains by URL and counts the calls; unknown URLs fail like a 404."""

    def __init__(self, chains: dict[str, bytes]):
        self.chains = dict(chains)
        self.calls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        if url not in self.chains:
            raise OSError(f"404 for {url}")
        return self.chains[url]


class HeldFetch(Fetch):
    """A :class:`Fetch` whose calls for the ``held`` URLs wait until ``release`` is set,
    like a download from a slow server; ``started`` is set when the first one begins."""

    def __init__(self, chains: dict[str, bytes], held: set[str]):
        super().__init__(chains)
        self.held = held
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, url: str) -> bytes:
        if url in self.held:
            self.started.set()
            if not self.release.wait(10):
                raise TimeoutError(url)
        return super().__call__(url)


def envelope(
    timestamp: str, *, kind: str = "LaunchRequest", skill_id: str = SKILL_ID, note: str = ""
) -> dict:
    """A request of type ``kind`` sent at ``timestamp`` (any string: the verifier reads it);
    with ``note``, the session carries it as an attribute, a string to find in the body."""
    alexa = EnvelopeBuilder(skill_id=skill_id, user_id="amzn1.ask.account.verify")
    session = alexa.ongoing_session({"note": note}) if note else alexa.new_session()
    fields = {"intent": {"name": "AMAZON.HelpIntent"}} if kind == "IntentRequest" else {}
    return alexa.request(session, kind, timestamp=timestamp, **fields)
