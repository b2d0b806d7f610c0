"""The es-US strings of the host, the safety answers, privacy, screens, the triggers area
and the store listing: every English key in Spanish, the same placeholders, US numbers
with the Spanish options, no English left, and answers that fit one breath."""

from __future__ import annotations

import json
import re
import string
from importlib import resources

import pytest

from skill import speech
from skill.i18n import plural_categories, texts
from skill.person import person_words
from skill.safety import signs
from skill.simulator import Conversation
from skill.simulator.lint import MAX_OPTIONS, ONE_BREATH

LOCALE = "es-US"
#: The packages whose Spanish these tests cover, each with what en-US hears: en.json
#: under en-US.json.
PACKAGES = ("skill", "skill.privacy", "skill.screens", "skill.publish", "plugins.triggers")
#: Keys that are never spoken: word lists the gate reads, a card, the listing's long texts.
UNSPOKEN = re.compile(
    r"(_terms$|\.card$|^card\.|\.title$|^title$|^try$|^and$|^or$|^description$|"
    r"^testing$|^keywords$|_words$|^name$|^summary$|^updates$)"
)
#: Answers given on request ("want questions to ask?" → yes): longer than one breath.
ON_REQUEST = re.compile(r"\.details(\.other)?$")
#: Words that only English speaks; a Spanish line holding one has English left in it.
ENGLISH = frozenset(
    {
        "the", "and", "you", "your", "what", "would", "like", "want", "with", "please", "this",
        "that", "it", "is", "are", "of", "to", "for", "can", "say", "ask", "hear", "yes", "or",
        "if", "about", "help", "not", "more", "which", "how", "when", "my", "we", "be", "have",
        "there",
    }
)  # fmt: skip
#: Names spoken as they are in Spanish too.
NAMES = re.compile(r"Poison Help|ClinicalTrials|Medicare|Medicaid|Alexa|SKILL_DISABLED")
#: A part of more words than this is a clause, not an item of a list.
LONG_PART = 8
TELEPHONE = '<say-as interpret-as="telephone">{}</say-as>'


def table(package: str, name: str) -> dict:
    path = resources.files(package) / "locale" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def english(package: str) -> dict:
    return {**table(package, "en"), **table(package, "en-US")}


def spanish(package: str) -> dict:
    return table(package, LOCALE)


def placeholders(value: object) -> set[str]:
    return {
        name
        for text in texts(value)
        for _, name, _, _ in string.Formatter().parse(text)
        if name is not None
    }


def spoken_lines():
    """(package, key, line) for every line a Spanish listener hears from these files."""
    for package in PACKAGES:
        for key, value in spanish(package).items():
            if not UNSPOKEN.search(key):
                for line in texts(value):
                    yield package, key, line


#: What each placeholder holds when spoken, at about its longest.
FILLS = {
    "examples": (
        "debo pedir una segunda opinión, cómo se lo digo a mi médico o qué documentos necesito"
    ),
    "example": "debo pedir una segunda opinión",
    "titles": "cuándo pedir una segunda opinión, cómo hablar con su médico y qué documentos reunir",
    "rest": "su seguro, cómo encontrar un especialista y qué hacer con dos opiniones",
    "title": "cuándo pedir una segunda opinión",
    "options": (
        "cómo se lo digo a mi médico, qué documentos necesito o cómo encuentro un especialista"
    ),
    "reasons": "su diagnóstico es raro o complejo y le recomendaron un tratamiento importante",
    "net": "Si es una emergencia, llame al 911.",
    "items": "sus imágenes y sus informes de patología",
    "count": 3,
    "person": "su abuela",
    "owner": "de su abuela",
    "them": "su abuela",
}


def said(line: str) -> str:
    return speech.plain(line.format(**FILLS))


