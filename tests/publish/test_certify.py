"""``certify``: the repo's own package passes; each rule catches a package broken for it."""

from __future__ import annotations

import pytest

from skill.cli import main
from skill.publish.certify import certify
from skill.simulator.check import ERROR


def errors(root, runtime, *, talk=False) -> set[str]:
    return {f.rule for f in certify(root, runtime, talk=talk) if f.level == ERROR}


def test_the_repo_package_passes_the_static_rules(lambda_package, runtime):
    assert errors(lambda_package, runtime) == set()


#: Problems certify finds in the repo's own skill today, reported to their owners. Each is
#: named here so that the test fails the day it is fixed, or a new one appears.
def test_the_repo_package_certifies(lambda_package, runtime):
    found = [f for f in certify(lambda_package, runtime) if f.level == ERROR]
    assert found == [], "\n".join(map(str, found))


def test_certify_command_reports_and_exits_1_on_errors(broken, capsys):
    broken.manifest(lambda m: m["events"].update(subscriptions=[]))
    assert main(["certify", "--static", "--package", str(broken.root)]) == 1
    out = capsys.readouterr().out
    assert "manifest-events" in out and "SKILL_DISABLED" in out and "FAIL" in out


def _set_example(m, phrase):
    m["publishingInformation"]["locales"]["en-US"]["examplePhrases"][1] = phrase


def _listing(m):
    return m["publishingInformation"]["locales"]["en-US"]


def _intent(language, name):
    return next(i for i in language["intents"] if i["name"] == name)


MANIFEST_BREAKS = {
    "manifest-schema": lambda m: m["publishingInformation"].update(distributionMode="EVERYONE"),
    "manifest-examples": lambda m: _set_example(m, "Alexa, ask second opinion guide to sing"),
    "manifest-disclaimer": lambda m: _listing(m).update(description="A guide to opinions."),
    "manifest-urls": lambda m: m["privacyAndCompliance"]["locales"]["en-US"].update(
        privacyPolicyUrl="http://guide.test/privacy"
    ),
    "manifest-locales": lambda m: m["privacyAndCompliance"]["locales"].pop("en-US"),
    "manifest-countries": lambda m: m["publishingInformation"]["distributionCountries"].append(
        "DE"
    ),
    "manifest-events": lambda m: m["events"].update(subscriptions=[]),
    "manifest-permissions": lambda m: m.update(permissions=[{"name": "alexa::profile:email:read"}]),
    "manifest-name-free": lambda m: m["apis"]["custom"].update(interfaces=[]),
    "manifest-listing": lambda m: _listing(m).pop("summary"),
}


@pytest.mark.parametrize("rule", MANIFEST_BREAKS)
def test_each_manifest_rule_fires(rule, broken, runtime):
    broken.manifest(MANIFEST_BREAKS[rule])
    assert rule in errors(broken.root, runtime)


def test_a_misspelled_manifest_field_fails_the_schema(broken, runtime):
    broken.manifest(lambda m: _listing(m).update(examplePhrase=["Alexa, open it"]))
    found = certify(broken.root, runtime, talk=False)
    assert any(f.rule == "manifest-schema" and "examplePhrase" in f.message for f in found)


def test_an_example_without_the_wake_word_fires(broken, runtime):
    broken.manifest(lambda m: _set_example(m, "ask second opinion guide what records i need"))
    assert "manifest-examples" in errors(broken.root, runtime)


def test_a_wrong_sized_icon_fires(broken, runtime):
    small = broken.root / "skill-package/assets/images/en-US_smallIcon.png"
    small.write_bytes(
        (broken.root / "skill-package/assets/images/en-US_largeIcon.png").read_bytes()
    )
    assert "manifest-icons" in errors(broken.root, runtime)


def test_lambda_code_without_requirements_fires(broken, runtime):
    (broken.root / "lambda/requirements.txt").unlink()
    assert "package-layout" in errors(broken.root, runtime)


def test_an_endpoint_without_certificate_type_fires(broken_endpoint, runtime):
    broken_endpoint.manifest(lambda m: m["apis"]["custom"]["endpoint"].pop("sslCertificateType"))
    assert "manifest-endpoint" in errors(broken_endpoint.root, runtime)


MODEL_BREAKS = {
    "model-schema": lambda lm: _intent(lm, "RecordsChecklistIntent").update(sampels=[]),
    "sample-charset": lambda lm: _intent(lm, "RecordsChecklistIntent")["samples"].append(
        "do i need 2 scans"
    ),
    "sample-in-two-intents": lambda lm: _intent(lm, "RecordsChecklistIntent")["samples"].append(
        _intent(lm, "RecordsMissingIntent")["samples"][0]
    ),
    "slot-undefined": lambda lm: _intent(lm, "RecordsChecklistIntent")["samples"].append(
        "what about my {scan}"
    ),
    "invocation-name": lambda lm: lm.update(invocationName="second opinion skill"),
    "intent-required": lambda lm: lm.update(
        intents=[i for i in lm["intents"] if i["name"] != "AMAZON.NavigateHomeIntent"]
    ),
    "fallback-sensitivity": lambda lm: lm.update(
        modelConfiguration={"fallbackIntentSensitivity": {"level": "LOWEST"}}
    ),
}


@pytest.mark.parametrize("rule", MODEL_BREAKS)
def test_each_model_rule_fires(rule, broken, runtime):
    broken.model(MODEL_BREAKS[rule])
    assert rule in errors(broken.root, runtime)
