"""The conversation and response rules fire on a skill that breaks each of them."""

from __future__ import annotations

import json

import misbehaving_area
import pytest

from skill.publish.certify import certify
from skill.publish.package import Target, write
from skill.simulator.check import ERROR

#: rule: where it must be reported
BROKEN = {
    "functional": "launch",
    "dead-end": "DeadEndIntent",
    "response-ssml-tag": "PollyTagIntent",
    "response-card-too-long": "BigCardIntent",
    "response-response-too-large": "HugeSessionIntent",
    "response-open-no-reprompt": "NoRepromptIntent",
    "response-stop-stays-open": "AMAZON.StopIntent",
    "response-session-ended-silent": "SessionEndedRequest",
}


#: Just what every skill declares; the misbehaving plugin adds its intents.
MODEL = {
    "interactionModel": {
        "languageModel": {
            "invocationName": "second opinion guide",
            "intents": [
                {"name": name, "samples": []}
                for name in (
                    "AMAZON.HelpIntent",
                    "AMAZON.StopIntent",
                    "AMAZON.CancelIntent",
                    "AMAZON.NavigateHomeIntent",
                    "AMAZON.FallbackIntent",
                )
            ],
        }
    }
}


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    from skill.runtime import SkillRuntime
    from skill.settings import Settings

    models = tmp_path_factory.mktemp("models")
    (models / "en-US.json").write_text(json.dumps(MODEL))
    runtime = SkillRuntime(
        Settings(
            verify=False,
            store="memory",
            models_dir=models,
            plugins=[misbehaving_area],
            privacy_url="https://guide.test/privacy",
            terms_url="https://guide.test/terms",
        )
    )
    out = tmp_path_factory.mktemp("misbehaving")
    write(runtime, out, Target("https://guide.test/alexa"))
    return [f for f in certify(out, runtime) if f.level == ERROR], out


def test_the_package_merges_the_plugins_intents(findings):
    _, out = findings
    model = json.loads((out / "skill-package/interactionModels/custom/en-US.json").read_text())
    names = {i["name"] for i in model["interactionModel"]["languageModel"]["intents"]}
    assert set(misbehaving_area.INTENTS) <= names


@pytest.mark.parametrize("rule", BROKEN)
def test_each_conversation_rule_fires(rule, findings):
    findings, _ = findings
    assert any(f.rule == rule and BROKEN[rule] in f.where for f in findings), [
        str(f) for f in findings
    ]
