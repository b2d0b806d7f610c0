"""Spanish in the simulator: folding, stems, number words and the resolver that uses them."""

import pytest

from skill.simulator.model import InteractionModel
from skill.simulator.normalize import (
    language_of,
    normalize,
    number_value,
    ordinal_value,
    stem,
)


@pytest.mark.parametrize(
    ("locale", "language"),
    [("es-US", "es"), ("es-MX", "es"), ("en-US", "en"), ("en-GB", "en"), ("", "en"), (None, "en")],
)
def test_language_of_locale(locale, language):
    assert language_of(locale) == language


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("¿Qué es una Segunda Opinión?", "que es una segunda opinion"),
        ("¡Mi mamá no puede respirar!", "mi mama no puede respirar"),
        ("el niño se tomó la medicina", "el nino se tomo la medicina"),
        ("pingüino", "pinguino"),
        ("Me duele el pecho... ¿qué hago?", "me duele el pecho que hago"),
        ("guía  de   segunda opinión", "guia de segunda opinion"),
    ],
)
def test_spanish_folds_accents_and_drops_inverted_marks(text, normal):
    assert normalize(text, "es") == normal


def test_folded_and_accented_spellings_compare_equal():
    assert normalize("¿Cuánto cuesta?", "es") == normalize("cuanto cuesta", "es")
    assert normalize("mañana", "es") == normalize("manana", "es")


def test_english_keeps_its_rules():
    assert normalize("I can't breathe") == "i can not breathe"
    # English contractions are not Spanish rules, and accents stay in English text.
    assert normalize("don't", "es") == "don t"
    assert normalize("café") == "café"


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("pastillas", "pastilla"), True),
        (("doctores", "doctor"), True),
        (("riñones", "riñón"), True),
        (("veces", "vez"), True),
        (("padres", "padre"), True),
        (("respira", "respiro", "respirando", "respirar", "respiraba"), True),
        (("operar", "operarla", "operado", "operaron"), True),
        (("confundido", "confundida", "confundidos"), True),
        (("desmayó", "desmayado", "desmayo"), True),
        (("segunda", "segundo"), True),
        (("sáltalo", "sáltate", "salta", "saltar"), True),
        (("nerviosísima", "nerviosa", "nervioso"), True),
        (("muchísimo", "mucho"), True),
        (("explícamelo", "explícame", "explicar"), True),
        (("opiniones", "opinión"), True),
        # Words the strip must leave alone.
        (("crisis", "cris"), False),
        (("tos", "to"), False),
        (("análisis", "analis"), False),
        (("mes", "me"), False),
    ],
)
def test_spanish_stem_meets_word_forms(words, same):
    stems = {stem(normalize(w, "es"), "es") for w in words}
    assert (len(stems) == 1) is same


def test_spanish_stem_keeps_short_words():
    for word in ("mi", "tu", "sus", "dos", "ayer", "no"):
        assert stem(word, "es") == word


@pytest.mark.parametrize(
    ("spoken", "value"),
    [
        ("tres", "3"),
        ("etapa cuatro", None),
        ("cuatro", "4"),
        ("veintiuno", "21"),
        ("veintidós", "22"),
        ("treinta y dos", "32"),
        ("treinta y una", "31"),
        ("ciento veinte", "120"),
        ("doscientos cincuenta", "250"),
        ("mil", "1000"),
        ("un millón", "1000000"),
        ("dos mil veinticuatro", "2024"),
        ("menos cinco", "-5"),
        ("cero", "0"),
        ("42", "42"),
        # Articles are not numbers on their own.
        ("un", None),
        ("una", None),
        ("y", None),
        ("treinta y", None),
        ("plátano", None),
        ("", None),
    ],
)
def test_spanish_number_value(spoken, value):
    assert number_value(spoken, "es") == value


def test_english_number_words_are_not_spanish():
    assert number_value("tres") is None
    assert number_value("three", "es") is None


@pytest.mark.parametrize(
    ("spoken", "language", "value"),
    [
        ("el segundo", "es", "2"),
        ("la primera", "es", "1"),
        ("tercer", "es", "3"),
        ("séptima", "es", "7"),
        ("the second", "en", "2"),
        ("third", "en", "3"),
        ("2nd", "en", "2"),
        ("la casa", "es", None),
        ("second opinion", "en", None),
    ],
)
def test_ordinal_value(spoken, language, value):
    assert ordinal_value(spoken, language) == value


def _model(locale: str, intents: list[dict], types: list[dict] | None = None) -> InteractionModel:
    document = {
        "interactionModel": {
            "languageModel": {
                "invocationName": "guía de prueba",
                "intents": intents,
                "types": types or [],
            }
        }
    }
    return InteractionModel.from_document(document, locale)