def spanish_options(words: str) -> int:
    """The most alternatives one sentence offers, Spanish style: "a, b o c" is three.

    Each "o" (or "u") closes a list: the part after it, and the parts set off by commas
    before it, counted back to the sentence's start, a colon, the list an earlier "o"
    closed, a part starting with "y" (a clause joined on) or a long part (a clause that
    introduces the list, holding its first item).
    """
    most = 0
    for sentence in re.split(r"(?<=[.?!:;])\s+", words):
        start = 0
        for found in re.finditer(r"\b[ou]\b", sentence):
            parts = sentence[start : found.start()].split(",")
            if start:  # the first part ends the list an earlier "o" closed
                parts = parts[1:]
            named = 0
            for part in reversed([part.strip() for part in parts if re.search(r"\w", part)]):
                named += 1
                if len(part.split()) > LONG_PART or part.startswith(("y ", "e ")):
                    break
            most = max(most, named + 1)
            start = found.end()
    return most


# -- every key, the same placeholders ------------------------------------------------


#: Keys a listing may add for one locale: its own example phrases.
OPTIONAL = {"skill.publish": {"examples"}}


@pytest.mark.parametrize("package", PACKAGES)
def test_every_english_key_is_in_spanish(package):
    extra = OPTIONAL.get(package, set())
    assert set(spanish(package)) - extra == set(english(package)) - extra


@pytest.mark.parametrize("package", PACKAGES)
def test_placeholders_match_the_english(package):
    base = english(package)
    wrong = {
        key: (placeholders(value), placeholders(base[key]))
        for key, value in spanish(package).items()
        if key in base and placeholders(value) != placeholders(base[key])
    }
    assert not wrong


@pytest.mark.parametrize("package", PACKAGES)
def test_variants_stay_variants_and_counts_are_plural(package):
    base = english(package)
    needed = plural_categories(LOCALE)
    assert needed == {"one", "many", "other"}
    for key, value in spanish(package).items():
        if "count" in placeholders(value) or isinstance(base.get(key), dict):
            assert isinstance(value, dict) and set(value) == needed, key
        elif isinstance(base.get(key), list):
            assert isinstance(value, list), key
            # Word lists hold as many words as the language needs; variants, as many as English.
            if key != "keywords" and not key.endswith("_terms"):
                assert len(value) == len(base[key]), key
        elif key not in OPTIONAL.get(package, ()):
            assert isinstance(value, str), key


# -- no English left -------------------------------------------------------------------


def test_no_english_sentence_is_left():
    left = []
    for package in PACKAGES:
        for key, value in spanish(package).items():
            for line in texts(value):
                words = re.findall(r"[a-z']+", NAMES.sub(" ", speech.plain(line)).lower())
                if english_words := ENGLISH.intersection(words):
                    left.append((package, key, sorted(english_words)))
    assert not left


#: Words of the familiar "tú", which a stranger's voice doesn't use with an adult in need.
TU = re.compile(r"\b(tú|tu|tus|te|ti|contigo|quieres|puedes|tienes|eres|dime|pregúntame)\b", re.I)


def test_answers_say_usted_never_tu():
    familiar = {
        (package, key): TU.findall(speech.plain(line))
        for package, key, line in spoken_lines()
        if TU.search(speech.plain(line))
    }
    assert not familiar


def test_the_gate_word_lists_are_spanish_too():
    terms = spanish("skill")
    for key in ("emergency", "crisis", "now", "past", "poison"):
        words = terms[f"safety.{key}_terms"]
        assert len(words) >= 20 and not ENGLISH.intersection(" ".join(words).split()), key


# -- one breath, three options -----------------------------------------------------------


def test_first_answers_fit_one_breath():
    long = {
        (package, key): len(said(line).split())
        for package, key, line in spoken_lines()
        if not ON_REQUEST.search(key) and len(said(line).split()) > ONE_BREATH
    }
    assert not long


#: Answers a one-shot request can open with, after the first-use disclaimer.
ONE_SHOT = re.compile(r"(\.summary(\.other)?|^overview|^what_is|^waiting|^about_me)$")


