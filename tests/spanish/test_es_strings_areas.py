"""The es-US strings of the communicating, records, insurance, specialist and outcomes areas.

Every key en-US speaks has a Spanish string of the same shape and placeholders; none is left
in English; the US facts a Spanish speaker meets (la Parte B de Medicare, the third opinion,
20 por ciento, 1-800-MEDICARE, red de proveedores, Medicaid, CuidadoDeSalud.gov, HIPAA's 30
días) are heard where en-US hears their counterpart; and each answer fits one breath.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from skill.i18n import plural_categories, texts
from skill.settings import Settings
from skill.simulator import Conversation
from skill.simulator.lint import MAX_OPTIONS, ONE_BREATH
from skill.speech import plain

ROOT = Path(__file__).resolve().parents[2]
LOCALE = "es-US"
AREAS = ("communicating", "records", "insurance", "specialist", "outcomes")

#: Words that are English and never Spanish: one of them in a Spanish string is a sentence
#: left untranslated.
ENGLISH_WORDS = frozenset(
    re.findall(
        r"\S+",
        "the and you your what would want with for that this is are can ask say yes please "
        "about have will doctor doctors records insurance second opinion plans how which here "
        "there it's don't i'll okay sure",
    )
)
#: Names that stay in English in US Spanish (programs, plan types, bodies, formats).
KEPT_NAMES = re.compile(
    r"Medicare Advantage|Medicare|Medicaid|HIPAA|HMO|PPO|EPO|NCI|GMC|GP|TTY|CHIP|DICOM|Alexa"
)
#: "seguro médico" names Part B in Medicare's Spanish, so it is said only inside the two
#: official names that carry it.
OFFICIAL_SEGURO_MEDICO = re.compile(
    r"Mercado de Seguros Médicos|Programa de Seguro Médico para Niños", re.IGNORECASE
)


def read(area: str, name: str) -> dict:
    path = ROOT / "plugins" / area / "locale" / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def english(area: str) -> dict:
    """What en-US speaks: the base with the US file over it."""
    return {**read(area, "en.json"), **read(area, "en-US.json")}


def spanish(area: str) -> dict:
    return read(area, f"{LOCALE}.json")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def words_of(text: str) -> list[str]:
    spoken = KEPT_NAMES.sub(" ", plain(re.sub(r"\{\w+\}", " ", text)))
    return re.findall(r"[a-záéíóúüñ']+", spoken.lower())


def options_offered(words: str) -> int:
    """The most alternatives a sentence offers, for Spanish: "a, b o c" is three.

    Spanish writes no comma before a series' last "o", so the series is the clause before
    it, from the sentence's start, a colon or a "¿"; a clause joined by "y" is no series.
    """
    most = 0
    for sentence in re.split(r"(?<=[.?!])\s+", words):
        if not OFFER.search(sentence):
            continue  # a list of things ("radiografías, tomografías u otros") offers nothing
        match = re.search(r",? [ou] (?!.* [ou] )", sentence)
        if match is None:
            continue
        clause = re.split(r"[:¿]", sentence[: match.start()])[-1]
        named = [part for part in clause.split(",") if re.search(r"\w", part)]
        most = max(most, 2 if " y " in clause else len(named) + 1)
    return most


#: A sentence that offers the user a choice: a question, or an invitation to say or ask.
OFFER = re.compile(r"\?$|^(?:Bien\. )?(?:Puede|Pregúnteme|Pregunte|Diga|Aquí puede|Para seguir)")


def fresh() -> Conversation:
    alexa = Conversation(locale=LOCALE, settings=Settings(verify=False, store="memory"))
    alexa.launch()
    return alexa


def breath(turn) -> str:
    """The turn's speech, once it is checked to fit one breath and offer at most three."""
    said = turn.speech
    assert len(said.split()) <= ONE_BREATH, f"{len(said.split())} words: {said}"
    assert options_offered(said) <= MAX_OPTIONS, said
    return said


# -- every key, the same shape ---------------------------------------------------------------
@pytest.mark.parametrize("area", AREAS)
def test_every_key_en_us_speaks_has_a_spanish_string(area):
    assert sorted(spanish(area)) == sorted(english(area))


