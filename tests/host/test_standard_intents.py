"""The host's own answers: what every certified Alexa skill must handle."""

import logging

import pytest

from skill.settings import Settings
from skill.simulator import Conversation
from skill.simulator.model import load_model


def test_launch_welcomes_with_disclaimer_and_three_things_to_try(alexa):
    r = alexa.launch()
    assert r.plugin == "core"
    assert "Welcome to Second Opinion Guide" in r.speech
    assert "not medical advice" in r.speech
    assert r.speech.endswith("?") and r.reprompt
    # The three lowest-ranked areas are offered, no more.
    assert "should I get a second opinion" in r.speech
    assert "how do I tell my doctor" in r.speech
    assert "records" in r.speech
    assert "insurance" not in r.speech.lower()


def test_disclaimer_only_on_first_use(alexa):
    alexa.launch()
    alexa.say("stop")
    r = alexa.launch()
    assert "not medical advice" not in r.speech
    assert r.speech.endswith("?")


def test_help_at_the_top_names_three_areas_and_offers_the_rest(alexa):
    alexa.launch()
    r = alexa.say("help")
    assert r.intent == "AMAZON.HelpIntent" and r.plugin == "core"
    assert "records" in r.speech.lower() and "insurance" not in r.speech.lower()
    assert r.speech.endswith("Want to hear the rest?") and not r.should_end_session
    r = alexa.say("yes")
    assert r.plugin == "core"
    for words in ("insurance", "specialist", "two opinions"):
        assert words in r.speech.lower()
    assert "records" not in r.speech.lower() and r.speech.endswith("?")


def test_no_to_the_rest_of_help_offers_three_things_to_ask(alexa):
    alexa.launch()
    alexa.say("help")
    r = alexa.say("no")
    assert not r.should_end_session and "should I get a second opinion" in r.speech


