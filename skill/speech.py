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


#: Conjunctions written with no comma before the last item (Spanish: "a, b y c"), each
#: with the form it takes before a word that begins with its own sound: "resultados e
#: informes", "siete u ocho". The locale's "and" and "or" strings choose the conjunction.
_BARE_CONJUNCTIONS = {
    "y": ("e", re.compile(r"h?[ií](?![aeoáéó])", re.IGNORECASE)),
    "o": ("u", re.compile(r"h?[oó]", re.IGNORECASE)),
}


def _before(conjunction: str, word: str) -> str:
    """``conjunction word``, the conjunction in the form it takes before ``word``."""
    bare = _BARE_CONJUNCTIONS.get(conjunction)
    if bare is not None and bare[1].match(word.lstrip()):
        conjunction = bare[0]
    return f"{conjunction} {word}"


def spoken_list(items: list[str], conjunction: str = "and") -> str:
    """``a, b, and c`` for the ear; ``a, b y c`` with a conjunction that takes no comma."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {_before(conjunction, items[1])}"
    comma = "" if conjunction in _BARE_CONJUNCTIONS else ","
    return ", ".join(items[:-1]) + f"{comma} {_before(conjunction, items[-1])}"


def choices(options: list[str], or_word: str = "or") -> str:
    """Alternatives for the ear, a pause before the last: "a, or b"; "a, b, or c" (Spanish
    writes no comma there: "a o b"; "a, b o c")."""
    if len(options) == 2 and or_word not in _BARE_CONJUNCTIONS:
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