@pytest.mark.parametrize("area", AREAS)
def test_spanish_strings_keep_the_english_shape_and_placeholders(area):
    ours = spanish(area)
    for key, theirs in english(area).items():
        value = ours[key]
        assert type(value) is type(theirs), f"{area} {key}: {type(value).__name__}"
        if isinstance(theirs, dict):
            assert set(value) == plural_categories(LOCALE), f"{area} {key}: {sorted(value)}"
        wanted = set().union(*(placeholders(text) for text in texts(theirs)))
        for text in texts(value):
            assert placeholders(text) == wanted, f"{area} {key}: {text}"


def test_the_helpers_count_what_they_should():
    assert placeholders("Lleva {have} de {total}.") == {"have", "total"}
    assert options_offered("¿Quiere la lista, cómo pedirlos o su derecho a copias?") == 3
    assert options_offered("Puede preguntar: a, b, c o d. ¿Qué prefiere?") == 4
    assert options_offered("Si no tiene seguro, pida el precio, y pregunte por a o b?") == 2
    assert options_offered("Sus radiografías, tomografías, resonancias u otros estudios.") == 0
    assert words_of("Want some words? Ask Medicare.") == ["want", "some", "words", "ask"]


# -- Spanish, not English -----------------------------------------------------------------------
@pytest.mark.parametrize("area", AREAS)
def test_no_english_sentence_is_left(area):
    theirs = english(area)
    for key, value in spanish(area).items():
        for text in texts(value):
            left = sorted(set(words_of(text)) & ENGLISH_WORDS)
            assert not left, f"{area} {key}: English words {left} in {text!r}"
            assert text not in texts(theirs[key]), f"{area} {key} is the English string"


#: "Tú" forms of the verbs and possessives these answers use: the skill says "usted".
TU_FORMS = frozenset(
    re.findall(
        r"\S+",
        "tú tu tus te puedes quieres tienes necesitas sabes dime dices pregúntame avísame "
        "pídele pregúntale llámame",
    )
)


@pytest.mark.parametrize("area", AREAS)
def test_the_skill_says_usted(area):
    for key, value in spanish(area).items():
        for text in texts(value):
            said = set(re.findall(r"\w+", plain(text).lower()))
            assert not said & TU_FORMS, f"{area} {key}: {sorted(said & TU_FORMS)} in {text!r}"


@pytest.mark.parametrize("area", AREAS)
def test_seguro_medico_is_said_only_in_official_names(area):
    for key, value in spanish(area).items():
        for text in texts(value):
            rest = OFFICIAL_SEGURO_MEDICO.sub("", text)
            assert not re.search(r"seguros? médicos?", rest, re.IGNORECASE), f"{area} {key}"


# -- the US facts, by voice, where en-US hears their counterpart ------------------------------
#: (what is asked: intent and slots, then "yes" follow-ups), what en-US hears in those
#: answers, and what es-US hears.
FACTS = [
    (
        ("MedicareIntent", {}, 0),
        ["Medicare Part B", "before non-emergency surgery", "third opinion", "20 percent"],
        [
            "Parte B de Medicare",
            "segunda opinión antes de una cirugía que no es de emergencia",
            "una tercera si no coinciden",
            "20 por ciento",
            "deducible",
            "1-800-MEDICARE",
        ],
    ),
    (
        ("InsuranceOverviewIntent", {}, 0),
        ["in-network specialist"],
        ["red de proveedores"],
    ),
    (
        ("InsurerQuestionsIntent", {}, 0),
        ["referral or prior authorization", "in your network"],
        ["referido o una autorización previa", "en su red de proveedores"],
    ),
    (
        ("InsurancePlanRulesIntent", {"plan": "medicaid"}, 0),
        ["Medicaid is run by each state"],
        ["Cada estado administra su Medicaid"],
    ),
    (
        ("InsurancePlanRulesIntent", {"plan": "medicare advantage"}, 0),
        ["Medicare Advantage plans set their own rules"],
        ["Medicare Original", "ponen sus propias reglas"],
    ),
    (
        ("InsuranceDenialIntent", {}, 1),
        ["appeal", "180 days", "external review", "72 hours"],
        ["apelar", "180 días", "revisión externa", "72 horas"],
    ),
    (
        ("InsuranceDenialIntent", {"plan": "medicaid"}, 0),
        ["Medicare and Medicaid have their own routes"],
        ["Medicare y Medicaid tienen sus propias vías", "1-800-MEDICARE"],
    ),
    (
        ("SecondOpinionCostIntent", {}, 1),
        ["Medicaid"],
        ["Medicaid", "Mercado de Seguros Médicos", "CuidadoDeSalud.gov"],
    ),
    (
        ("RecordsRightsIntent", {}, 0),
        ["HIPAA", "30 days", "cost-based fee"],
        ["HIPAA", "30 días", "tarifa razonable, basada en el costo"],
    ),
    (
        ("SpecialistCredentialsIntent", {}, 0),
        ["board certified"],
        ["certificado por la junta"],
    ),
]


