"""Plugins come and go without touching the host: failures, block lists, pip installs."""

import logging

import plugins.records
import plugins.triggers
from skill import hookimpl
from skill.area import AreaHandler
from skill.plugin_manager import make_plugin_manager
from skill.runtime import SkillRuntime
from skill.settings import Settings
from skill.simulator import Conversation


class BrokenRecords:
    """Claims the records checklist ahead of the real area, then fails."""

    class Handler(AreaHandler):
        intents = ("RecordsChecklistIntent",)

        def answer(self, turn):
            raise RuntimeError("the checklist database is gone")

    @hookimpl
    def register_handlers(self):
        return [self.Handler(plugins.records.AREA)]


class BrokenCanHandle:
    """Fails while deciding whether it can handle the records checklist."""

    class Handler(AreaHandler):
        intents = ("RecordsChecklistIntent",)

        def can_handle(self, handler_input):
            raise KeyError("boom")

    @hookimpl
    def register_handlers(self):
        return [self.Handler(plugins.records.AREA)]


def talk(*plugin_list, **settings):
    return Conversation(
        settings=Settings(verify=False, store="memory", plugins=list(plugin_list), **settings)
    )


def test_a_failing_plugin_apologises_and_the_others_keep_working(caplog):
    alexa = talk(BrokenRecords(), plugins.triggers, plugins.records)
    alexa.launch()
    with caplog.at_level(logging.INFO):
        r = alexa.say("what records do i need")
    assert r.plugin == "BrokenRecords"
    assert "sorry" in r.speech.lower() and r.speech.endswith("?")
    assert not r.should_end_session and r.reprompt
    failure = [rec for rec in caplog.records if rec.levelno == logging.ERROR]
    assert failure and alexa.history[-1].request["request"]["requestId"] in failure[0].getMessage()
    assert "records do i need" not in caplog.text.lower()
    # The session is still usable, and other areas still answer.
    r = alexa.say("should i get a second opinion")
    assert r.plugin == "triggers" and r.speech.endswith("?")


def test_a_plugin_failing_in_can_handle_is_skipped(caplog):
    alexa = talk(BrokenCanHandle(), plugins.triggers, plugins.records)
    alexa.launch()
    with caplog.at_level(logging.ERROR):
        r = alexa.say("what records do i need")
    assert r.plugin == "records"
    assert "BrokenCanHandle" in caplog.text


def test_a_blocked_plugin_is_gone_and_the_rest_answer(monkeypatch):
    monkeypatch.setenv("SECOND_OPINION_DISABLE_PLUGINS", "records,insurance")
    alexa = Conversation(settings=Settings.from_env(verify=False, store="memory"))
    # Its intents left the model too, so Alexa never routes anyone to it.
    assert "RecordsChecklistIntent" not in alexa.model.intents
    assert "InsuranceOverviewIntent" not in alexa.model.intents
    r = alexa.launch()
    assert "records" not in r.speech.lower()
    r = alexa.say("what records do i need")
    assert r.plugin not in ("records", "insurance") and r.speech.endswith("?")
    r = alexa.say("how do i find a specialist")
    assert r.plugin == "specialist"


def test_a_pip_installed_plugin_adds_an_area_with_no_core_change(installed_example):
    pm = make_plugin_manager(blocked=[])
    assert pm.get_plugin("second_opinion_companion") is not None
    runtime = SkillRuntime(Settings(verify=False, store="memory"))
    assert "second_opinion_companion" in runtime.menu.by_name
    alexa = Conversation(target=runtime, settings=runtime.settings)
    alexa.launch()
    # Its intent comes from register_interaction_model, merged into the en-US model.
    r = alexa.say("can i bring someone with me")
    assert r.intent == "BringSomeoneIntent" and r.plugin == "second_opinion_companion"
    assert "take notes" in r.speech
    # The built-in areas are untouched.
    assert alexa.say("what records do i need").plugin == "records"


class PointsToRecords:
    """Answers the insurance overview by pointing to the records area, if it is loaded."""

    class Handler(AreaHandler):
        intents = ("InsuranceOverviewIntent",)

        def answer(self, turn):
            pointer = turn.example_of("records")
            return turn.ask(f"Try: {pointer}?" if pointer else "Nothing to point to?", "Well?")

    @hookimpl
    def register_handlers(self):
        return [self.Handler(plugins.records.AREA)]


def test_an_area_points_to_another_only_while_it_is_loaded():
    with_records = talk(PointsToRecords(), plugins.records)
    with_records.launch()  # the welcome says the disclaimer, so the answer is the area's alone
    assert with_records.intent("InsuranceOverviewIntent").speech == "Try: what records do I need?"
    without = talk(PointsToRecords(), plugins.records, disabled_plugins=("records",))
    without.launch()
    assert without.intent("InsuranceOverviewIntent").speech == "Nothing to point to?"


class PlainTextAnswer:
    """Answers with plain text rather than SSML, as an SDK handler may."""

    class Handler(AreaHandler):
        intents = ("InsuranceOverviewIntent",)

        def answer(self, turn):
            from ask_sdk_model.ui import PlainTextOutputSpeech, Reprompt

            response = turn.handler_input.response_builder.response
            response.output_speech = PlainTextOutputSpeech(text="Costs & cover vary. More?")
            response.reprompt = Reprompt(output_speech=PlainTextOutputSpeech(text="More?"))
            response.should_end_session = False
            return response

    @hookimpl
    def register_handlers(self):
        return [self.Handler(plugins.records.AREA)]


def test_a_plain_text_answer_is_kept_and_can_be_repeated():
    alexa = talk(PlainTextAnswer(), plugins.records)
    first = alexa.intent("InsuranceOverviewIntent")
    # A first-time user's first answer also carries the disclaimer, in SSML, escaped.
    assert first.plugin == "PlainTextAnswer" and first.speech.endswith("Costs & cover vary. More?")
    assert "Costs &amp; cover" in first.ssml
    again = alexa.say("repeat that")
    assert again.speech == "Costs & cover vary. More?" and again.reprompt == "More?"