SPANISH_MODEL = [
    {
        "name": "EmergencyIntent",
        "slots": [{"name": "relationship", "type": "RELATIONSHIP"}],
        "samples": ["{relationship} no puede respirar", "llama a una ambulancia"],
    },
    {
        "name": "StageIntent",
        "slots": [{"name": "stage", "type": "AMAZON.NUMBER"}],
        "samples": ["está en etapa {stage}", "es etapa {stage}"],
    },
    {
        "name": "PickIntent",
        "slots": [{"name": "which", "type": "AMAZON.ORDINAL"}],
        "samples": ["quiero {which}"],
    },
    {"name": "InsuranceIntent", "samples": ["el seguro cubre una segunda opinión"]},
    {"name": "AMAZON.StopIntent", "samples": []},
    {"name": "AMAZON.YesIntent", "samples": []},
]
RELATIONSHIP = [
    {
        "name": "RELATIONSHIP",
        "values": [
            {"id": "MOTHER", "name": {"value": "mi mamá", "synonyms": ["mi madre"]}},
            {"id": "FATHER", "name": {"value": "mi papá"}},
        ],
    }
]


@pytest.fixture
def spanish():
    return _model("es-US", SPANISH_MODEL, RELATIONSHIP).resolver


def test_spanish_model_matches_without_accents(spanish):
    heard = spanish.resolve("¡Mi mama no puede respirar!")
    assert heard.intent == "EmergencyIntent"
    assert heard.slots["relationship"].id == "MOTHER"


def test_spanish_slot_value_after_a_preposition(spanish):
    heard = spanish.resolve("de mi papá no puede respirar")
    assert heard.slots["relationship"].id == "FATHER"


def test_spanish_number_slot(spanish):
    heard = spanish.resolve("está en etapa tres")
    assert heard.intent == "StageIntent"
    assert heard.slots["stage"].value == "3"


def test_spanish_ordinal_slot(spanish):
    heard = spanish.resolve("quiero la segunda")
    assert heard.intent == "PickIntent"
    assert heard.slots["which"].value == "2"


def test_spanish_word_forms_still_reach_the_intent(spanish):
    # Plural and accent differences: "los seguros cubren" is still the insurance question.
    assert spanish.resolve("¿los seguros cubren una segunda opinión?").intent == "InsuranceIntent"


def test_spanish_built_in_intents_hear_spanish(spanish):
    assert spanish.resolve("sí claro").intent == "AMAZON.YesIntent"
    assert spanish.resolve("adiós").intent == "AMAZON.StopIntent"
    assert spanish.resolve("ayúdame").intent == "AMAZON.HelpIntent"
    assert spanish.resolve("help").intent != "AMAZON.HelpIntent"


def test_english_model_does_not_hear_spanish_built_ins():
    english = _model(
        "en-US", [{"name": "AMAZON.YesIntent", "samples": []}, {"name": "AMAZON.StopIntent"}]
    ).resolver
    assert english.resolve("help").intent == "AMAZON.HelpIntent"
    assert english.resolve("ayúdame").intent == "AMAZON.FallbackIntent"


# -- the es-US model, as the simulator reads it ------------------------------------------


@pytest.fixture(scope="module")
def models():
    from skill.simulator.model import load_model

    return load_model("en-US"), load_model("es-US")


#: Types whose ids the gate and the person words read one by one: no id of their own here.
EXACT_TYPES = ("EMERGENCY_SIGN", "CRISIS_SIGN", "URGENT_EVENT", "EVENT_TIME", "RELATIONSHIP")


def test_es_us_slot_types_carry_the_ids_handlers_read(models):
    english, spanish = models
    for name, slot_type in english.types.items():
        ids = {value.id for value in slot_type.values}
        heard = {value.id for value in spanish.types[name].values}
        # A country the handlers don't name gets the general answer; a sign must be known.
        assert heard == ids if name in EXACT_TYPES else heard >= ids, name


def test_es_us_intents_have_the_en_us_slots(models):
    english, spanish = models
    for name, intent in english.intents.items():
        assert set(spanish.intents[name].slots) == set(intent.slots), name


@pytest.mark.parametrize(
    ("said", "slot", "value_id"),
    [
        ("mi hijo se tomó el detergente", "sign", "POISONING"),
        ("a mi esposo le está dando un infarto", "sign", "HEART_ATTACK"),
        ("mi abuela se tomó demasiado tylenol", "medicine", "ACETAMINOPHEN"),
        ("el derrame de mi papá", "mention", "STROKE"),
    ],
)
def test_es_us_signs_resolve_to_the_ids_the_gate_reads(models, said, slot, value_id):
    heard = models[1].resolver.resolve(said)
    assert heard.slots[slot].id == value_id, heard


def test_a_mass_and_more_stay_apart_once_accents_are_folded():
    assert stem("masa", "es") == stem("masas", "es") == "masa"
    assert stem(normalize("más", "es"), "es") != stem("masa", "es")
