"""``package``: the ASK CLI project layout, the manifest per locale, icons and Lambda code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from skill.cli import main
from skill.publish import icons
from skill.publish.manifest import manifest_problems, model_problems

LAUNCH = Path(__file__).resolve().parents[1] / "host" / "launch.json"
ROOT_FILES = {
    "ask-resources.json",
    "skill-package/skill.json",
    "skill-package/interactionModels/custom/en-US.json",
    "skill-package/assets/images/en-US_smallIcon.png",
    "skill-package/assets/images/en-US_largeIcon.png",
    "lambda/requirements.txt",
}


def read(root, relative):
    return json.loads((root / relative).read_text())


def test_the_layout_is_what_ask_deploy_reads(lambda_package):
    for relative in ROOT_FILES:
        assert (lambda_package / relative).is_file(), relative
    resources = read(lambda_package, "ask-resources.json")["profiles"]["default"]
    assert resources["skillMetadata"]["src"] == "./skill-package"
    assert resources["code"]["default"]["src"] == "./lambda"
    infrastructure = resources["skillInfrastructure"]
    assert infrastructure["type"] == "@ask-cli/lambda-deployer"
    assert infrastructure["userConfig"]["handler"] == "skill.lambda_function.handler"


def test_the_manifest_and_models_load_into_amazons_types(lambda_package):
    assert manifest_problems(read(lambda_package, "skill-package/skill.json")) == []
    model = read(lambda_package, "skill-package/interactionModels/custom/en-US.json")
    assert model_problems(model) == []


def test_the_manifest_says_what_the_issue_asks(lambda_package):
    manifest = read(lambda_package, "skill-package/skill.json")["manifest"]
    listing = manifest["publishingInformation"]["locales"]["en-US"]
    assert "not medical advice" in listing["description"]
    assert "call 911" in listing["description"] and "cannot place" in listing["description"]
    assert len(listing["examplePhrases"]) <= 3 and listing["keywords"]
    # One country per locale model: the US, and the four English locales of issue 14.
    countries = manifest["publishingInformation"]["distributionCountries"]
    assert countries == ["AU", "CA", "GB", "IN", "US"]
    testing = manifest["publishingInformation"]["testingInstructions"]
    assert "chest pain" in testing and "delete my data" in testing and "persists" in testing
    assert manifest["events"]["subscriptions"] == [{"eventName": "SKILL_DISABLED"}]
    assert "permissions" not in manifest
    assert {"type": "CAN_FULFILL_INTENT_REQUEST"} in manifest["apis"]["custom"]["interfaces"]
    compliance = manifest["privacyAndCompliance"]
    assert compliance["usesHealthInfo"] is False
    assert compliance["locales"]["en-US"]["privacyPolicyUrl"] == "https://guide.test/privacy"


def test_icons_are_pngs_of_the_sizes_alexa_asks_for(lambda_package):
    images = lambda_package / "skill-package/assets/images"
    assert icons.dimensions((images / "en-US_smallIcon.png").read_bytes()) == (108, 108)
    assert icons.dimensions((images / "en-US_largeIcon.png").read_bytes()) == (512, 512)


def test_the_lambda_code_folder_answers_on_its_own(lambda_package, tmp_path):
    code = lambda_package / "lambda"
    event = json.loads(LAUNCH.read_text())
    script = (
        "import json, sys, skill;"
        f"assert skill.__file__.startswith({str(code)!r}), skill.__file__;"
        "from skill.lambda_function import handler;"
        "print(json.dumps(handler(json.loads(sys.stdin.read()), None)))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_OPINION_")}
    env.update(PYTHONPATH=str(code), SECOND_OPINION_STORE="memory")
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(event),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    speech = json.loads(done.stdout)["response"]["outputSpeech"]["ssml"]
    assert "Second Opinion Guide" in speech
    requirements = (code / "requirements.txt").read_text()
    assert "ask-sdk-core" in requirements and "ask-sdk-dynamodb-persistence-adapter" in requirements


def test_an_https_endpoint_package_names_it_with_its_certificate(endpoint_package):
    manifest = read(endpoint_package, "skill-package/skill.json")["manifest"]
    endpoint = {"uri": "https://guide.test/alexa", "sslCertificateType": "Trusted"}
    assert manifest["apis"]["custom"]["endpoint"] == endpoint
    assert manifest["events"]["endpoint"] == endpoint  # SkillDisabled reaches the same app
    urls = manifest["privacyAndCompliance"]["locales"]["en-US"]
    assert urls == {
        "privacyPolicyUrl": "https://guide.test/privacy",
        "termsOfUseUrl": "https://guide.test/terms",
    }
    resources = read(endpoint_package, "ask-resources.json")["profiles"]["default"]
    assert "skillInfrastructure" not in resources and not (endpoint_package / "lambda").exists()


def test_an_endpoint_that_is_not_https_is_refused(tmp_path, capsys):
    assert main(["package", "--out", str(tmp_path), "--endpoint", "http://guide.test/a"]) == 2
    assert "HTTPS" in capsys.readouterr().err


def test_lambda_needs_somewhere_for_its_policy_pages(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SECOND_OPINION_PRIVACY_URL", raising=False)
    monkeypatch.delenv("SECOND_OPINION_TERMS_URL", raising=False)
    assert main(["package", "--out", str(tmp_path), "--lambda"]) == 2
    assert "SECOND_OPINION_PRIVACY_URL" in capsys.readouterr().err


def test_a_hipaa_eligible_deployment_declares_health_information(
    tmp_path, monkeypatch, policy_urls
):
    monkeypatch.setenv("SECOND_OPINION_HIPAA_ELIGIBLE", "1")
    assert main(["package", "--out", str(tmp_path), "--lambda", *policy_urls]) == 0
    manifest = read(tmp_path, "skill-package/skill.json")["manifest"]
    assert manifest["privacyAndCompliance"]["usesHealthInfo"] is True
    assert "HIPAA-eligible" in manifest["publishingInformation"]["testingInstructions"]


def test_zip_unzips_to_the_same_layout(tmp_path, policy_urls):
    import zipfile

    out = tmp_path / "project"
    assert main(["package", "--out", str(out), "--lambda", "--zip", *policy_urls]) == 0
    names = set(zipfile.ZipFile(tmp_path / "project.zip").namelist())
    assert names >= ROOT_FILES
