"""The plugin contract fails when the skill is built, naming the plugin, the file and the fix;
what it allows (fewer hook arguments, extending the model, an area's own read-back) works."""

import importlib
import json
import shutil
import sys
import textwrap
import uuid

import pytest
from example_install import EXAMPLE, pip_install

from skill import hookimpl
from skill.cli import main
from skill.contract import check_plugin
from skill.plugin_manager import PluginContractError, call_each, make_plugin_manager
from skill.runtime import SkillRuntime
from skill.settings import Settings
from skill.simulator import Conversation
from skill.simulator.model import ModelError, load_model, merge

STRINGS = {
    "title": "bringing a notebook",
    "try": "should i bring a notebook",
    "help": "Ask me about bringing a notebook. What would you like to know?",
    "answer": "A notebook helps you remember what was said. Anything else?",
}
# The skill speaks es-US too, and strings never fall back across languages.
SPANISH = {
    "title": "llevar una libreta",
    "try": "debo llevar una libreta",
    "help": "Pregúnteme si debe llevar una libreta. ¿Qué le gustaría saber?",
    "answer": "Una libreta le ayuda a recordar lo que le dijeron. ¿Algo más?",
}
NOTEBOOK = {
    "intents": [
        {"name": "NotebookIntent", "samples": ["should i bring a notebook", "do i need a notebook"]}
    ]
}
AREA_CODE = """\
from example_install import EXAMPLE, pip_install

from skill import hookimpl
from skill.area import Area, AreaHandler

AREA = Area({name!r}, __name__, rank=95)


class Answer(AreaHandler):
    intents = ("NotebookIntent",)

    def answer(self, turn):
        turn.user["asked"] = True
        turn.save_user()
        return turn.ask(turn.t("answer"), turn.t("help"))


@hookimpl
def register_area():
    return AREA


@hookimpl
def register_handlers():
    return [Answer(AREA)]
"""


@pytest.fixture
def write_area(tmp_path, monkeypatch):
    """Write an area package with these strings and extra hook code, and import it."""
    monkeypatch.syspath_prepend(str(tmp_path))
    written = []

    def write(strings=STRINGS, extra="", *, locale_folder=True, spanish=SPANISH):
        name = f"area_{uuid.uuid4().hex[:8]}"
        package = tmp_path / name
        package.mkdir()
        code = AREA_CODE.format(name=name) + textwrap.dedent(extra)
        (package / "__init__.py").write_text(code)
        if locale_folder:
            (package / "locale").mkdir()
            (package / "locale" / "en.json").write_text(json.dumps(strings))
            if spanish is not None:
                (package / "locale" / "es-US.json").write_text(json.dumps(spanish))
        importlib.invalidate_caches()
        written.append(name)
        return importlib.import_module(name)

    yield write
    for name in written:
        sys.modules.pop(name, None)


WITH_MODEL = f"""
@hookimpl
def register_interaction_model(locale):
    return {NOTEBOOK!r}
"""
WITHOUT_LOCALE_ARGUMENT = f"""
@hookimpl
def register_interaction_model():
    return {NOTEBOOK!r}
"""


def build(*plugins):
    return SkillRuntime(Settings(verify=False, store="memory", plugins=list(plugins)))


def test_a_missing_try_string_stops_the_build_naming_plugin_file_and_fix(write_area):
    strings = {key: value for key, value in STRINGS.items() if key != "try"}
    area = write_area(strings, WITH_MODEL)
    with pytest.raises(PluginContractError) as refused:
        build(area)
    message = str(refused.value)
    assert f"plugin {area.__name__!r}" in message
    assert f"{area.__name__}/locale/en.json" in message
    assert "no 'try' string for en-US" in message
    assert "fix: add 'try' to en.json" in message


def test_help_that_asks_nothing_stops_the_build(write_area):
    area = write_area({**STRINGS, "help": ["Ask me about notebooks?", "Ask me about notebooks."]})
    with pytest.raises(PluginContractError, match="'help' string for en-US") as refused:
        build(area)
    assert "fix: end it with a question" in str(refused.value)


def test_an_area_without_strings_for_a_served_language_is_refused_naming_the_file(write_area):
    area = write_area(extra=WITH_MODEL, spanish=None)
    with pytest.raises(PluginContractError) as refused:
        check_plugin(area)
    message = str(refused.value)
    assert "speaks es-US, and the area has no strings for it" in message
    assert "add locale/es-US.json" in message and "package-data" not in message


