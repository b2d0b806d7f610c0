"""Prove a request came from Alexa: certificate URL, certificate chain, signature, timestamp, skill.

Amazon's rules are in "Host a custom skill as a web service". The cheap checks (headers,
URL shape, timestamp, skill id) come first, so junk that fails them costs no fetch. Chains
are validated with ``cryptography.x509.verification``, fetched once per URL, cached until
they expire and kept on disk, so a restart needs no fetch. Fetches run outside any shared
lock, one at a time per URL, and fetches of URLs not yet verified draw on a small budget, so
forged URLs cannot queue up downloads or stall requests. A URL asked for again after the
budget turned it away draws on a second budget that junk sending a new URL each time never
reaches: Alexa's own URL, which every genuine request repeats, gets through within seconds.
"""

from __future__ import annotations

import binascii
import logging
import os
import posixpath
import re
import ssl
import threading
import time
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import verification

from skill import cert_cache
from skill.errors import RequestRejected

logger = logging.getLogger(__name__)

CHAIN_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
CHAIN_HOST = "s3.amazonaws.com"
CHAIN_PATH_PREFIX = "/echo.api/"
#: The path, once decoded and normalised: one file name under ``/echo.api/``, as Alexa's are.
CHAIN_PATH = re.compile(r"/echo\.api/[A-Za-z0-9._-]+\.pem")
SIGNING_NAME = "echo-api.amazon.com"

#: How far a request's timestamp may be from now, in seconds.
TIMESTAMP_TOLERANCE = 150
#: Skill events (enabled, disabled, permission changes) may arrive up to an hour late.
SKILL_EVENT_TOLERANCE = 3600
SKILL_EVENT_PREFIX = "AlexaSkillEvent."

FETCH_TIMEOUT = 3.0
#: How long a request waits for another request's fetch of the same URL.
FETCH_WAIT_SECONDS = 2 * FETCH_TIMEOUT
MAX_CHAIN_BYTES = 64 * 1024
MAX_URL_CHARS = 2048
#: Verified chains kept; Alexa signs with one or two at a time.
CHAIN_CACHE_SIZE = 16
#: Recent failures kept, so a bad URL is not fetched again at once.
FAILURE_CACHE_SIZE = 256
#: After a failed fetch or check, wait this long before trying the URL again; doubles each time.
FIRST_RETRY_SECONDS = 2.0
MAX_RETRY_SECONDS = 60.0
#: Fetches of URLs with no verified chain (new ones, or retries of failed ones): at most this
#: many at once, then one more every NEW_URL_FETCH_SECONDS. Refreshing a chain that verified
#: before is not counted.
NEW_URL_FETCHES = 5
NEW_URL_FETCH_SECONDS = 12.0
#: URLs turned away for want of budget, remembered so that asking again is noticed.
TURNED_AWAY_SIZE = 4096

Fetch = Callable[[str], bytes]
Clock = Callable[[], float]


class Verifier(Protocol):
    """What :func:`skill.app.create_app` needs: raise :class:`RequestRejected` to refuse."""

    def verify(self, headers: Mapping[str, str], body: bytes, envelope: dict) -> None: ...


class VerificationError(RequestRejected):
    """A request that could not be proved to come from Alexa for this skill.

    ``check`` names the step that refused it: ``headers``, ``cert_url``, ``chain``,
    ``signature``, ``timestamp`` or ``skill_id``.
    """

    def __init__(self, reason: str, status: int = 400, *, check: str):
        super().__init__(reason, status)
        self.check = check


@dataclass(frozen=True)
class _Chain:
    key: rsa.RSAPublicKey
    expires: float


@dataclass(frozen=True)
class _Failure:
    reason: str
    retry_at: float
    delay: float


class _Fetching:
    """One fetch in flight: requests for the same URL wait for its outcome instead of fetching."""

    def __init__(self) -> None:
        self.done = threading.Event()
        # The verified chain, or the reason it was refused; this, if the fetch crashed.
        self.outcome: _Chain | str = "certificate chain could not be fetched"


