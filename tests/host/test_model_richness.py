"""The en-US model is rich enough for Alexa's statistical NLU, as the guidance issue asks."""

import json

import pytest

from skill.settings import MODELS_DIR
from skill.simulator.normalize import normalize

MODEL = json.loads((MODELS_DIR / "en-US.json").read_text())["interactionModel"]["languageModel"]
CUSTOM = [intent for intent in MODEL["intents"] if not intent["name"].startswith("AMAZON.")]
TYPES = {slot_type["name"]: slot_type for slot_type in MODEL.get("types", [])}
MIN_SAMPLES = 20


def test_invocation_name():
    assert MODEL["invocationName"] == "second opinion guide"


@pytest.mark.parametrize("intent", CUSTOM, ids=lambda intent: intent["name"])
def test_each_custom_intent_has_twenty_varied_samples(intent):
    spoken = [normalize(sample) for sample in intent["samples"]]
    assert len(set(spoken)) >= MIN_SAMPLES, f"{len(set(spoken))} distinct samples"
    openings = {sample.split()[0] for sample in spoken if sample}
    assert len(openings) >= 3, f"every sample opens with one of {sorted(openings)}"


@pytest.mark.parametrize(
    "intent",
    [i for i in CUSTOM if {"condition", "procedure"} & {s["name"] for s in i.get("slots", [])}],
    ids=lambda intent: intent["name"],
)
def test_condition_and_procedure_are_optional_in_the_samples(intent):
    with_slot = [s for s in intent["samples"] if "{condition}" in s or "{procedure}" in s]
    assert with_slot and len(with_slot) < len(intent["samples"])


@pytest.mark.parametrize("name", ["PROCEDURE", "CONDITION", "RECORD_KIND"])
def test_slot_types_for_procedures_conditions_and_records_carry_synonyms(name):
    values = TYPES[name]["values"]
    assert len(values) >= 8
    with_synonyms = [v for v in values if v["name"].get("synonyms")]
    assert len(with_synonyms) >= len(values) * 3 // 4
