"""Start-up: build checks that passed are not repeated, and still refuse a broken plugin.

Reading every locale's interaction model and strings was most of a start's own work; a
start with the same inputs now skips it, and any change to what the checks read (a model
file, a plugin's locale file) checks everything again.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import textwrap
import uuid

import pytest

from skill.plugin_manager import PluginContractError
from skill.runtime import SkillRuntime
from skill.settings import MODELS_DIR, Settings

AREA_CODE = """\
from skill import hookimpl
from skill.area import Area, AreaHandler

AREA = Area({name!r}, __name__, rank=95)


class Answer(AreaHandler):
    intents = ("NotebookIntent",)

    def answer(self, turn):
        return turn.ask(turn.t("help"), turn.t("help"))


@hookimpl
def register_area():
    return AREA


@hookimpl
def register_handlers():
    return [Answer(AREA)]


@hookimpl
def register_interaction_model(locale):
    return {{"intents": [{{"name": "NotebookIntent", "samples": ["should i bring a notebook"]}}]}}
"""
STRINGS = {
    "title": "bringing a notebook",
    "try": "should i bring a notebook",
    "help": "Ask me about bringing a notebook. What would you like to know?",
}


@pytest.fixture
def models(tmp_path, monkeypatch):
    """An English-only copy of the models, and a cache folder of this test's own."""
    monkeypatch.setenv("SECOND_OPINION_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(MODELS_DIR / "en-US.json", folder)
    return folder


def build(models, plugins=None) -> SkillRuntime:
    return SkillRuntime(Settings(verify=False, store="memory", models_dir=models, plugins=plugins))


def refuse_to_read_models(monkeypatch):
    def read(*args, **kwargs):
        raise AssertionError("the models were read again")

    monkeypatch.setattr("skill.simulator.model.load_model", read)


def test_a_second_start_with_the_same_inputs_reads_no_model(models, monkeypatch):
    build(models)
    refuse_to_read_models(monkeypatch)
    build(models)


def test_a_model_that_lost_an_intent_is_refused_after_a_start_that_passed(models):
    build(models)
    path = models / "en-US.json"
    document = json.loads(path.read_text())
    language = document["interactionModel"]["languageModel"]
    language["intents"] = [i for i in language["intents"] if i["name"] != "RecordsChecklistIntent"]
    path.write_text(json.dumps(document))
    with pytest.raises(PluginContractError, match="RecordsChecklistIntent"):
        build(models)


def test_a_plugin_whose_strings_broke_is_refused_after_a_start_that_passed(
    models, tmp_path, monkeypatch
):
    monkeypatch.syspath_prepend(str(tmp_path))
    name = f"area_{uuid.uuid4().hex[:8]}"
    package = tmp_path / name
    (package / "locale").mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(AREA_CODE.format(name=name)))
    strings = package / "locale" / "en.json"
    strings.write_text(json.dumps(STRINGS))
    importlib.invalidate_caches()
    area = importlib.import_module(name)
    try:
        build(models, [area])
        strings.write_text(json.dumps({**STRINGS, "help": "Ask me about notebooks."}))
        # As a new start would: the module and its strings read afresh.
        from skill.i18n import strings_for

        sys.modules.pop(name)
        strings_for.cache_clear()
        area = importlib.import_module(name)
        with pytest.raises(PluginContractError, match="does not end with a question"):
            build(models, [area])
    finally:
        sys.modules.pop(name, None)


FIRST_REQUESTS = """
import sys
from pathlib import Path
from skill import metrics
from skill.app import create_app
from skill.settings import Settings

metrics.PENDING_LIMIT = {limit}
client = create_app(Settings(verify=False, store="memory")).test_client()
launch = Path({launch!r}).read_bytes()
for _ in range(3):
    assert client.post("/alexa", data=launch).status_code == 200
assert client.post("/alexa", data=b"{{").status_code == 400
print("imported" if "prometheus_client" in sys.modules else "not imported")
print(client.get("/metrics").get_data(as_text=True))
"""


def first_requests(limit: int) -> tuple[str, dict[str, float]]:
    """Three launches and a broken body in a new interpreter: whether prometheus_client
    was imported by then, and the first scrape's samples."""
    from pathlib import Path

    from prometheus_client.parser import text_string_to_metric_families

    launch = Path(__file__).resolve().parents[1] / "host" / "launch.json"
    code = FIRST_REQUESTS.format(limit=limit, launch=str(launch))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    imported, text = done.stdout.split("\n", 1)
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}"] = sample.value
    return imported, samples


@pytest.mark.parametrize("limit", [256, 2])
def test_metrics_wait_for_prometheus_client_and_count_every_event_once(limit):
    imported, samples = first_requests(limit)
    # Two events per launch (request, latency) and one refusal: a limit of 2 imports early.
    assert imported == ("not imported" if limit == 256 else "imported")
    assert samples["second_opinion_requests_total{plugin=core,status=200,type=LaunchRequest}"] == 3
    assert samples["second_opinion_rejections_total{reason=envelope}"] == 1
    assert samples["second_opinion_request_seconds_count{}"] == 3