class _Budget:
    """A token bucket: ``capacity`` tokens, one more back every ``seconds``."""

    def __init__(self, capacity: int, seconds: float):
        self.capacity = capacity
        self.seconds = seconds
        self.tokens = float(capacity)
        self.updated: float | None = None

    def take(self, now: float) -> bool:
        if self.updated is not None and now > self.updated:
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) / self.seconds)
        # A clock that stepped back refills nothing; the bucket starts over from there.
        self.updated = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class RequestVerifier:
    """Checks every request, in Amazon's order, and refuses at the first failure.

    :param skill_id: when set, requests for any other skill are refused with 403.
    :param trust_roots: root certificates to trust; default: certifi's bundle.
    :param fetch: ``fetch(url) -> bytes`` for a certificate chain; default: HTTPS with a
        short timeout and a size cap.
    :param clock: seconds since the epoch; default :func:`time.time`.
    """

    def __init__(
        self,
        skill_id: str | None = None,
        trust_roots: Iterable[x509.Certificate] | None = None,
        fetch: Fetch | None = None,
        clock: Clock | None = None,
        cache_dir: str | os.PathLike | None = None,
    ):
        self.skill_id = skill_id
        self._cache_dir = Path(cache_dir) if cache_dir is not None else None
        roots = list(trust_roots) if trust_roots is not None else _default_roots()
        if not roots:
            logger.error("no trusted root certificates: every signed request is refused")
        self._store = verification.Store(roots) if roots else None
        self._fetch = fetch or fetch_chain
        self._clock = clock or time.time
        # Verified chains, expired ones included: a URL here has verified before, so
        # refreshing it does not draw on the budget.
        self._chains: OrderedDict[str, _Chain] = OrderedDict()
        self._failures: OrderedDict[str, _Failure] = OrderedDict()
        self._fetching: dict[str, _Fetching] = {}
        self._budget = _Budget(NEW_URL_FETCHES, NEW_URL_FETCH_SECONDS)
        # For URLs asked for again after being turned away: junk with a new URL each
        # time never asks twice, and Alexa asks with every request.
        self._recurring_budget = _Budget(NEW_URL_FETCHES, NEW_URL_FETCH_SECONDS)
        self._turned_away: OrderedDict[str, float] = OrderedDict()
        # URLs whose chain on disk has been read (or found missing) since start.
        self._read_from_disk: set[str] = set()
        # Guards the caches and the budget for a moment; never held during a fetch.
        self._lock = threading.Lock()

    def verify(self, headers: Mapping[str, str], body: bytes, envelope: dict) -> None:
        """Return if the request is Alexa's, for this skill; raise :class:`VerificationError`."""
        now = self._clock()
        url = _header(headers, CHAIN_URL_HEADER)
        signature = _header(headers, SIGNATURE_HEADER)
        if not url:
            raise VerificationError(f"missing {CHAIN_URL_HEADER} header", check="headers")
        if not signature:
            raise VerificationError(f"missing {SIGNATURE_HEADER} header", check="headers")
        checked_url = chain_url(url)
        # What costs nothing comes before what may cost a fetch.
        check_timestamp(envelope, now)
        self.check_skill_id(envelope)
        key = self.signing_key(checked_url, now)
        check_signature(key, signature, body)

    def signing_key(self, url: str, now: float) -> rsa.RSAPublicKey:
        """The leaf key of the verified chain at ``url`` (a URL from :func:`chain_url`)."""
        cached = self._chains.get(url)
        if cached is not None and now < cached.expires:
            return cached.key
        if cached is None:
            kept = self._from_disk(url, now)
            if kept is not None:
                return kept.key
        with self._lock:
            cached = self._chains.get(url)
            if cached is not None and now < cached.expires:
                return cached.key
            fetching = self._fetching.get(url)
            owner = fetching is None
            if owner:
                failure = self._failures.get(url)
                if failure is not None and now < failure.retry_at:
                    raise VerificationError(failure.reason, check="chain")
                if cached is None and not self._may_fetch_new(url, now):
                    raise VerificationError(
                        "too many new certificate URLs, try again later", check="chain"
                    )
                fetching = self._fetching[url] = _Fetching()
        if owner:
            return self._fetch_for(url, now, fetching)
        if not fetching.done.wait(FETCH_WAIT_SECONDS):
            raise VerificationError("certificate chain could not be fetched", check="chain")
        if isinstance(fetching.outcome, str):
            raise VerificationError(fetching.outcome, check="chain")
        return fetching.outcome.key

    def _may_fetch_new(self, url: str, now: float) -> bool:
        """Take a token for fetching a URL that never verified (call with the lock held)."""
        if self._budget.take(now):
            return True
        if url in self._turned_away and self._recurring_budget.take(now):
            del self._turned_away[url]
            return True
        _remember(self._turned_away, url, now, TURNED_AWAY_SIZE)
        return False

    def _from_disk(self, url: str, now: float) -> _Chain | None:
        """The chain kept on disk for ``url``, checked again in full; once per URL per start."""
        if self._cache_dir is None or url in self._read_from_disk:
            return None
        with self._lock:
            self._read_from_disk.add(url)
        data = cert_cache.load(self._cache_dir, url, MAX_CHAIN_BYTES)
        if data is None:
            return None
        try:
            chain = self._check_chain(url, data, now)
        except VerificationError as exc:
            logger.info("certificate chain kept on disk no longer verifies: %s", exc.reason)
            return None
        with self._lock:
            _remember(self._chains, url, chain, CHAIN_CACHE_SIZE)
        return chain

    def _fetch_for(self, url: str, now: float, fetching: _Fetching) -> rsa.RSAPublicKey:
        """Fetch and check the chain, then record the outcome and wake the requests waiting."""
        try:
            chain = self._load_chain(url, now)
            fetching.outcome = chain
            return chain.key
        except VerificationError as exc:
            fetching.outcome = exc.reason
            raise
        finally:
            self._settle(url, fetching)

    def _settle(self, url: str, fetching: _Fetching) -> None:
        with self._lock:
            del self._fetching[url]
            outcome = fetching.outcome
            if isinstance(outcome, _Chain):
                self._failures.pop(url, None)
                _remember(self._chains, url, outcome, CHAIN_CACHE_SIZE)
            else:
                failure = self._failures.get(url)
                delay = FIRST_RETRY_SECONDS
                if failure is not None:
                    delay = min(failure.delay * 2, MAX_RETRY_SECONDS)
                # The wait starts when the fetch ends, however long it took.
                failed = _Failure(outcome, self._clock() + delay, delay)
                _remember(self._failures, url, failed, FAILURE_CACHE_SIZE)
        fetching.done.set()

    def check_skill_id(self, envelope: dict) -> None:
        """Refuse (403) a request for another skill, when a skill id is configured."""
        if self.skill_id is None:
            return
        ids = _application_ids()(envelope)
        if not ids:
            raise VerificationError("request names no skill", 403, check="skill_id")
        if any(found != self.skill_id for found in ids):
            raise VerificationError("request is for another skill", 403, check="skill_id")

    def _load_chain(self, url: str, now: float) -> _Chain:
        try:
            data = self._fetch(url)
        except Exception as exc:  # any failure of the network or of an injected fetch
            logger.warning("could not fetch certificate chain %s: %s", url, type(exc).__name__)
            raise VerificationError(
                "certificate chain could not be fetched", check="chain"
            ) from None
        if not isinstance(data, bytes):
            raise VerificationError("certificate chain could not be fetched", check="chain")
        chain = self._check_chain(url, data, now)
        if self._cache_dir is not None:
            cert_cache.save(self._cache_dir, url, data)
        return chain

    def _check_chain(self, url: str, data: bytes, now: float) -> _Chain:
        """The signing key of the PEM chain ``data``, checked as Amazon requires."""
        if len(data) > MAX_CHAIN_BYTES:
            raise VerificationError("certificate chain is too large", check="chain")
        try:
            certificates = x509.load_pem_x509_certificates(data)
        except ValueError:
            raise VerificationError("certificate chain is not PEM", check="chain") from None
        leaf, intermediates = certificates[0], certificates[1:]
        when = datetime.fromtimestamp(now, UTC)
        if not leaf.not_valid_before_utc <= when <= leaf.not_valid_after_utc:
            raise VerificationError(
                "signing certificate has expired or is not yet valid", check="chain"
            )
        if SIGNING_NAME not in _dns_names(leaf):
            raise VerificationError(f"signing certificate is not for {SIGNING_NAME}", check="chain")
        try:
            key = leaf.public_key()
        except (ValueError, UnsupportedAlgorithm):
            key = None
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationError("signing certificate has no RSA key", check="chain")
        if self._store is None:
            raise VerificationError("certificate chain is not trusted", check="chain")
        verifier = (
            verification.PolicyBuilder()
            .store(self._store)
            .time(when)
            .build_server_verifier(x509.DNSName(SIGNING_NAME))
        )
        try:
            built = verifier.verify(leaf, intermediates)
        except verification.VerificationError as exc:
            logger.warning("certificate chain %s not trusted: %s", url, exc)
            raise VerificationError("certificate chain is not trusted", check="chain") from None
        # Cached until the first certificate in the chain expires.
        expires = min(certificate.not_valid_after_utc for certificate in built)
        logger.info("verified certificate chain %s, cached until %s", url, expires)
        return _Chain(key, expires.timestamp())


