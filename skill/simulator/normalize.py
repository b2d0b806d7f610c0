"""Text as the resolver compares it: lower case, plain words, contractions spelled out."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (re.compile(r"\bi'm\b"), "i am"),
    (re.compile(r"\b(\w+)'re\b"), r"\1 are"),
    (re.compile(r"\b(\w+)'ve\b"), r"\1 have"),
    (re.compile(r"\b(\w+)'ll\b"), r"\1 will"),
    (re.compile(r"\b(\w+)'d\b"), r"\1 would"),
    # "what's", "it's", "that's": the verb; "doctor's": a possessive, read as the noun.
    (re.compile(r"\b(what|it|that|there|here|who|where|when|how|he|she)'s\b"), r"\1 is"),
    (re.compile(r"'s\b"), ""),
]
# Keeps letters and digits; everything else separates words.
_NOT_WORD = re.compile(r"[^\w]+")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """``"What's a Second-Opinion?"`` → ``"what is a second opinion"``.

    Samples and utterances go through the same steps, so they compare equal when a person
    would say they are the same words.
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = text.replace("'", "").replace("_", " ")
    text = _NOT_WORD.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


_SUFFIXES = (
    ("ies", "y"),
    ("ied", "y"),
    ("ying", "y"),
    ("sses", "ss"),
    ("ing", ""),
    ("ed", ""),
    ("es", "e"),
    ("s", ""),
)
_KEEP = {"is", "was", "has", "does", "this", "us", "yes", "his", "its", "less", "plus"}


# Irregular forms a suffix strip can't reach: "felt" should meet "feel".
_IRREGULAR = {
    "felt": "feel", "told": "tell", "said": "say", "saw": "see", "seen": "see",
    "got": "get", "gotten": "get", "went": "go", "gone": "go", "did": "do", "done": "do",
    "had": "have", "has": "have", "made": "make", "thought": "think", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "came": "come", "knew": "know",
    "known": "know", "found": "find", "sent": "send", "paid": "pay", "kept": "keep",
    "left": "leave", "lost": "lose", "meant": "mean", "heard": "hear", "bought": "buy",
    "brought": "bring", "spoke": "speak", "spoken": "speak", "wrote": "write",
    "written": "write", "chose": "choose", "chosen": "choose", "better": "good",
    "best": "good", "worse": "bad", "worst": "bad",
}  # fmt: skip


def stem(word: str) -> str:
    """A light suffix strip so "records", "recorded" and "recording" meet at "record".

    Deliberately conservative: a wrong merge costs more than a missed one, because the
    score already tolerates a word or two that differ.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _KEEP or word.endswith("ss") and not word.endswith("sses"):
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + replacement
            doubled = len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz"
            if suffix in ("ing", "ed") and doubled:
                base = base[:-1]  # "referred" -> "refer", "stopped" -> "stop"
            return base
    return word


_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def is_digits(word: str) -> bool:
    """ASCII digits of a size a spoken number can have (``int()`` takes far stranger)."""
    return word.isascii() and word.isdecimal() and len(word) <= 18


def number_value(text: str) -> str | None:
    """What Alexa puts in an ``AMAZON.NUMBER`` slot: ``"twenty five"`` → ``"25"``.

    Digits pass through; ``None`` when the words are not a number.
    """
    words = [w for w in normalize(text).split() if w != "and"]
    if not words:
        return None
    negative = words[0] in ("minus", "negative")
    if negative:
        words = words[1:]
    if len(words) == 1 and is_digits(words[0]):
        return f"-{int(words[0])}" if negative else str(int(words[0]))
    total = current = 0
    seen = False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("a", "an") and not seen:
            current += 1
            continue
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        elif is_digits(word):
            current += int(word)
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return f"-{value}" if negative else str(value)
