"""The conversation's context: the question left open, the person being helped, and how
the user answered.

What these mean lives here; where they are kept is :mod:`skill.session`'s (the ``question``
and ``dialog`` attributes). Both last for the session only: who the user is helping, or
what an answer named, is never stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill import session

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

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


# -- the open question ------------------------------------------------------------------
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
    if about:
        session.set_question(handler_input, area, about)
    else:
        session.clear_question(handler_input)
    session.set_last_question(handler_input, question, options)


def offer(handler_input: HandlerInput, intent: str, question: str) -> None:
    """Note an offer of another area: a yes is answered as ``intent``, a no by the host."""
    asked(handler_input, HOST, OFFER, question, options=[intent])


def offered(handler_input: HandlerInput) -> str | None:
    """The intent the open offer leads to, or ``None`` when no offer is open."""
    if session.question(handler_input) != session.Question(HOST, OFFER):
        return None
    chosen = session.options(handler_input)
    return chosen[0] if chosen else None


def settled(handler_input: HandlerInput) -> None:
    """No question is open any more."""
    session.clear_question(handler_input)
    session.clear_last_question(handler_input)


# -- the person being helped --------------------------------------------------------------
def speaking_for(handler_input: HandlerInput, relationship: str | None) -> None:
    """Note who the user is helping; ``SELF`` ("me", "myself") means the user again."""
    if not relationship:
        return
    if relationship in SELF:
        session.clear_person(handler_input)
    elif relationship not in PRONOUNS or not session.person(handler_input):
        session.set_person(handler_input, relationship)  # "she" after "my mom" is still your mom


# -- answers the skill couldn't place ----------------------------------------------------
def missed(handler_input: HandlerInput) -> int:
    """Count one more utterance in a row the skill couldn't place; returns how many."""
    count = session.misses(handler_input) + 1
    session.set_misses(handler_input, count)
    return count


def understood(handler_input: HandlerInput) -> None:
    """The user was understood: the run of misses is over."""
    session.clear_misses(handler_input)