def _remember(cache: OrderedDict, url: str, value: object, size: int) -> None:
    cache[url] = value
    cache.move_to_end(url)
    while len(cache) > size:
        cache.popitem(last=False)


@lru_cache(maxsize=1)
def _application_ids() -> Callable[[dict], list]:
    """skill.envelope's reader, imported on first use: it reads the session layout from
    the handler layer, which importing verification alone must not load."""
    from skill.envelope import application_ids

    return application_ids


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, case-insensitively, from Werkzeug's headers or a plain dict."""
    value = headers.get(name)
    if value is None and isinstance(headers, dict):
        wanted = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == wanted), None)
    return value if isinstance(value, str) else None


@lru_cache(maxsize=64)
def chain_url(url: str) -> str:
    """The certificate URL to fetch, after Amazon's checks; raise :class:`VerificationError`.

    https, host ``s3.amazonaws.com``, port absent or 443, and a path that, once decoded and
    with ``.`` and ``..`` segments resolved, is ``/echo.api/<name>.pem`` (letters, digits,
    ``.``, ``_``, ``-``). What is fetched is the URL rebuilt from the checked parts, so
    nothing unchecked reaches the network.
    """
    if len(url) > MAX_URL_CHARS:
        raise VerificationError("certificate URL is too long", check="cert_url")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise VerificationError("certificate URL is not a URL", check="cert_url") from None
    if parts.scheme.lower() != "https":
        raise VerificationError("certificate URL is not https", check="cert_url")
    if parts.hostname != CHAIN_HOST or parts.username is not None or parts.password is not None:
        raise VerificationError(f"certificate URL host is not {CHAIN_HOST}", check="cert_url")
    if port not in (None, 443):
        raise VerificationError("certificate URL port is not 443", check="cert_url")
    path = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if not CHAIN_PATH.fullmatch(path):
        raise VerificationError(
            f"certificate URL path is not {CHAIN_PATH_PREFIX}<name>.pem", check="cert_url"
        )
    # The path holds only characters that need no quoting.
    return f"https://{CHAIN_HOST}{path}"