def heard(locale: str, intent: str, slots: dict, yeses: int) -> str:
    alexa = Conversation(locale=locale, settings=Settings(verify=False, store="memory"))
    alexa.launch()
    turns = [alexa.intent(intent, **slots)]
    turns += [alexa.intent("AMAZON.YesIntent") for _ in range(yeses)]
    return " | ".join(turn.speech for turn in turns)


@pytest.mark.parametrize("asked,english_words,spanish_words", FACTS, ids=lambda x: str(x)[:40])
def test_us_facts_are_heard_in_spanish_where_english_hears_them(
    asked, english_words, spanish_words
):
    en_us = heard("en-US", *asked)
    assert all(words in en_us for words in english_words), en_us
    es_us = heard(LOCALE, *asked)
    missing = [words for words in spanish_words if words not in es_us]
    assert not missing, f"{missing} not in: {es_us}"


def test_the_cost_card_names_chip_in_spanish():
    alexa = fresh()
    alexa.intent("SecondOpinionCostIntent")
    card = alexa.intent("AMAZON.YesIntent").card
    assert "Programa de Seguro Médico para Niños" in card["content"]
    assert "CuidadoDeSalud.gov" in card["content"]


def test_the_denial_card_gives_medicare_s_numbers():
    alexa = fresh()
    alexa.intent("InsuranceDenialIntent")
    card = alexa.intent("AMAZON.YesIntent").card["content"]
    assert "1-800-633-4227" in card and "TTY 1-877-486-2048" in card


# -- the checklist's names read well with "su" and in lists -----------------------------------
def test_records_ticked_off_read_with_their_own_possessive():
    alexa = fresh()
    alexa.intent("RecordsChecklistIntent")
    r = alexa.intent("RecordGatheredIntent", record="análisis", record_two="estudios de imagen")
    assert "marqué sus análisis y sus estudios de imagen" in breath(r)
    r = alexa.intent("RecordGatheredIntent", record="resumen de alta")
    assert "su resumen de alta" in breath(r)
    r = alexa.intent("RecordNotGatheredIntent", record="análisis")
    assert "volví a poner sus análisis en la lista" in breath(r)


def test_a_record_named_for_someone_else_is_confirmed_in_their_name():
    alexa = fresh()
    alexa.intent("TellDoctorIntent", relationship="mi mamá")
    r = alexa.intent("RecordGatheredIntent", record="lista de medicamentos")
    assert "en el caso de su mamá: ¿ya tiene su lista de medicamentos?" in breath(r)


def test_an_unknown_record_names_all_nine_in_one_breath():
    r = fresh().intent("RecordGatheredIntent")
    said = breath(r)
    assert said.count("sus ") + said.count("su ") >= 9
    assert " y su lista de medicamentos" in said and ", y " not in said