def test_locale_files_left_out_of_the_package_name_the_package_data_fix(write_area):
    area = write_area(extra=WITH_MODEL, locale_folder=False)
    with pytest.raises(PluginContractError, match="no locale files") as refused:
        build(area)
    assert f'{area.__name__} = ["locale/*.json"]' in str(refused.value)


def test_a_handler_for_an_intent_no_model_has_stops_the_build(write_area):
    area = write_area()  # no register_interaction_model: NotebookIntent is nowhere
    with pytest.raises(PluginContractError) as refused:
        build(area)
    message = str(refused.value)
    assert f"{area.__name__}/__init__.py" in message
    assert "Answer answers NotebookIntent, which the en-US interaction model does not have" in (
        message
    )
    assert "register_interaction_model(locale)" in message


def test_the_entry_point_name_must_be_the_areas_name(write_area):
    area = write_area(extra=WITH_MODEL)
    with pytest.raises(PluginContractError, match="name the entry point") as refused:
        check_plugin(area, name="notebook")
    assert f'{area.__name__} = "{area.__name__}"' in str(refused.value)


def test_a_hook_argument_the_spec_lacks_names_the_plugin_and_file():
    class TakesTooMuch:
        @hookimpl
        def register_handlers(self, locale, device):
            return []

    with pytest.raises(PluginContractError, match="device") as refused:
        make_plugin_manager([TakesTooMuch()], blocked=[])
    assert __file__ in str(refused.value) and "fix:" in str(refused.value)


def test_an_entry_intent_no_handler_answers_stops_the_build(write_area):
    area = write_area(extra=WITH_MODEL + '\nAREA.entry = "NotepadIntent"\n')
    with pytest.raises(PluginContractError) as refused:
        build(area)
    message = str(refused.value)
    assert f"{area.__name__}/__init__.py" in message
    assert "entry intent NotepadIntent is answered by none of its handlers" in message


def test_an_entry_intent_the_area_answers_keeps_the_contract(write_area):
    area = write_area(extra=WITH_MODEL + '\nAREA.entry = "NotebookIntent"\n')
    assert check_plugin(area) is None


def test_a_plugin_that_keeps_the_contract_passes_its_check(write_area):
    area = write_area(extra=WITH_MODEL)
    assert check_plugin(area) is None


def test_an_implementation_may_omit_the_locale_argument(write_area):
    area = write_area(extra=WITHOUT_LOCALE_ARGUMENT)
    alexa = Conversation(settings=Settings(verify=False, store="memory", plugins=[area]))
    r = alexa.say("do i need a notebook")
    assert r.intent == "NotebookIntent" and r.plugin == area.__name__


def test_hooks_go_through_pluggy_and_each_result_names_its_plugin():
    class First:
        @hookimpl
        def register_interaction_model(self, locale):
            return {"intents": [], "from": locale}

    class Second:
        @hookimpl
        def register_interaction_model(self):
            return {"types": []}

    class Silent:
        @hookimpl
        def register_interaction_model(self, locale):
            return None

    class Watching:
        @hookimpl(wrapper=True)
        def register_interaction_model(self, locale):
            seen.append(locale)
            return (yield)

    seen = []
    pm = make_plugin_manager([First(), Second(), Silent(), Watching()], blocked=[])
    traced = []
    pm.add_hookcall_monitoring(lambda name, impls, kwargs: traced.append(name), lambda *a: None)
    results = call_each(pm, "register_interaction_model", locale="en-GB")
    assert results == [("First", {"intents": [], "from": "en-GB"}), ("Second", {"types": []})]
    assert seen == ["en-GB"] * 3 and traced == ["register_interaction_model"] * 3


def test_building_the_skill_asks_every_hook_through_pluggy(monkeypatch):
    import plugins.records

    traced = []
    make = make_plugin_manager

    def traced_manager(*args, **kwargs):
        pm = make(*args, **kwargs)
        pm.add_hookcall_monitoring(lambda name, impls, kw: traced.append(name), lambda *a: None)
        return pm

    monkeypatch.setattr("skill.runtime.make_plugin_manager", traced_manager)
    runtime = build(plugins.records)
    assert runtime.menu.by_name["records"] is plugins.records.register_area()
    assert {"register_area", "register_handlers"} <= set(traced)


class MoreRecordsWords:
    """Adds a way to ask for the checklist, and a synonym for imaging scans."""

    @hookimpl
    def register_interaction_model(self, locale):
        return {
            "intents": [
                {"name": "RecordsChecklistIntent", "samples": ["what paperwork should i collect"]}
            ],
            "types": [
                {
                    "name": "RECORD_KIND",
                    "values": [{"name": {"value": "imaging scans", "synonyms": ["radiographs"]}}],
                }
            ],
        }