#: Alexa's scheme, built once: every request is checked with the same two.
PKCS1 = padding.PKCS1v15()
SHA256 = hashes.SHA256()


def check_signature(key: rsa.RSAPublicKey, signature: str, body: bytes) -> None:
    """``signature``: base64 RSA PKCS#1 v1.5 with SHA-256 over the exact body bytes."""
    try:
        # Strict: only the base64 alphabet and correct padding, as b64decode(validate=True)
        # checks, without its regular expression on every request.
        raw = binascii.a2b_base64(signature, strict_mode=True)
    except (binascii.Error, ValueError):
        raise VerificationError(f"{SIGNATURE_HEADER} is not base64", check="signature") from None
    try:
        key.verify(raw, body, PKCS1, SHA256)
    except InvalidSignature:
        raise VerificationError("signature does not match the body", check="signature") from None


def check_timestamp(envelope: dict, now: float) -> None:
    """The request's timestamp is within 150 s of ``now`` (skill events: an hour old)."""
    request = envelope.get("request") if isinstance(envelope, dict) else None
    stamp = request.get("timestamp") if isinstance(request, dict) else None
    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        raise VerificationError("request timestamp is unreadable", check="timestamp") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    age = now - when.timestamp()
    skill_event = str(request.get("type")).startswith(SKILL_EVENT_PREFIX)
    if age > (SKILL_EVENT_TOLERANCE if skill_event else TIMESTAMP_TOLERANCE):
        raise VerificationError("request is too old", check="timestamp")
    if age < -TIMESTAMP_TOLERANCE:
        raise VerificationError("request timestamp is in the future", check="timestamp")


def _dns_names(certificate: x509.Certificate) -> set[str]:
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        names = san.value.get_values_for_type(x509.DNSName)
    except (x509.ExtensionNotFound, x509.DuplicateExtension, ValueError):
        return set()
    return {name.lower() for name in names}


PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)


def certifi_roots() -> list[x509.Certificate]:
    """certifi's roots; the odd one today's parser refuses is left out, not fatal."""
    import certifi

    with open(certifi.where(), "rb") as bundle:
        blocks = PEM_BLOCK.findall(bundle.read())
    roots = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for block in blocks:
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                continue
    return roots


@lru_cache(maxsize=1)
def _default_roots() -> tuple[x509.Certificate, ...]:
    """certifi's roots, parsed once per process: every verifier built later shares them."""
    return tuple(certifi_roots())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Fetch only the URL that was checked: a redirect is a failure."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def fetch_chain(url: str, *, context: ssl.SSLContext | None = None) -> bytes:
    """GET ``url`` over verified HTTPS, with a short timeout; refuse anything too large.

    :param context: TLS settings; default: certifi's roots and hostname checking.
    """
    if context is None:
        import certifi

        context = ssl.create_default_context(cafile=certifi.where())
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), _NoRedirect()
    )
    with opener.open(url, timeout=FETCH_TIMEOUT) as response:
        if response.status != 200:
            raise OSError(f"HTTP {response.status}")
        data = response.read(MAX_CHAIN_BYTES + 1)
    if len(data) > MAX_CHAIN_BYTES:
        raise ValueError("certificate chain is too large")
    return data