def test_help_inside_an_area_is_about_that_area(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = alexa.say("help")
    assert r.plugin == "core"
    assert "record" in r.speech.lower()
    assert "insurance" not in r.speech.lower()
    assert "main menu" in r.reprompt


@pytest.mark.parametrize("words", ["stop", "cancel"])
def test_stop_and_cancel_close_the_session(alexa, words):
    alexa.launch()
    r = alexa.say(words)
    assert r.intent in ("AMAZON.StopIntent", "AMAZON.CancelIntent")
    assert r.should_end_session is True and not r.reprompt
    assert r.speech


def test_navigate_home_leaves_the_area(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = alexa.intent("AMAZON.NavigateHomeIntent")
    assert r.plugin == "core" and "area" not in r.session_attributes
    assert "list" not in r.session_attributes
    assert r.speech.endswith("?")


def test_fallback_names_what_the_skill_can_do(alexa):
    alexa.launch()
    r = alexa.intent("AMAZON.FallbackIntent")
    assert r.plugin == "core"
    assert "records" in r.speech.lower() and "and more" in r.speech
    assert r.speech.endswith("?") and r.reprompt


def test_repeat_says_the_last_answer_again(alexa):
    alexa.launch()
    first = alexa.say("how do i find a specialist")
    again = alexa.say("repeat that")
    assert again.intent == "AMAZON.RepeatIntent"
    assert again.ssml == first.ssml and again.reprompt == first.reprompt


def test_repeat_with_nothing_said_yet(alexa):
    r = alexa.intent("AMAZON.RepeatIntent")
    assert "nothing to repeat" in r.speech.lower()


def test_start_over_goes_back_to_the_menu(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = alexa.intent("AMAZON.StartOverIntent")
    assert r.plugin == "core"
    assert "memory" not in r.session_attributes and "area" not in r.session_attributes


def test_yes_goes_to_the_area_that_asked(alexa):
    alexa.launch()
    r = alexa.say("should i get a second opinion")
    assert r.plugin == "triggers" and r.session_attributes["question"]["area"] == "triggers"
    r = alexa.say("yes")
    assert r.plugin == "triggers"


def test_yes_to_nothing_gets_a_way_forward(alexa):
    alexa.launch()
    r = alexa.say("yes")
    assert r.plugin == "core" and r.speech.startswith("Sure.")
    assert r.speech.endswith("?") and not r.should_end_session


def test_yes_to_an_open_question_in_an_area_hears_that_areas_options(alexa):
    alexa.launch()
    alexa.intent("RecordsOverviewIntent")  # ends "Which would you like?"
    r = alexa.say("yes")
    assert r.plugin == "core" and r.speech.startswith("Sure.")
    assert "what records you need" in r.speech and r.speech.endswith("?")


def test_no_to_what_else_means_done(alexa):
    alexa.launch()
    alexa.say("how do i find a specialist")
    alexa.say("no")  # declines the specialist area's offer
    r = alexa.say("no")  # to "what else would you like to know?"
    assert r.plugin == "core" and r.should_end_session is True


def test_no_to_more_of_a_list_skips_to_the_areas_question(alexa):
    alexa.launch()
    r = alexa.say("what records do i need")
    question = r.session_attributes["question"]
    assert (question["area"], question["about"]) == ("core", "list_more")
    r = alexa.say("no")
    assert r.plugin == "core"
    assert r.session_attributes["list"]["pos"] == len(r.session_attributes["list"]["items"])
    assert r.speech.endswith("?")


def test_next_and_previous_page_through_a_list(alexa):
    alexa.launch()
    first = alexa.say("what records do i need")
    second = alexa.say("next")
    assert second.plugin == "core" and second.speech != first.speech
    back = alexa.say("go back")
    assert back.intent == "AMAZON.PreviousIntent"
    items = first.session_attributes["list"]["items"]
    assert back.session_attributes["list"]["start"] == 0
    assert items[0].split()[0] in back.speech


def test_what_else_with_no_list_open_names_the_areas(alexa):
    alexa.launch()
    r = alexa.say("next")
    assert r.plugin == "core"
    assert "insurance" in r.speech.lower() and r.speech.endswith("?")


def test_session_ended_request_gets_an_empty_answer(alexa):
    alexa.launch()
    r = alexa.end()
    assert r.request_type == "SessionEndedRequest"
    assert r.ssml == "" and r.plugin == "core"


def test_register_area_offers_each_area_at_launch_in_rank_order(alexa):
    from skill.runtime import SkillRuntime

    runtime = SkillRuntime(Settings(verify=False, store="memory"))
    names = [area.name for area in runtime.menu.areas]
    assert names[:3] == ["triggers", "communicating", "records"]
    assert set(names) == {
        "triggers",
        "communicating",
        "records",
        "insurance",
        "specialist",
        "outcomes",
    }


def test_unknown_intent_from_an_unloaded_area_is_answered_politely():
    settings = Settings(verify=False, store="memory", disabled_plugins=("records",))
    # A model deployed before the area was blocked still has its intents.
    alexa = Conversation(settings=settings, lint=True, model=load_model("en-US"))
    alexa.launch()
    r = alexa.intent("RecordsChecklistIntent")
    assert r.plugin == "core"
    assert "can't do that" in r.speech
    assert r.speech.endswith("?") and not r.should_end_session


def test_a_failure_outside_any_handler_is_an_apology_and_the_session_goes_on(
    alexa, monkeypatch, caplog
):
    import skill.safety

    alexa.launch()

    said = "i have " + "chest x-rays"  # only the exception's message carries these words

    def broken(handler_input):
        raise RuntimeError(said)

    monkeypatch.setattr(skill.safety, "classify", broken)
    r = alexa.say("what records do i need")
    assert r.plugin == "core"
    assert "sorry" in r.speech.lower() and r.speech.endswith("?")
    assert not r.should_end_session and r.reprompt
    assert "unhandled" in caplog.text and "RuntimeError" in caplog.text
    assert said not in caplog.text  # a message may hold what was said: never logged
    monkeypatch.undo()
    assert alexa.say("what records do i need").plugin == "records"


def test_one_info_line_per_request_names_the_plugin_not_what_was_said(alexa, caplog):
    alexa.launch()
    with caplog.at_level(logging.INFO, logger="skill"):
        r = alexa.say("i have my imaging scans")
    request_id = r.request["request"]["requestId"]
    lines = [rec.getMessage() for rec in caplog.records if rec.levelno == logging.INFO]
    assert f"{request_id} IntentRequest answered by records" in lines
    info = "\n".join(lines)
    assert "imaging" not in info and "RecordGatheredIntent" not in info
    assert alexa.user_id not in info


def test_a_first_time_users_one_shot_hears_the_disclaimer_once(alexa):
    first = alexa.say("how do i find a specialist")
    assert first.speech.startswith("General information, not medical advice.")
    alexa.end()
    assert "medical advice" not in alexa.say("what records do i need").speech


def test_the_disclaimer_never_stands_before_an_emergency_answer():
    turn = Conversation().say("my wife just collapsed")
    assert turn.plugin == "safety" and "medical advice" not in turn.speech
