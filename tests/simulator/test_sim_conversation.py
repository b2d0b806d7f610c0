"""The conversation driver: envelopes as Alexa sends them, sessions carried and ended."""

import pytest

from skill.simulator import Conversation, LintError, UnknownIntent


def test_launch_opens_a_session_with_alexas_envelope(sim):
    turn = sim.launch()
    envelope = turn.request
    assert envelope["version"] == "1.0"
    session, system = envelope["session"], envelope["context"]["System"]
    assert session["new"] is True and "attributes" not in session
    assert session["sessionId"].startswith("amzn1.echo-api.session.")
    assert session["application"] == system["application"]
    assert session["user"]["userId"] == system["user"]["userId"] == sim.user_id
    assert system["device"]["supportedInterfaces"] == {"AudioPlayer": {}}
    assert "Viewport" not in envelope["context"]
    request = envelope["request"]
    assert request["type"] == "LaunchRequest"
    assert request["requestId"].startswith("amzn1.echo-api.request.")
    assert request["timestamp"].endswith("Z") and request["locale"] == "en-US"
    assert turn.plugin == "core" and turn.reprompt and turn.should_end_session is False
    assert sim.session_open


def test_screen_device_reports_apl_and_a_viewport(sim_settings):
    turn = Conversation(device="screen", settings=sim_settings).launch()
    context = turn.request["context"]
    assert "Alexa.Presentation.APL" in context["System"]["device"]["supportedInterfaces"]
    assert context["Viewport"]["pixelWidth"] > 0


def test_unknown_device_is_refused():
    with pytest.raises(ValueError, match="device"):
        Conversation(device="toaster")


def test_session_attributes_carry_to_the_next_turn(sim):
    sim.launch()
    first = sim.say("tell me about imaging scans")
    assert "That makes 1 topics" in first.speech
    second = sim.say("explain biopsy results")
    assert "That makes 2 topics" in second.speech
    sent = second.request["session"]
    assert sent["new"] is False
    assert sent["attributes"] == first.session_attributes
    assert second.session_attributes["memory"]["sim"]["topics"] == [
        "imaging scans",
        "pathology report",
    ]
    assert first.request["session"]["sessionId"] == sent["sessionId"]


def test_custom_slot_carries_entity_resolution_as_alexa_shapes_it(sim):
    turn = sim.say("tell me about MRI scans")
    slot = turn.request["request"]["intent"]["slots"]["topic"]
    assert slot["value"] == "mri scans" and slot["confirmationStatus"] == "NONE"
    (authority,) = slot["resolutions"]["resolutionsPerAuthority"]
    assert authority["authority"] == (
        f"amzn1.er-authority.echo-sdk.{turn.request['session']['application']['applicationId']}"
        ".TOPIC"
    )
    assert authority["status"] == {"code": "ER_SUCCESS_MATCH"}
    assert authority["values"] == [{"value": {"name": "imaging scans", "id": "IMAGING"}}]
    assert "catalogue id IMAGING" in turn.speech
    assert turn.slots == {"topic": "mri scans"} and turn.resolved == {"topic": "imaging scans"}


def test_unmatched_custom_value_is_er_success_no_match(sim):
    turn = sim.say("tell me about genetic counselling")
    slot = turn.request["request"]["intent"]["slots"]["topic"]
    (authority,) = slot["resolutions"]["resolutionsPerAuthority"]
    assert authority["status"] == {"code": "ER_SUCCESS_NO_MATCH"} and "values" not in authority
    assert "About genetic counselling, catalogue id none" in turn.speech


def test_declared_but_unfilled_slots_are_sent_empty(sim):
    turn = sim.say("I have seen many doctors")
    assert turn.intent == "CountIntent"
    assert turn.request["request"]["intent"]["slots"]["count"] == {
        "name": "count",
        "confirmationStatus": "NONE",
    }


def test_number_slot_arrives_as_digits_and_dialog_state_is_sent(sim):
    turn = sim.say("I have seen twenty one doctors")
    assert turn.request["request"]["intent"]["slots"]["count"]["value"] == "21"
    assert turn.request["request"]["dialogState"] == "STARTED"
    assert "seen 21 doctors" in turn.speech


def test_intent_fills_entity_resolution_like_say(sim):
    said = sim.say("tell me about x-rays")
    sent = sim.intent("TopicIntent", topic="x-rays")
    assert sent.score == 1.0 and sent.utterance is None
    assert sent.resolved == said.resolved == {"topic": "imaging scans"}
    said_slot = said.request["request"]["intent"]["slots"]["topic"]["resolutions"]
    sent_slot = sent.request["request"]["intent"]["slots"]["topic"]["resolutions"]
    assert said_slot == sent_slot
    assert sim.intent("CountIntent", count="seven").slots == {"count": "7"}
    assert sim.intent("CountIntent", count=7).slots == {"count": "7"}