def test_a_first_answer_fits_one_breath_after_the_disclaimer():
    disclaimer = len(spanish("skill")["disclaimer.one_shot"].split())
    long = {
        key: disclaimer + len(said(line).split())
        for package, key, line in spoken_lines()
        if package == "plugins.triggers" and ONE_SHOT.search(key)
        if disclaimer + len(said(line).split()) > ONE_BREATH
    }
    assert not long


def test_no_answer_offers_more_than_three_options():
    many = {
        (package, key): spanish_options(said(line))
        for package, key, line in spoken_lines()
        if spanish_options(said(line)) > MAX_OPTIONS
    }
    assert not many


def test_the_option_counter_reads_spanish():
    assert spanish_options("Diga sí o no.") == 2
    assert spanish_options("Pregunte por a, b o c. ¿Cuál?") == 3
    assert spanish_options("Pregunte por a, b, c o d.") == 4
    assert spanish_options("Las imágenes. Los informes.") == 0


# -- the safety answers: US numbers, with the Spanish options ----------------------------


def test_safety_strings_carry_the_us_numbers_with_spanish_options():
    s = spanish("skill")
    assert TELEPHONE.format("911") in s["safety.emergency"]
    crisis = s["safety.crisis"]
    assert TELEPHONE.format("988") in crisis and "marque 2 para español" in crisis
    assert "AYUDA" in crisis and TELEPHONE.format("911") in crisis
    poison = s["safety.poison"]
    assert TELEPHONE.format("1-800-222-1222") in poison and TELEPHONE.format("911") in poison
    assert "español" in poison
    for key in ("safety.crisis.reprompt", "safety.crisis.leave", "safety.crisis.other"):
        assert TELEPHONE.format("988") in s[key] and "2 para español" in s[key], key
    assert TELEPHONE.format("911") in s["safety.crisis.other"]
    assert TELEPHONE.format("911") in s["safety.fallback_net"]
    card = s["safety.card"]
    for number in ("911", "988", "AYUDA", "1-800-222-1222", "2 para español"):
        assert number in card


def test_no_lgbtq_youth_option_is_offered_on_988():
    # The research notes: 988's "press 3" option is no longer available.
    assert not any("3" in line for line in texts(spanish("skill")["safety.crisis"]))
    assert not any("marque 3" in line for _, _, line in spoken_lines())


@pytest.mark.parametrize(
    ("heard", "reading"),
    [
        ("me duele el pecho ahorita", signs.EMERGENCY),
        ("mi mamá no puede respirar", signs.EMERGENCY),
        ("mi esposo se desmayó de repente", signs.EMERGENCY),
        ("mi hijo se tomó todas las pastillas y no despierta", signs.POISON),
        ("mi niña se tragó cloro ahora mismo", signs.POISON),
        ("quiero quitarme la vida", signs.CRISIS),
        ("ya no quiero vivir", signs.CRISIS),
        ("estarian mejor sin mi", signs.CRISIS),
        ("dolor de pecho", signs.UNSURE),
        ("el derrame de mi papá", signs.UNSURE),
        ("me duele el pecho desde hace una hora", signs.EMERGENCY),
        ("mi papá tuvo un infarto el año pasado", None),
        ("tuvo un infarto y ahora lo quieren operar", None),
        ("a mi mamá le dio un derrame hace dos años", None),
        ("tiene riesgo de infarto", None),
        ("casi me da un infarto con la factura", None),
        ("me muero de ganas de saber si el seguro lo cubre", None),
        ("este seguro me está matando", None),
    ],
)
def test_the_gate_reads_spanish_words(heard, reading):
    assert signs.read_words(heard, LOCALE) == reading


def test_the_gate_reads_words_said_without_accents():
    assert signs.read_words("mi papa se desmayo ahorita", LOCALE) == signs.EMERGENCY
    assert signs.read_words("quiero quitarme la vida, ya no le veo razon", LOCALE) == signs.CRISIS


