"""SSML helpers: build what Alexa says, and read it back as plain text.

Strings in locale files are SSML fragments written by us; anything that comes from a
request goes through :func:`escape` before it is spoken.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _xml_escape

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
ITEM_BREAK = '<break time="400ms"/>'


def escape(text: str) -> str:
    """Make untrusted text safe to put inside SSML."""
    return _xml_escape(text, {'"': "&quot;", "'": "&apos;"})


def join(*fragments: str) -> str:
    """Join SSML fragments into one, skipping empty ones."""
    return " ".join(f.strip() for f in fragments if f and f.strip())


def plain(ssml: str) -> str:
    """The words of an SSML document, tags removed and entities decoded."""
    text = _TAG.sub(" ", ssml or "")
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    text = _SPACE.sub(" ", text).strip()
    return re.sub(r"\s+([,.;:?!])", r"\1", text)


def spoken_list(items: list[str], conjunction: str = "and") -> str:
    """``a, b, and c`` for the ear."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"


def choices(options: list[str], or_word: str = "or") -> str:
    """Alternatives for the ear, a pause before the last: "a, or b"; "a, b, or c"."""
    if len(options) == 2:
        return f"{options[0]}, {or_word} {options[1]}"
    return spoken_list(options, or_word)


def paused(items: list[str]) -> str:
    """List items read as sentences with a short pause between them."""
    return f" {ITEM_BREAK} ".join(sentence(item) for item in items)


def sentence(text: str) -> str:
    """``text`` ending in a full stop, unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def ssml_of(output_speech: object) -> str | None:
    """The SSML of an SDK ``OutputSpeech``; a plain-text one is escaped and wrapped."""
    if output_speech is None:
        return None
    ssml = getattr(output_speech, "ssml", None)
    if ssml is not None:
        return ssml
    text = getattr(output_speech, "text", None)
    return f"<speak>{escape(text)}</speak>" if text is not None else None
