"""Start-up: build checks that passed are not repeated, and still refuse a broken plugin.

Reading every locale's interaction model and strings was most of a start's own work; a
start with the same inputs now skips it, and any change to what the checks read (a model
file, a plugin's locale file) checks everything again.
"""

from __future__ import annotations

import importlib
import json
import shutil
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