def test_a_fragment_extends_an_intent_and_a_slot_type_the_model_has():
    import plugins.records

    alexa = Conversation(
        settings=Settings(
            verify=False, store="memory", plugins=[plugins.records, MoreRecordsWords()]
        )
    )
    scans = next(v for v in alexa.model.types["RECORD_KIND"].values if v.name == "imaging scans")
    assert "radiographs" in scans.synonyms and len(scans.synonyms) > 1
    r = alexa.say("what paperwork should i collect")
    assert r.intent == "RecordsChecklistIntent" and r.plugin == "records" and r.score == 1.0
    r = alexa.say("i have my radiographs")
    assert r.intent == "RecordGatheredIntent" and r.resolved["record"] == "imaging scans"
    plain = Conversation(settings=Settings(verify=False, store="memory", plugins=[plugins.records]))
    assert "radiographs" not in plain.model.types["RECORD_KIND"].values[0].synonyms
    assert plain.resolve("what paperwork should i collect").score < 1.0  # no such sample


def test_a_fragment_may_not_give_a_value_another_id():
    document = load_model("en-US").document
    clash = {
        "types": [
            {"name": "RECORD_KIND", "values": [{"id": "x", "name": {"value": "imaging scans"}}]}
        ]
    }
    with pytest.raises(ModelError, match="imaging scans"):
        merge(document, [("rogue", clash)])


def test_a_blocked_areas_intents_leave_the_exported_model(capsys, monkeypatch):
    def exported():
        assert main(["model", "export"]) == 0
        language = json.loads(capsys.readouterr().out)["interactionModel"]["languageModel"]
        return {intent["name"] for intent in language["intents"]}

    monkeypatch.delenv("SECOND_OPINION_DISABLE_PLUGINS", raising=False)
    everything = exported()
    monkeypatch.setenv("SECOND_OPINION_DISABLE_PLUGINS", "records")
    without_records = exported()
    assert {"RecordsChecklistIntent", "RecordGatheredIntent"} <= everything - without_records
    assert {"FindSpecialistIntent", "AMAZON.HelpIntent", "EmergencyIntent"} <= without_records


def test_what_do_you_remember_names_an_area_that_keeps_state_without_its_own_words(write_area):
    area = write_area(extra=WITH_MODEL)
    alexa = Conversation(settings=Settings(verify=False, store="memory", plugins=[area]))
    alexa.launch()
    alexa.say("do i need a notebook")
    r = alexa.say("what do you remember about me")
    assert r.plugin == "core" and "sorry" not in r.speech.lower()
    assert "your progress with bringing a notebook" in r.speech


def test_the_installed_example_keeps_the_contract(installed_example, capsys):
    import example_area

    check_plugin(example_area, name="second_opinion_companion")
    assert main(["plugins", "--check", "second_opinion_companion"]) == 0
    assert "second_opinion_companion: keeps the host's contract" in capsys.readouterr().out


def test_installed_without_its_locale_files_the_area_is_refused_with_the_fix(
    tmp_path, monkeypatch, capsys
):
    """The README's old snippet: no package data, so pip installs the code and no strings."""
    source = tmp_path / "src"
    # Renamed, so strings an earlier test read for the example are not taken for these.
    shutil.copytree(EXAMPLE / "example_area", source / "bare_area")
    shutil.copy(EXAMPLE / "pyproject.toml", source)
    for path in [source / "pyproject.toml", *(source / "bare_area").glob("*.py")]:
        path.write_text(path.read_text().replace("example_area", "bare_area"))
    pyproject = source / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().split("# Without this")[0])
    pip_install(source, tmp_path / "site")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    importlib.invalidate_caches()
    monkeypatch.delenv("SECOND_OPINION_DISABLE_PLUGINS", raising=False)
    try:
        assert main(["plugins", "--check", "second_opinion_companion"]) == 1
        err = capsys.readouterr().err
        assert "no locale files for en-US were installed" in err
        assert 'bare_area = ["locale/*.json"]' in err
        with pytest.raises(PluginContractError, match="package-data"):
            SkillRuntime(Settings(verify=False, store="memory"))
        # Every command that builds the skill refuses to start, saying why, without a traceback.
        assert main(["plugins"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: plugin 'second_opinion_companion'") and "Traceback" not in err
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "bare_area"]:
            del sys.modules[name]


def test_checking_a_plugin_that_is_not_installed_says_what_is(capsys):
    assert main(["plugins", "--check", "no_such_area"]) == 1
    err = capsys.readouterr().err
    assert "no plugin 'no_such_area' is installed" in err and "records" in err
