"""The session's layout: every session attribute the skill keeps, and the one way to read,
write and clear each.

Alexa hands back exactly the ``sessionAttributes`` the last response set, so a value in
another shape was forged or corrupted on the way: every reader here treats it as absent
(and a writer replaces it), so a bad attribute never fails a request. The edge
(:mod:`skill.envelope`) checks only that the attributes are a bounded JSON object.

Outside a session (skill events) there are no attributes: readers find nothing and
writes are dropped.

Everything here lasts for the session only, except :func:`user`, the durable state that
:mod:`skill.persistence` loads and saves (see :mod:`skill.state`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from ask_sdk_core.handler_input import HandlerInput

#: The current area's name.
AREA = "area"
#: The yes/no question left open: ``{"area": who asked, "about": what it is about}``.
QUESTION = "question"
#: The conversation's context: ``{"asked": the last question's words, "options": [intent
#: names offered, in order], "person": relationship id, "misses": fallbacks in a row}``.
DIALOG = "dialog"
#: Each area's own session memory: ``{area: {...}}``.
MEMORY = "memory"
#: The list being read a page at a time (:mod:`skill.paging`).
LIST = "list"
#: The last answer, for "say that again": ``{"speech": ssml, "reprompt": ssml or None}``.
LAST = "last"
#: The user's durable state, ``{area: {...}}``, as loaded from and saved to the store.
USER = "user"
#: The store's bookkeeping: ``{"base": state last read or written, "loaded", "warned"}``.
STORED = "stored"
#: Health progress kept for this session only (:mod:`skill.health`): ``{area: {...}}``.
PROGRESS = "progress"

#: Every session attribute the skill writes.
KEYS = (AREA, QUESTION, DIALOG, MEMORY, LIST, LAST, USER, STORED, PROGRESS)


def attributes(handler_input: HandlerInput) -> dict:
    """The session attributes; a throwaway dict for requests outside a session."""
    if handler_input.request_envelope.session is None:
        return {}
    return handler_input.attributes_manager.session_attributes


def _read(handler_input: HandlerInput, key: str, valid: Callable[[object], bool]) -> object:
    value = attributes(handler_input).get(key)
    return value if value is not None and valid(value) else None


def _container(handler_input: HandlerInput, key: str, valid: Callable[[object], bool]) -> dict:
    """The dict under ``key``, made afresh when it is missing or in another shape."""
    found = attributes(handler_input)
    value = found.get(key)
    if not isinstance(value, dict) or not valid(value):
        value = found[key] = {}
    return value


def _areas(handler_input: HandlerInput, key: str) -> dict:
    """The ``{area: {...}}`` dict under ``key``, without the sections in another shape."""
    value = _container(handler_input, key, _anything)
    for name in [name for name, section in value.items() if not isinstance(section, dict)]:
        del value[name]
    return value


def _section(container: dict, name: str) -> dict:
    """``container[name]``, a dict, made afresh when missing or in another shape."""
    value = container.get(name)
    if not isinstance(value, dict):
        value = container[name] = {}
    return value


def _text(value: object) -> bool:
    return isinstance(value, str)


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _anything(value: object) -> bool:
    return True


# -- where the user is ------------------------------------------------------------------
def current_area(handler_input: HandlerInput) -> str | None:
    """The name of the area the user is in, or ``None`` at the top level."""
    return _read(handler_input, AREA, _text)


def set_current_area(handler_input: HandlerInput, name: str) -> None:
    attributes(handler_input)[AREA] = name


def clear_current_area(handler_input: HandlerInput) -> None:
    attributes(handler_input).pop(AREA, None)


# -- the open yes/no question -----------------------------------------------------------
@dataclass(frozen=True)
class Question:
    """A yes/no question waiting for its answer: the area that asked it, and what it is
    about (the ``about`` the area asked with), so a yes or no goes back there."""

    area: str
    about: str


def question(handler_input: HandlerInput) -> Question | None:
    """The yes/no question left open, or ``None``."""
    value = attributes(handler_input).get(QUESTION)
    if not isinstance(value, dict):
        return None
    area, about = value.get("area"), value.get("about")
    if not isinstance(area, str) or not isinstance(about, str) or not about:
        return None
    return Question(area, about)


def set_question(handler_input: HandlerInput, area: str, about: str) -> None:
    attributes(handler_input)[QUESTION] = {"area": area, "about": about}


def clear_question(handler_input: HandlerInput) -> None:
    attributes(handler_input).pop(QUESTION, None)


# -- the conversation's context ---------------------------------------------------------
def _dialog_valid(value: dict) -> bool:
    misses = value.get("misses", 0)
    return (
        all(value.get(key) is None or isinstance(value[key], str) for key in ("asked", "person"))
        and _texts(value.get("options", []))
        and isinstance(misses, int)
        and not isinstance(misses, bool)
        and 0 <= misses < 1000
    )


def _dialog(handler_input: HandlerInput) -> dict:
    return _container(handler_input, DIALOG, _dialog_valid)


def last_question(handler_input: HandlerInput) -> str | None:
    """The words of the last question asked, yes/no or open, to say it again."""
    return _dialog(handler_input).get("asked")


def options(handler_input: HandlerInput) -> list[str]:
    """The intents the last answer offered, in the order it named them."""
    return list(_dialog(handler_input).get("options") or [])


def set_last_question(
    handler_input: HandlerInput, words: str, options: tuple[str, ...] | list[str] = ()
) -> None:
    """Note the words of the question just asked, and the intents it offered, if any."""
    dialog = _dialog(handler_input)
    dialog["asked"] = words
    if options:
        dialog["options"] = list(options)
    else:
        dialog.pop("options", None)


def clear_last_question(handler_input: HandlerInput) -> None:
    dialog = _dialog(handler_input)
    for key in ("asked", "options"):
        dialog.pop(key, None)


def person(handler_input: HandlerInput) -> str | None:
    """The relationship id of the person the user speaks for ("FATHER"), or ``None``."""
    return _dialog(handler_input).get("person")


def set_person(handler_input: HandlerInput, relationship: str) -> None:
    _dialog(handler_input)["person"] = relationship


def clear_person(handler_input: HandlerInput) -> None:
    _dialog(handler_input).pop("person", None)


def misses(handler_input: HandlerInput) -> int:
    """How many utterances in a row the skill couldn't place."""
    return _dialog(handler_input).get("misses") or 0


