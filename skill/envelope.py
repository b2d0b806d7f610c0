"""Read a request body into an Alexa envelope, refusing anything malformed."""

from __future__ import annotations

import json

from skill.errors import RequestRejected


def _reject_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def parse_body(body: bytes, max_bytes: int) -> dict:
    """The envelope in ``body``: strict UTF-8 JSON, an object with the fields Alexa sends."""
    if len(body) > max_bytes:
        raise RequestRejected(f"body larger than {max_bytes} bytes", 413)
    if not body:
        raise RequestRejected("empty body")
    try:
        text = body.decode("utf-8")
        envelope = json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise RequestRejected("body is not UTF-8") from None
    except (ValueError, RecursionError):
        raise RequestRejected("body is not valid JSON") from None
    check_shape(envelope)
    return envelope


def check_shape(envelope: object) -> None:
    """Refuse what is not an Alexa request envelope, before the SDK sees it."""
    if not isinstance(envelope, dict):
        raise RequestRejected("body is not a JSON object")
    request = envelope.get("request")
    if not isinstance(request, dict):
        raise RequestRejected("missing 'request' object")
    for key in ("type", "requestId", "timestamp"):
        if not isinstance(request.get(key), str):
            raise RequestRejected(f"'request.{key}' must be a string")
    if "locale" in request and not isinstance(request["locale"], str):
        raise RequestRejected("'request.locale' must be a string")
    if not isinstance(envelope.get("version", "1.0"), str):
        raise RequestRejected("'version' must be a string")
    for key in ("session", "context"):
        if key in envelope and not isinstance(envelope[key], dict):
            raise RequestRejected(f"'{key}' must be an object")
    intent = request.get("intent")
    if request["type"] == "IntentRequest":
        if not isinstance(intent, dict) or not isinstance(intent.get("name"), str):
            raise RequestRejected("'request.intent.name' must be a string")
        slots = intent.get("slots", {})
        if slots is not None and not isinstance(slots, dict):
            raise RequestRejected("'request.intent.slots' must be an object")
        for slot in (slots or {}).values():
            if not isinstance(slot, dict):
                raise RequestRejected("each slot must be an object")
            if "value" in slot and slot["value"] is not None and not isinstance(slot["value"], str):
                raise RequestRejected("slot values must be strings")
    session = envelope.get("session")
    if isinstance(session, dict):
        attributes = session.get("attributes")
        if attributes is not None and not isinstance(attributes, dict):
            raise RequestRejected("'session.attributes' must be an object")
