"""Text as the resolver compares it: lower case, plain words, contractions spelled out.

Each function takes the model's language (``language_of(locale)``): English by default;
Spanish folds accents, reads Spanish number words and has its own stemmer.
"""

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


ENGLISH = "en"
SPANISH = "es"


def language_of(locale: str | None) -> str:
    """The language whose rules apply to a model: ``"es-US"`` → ``"es"``, else English."""
    language = (locale or "").split("-", 1)[0].lower()
    return SPANISH if language == SPANISH else ENGLISH


def _fold(text: str) -> str:
    """Diacritics off (á → a, ü → u, ñ → n): speech recognition and typing disagree on
    them, and a folded sample still meets a folded utterance."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str, language: str = ENGLISH) -> str:
    """``"What's a Second-Opinion?"`` → ``"what is a second opinion"``;
    ``"¿Qué es una segunda opinión?"`` → ``"que es una segunda opinion"`` in Spanish.

    Samples and utterances go through the same steps, so they compare equal when a person
    would say they are the same words.
    """
    if language == SPANISH:
        text = _fold(unicodedata.normalize("NFKC", text)).lower().replace("_", " ")
        return _SPACE.sub(" ", _NOT_WORD.sub(" ", text)).strip()
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


def stem(word: str, language: str = ENGLISH) -> str:
    """A light suffix strip so "records", "recorded" and "recording" meet at "record".

    Deliberately conservative: a wrong merge costs more than a missed one, because the
    score already tolerates a word or two that differ.
    """
    if language == SPANISH:
        return _stem_es(word)
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


def number_value(text: str, language: str = ENGLISH) -> str | None:
    """What Alexa puts in an ``AMAZON.NUMBER`` slot: ``"twenty five"`` → ``"25"``,
    ``"treinta y dos"`` → ``"32"`` in Spanish.

    Digits pass through; ``None`` when the words are not a number.
    """
    if language == SPANISH:
        return _number_es(normalize(text, SPANISH).split())
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


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORDINAL_DIGITS = re.compile(
    r"^(\d{1,3})(?:st|nd|rd|th|o|a|er|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma)?$"
)


def ordinal_value(text: str, language: str = ENGLISH) -> str | None:
    """What Alexa puts in an ``AMAZON.ORDINAL`` slot: ``"the second"`` → ``"2"``,
    ``"la tercera"`` → ``"3"`` in Spanish; ``None`` when the words are not an ordinal."""
    words = normalize(text, language).split()
    articles = _ARTICLES_ES if language == SPANISH else ("the",)
    while words and words[0] in articles:
        words = words[1:]
    if len(words) != 1:
        return None
    table = _ORDINALS_ES if language == SPANISH else _ORDINALS
    if words[0] in table:
        return str(table[words[0]])
    digits = _ORDINAL_DIGITS.match(words[0])
    return str(int(digits.group(1))) if digits else None


# -- Spanish ---------------------------------------------------------------------------
# Words are folded (no accents) before any of this runs.

_ARTICLES_ES = ("el", "la", "los", "las", "lo")
_ORDINALS_ES = {
    "primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3,
    "tercera": 3, "tercer": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "sexto": 6, "sexta": 6, "septimo": 7, "septima": 7, "setimo": 7, "setima": 7,
    "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "decimo": 10, "decima": 10,
}  # fmt: skip
_UNITS_ES = {
    "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiun": 21, "veintiuna": 21,
    "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
_TENS_ES = {
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90,
}  # fmt: skip
_HUNDREDS_ES = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}  # fmt: skip
_SCALES_ES = {"mil": 1_000, "millon": 1_000_000, "millones": 1_000_000}


def _number_es(words: list[str]) -> str | None:
    """Spanish number words to digits. "un" and "una" are articles unless a scale
    ("un millón") or a "y" ("treinta y una") makes them a number."""
    negative = bool(words) and words[0] == "menos"
    if negative:
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and is_digits(words[0]):
        return f"-{int(words[0])}" if negative else str(int(words[0]))
    total = current = 0
    seen = after_y = False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word == "y":
            if not seen or following is None:
                return None
            after_y = True
            continue
        if word in ("un", "una"):
            if after_y:
                current += 1
            elif following in _SCALES_ES:
                current += 1
                after_y = False
                continue
            else:
                return None
        elif word in _UNITS_ES:
            current += _UNITS_ES[word]
        elif word in _TENS_ES:
            current += _TENS_ES[word]
        elif word in _HUNDREDS_ES:
            current += _HUNDREDS_ES[word]
        elif word in _SCALES_ES:
            total += max(current, 1) * _SCALES_ES[word]
            current = 0
        elif is_digits(word):
            current += int(word)
        else:
            return None
        seen, after_y = True, False
    if not seen:
        return None
    value = total + current
    return f"-{value}" if negative else str(value)


#: Short or invariable words a suffix strip would spoil ("crisis", "tos", "antes").
_KEEP_ES = frozenset({
    "crisis", "analisis", "dialisis", "diagnosis", "tesis", "virus", "tos", "mes", "dios",
    "gas", "mas", "pues", "antes", "despues", "lunes", "martes", "jueves", "viernes",
    "entonces", "tres", "seis", "dos", "ayer", "mujer", "bebe",
    # Would meet "mas" ("más", folded) at "mas": a mass is not "more".
    "masa",
})  # fmt: skip
_CLITIC = r"(?:me|te|se|le|la|lo|les|las|los|nos)"
#: Verb endings, tried in order: infinitive or gerund with an object pronoun, a command
#: with one, then gerunds, past forms, participles, "-amos" forms and infinitives. Each keeps a root
#: of three letters or more, so "operarla", "operado" and "operar" meet at "oper".
_VERB_ES = [
    re.compile(rf"^(?P<root>\w{{3,}}?)(?:ar|er|ir){_CLITIC}{{1,2}}$"),
    re.compile(rf"^(?P<root>\w{{3,}}?)(?:ando|iendo){_CLITIC}{{1,2}}$"),
    # Superlatives: "nerviosísima" meets "nerviosa", "muchísimo" meets "mucho".
    re.compile(r"^(?P<root>\w{3,}?)isim[ao]$"),
    # Commands with a pronoun: "sáltate", "explícame", "bórralo", "repítemelo".
    re.compile(rf"^(?P<root>\w{{3,}}?)[aei]{_CLITIC}(?:lo|la|los|las)?$"),
    re.compile(r"^(?P<root>\w{3,}?)(?:ando|iendo|yendo)$"),
    re.compile(r"^(?P<root>\w{3,}?)(?:aron|ieron|aban|abas|aba)$"),
    re.compile(r"^(?P<root>\w{3,}?)(?:ados|adas|idos|idas|ado|ada|ido|ida)$"),
    re.compile(r"^(?P<root>\w{3,}?)(?:amos|emos|imos)$"),
    re.compile(r"^(?P<root>\w{3,}?)(?:ar|er|ir)$"),
    re.compile(r"^(?P<root>\w{3,}?)(?:an|en)$"),
]
_VOWEL_END = re.compile(r"^(?P<root>\w{3,}?)[aeo]$")


def _stem_es(word: str) -> str:
    """Spanish: plurals off ("pastillas" → "pastilla", "doctores" → "doctor", "veces" →
    "vez"), then a verb ending, then a final -a/-e/-o, so "respira", "respiro",
    "respirando" and "respirar" meet at "respir", and "confundido" meets "confundida".
    """
    if len(word) <= 3 or word in _KEEP_ES or not word.isalpha():
        return word
    if word.endswith("ces") and len(word) >= 5:
        word = word[:-3] + "z"
    elif word.endswith("es") and len(word) > 4 and word[-3] in "dlnrjy":
        word = word[:-2]
    elif word.endswith("s") and word[-2] in "aeo":
        word = word[:-1]
    if word in _KEEP_ES:
        return word
    for pattern in _VERB_ES:
        match = pattern.match(word)
        if match:
            return match.group("root")
    match = _VOWEL_END.match(word)
    return match.group("root") if match else word
