"""Touches answer as the voice does: ticks, yes and no, more, and an area on the home screen."""

import pytest

from skill.screens.touch import USER_EVENT

TICK = ["records", "checklist", "toggle", "imaging_scans"]


def ticked(turn) -> list[str]:
    return [item["id"] for item in turn.apl["datasources"]["screen"]["items"] if item["ticked"]]


@pytest.mark.parametrize("device", ["screen", "round"])
def test_touching_an_item_ticks_it_and_touching_again_unticks_it(talk, device):
    c = talk(device)
    c.launch()
    c.say("what records do i need")
    r = c.touch(TICK)
    assert r.request_type == USER_EVENT and r.plugin == "records"
    assert r.request["request"]["token"] == "records.checklist"
    assert "imaging scans" in r.speech and r.speech.endswith("?") and r.reprompt
    assert ticked(r) == ["imaging_scans"]
    r = c.touch(TICK)
    assert ticked(r) == [] and "imaging scans" in r.speech
    assert r.apl["token"] == "records.checklist"


def test_a_tick_by_touch_is_the_same_tick_as_by_voice(talk):
    touched, spoken = talk(seed="twin"), talk(seed="twin")
    for c in (touched, spoken):
        c.launch()
        c.say("what records do i need")
    by_touch = touched.touch(TICK)
    by_voice = spoken.say("i have my imaging scans")
    assert by_touch.speech == by_voice.speech
    assert touched.say("what am i missing").speech == spoken.say("what am i missing").speech


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_touching_yes_or_no_answers_the_question_as_saying_it(talk, answer):
    touched, spoken = talk(seed="twin"), talk(seed="twin")
    for c in (touched, spoken):
        c.launch()
        asked = c.say("should i get a second opinion")
    assert asked.apl["token"] == "core.question"
    by_touch = touched.touch(["core", "question", answer])
    by_voice = spoken.say(answer)
    assert by_touch.speech == by_voice.speech and by_touch.plugin == by_voice.plugin
    assert by_touch.session_attributes.get("question") == by_voice.session_attributes.get(
        "question"
    )


def test_touching_more_reads_the_next_page(talk):
    touched, spoken = talk(seed="twin"), talk(seed="twin")
    for c in (touched, spoken):
        c.launch()
        c.say("will insurance cover a second opinion")
        page = c.say("yes")
    assert page.apl["token"] == "core.list"
    assert touched.touch(["core", "list", "more"]).speech == spoken.say("more").speech


def test_touching_an_area_at_home_steps_into_it(talk):
    c = talk()
    c.launch()
    r = c.touch(["core", "home", "open", "records"])
    assert r.plugin == "records" and r.session_attributes["area"] == "records"
    assert r.speech.endswith("?") and r.reprompt


def test_touching_without_a_screen_is_refused(talk):
    speaker = talk("speaker")
    speaker.launch()
    with pytest.raises(ValueError, match="no screen"):
        speaker.touch(TICK)
    with pytest.raises(ValueError, match="nothing is on the screen"):
        talk("screen").touch(TICK)


@pytest.mark.parametrize(
    "arguments",
    [
        TICK,  # records is blocked: a screen left from before
        ["records"],
        ["core", "home", "open", "records"],
        ["core", "home", "open"],
        ["nowhere", "checklist", "toggle"],
        [],
    ],
)
def test_a_touch_for_a_blocked_area_is_answered_gracefully(talk, screen_settings, arguments):
    c = talk(settings=screen_settings.with_(disabled_plugins=("records",)))
    c.launch()
    r = c.touch(arguments)
    assert r.plugin == "core" and not r.should_end_session
    assert "isn't available" in r.speech and r.speech.endswith("?")
    assert "records" not in [a["name"] for a in r.apl["datasources"]["screen"]["areas"]]


def test_a_touch_on_an_unknown_item_names_the_items_there_are(talk):
    c = talk()
    c.launch()
    c.say("what records do i need")
    r = c.touch(["records", "checklist", "toggle", "x-ray of my knee"])
    assert r.plugin == "records" and "test results" in r.speech
    assert ticked(r) == []


def test_the_checklist_offers_the_buttons_for_the_question_waiting(talk):
    touched, spoken = talk(seed="twin"), talk(seed="twin")
    for c in (touched, spoken):
        c.launch()
        page = c.say("what records do i need")
    screen = page.apl["datasources"]["screen"]
    assert screen["asking"] == "more" and screen["labels"]["more"] == "More"
    by_touch = touched.touch(["core", "list", "more"])
    assert by_touch.speech == spoken.say("more").speech
    assert by_touch.apl["token"] == "records.checklist"
    r = touched.touch(TICK)
    assert r.apl["datasources"]["screen"]["asking"] == "yes_no"  # "what's still missing?"


def test_a_goodbye_offers_no_buttons(talk):
    c = talk()
    c.launch()
    c.say("what records do i need")
    r = c.say("stop")
    assert r.should_end_session and r.apl["datasources"]["screen"]["asking"] == ""
