"""Read a request body into an Alexa envelope, refusing anything malformed."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection

from skill.errors import RequestRejected

#: Alexa's deepest envelopes (slot values with entity resolution) nest about 15 levels.
MAX_DEPTH = 32
#: Longer than any token, id or utterance Alexa sends.
MAX_STRING_CHARS = 16 * 1024
#: Values (object members and list items) in one body.
MAX_VALUES = 10_000
#: A slot value is what a person said: a few words.
MAX_SLOT_CHARS = 1000
#: Request ids, types, timestamps and intent names.
MAX_ID_CHARS = 256
#: Alexa hands back the session attributes the skill's last response set, and a response
#: is at most 24 kilobytes: attributes any larger did not come from this skill.
MAX_ATTRIBUTES_BYTES = 24 * 1024
#: Standard requests always come in a session; others (events, AudioPlayer) may not.
IN_SESSION = frozenset({"LaunchRequest", "IntentRequest", "SessionEndedRequest"})
#: A BCP 47 tag (``en-US``): it names string files, so nothing else may pass.
LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")


def _reject_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    # 1e999 parses to infinity, which no JSON can carry back out.
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def parse_body(body: bytes, max_bytes: int, locales: Collection[str]) -> dict:
    """The envelope in ``body``: :func:`decode` then :func:`check_envelope`."""
    envelope = decode(body, max_bytes)
    check_envelope(envelope, locales)
    return envelope


def decode(body: bytes, max_bytes: int) -> object:
    """Strict UTF-8 JSON of bounded size, depth, length and count; its shape unchecked."""
    if len(body) > max_bytes:
        raise RequestRejected(f"body larger than {max_bytes} bytes", 413)
    if not body:
        raise RequestRejected("empty body")
    try:
        text = body.decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except UnicodeDecodeError:
        raise RequestRejected("body is not UTF-8") from None
    except (ValueError, RecursionError):
        raise RequestRejected("body is not valid JSON") from None
    if isinstance(value, (dict, list)) and not within_limits_by_size(body):
        check_limits(value)
    return value


def check_envelope(envelope: object, locales: Collection[str]) -> None:
    """Refuse what is not an Alexa request envelope in one of ``locales``."""
    check_shape(envelope)
    locale = envelope["request"].get("locale")
    if locale is not None and locale not in locales:
        raise RequestRejected(f"locale {locale} is not one this skill speaks")


def application_ids(envelope: dict) -> list[str]:
    """Every skill id the envelope names: in ``context.System`` and in ``session``."""
    found = []
    for path in (("context", "System", "application"), ("session", "application")):
        node: object = envelope
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and "applicationId" in node:
            found.append(node["applicationId"])
    return found


def check_skill_id(envelope: dict, skill_id: str | None) -> None:
    """Refuse (403) a request for another skill, when a skill id is configured."""
    if skill_id is None:
        return
    ids = application_ids(envelope)
    if not ids:
        raise RequestRejected("request names no skill", 403)
    if any(found != skill_id for found in ids):
        raise RequestRejected("request is for another skill", 403)


def within_limits_by_size(body: bytes) -> bool:
    """True when the raw body alone shows :func:`check_limits` would pass: the usual case.

    A body of at most ``MAX_VALUES`` bytes can hold neither more values nor a longer
    string; at most ``MAX_DEPTH`` brackets cannot nest deeper; and only a ``\\u``
    escape can spell a surrogate in text already decoded as UTF-8.
    """
    return (
        len(body) <= min(MAX_VALUES, MAX_STRING_CHARS)
        and body.count(b"{") + body.count(b"[") <= MAX_DEPTH
        and b"\\u" not in body
    )


def check_limits(envelope: dict) -> None:
    """Refuse deep nesting, huge strings, too many values and lone surrogates.

    The SDK and the skill recurse through what they are given and echo strings back, so
    these are bounded here, once, before either sees the envelope.
    """
    stack: list[tuple[object, int]] = [(envelope, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise RequestRejected(f"body nests deeper than {MAX_DEPTH} levels")
        if isinstance(node, dict):
            count += len(node)
            children = node.values()
            for key in node:
                _check_string(key)
        else:
            count += len(node)
            children = node
        if count > MAX_VALUES:
            raise RequestRejected(f"body has more than {MAX_VALUES} values")
        for child in children:
            if isinstance(child, str):
                _check_string(child)
            elif isinstance(child, (dict, list)):
                stack.append((child, depth + 1))


def _check_string(text: str) -> None:
    if len(text) > MAX_STRING_CHARS:
        raise RequestRejected(f"a string in the body is longer than {MAX_STRING_CHARS} characters")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # JSON can spell an unpaired surrogate (\ud800) that no UTF-8 text holds.
            raise RequestRejected("body holds an unpaired surrogate") from None


def check_shape(envelope: object) -> None:
    """Refuse what is not an Alexa request envelope, before the SDK sees it."""
    if not isinstance(envelope, dict):
        raise RequestRejected("body is not a JSON object")
    request = envelope.get("request")
    if not isinstance(request, dict):
        raise RequestRejected("missing 'request' object")
    for key in ("type", "requestId", "timestamp"):
        value = request.get(key)
        if not isinstance(value, str):
            raise RequestRejected(f"'request.{key}' must be a string")
        # These reach log lines: one printable line each.
        if not 0 < len(value) <= MAX_ID_CHARS or not value.isprintable():
            raise RequestRejected(f"'request.{key}' must be one printable line")
    locale = request.get("locale")
    if locale is not None and (not isinstance(locale, str) or not LOCALE.fullmatch(locale)):
        raise RequestRejected("'request.locale' must be a locale such as en-US")
    if not isinstance(envelope.get("version", "1.0"), str):
        raise RequestRejected("'version' must be a string")
    for key in ("session", "context"):
        if key in envelope and not isinstance(envelope[key], dict):
            raise RequestRejected(f"'{key}' must be an object")
    intent = request.get("intent")
    if request["type"] == "IntentRequest":
        if not isinstance(intent, dict) or not isinstance(intent.get("name"), str):
            raise RequestRejected("'request.intent.name' must be a string")
        if not 0 < len(intent["name"]) <= MAX_ID_CHARS or not intent["name"].isprintable():
            raise RequestRejected("'request.intent.name' must be one printable line")
        slots = intent.get("slots", {})
        if slots is not None and not isinstance(slots, dict):
            raise RequestRejected("'request.intent.slots' must be an object")
        for slot in (slots or {}).values():
            if not isinstance(slot, dict):
                raise RequestRejected("each slot must be an object")
            value = slot.get("value")
            if value is not None and not isinstance(value, str):
                raise RequestRejected("slot values must be strings")
            if value is not None and len(value) > MAX_SLOT_CHARS:
                raise RequestRejected(f"a slot value is longer than {MAX_SLOT_CHARS} characters")
    session = envelope.get("session")
    if session is None and request["type"] in IN_SESSION:
        raise RequestRejected(f"a {request['type']} must have a 'session' object")
    if isinstance(session, dict):
        check_attributes(session.get("attributes"))


def check_attributes(attributes: object) -> None:
    """Refuse session attributes that are not a JSON object of a size a response can carry.

    What is inside is the skill's own business: :mod:`skill.session` reads it, and takes
    a value in another shape as absent.
    """
    if attributes is None:
        return
    if not isinstance(attributes, dict):
        raise RequestRejected("'session.attributes' must be an object")
    size = len(json.dumps(attributes, separators=(",", ":"), ensure_ascii=False).encode())
    if size > MAX_ATTRIBUTES_BYTES:
        raise RequestRejected(f"'session.attributes' is larger than {MAX_ATTRIBUTES_BYTES} bytes")
