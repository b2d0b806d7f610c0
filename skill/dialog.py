"""The conversation's context: the question left open, the person being helped, and how
the user answered.

This module owns the session keys ``question`` and ``dialog``; everything else reads and
writes them through it. Both last for the session only: who the user is helping, or what
an answer named, is never stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

#: ``{"area", "about"}``: the yes/no question left open, and the area that asked it.
QUESTION_KEY = "question"
#: ``{"asked": the last question's words, "options": [intent names offered],
#: "person": relationship id, "misses": fallbacks in a row}``.
DIALOG_KEY = "dialog"

YES = "AMAZON.YesIntent"
NO = "AMAZON.NoIntent"
#: A yes or no that carries more: "yes it's pancreatic cancer", "no she hasn't been offered
#: surgery". They are yes and no to every question; their slots say what else was said.
YES_WITH = "AnswerYesIntent"
NO_WITH = "AnswerNoIntent"
#: "kind of", "sort of", "partly": neither a plain yes nor a no.
PARTLY = "PartlyIntent"
#: "maybe", "not sure", "i don't know".
NOT_SURE = "NotSureIntent"
#: "the first one", "the second one": one of the options just offered.
CHOOSE = "ChooseOptionIntent"
#: "what was the second one", "what was that last one".
WHAT_WAS = "WhatWasThatIntent"

#: The host's area name: it holds offers of an area, so no area's answer handler takes
#: their yes or no.
HOST = "core"
#: What an offer of another area ("Want the full checklist?") is about.
OFFER = "offer"

YES_INTENTS = (YES, YES_WITH)
NO_INTENTS = (NO, NO_WITH)
ANSWERS = YES_INTENTS + NO_INTENTS
HEDGES = (PARTLY, NOT_SURE)

RELATIONSHIP_SLOT = "relationship"
ORDINAL_SLOT = "ordinal"
#: Relationship ids that are the user themself, not someone they are helping.
SELF = frozenset({"SELF"})
#: Relationship ids for "he", "she", "they": someone, but not who.
PRONOUNS = frozenset({"THEM"})


def plain_intent(name: str | None) -> str | None:
    """``name``, with a yes or no that carried content read as the plain yes or no."""
    if name == YES_WITH:
        return YES
    if name == NO_WITH:
        return NO
    return name


def answer_of(name: str | None) -> str | None:
    """``"yes"``, ``"no"``, ``"partly"`` or ``"unsure"`` for an answering intent, else ``None``."""
    if name in YES_INTENTS:
        return "yes"
    if name in NO_INTENTS:
        return "no"
    if name == PARTLY:
        return "partly"
    if name == NOT_SURE:
        return "unsure"
    return None


def _session(handler_input: HandlerInput) -> dict:
    if handler_input.request_envelope.session is None:
        return {}
    return handler_input.attributes_manager.session_attributes


def _dialog(handler_input: HandlerInput) -> dict:
    return _session(handler_input).setdefault(DIALOG_KEY, {})


# -- the open question ------------------------------------------------------------------
def pending(handler_input: HandlerInput) -> dict:
    """The yes/no question left open: ``{"area", "about"}``, or ``{}``."""
    return _session(handler_input).get(QUESTION_KEY) or {}


def last_question(handler_input: HandlerInput) -> str | None:
    """The words of the last question asked, yes/no or open, to say it again."""
    return _dialog(handler_input).get("asked")


def asked(
    handler_input: HandlerInput,
    area: str,
    about: str | None,
    question: str,
    *,
    options: tuple[str, ...] | list[str] = (),
) -> None:
    """Note the question just asked; with ``about``, a yes or no goes back to ``area``.

    :param about: what a yes/no question is about; ``None`` for an open question.
    :param question: the words of the question (the reprompt), to say it again.
    :param options: intents offered in order, for "the first one", "the second one".
    """
    session = _session(handler_input)
    if about:
        session[QUESTION_KEY] = {"area": area, "about": about}
    else:
        session.pop(QUESTION_KEY, None)
    dialog = _dialog(handler_input)
    dialog["asked"] = question
    if options:
        dialog["options"] = list(options)
    else:
        dialog.pop("options", None)


def offer(handler_input: HandlerInput, intent: str, question: str) -> None:
    """Note an offer of another area: a yes is answered as ``intent``, a no by the host."""
    asked(handler_input, HOST, OFFER, question, options=[intent])


def offered(handler_input: HandlerInput) -> str | None:
    """The intent the open offer leads to, or ``None`` when no offer is open."""
    if pending(handler_input) != {"area": HOST, "about": OFFER}:
        return None
    chosen = options(handler_input)
    return chosen[0] if chosen else None


def settled(handler_input: HandlerInput) -> None:
    """No question is open any more."""
    _session(handler_input).pop(QUESTION_KEY, None)
    for key in ("asked", "options"):
        _dialog(handler_input).pop(key, None)


def options(handler_input: HandlerInput) -> list[str]:
    """The intents the last answer offered, in order."""
    return list(_dialog(handler_input).get("options") or [])


# -- the person being helped --------------------------------------------------------------
def person(handler_input: HandlerInput) -> str | None:
    """The relationship id of the person the user speaks for ("FATHER"), or ``None``."""
    return _dialog(handler_input).get("person")


def speaking_for(handler_input: HandlerInput, relationship: str | None) -> None:
    """Note who the user is helping; ``SELF`` ("me", "myself") means the user again."""
    if not relationship:
        return
    dialog = _dialog(handler_input)
    if relationship in SELF:
        dialog.pop("person", None)
    elif relationship not in PRONOUNS or not dialog.get("person"):
        dialog["person"] = relationship  # "she" after "my mom" is still your mom


# -- answers the skill couldn't place ----------------------------------------------------
def missed(handler_input: HandlerInput) -> int:
    """Count one more utterance in a row the skill couldn't place; returns how many."""
    dialog = _dialog(handler_input)
    dialog["misses"] = int(dialog.get("misses") or 0) + 1
    return dialog["misses"]


def understood(handler_input: HandlerInput) -> None:
    """The user was understood: the run of misses is over."""
    _dialog(handler_input).pop("misses", None)


def valid(value: object) -> bool:
    """Whether a ``dialog`` session attribute has the shape this module writes."""
    if not isinstance(value, dict):
        return False
    person_id = value.get("person")
    misses = value.get("misses", 0)
    chosen = value.get("options", [])
    question = value.get("asked")
    return (
        (person_id is None or isinstance(person_id, str))
        and (question is None or isinstance(question, str))
        and isinstance(misses, int)
        and not isinstance(misses, bool)
        and 0 <= misses < 1000
        and isinstance(chosen, list)
        and all(isinstance(option, str) for option in chosen)
    )