def set_misses(handler_input: HandlerInput, count: int) -> None:
    _dialog(handler_input)["misses"] = count


def clear_misses(handler_input: HandlerInput) -> None:
    _dialog(handler_input).pop("misses", None)


# -- each area's session memory ---------------------------------------------------------
def memory(handler_input: HandlerInput, area: str) -> dict:
    """The mutable session memory of ``area``."""
    return _section(_areas(handler_input, MEMORY), area)


def clear_memory(handler_input: HandlerInput, area: str | None = None) -> None:
    """Forget ``area``'s session memory; with no area, every area's."""
    if area is None:
        attributes(handler_input).pop(MEMORY, None)
        return
    kept = attributes(handler_input).get(MEMORY)
    if isinstance(kept, dict):
        kept.pop(area, None)


# -- the list being read ----------------------------------------------------------------
def _reading_valid(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    pos, start = value.get("pos"), value.get("start", 0)
    return (
        _texts(value.get("items"))
        and isinstance(pos, int)
        and isinstance(start, int)
        and not isinstance(pos, bool)
        and not isinstance(start, bool)
        and all(isinstance(value.get(key), str) for key in ("area", "then", "then_reprompt"))
        and (value.get("then_about") is None or isinstance(value["then_about"], str))
    )


def reading(handler_input: HandlerInput) -> dict | None:
    """The list being read (mutable): ``{"area", "items", "pos", "start", "then",
    "then_reprompt", "then_about"}``, or ``None``."""
    return _read(handler_input, LIST, _reading_valid)


def start_reading(
    handler_input: HandlerInput,
    area: str,
    items: list[str],
    *,
    then: str,
    then_reprompt: str,
    then_about: str | None,
) -> dict:
    """Begin reading ``items`` for ``area``; returns the list's (mutable) place."""
    value = {
        "area": area,
        "items": list(items),
        "pos": 0,
        "then": then,
        "then_reprompt": then_reprompt,
        "then_about": then_about,
    }
    attributes(handler_input)[LIST] = value
    return value


def clear_reading(handler_input: HandlerInput) -> None:
    attributes(handler_input).pop(LIST, None)


# -- the last answer --------------------------------------------------------------------
@dataclass(frozen=True)
class LastAnswer:
    """The last answer spoken, as SSML, and its reprompt, if it had one."""

    speech: str
    reprompt: str | None


def last_answer(handler_input: HandlerInput) -> LastAnswer | None:
    value = attributes(handler_input).get(LAST)
    if not isinstance(value, dict):
        return None
    speech, reprompt = value.get("speech"), value.get("reprompt")
    if not isinstance(speech, str) or not (reprompt is None or isinstance(reprompt, str)):
        return None
    return LastAnswer(speech, reprompt)


def set_last_answer(handler_input: HandlerInput, speech: str, reprompt: str | None) -> None:
    attributes(handler_input)[LAST] = {"speech": speech, "reprompt": reprompt}


# -- durable state and the store's bookkeeping ------------------------------------------
def user(handler_input: HandlerInput) -> dict:
    """The user's durable state, ``{area: {...}}`` (mutable; see :mod:`skill.state`)."""
    return _areas(handler_input, USER)


def set_user(handler_input: HandlerInput, state: dict) -> None:
    attributes(handler_input)[USER] = state


def _stored_valid(value: dict) -> bool:
    base = value.get("base", {})
    return (
        isinstance(base, dict)
        and all(isinstance(section, dict) for section in base.values())
        and all(isinstance(value.get(key, False), bool) for key in ("loaded", "warned"))
    )


def stored(handler_input: HandlerInput) -> dict:
    """The store's bookkeeping for this session (mutable): ``{"base": {...}, "loaded":
    bool, "warned": bool}``; a fresh one has read nothing."""
    kept = _container(handler_input, STORED, _stored_valid)
    kept.setdefault("base", {})
    kept.setdefault("loaded", False)
    return kept


# -- health progress kept for the session only ------------------------------------------
def progress(handler_input: HandlerInput, area: str) -> dict:
    """The mutable session-only health progress of ``area``."""
    return _section(_areas(handler_input, PROGRESS), area)


def held_progress(handler_input: HandlerInput) -> dict:
    """Every area's session-only health progress, ``{area: {...}}``, to read."""
    if PROGRESS not in attributes(handler_input):
        return {}
    return _areas(handler_input, PROGRESS)


def clear_progress(handler_input: HandlerInput) -> None:
    attributes(handler_input).pop(PROGRESS, None)
