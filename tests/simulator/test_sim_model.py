"""Loading and caching models, merging plugin fragments, and ``model check``."""

import json
import os
import shutil
from pathlib import Path

import pytest
import sim_area

from skill.plugin_manager import make_plugin_manager
from skill.simulator.check import ERROR, check
from skill.simulator.model import InteractionModel, ModelError, load_model, merge

MODELS = Path(__file__).parent / "models"  # the simulator tests' own small models


def test_model_and_resolver_are_cached_per_file_version(tmp_path):
    shutil.copy(MODELS / "en-US.json", tmp_path / "en-US.json")
    first = load_model("en-US", tmp_path)
    assert load_model("en-US", tmp_path) is first
    assert first.resolver is first.resolver
    path = tmp_path / "en-US.json"
    document = json.loads(path.read_text())
    document["interactionModel"]["languageModel"]["intents"].append(
        {"name": "NewIntent", "samples": ["a brand new sample"]}
    )
    path.write_text(json.dumps(document))
    os.utime(path, ns=(1, first_mtime(path) + 10_000_000))
    again = load_model("en-US", tmp_path)
    assert again is not first and again.resolver.resolve("a brand new sample").intent == "NewIntent"


def first_mtime(path):
    return path.stat().st_mtime_ns


def test_plugin_fragments_are_merged():
    pm = make_plugin_manager([sim_area])
    model = load_model("en-US", MODELS, pm)
    assert "FragmentIntent" in model.intents
    assert "FragmentIntent" not in load_model("en-US", MODELS).intents


def test_a_fragment_may_not_change_the_type_of_an_intents_slot():
    document = json.loads((MODELS / "en-US.json").read_text())
    clash = {"intents": [{"name": "TopicIntent", "slots": [{"name": "topic", "type": "X"}]}]}
    with pytest.raises(ModelError, match="TopicIntent"):
        merge(document, [("rogue", clash)])


def test_other_locales_of_a_language_share_its_model():
    assert load_model("en-GB", MODELS).source.endswith("en-US.json")
    with pytest.raises(ModelError, match="no interaction model for de-DE"):
        load_model("de-DE", MODELS)


def test_unreadable_model_is_a_model_error(tmp_path):
    (tmp_path / "en-US.json").write_text("{not json")
    with pytest.raises(ModelError, match="cannot read"):
        load_model("en-US", tmp_path)


def test_check_passes_a_clean_model():
    assert [f for f in check(load_model("en-US", MODELS)) if f.level == ERROR] == []


BAD = {
    "interactionModel": {
        "languageModel": {
            "invocationName": "Ask Alexa Helper",
            "intents": [
                {"name": "AMAZON.HelpIntent", "samples": []},
                {
                    "name": "OrderIntent",
                    "slots": [
                        {"name": "item", "type": "ITEM"},
                        {"name": "size", "type": "SIZE"},
                        {"name": "spare", "type": "AMAZON.NUMBER"},
                    ],
                    "samples": [
                        "order {item}",
                        "order {item}",
                        "order 2 {item}",
                        "order {colour} {item}",
                        "what's up?",
                    ],
                },
                {"name": "Bad-Name", "samples": []},
                {"name": "GreetIntent", "samples": ["whats up", "order pizza"]},
            ],
            "types": [
                {"name": "ITEM", "values": [{"name": {"value": "pizza"}}]},
                {"name": "EMPTY", "values": []},
            ],
        }
    }
}


def test_check_reports_what_alexa_would_refuse():
    findings = check(InteractionModel.from_document(BAD, "en-US"))
    errors = {(f.rule, f.where.split(":")[0]) for f in findings if f.level == ERROR}
    assert ("invocation-name", "invocationName") in errors
    assert any("may not contain 'alexa'" in f.message for f in findings)
    assert ("intent-required", "AMAZON.StopIntent") in errors
    assert ("sample-duplicate", "OrderIntent") in errors
    assert ("sample-charset", "OrderIntent") in errors
    assert ("slot-undefined", "OrderIntent") in errors
    assert ("slot-type-missing", "OrderIntent.size") in errors
    assert ("type-empty", "EMPTY") in errors
    assert ("intent-name", "Bad-Name") in errors
    assert ("intent-samples", "Bad-Name") in errors
    warnings = {(f.rule, f.where.split(":")[0]) for f in findings if f.level != ERROR}
    assert ("slot-unused", "OrderIntent.spare") in warnings
    assert ("type-unused", "EMPTY") in warnings
    assert ("intent-fallback", "AMAZON.FallbackIntent") in warnings


def test_check_reports_samples_that_match_two_intents():
    findings = check(InteractionModel.from_document(BAD, "en-US"))
    ambiguous = [f for f in findings if f.rule == "sample-ambiguous"]
    assert [(f.where, f.message) for f in ambiguous] == [
        ("OrderIntent: 'order {item}'", "'order pizza' also matches GreetIntent")
    ]