# -- one breath -----------------------------------------------------------------------------
#: Every intent of the five areas as a first question (with the slots that choose its
#: answer), then how many yeses follow it: each answer, the details included, in one breath,
#: asked straight away by a first-time user, so the first one comes after the disclaimer.
FIRST_ANSWERS = [
    ("TellDoctorIntent", {}, 3),
    ("DoctorReactionIntent", {}, 1),
    ("WhatToSayIntent", {}, 1),
    ("AskForReferralIntent", {}, 1),
    ("QuestionsForSecondDoctorIntent", {}, 0),
    ("NotDistrustIntent", {}, 1),
    ("MedicineQuestionIntent", {}, 0),
    ("RecordsOverviewIntent", {}, 0),
    ("RecordsChecklistIntent", {}, 0),
    ("RecordsRequestIntent", {}, 0),
    ("RecordsRightsIntent", {}, 1),
    ("RecordDetailIntent", {"record": "laminillas"}, 1),
    ("RecordDetailIntent", {"record": "resumen de alta"}, 0),
    ("RecordGatheredIntent", {"record": "análisis"}, 1),
    ("RecordsAllGatheredIntent", {}, 1),
    ("RecordNotGatheredIntent", {"record": "análisis"}, 0),
    ("RecordsMissingIntent", {}, 0),
    ("RecordsResetIntent", {}, 1),
    ("InsuranceOverviewIntent", {}, 1),
    ("InsurerQuestionsIntent", {}, 0),
    ("InsurancePlanRulesIntent", {}, 1),
    ("InsurancePlanRulesIntent", {"plan": "un hmo"}, 0),
    ("InsurancePlanRulesIntent", {"plan": "un ppo"}, 0),
    ("InsurancePlanRulesIntent", {"plan": "un epo"}, 0),
    ("InsurancePlanRulesIntent", {"plan": "medicaid"}, 0),
    ("InsurancePlanRulesIntent", {"plan": "medicare advantage"}, 0),
    ("MedicareIntent", {}, 0),
    ("OutsideUSIntent", {}, 0),
    ("OutsideUSIntent", {"country": "el reino unido"}, 0),
    ("OutsideUSIntent", {"country": "canadá"}, 0),
    ("OutsideUSIntent", {"country": "australia"}, 0),
    ("OutsideUSIntent", {"country": "irlanda"}, 0),
    ("InsuranceDenialIntent", {}, 1),
    ("InsuranceDenialIntent", {"plan": "medicaid"}, 1),
    ("SecondOpinionCostIntent", {}, 1),
    ("FindSpecialistIntent", {}, 3),
    ("FindSpecialistIntent", {"condition": "cáncer"}, 0),
    ("SpecialistSourcesIntent", {}, 0),
    ("SpecialistCredentialsIntent", {}, 0),
    ("SpecialistCentersIntent", {}, 0),
    ("VirtualOpinionIntent", {}, 0),
    ("AfterSecondOpinionIntent", {}, 2),
    ("OpinionsAgreeIntent", {}, 1),
    ("OpinionsDifferIntent", {}, 2),
    ("SurgeryVersusTherapyIntent", {}, 1),
    ("ThirdOpinionIntent", {}, 1),
    ("PrimaryCareReviewIntent", {}, 1),
    ("MakeTheDecisionIntent", {}, 0),
    ("HowOftenOpinionsChangeIntent", {}, 1),
]


@pytest.mark.parametrize("intent,slots,yeses", FIRST_ANSWERS, ids=lambda x: str(x)[:30])
def test_each_answer_fits_one_breath(intent, slots, yeses):
    alexa = Conversation(locale=LOCALE, settings=Settings(verify=False, store="memory"))
    turns = [alexa.intent(intent, **slots)]
    turns += [alexa.intent("AMAZON.YesIntent") for _ in range(yeses)]
    for turn in turns:
        assert turn.plugin in AREAS, f"{intent} was answered by {turn.plugin}"
        said = breath(turn)
        if turn.should_end_session is False:
            assert said.endswith("?") and turn.reprompt, said


#: Placeholder values as the host fills them: {options} is a choice of two.
FILLED = {
    "options": "qué documentos necesito o cómo encuentro un especialista",
    "example": "qué hago si los médicos no están de acuerdo",
    "count": 4,
    "have": 2,
    "total": 9,
    "name": "sus análisis",
    "names": "sus análisis y su resumen de alta",
    "items": "sus análisis",
    "owner": "de su mamá",
}


@pytest.mark.parametrize("area", AREAS)
def test_help_and_menus_offer_at_most_three_things(area):
    for key, value in spanish(area).items():
        for text in texts(value):
            filled = text.format_map(FILLED) if placeholders(text) else text
            assert options_offered(plain(filled)) <= MAX_OPTIONS, f"{area} {key}: {text}"


def test_what_is_remembered_of_the_checklist_is_joined_in_spanish():
    from plugins.records import AREA

    said = AREA.remembered("es-US", {"gathered": ["test_results", "imaging_disc"]})
    assert said is not None and " y " in said and " and " not in said