@pytest.fixture
def alexa():
    return Conversation(locale=LOCALE)


def test_an_emergency_in_spanish_hears_911_and_ends(alexa):
    alexa.launch()
    turn = alexa.intent("EmergencyIntent", sign="dolor de pecho")
    assert "911" in turn.speech and "emergencia" in turn.speech
    assert turn.should_end_session is True


def test_a_crisis_in_spanish_hears_988_press_2_and_ayuda(alexa):
    turn = alexa.intent("CrisisIntent", thought="quiero quitarme la vida")
    assert "988" in turn.speech and "marque 2 para español" in turn.speech
    assert "AYUDA" in turn.speech and turn.speech.rstrip().endswith("?")


# -- the host speaks Spanish -------------------------------------------------------------


def test_launch_greets_in_spanish_with_the_disclaimer(alexa):
    turn = alexa.launch()
    words = spanish("skill.publish")["disclaimer_words"]
    assert "Guía de Segunda Opinión" in turn.speech and words in turn.speech
    assert turn.speech.rstrip().endswith("?") and turn.reprompt


def test_help_names_areas_in_spanish(alexa):
    alexa.launch()
    turn = alexa.intent("AMAZON.HelpIntent")
    assert turn.speech.startswith("Puedo ayudarle con cuándo pedir una segunda opinión")
    assert ", y " not in turn.speech  # Spanish writes no comma before "y"


# -- grammar assembled in code ------------------------------------------------------------


def test_spanish_lists_join_without_a_comma_before_the_conjunction():
    s = spanish("skill")
    assert speech.spoken_list(["a", "b", "c"], s["and"]) == "a, b y c"
    assert speech.choices(["a", "b"], s["or"]) == "a o b"
    assert speech.choices(["a", "b", "c"], s["or"]) == "a, b o c"
    assert speech.spoken_list(["resultados", "informes"], s["and"]) == "resultados e informes"
    assert speech.spoken_list(["agua", "hielo"], s["and"]) == "agua y hielo"
    assert speech.choices(["siete", "ocho"], s["or"]) == "siete u ocho"
    assert speech.spoken_list(["a", "b", "c"]) == "a, b, and c"  # English unchanged
    assert speech.choices(["a", "b"]) == "a, or b"


def test_a_caregiver_hears_su_mama_placed_as_spanish_places_it():
    words = person_words(LOCALE, "MOTHER")
    assert words == {"person": "su mamá", "owner": "de su mamá", "them": "su mamá"}
    line = spanish("plugins.triggers")["check.q.complex.other"].format(**words)
    assert line.startswith("¿El diagnóstico de su mamá es raro")
    assert person_words(LOCALE, "SOMEONE")["owner"] == "de su ser querido"


# -- the listing and the triggers' own phrase are heard by the es-US model -------------------


def test_the_listing_opens_and_asks_in_spanish(alexa):
    listing = spanish("skill.publish")
    name = alexa.model.invocation_name
    first, *asks = listing["examples"]
    assert first == f"Alexa, abre {name}" and listing["name"] == "Guía de Segunda Opinión"
    for phrase in asks:
        opener, _, request = phrase.partition(f" {name} ")
        assert opener in ("Alexa, pregúntale a", "Alexa, pídele a"), phrase
        request = re.sub(r"^(si|que) ", "", request)
        assert alexa.resolve(request).score == 1.0, phrase  # a sample, word for word
    assert listing["disclaimer_words"] in listing["description"]
    assert "911" in listing["description"] and listing["emergency_words"] in listing["description"]


def test_the_triggers_phrase_starts_the_quick_check(alexa):
    phrase = spanish("plugins.triggers")["try"]
    assert alexa.resolve(phrase).intent == "SecondOpinionCheckIntent"
    turn = alexa.say(phrase)
    assert "cinco preguntas de sí o no" in turn.speech and turn.speech.endswith("?")