def test_intent_names_must_exist(sim):
    with pytest.raises(UnknownIntent):
        sim.intent("NoSuchIntent")
    with pytest.raises(UnknownIntent):
        sim.intent("TopicIntent", colour="blue")
    with pytest.raises(ValueError):
        sim.intent("CountIntent", count="lots")


def test_one_shot_opens_a_new_session(sim):
    turn = sim.say("ask second opinion guide what should I bring to my appointment")
    assert turn.intent == "ChecklistIntent" and turn.score == 1.0
    assert turn.request["session"]["new"] is True
    assert turn.card == {
        "type": "Simple",
        "title": "Checklist",
        "content": "Records; questions for the doctor.",
    }


def test_open_phrase_launches(sim):
    turn = sim.say("Alexa, open second opinion guide")
    assert turn.request_type == "LaunchRequest" and turn.utterance.startswith("Alexa")


def test_ending_response_closes_session_and_next_turn_starts_fresh(sim):
    sim.launch()
    first_id = sim.session.id
    sim.say("tell me about scans")
    turn = sim.say("is it safe to wait a few weeks")
    assert turn.should_end_session is True and not sim.session_open
    assert sim.session_attributes == {}
    after = sim.say("tell me about scans")
    assert after.request["session"]["new"] is True
    assert after.request["session"]["sessionId"] != first_id
    assert "attributes" not in after.request["session"]
    assert "That makes 1 topics" in after.speech


def test_stop_is_stop_intent_and_closes_the_session(sim):
    sim.launch()
    turn = sim.say("stop")
    assert turn.intent == "AMAZON.StopIntent" and turn.should_end_session is True
    assert not sim.session_open


@pytest.mark.parametrize("word", ["exit", "quit", "Alexa, exit"])
def test_exit_sends_session_ended_request(sim, word):
    sim.launch()
    sim.say("tell me about scans")
    turn = sim.say(word)
    request = turn.request["request"]
    assert (request["type"], request["reason"]) == ("SessionEndedRequest", "USER_INITIATED")
    assert turn.request["session"]["attributes"]["memory"]["sim"]["topics"] == ["imaging scans"]
    assert turn.speech == "" and not sim.session_open


def test_exit_without_a_session_sends_nothing(sim):
    turn = sim.say("exit")
    assert turn.request is None and turn.request_type is None
    assert sim.history == []


def test_end_closes_an_open_session(sim):
    sim.launch()
    turn = sim.end()
    assert turn.request["request"]["type"] == "SessionEndedRequest"
    assert not sim.session_open
    assert sim.end().request is None


def test_fallback_keeps_the_session_and_names_the_area(sim):
    sim.launch()
    turn = sim.say("purple monkey dishwasher")
    assert turn.intent == "AMAZON.FallbackIntent" and turn.score < 0.45
    assert "sample topics" in turn.speech and turn.reprompt and sim.session_open


def test_fragment_intent_from_plugin_is_heard(sim):
    turn = sim.say("ask the fragment question")
    assert (turn.intent, turn.plugin) == ("FragmentIntent", "sim")


def test_lint_raises_on_a_broken_response_and_names_the_rule(sim):
    sim.launch()
    with pytest.raises(LintError) as caught:
        sim.say("give me the broken answer")
    rules = {problem.rule for problem in caught.value.problems}
    assert rules == {"open-no-reprompt", "open-no-question"}
    assert caught.value.rule in rules and "open-no" in str(caught.value)
    assert sim.history[-1].intent == "BadAnswerIntent"


def test_lint_can_be_turned_off(sim_settings):
    conversation = Conversation(settings=sim_settings, lint=False)
    turn = conversation.say("give me the broken answer")
    assert {p.rule for p in turn.problems} == {"open-no-reprompt", "open-no-question"}


def test_same_seed_same_conversation(sim_settings):
    def run():
        conversation = Conversation(settings=sim_settings, seed="repeat")
        conversation.launch()
        conversation.say("tell me about scans")
        return conversation.transcript(), conversation.history[-1].request["request"]["requestId"]

    assert run() == run()


def test_transcript_records_follow_the_json_contract(sim):
    sim.launch()
    sim.say("explain biopsy results")
    launch, topic = sim.transcript()
    assert list(topic) == [
        "utterance",
        "request_type",
        "intent",
        "slots",
        "score",
        "plugin",
        "speech",
        "ssml",
        "reprompt",
        "should_end_session",
        "card",
        "apl",
    ]
    assert launch["request_type"] == "LaunchRequest" and launch["intent"] is None
    assert topic["slots"] == {"topic": {"value": "biopsy results", "resolved": "pathology report"}}
    assert topic["ssml"].startswith("<speak>") and not topic["speech"].startswith("<")


def test_package_exports_every_public_name():
    import skill.simulator as simulator

    assert all(getattr(simulator, name) for name in simulator.__all__)
    with pytest.raises(AttributeError):
        simulator.NoSuchThing  # noqa: B018
