"""What the words Alexa heard say about urgency: the gate's reading of one intent's slots.

The model carries the tense: a sign heard in the ``sign`` slot was said as happening now,
in ``mention`` without saying when, in ``history`` as past, risk or worry; ``thought`` holds
a crisis. Any other slot is free words (a custom slot keeps words it doesn't know), read
against the locale's urgent terms and the time words around them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from skill.i18n import strings_for
from skill.turn import Slot, read_slot

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

EMERGENCY = "emergency"
POISON = "poison"
CRISIS = "crisis"
#: A sign that may or may not be happening now: ask before answering.
UNSURE = "unsure"

NOW_SLOT = "sign"
UNSURE_SLOT = "mention"
PAST_SLOT = "history"
CRISIS_SLOT = "thought"
WHEN_SLOT = "when"
#: A condition the person lives with, beside a sign in ``HealthHistoryIntent``.
CONDITION_SLOT = "condition"
#: In ``EmergencyIntent``, the medicine someone took too much of: an overdose.
OVERDOSE_SLOT = "medicine"
#: Slots whose meaning the gate reads from the slot's name, never from its words.
SIGN_SLOTS = frozenset({NOW_SLOT, UNSURE_SLOT, PAST_SLOT, CRISIS_SLOT, WHEN_SLOT})

#: EMERGENCY_SIGN ids where a poison line helps beside the emergency number.
POISON_SIGNS = frozenset({"OVERDOSE", "POISONING"})
#: EVENT_TIME ids.
NOW = "NOW"
PAST = "PAST"
#: "sometimes", "when he walks": a long-standing sign, not one happening now.
RECURRING = "RECURRING"
NOT_NOW = frozenset({PAST, RECURRING})


def _normalise(text: str) -> str:
    return text.replace("’", "'").replace("cannot", "can not").lower()


@cache
def _pattern(locale: str, key: str) -> re.Pattern:
    terms = strings_for("skill").raw(locale, key)
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _says(locale: str, key: str, text: str) -> bool:
    return bool(_pattern(locale, f"safety.{key}").search(_normalise(text)))


def _free_words(slots: dict[str, Slot]) -> str:
    """The words of every slot whose meaning isn't in its name."""
    return " ".join(heard.spoken for name, heard in slots.items() if name not in SIGN_SLOTS)


def heard_slots(handler_input: HandlerInput) -> dict[str, Slot]:
    """The filled slots of this IntentRequest, each with the catalogue id Alexa matched."""
    names = handler_input.request_envelope.request.intent.slots or {}
    return {name: slot for name in names if (slot := read_slot(handler_input, name))}


def urgency_of(sign: Slot, locale: str) -> str:
    """``POISON`` for a swallowed poison or an overdose, otherwise ``EMERGENCY``."""
    if sign.id in POISON_SIGNS or (sign.id is None and _says(locale, "poison_terms", sign.spoken)):
        return POISON
    return EMERGENCY


def read(slots: dict[str, Slot], locale: str) -> str | None:
    """What the slots of one intent say: an urgency, ``UNSURE`` or ``None``.

    :param slots: the filled slots, by name.
    """
    when = slots[WHEN_SLOT].id if WHEN_SLOT in slots else None
    if CRISIS_SLOT in slots:
        return CRISIS
    if NOW_SLOT in slots:
        return urgency_of(slots[NOW_SLOT], locale)
    if UNSURE_SLOT in slots and names_a_sign(slots, locale) and when not in NOT_NOW:
        return urgency_of(slots[UNSURE_SLOT], locale) if when == NOW else UNSURE
    if PAST_SLOT in slots and when == NOW:
        return urgency_of(slots[PAST_SLOT], locale)
    if PAST_SLOT in slots and when is None and CONDITION_SLOT in slots:
        # "has COPD and struggles to breathe": a standing condition and a sign, but no word
        # of when; only the samples with a condition say "has", so ask rather than assume.
        return UNSURE
    free = _free_words(slots)
    return read_words(free, locale) if free else None


def urgency_if_now(slots: dict[str, Slot], locale: str) -> str:
    """What an ``UNSURE`` reading becomes once the user says it is happening now."""
    for name in (UNSURE_SLOT, PAST_SLOT):
        if name in slots:
            return urgency_of(slots[name], locale)
    return POISON if _says(locale, "poison_terms", _free_words(slots)) else EMERGENCY


def names_a_sign(slots: dict[str, Slot], locale: str) -> bool:
    """Whether an ``UrgentMentionIntent`` names a sign: a catalogue match, urgent words the
    catalogue didn't know, or a sample that names one itself ("chest pain")."""
    mention = slots.get(UNSURE_SLOT)
    if mention is None or mention.id is not None:
        return True
    return read_words(mention.spoken, locale) is not None


def heard_as_past(slots: dict[str, Slot]) -> bool:
    """Whether the ``when`` slot placed what was said in the past, or as something that
    comes and goes."""
    return WHEN_SLOT in slots and slots[WHEN_SLOT].id in NOT_NOW


def heard_as_recurring(slots: dict[str, Slot]) -> bool:
    """Whether the ``when`` slot said the sign comes and goes ("sometimes", "a veces")."""
    return WHEN_SLOT in slots and slots[WHEN_SLOT].id == RECURRING


def read_words(text: str, locale: str) -> str | None:
    """What free words say: a crisis is always taken as meant; an emergency sign counts
    as now or past by the time words beside it, and otherwise is ``UNSURE``."""
    if _says(locale, "crisis_terms", text):
        return CRISIS
    if not _says(locale, "emergency_terms", text):
        return None
    if _says(locale, "now_terms", text):
        return POISON if _says(locale, "poison_terms", text) else EMERGENCY
    if _says(locale, "past_terms", text):
        return None
    return UNSURE
