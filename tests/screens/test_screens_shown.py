"""Each screen appears with APL, and only with APL, fitted to the answer it goes with."""

import pytest

SCREENS = {
    "core.home": [],
    "records.checklist": ["what records do i need"],
    "core.question": ["should i get a second opinion"],
    "core.list": ["will insurance cover a second opinion", "yes"],
    "core.text": ["tell me about records"],
}


@pytest.mark.parametrize("token", SCREENS)
def test_each_screen_is_shown_on_a_screen_and_never_to_a_speaker(talk, token):
    screen, speaker = talk("screen"), talk("speaker")
    shown, heard = screen.launch(), speaker.launch()
    for utterance in SCREENS[token]:
        shown, heard = screen.say(utterance), speaker.say(utterance)
    assert shown.apl["token"] == token
    assert shown.apl["datasources"]["screen"]["footer"]
    assert heard.apl is None and not heard.directives
    assert heard.speech == shown.speech  # the screen adds to what is said, never changes it


@pytest.mark.parametrize("device", ["screen", "round", "tv"])
def test_every_device_with_a_screen_gets_the_home_screen_with_its_viewport(talk, device):
    r = talk(device).launch()
    assert r.request["context"]["Viewport"]["mode"] == ("TV" if device == "tv" else "HUB")
    areas = r.apl["datasources"]["screen"]["areas"]
    assert [area["name"] for area in areas][:3] == ["triggers", "communicating", "records"]
    assert all(area["title"] and area["hint"] for area in areas)


def test_the_checklist_shows_every_item_with_its_tick(talk):
    c = talk("screen")
    c.launch()
    c.say("i have my imaging scans")
    r = c.say("what records do i need")
    items = r.apl["datasources"]["screen"]["items"]
    assert len(items) == 9
    assert [item["id"] for item in items if item["ticked"]] == ["imaging_scans"]
    assert "1 of 9" in r.apl["datasources"]["screen"]["progress"]


def test_a_list_page_shows_its_three_items_and_more(talk):
    c = talk("screen")
    c.launch()
    c.say("will insurance cover a second opinion")
    r = c.say("yes")
    screen = r.apl["datasources"]["screen"]
    assert len(screen["items"]) == 3 and screen["more"] and screen["back"] == ""
    assert all(item in r.speech for item in screen["items"])
    r = c.say("more")
    if r.apl["token"] == "core.list":
        assert r.apl["datasources"]["screen"]["back"]


def test_a_long_answer_is_readable_text_with_the_disclaimer_in_the_footer(talk):
    c = talk("screen")
    c.launch()
    r = c.say("tell me about records")
    screen = r.apl["datasources"]["screen"]
    assert r.apl["token"] == "core.text"
    assert screen["text"] == r.speech
    assert "not medical advice" in screen["footer"]


def test_a_speakers_envelope_has_no_viewport_and_no_apl(talk):
    r = talk("speaker").launch()
    assert "Viewport" not in r.request["context"]
    assert (
        "Alexa.Presentation.APL"
        not in (r.request["context"]["System"]["device"]["supportedInterfaces"])
    )


def test_simulate_json_carries_the_screen(capsys):
    import json

    from skill.cli import main

    assert main(["simulate", "--json", "--screen", "--launch", "what records do i need"]) == 0
    launch, checklist = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert launch["apl"]["token"] == "core.home"
    assert checklist["apl"]["document"]["type"] == "APL"
    assert checklist["apl"]["datasources"]["screen"]["items"]
    assert main(["simulate", "--json", "--launch", "what records do i need"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["apl"] for line in lines] == [None, None]


@pytest.mark.parametrize(
    "device, profile",
    [
        ("screen", "HUB_LANDSCAPE_MEDIUM"),
        ("round", "HUB_ROUND_SMALL"),
        ("tv", "TV_LANDSCAPE_XLARGE"),
    ],
)
def test_each_device_sends_the_viewport_of_its_profile(device, profile):
    import json

    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_core.utils.viewport import get_viewport_profile
    from ask_sdk_model import RequestEnvelope

    from skill.simulator.envelope import EnvelopeBuilder, Session

    envelope = EnvelopeBuilder(device=device).launch(Session(id="s"))
    parsed = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    assert get_viewport_profile(parsed).name == profile


def test_an_emergency_shows_what_to_do_on_the_screen_too(talk):
    c = talk()
    c.launch()
    r = c.say("i think i am having a heart attack")
    assert r.plugin == "safety" and r.apl["token"] == "core.text"
    assert "911" in r.apl["datasources"]["screen"]["text"]
