"""The response lint: each rule catches what it names, and a good answer passes."""

import pytest

from skill.simulator.lint import LintError, Problem, lint


def response(ssml="<speak>What would you like to know?</speak>", reprompt="<speak>Well?</speak>",
             end=False, card=None):  # fmt: skip
    body = {"outputSpeech": {"type": "SSML", "ssml": ssml}, "shouldEndSession": end}
    if reprompt is not None:
        body["reprompt"] = {"outputSpeech": {"type": "SSML", "ssml": reprompt}}
    if card is not None:
        body["card"] = card
    return {"version": "1.0", "response": body}


def rules(envelope, request_type="IntentRequest", intent="SomeIntent"):
    return {p.rule for p in lint(envelope, request_type=request_type, intent=intent)}


def test_a_good_answer_passes():
    assert rules(response()) == set()
    assert rules(response("<speak>Goodbye.</speak>", reprompt=None, end=True)) == set()


def test_open_session_needs_a_reprompt_and_a_question():
    assert rules(response("<speak>Here you go.</speak>", reprompt=None)) == {
        "open-no-reprompt",
        "open-no-question",
    }


def test_help_must_keep_the_session_open():
    closed = response("<speak>Ask me things.</speak>", reprompt=None, end=True)
    assert rules(closed, intent="AMAZON.HelpIntent") == {"help-closes"}


@pytest.mark.parametrize("intent", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
def test_stop_and_cancel_must_close(intent):
    assert "stop-stays-open" in rules(response(), intent=intent)


def test_speech_over_8000_characters():
    long = "<speak>" + "word " * 1700 + "ok?</speak>"
    assert rules(response(long)) == {"speech-too-long"}


@pytest.mark.parametrize(
    ("ssml", "rule"),
    [
        ("<speak>Unclosed <break time='1s'> tag?</speak>", "ssml-malformed"),
        ("Not wrapped at all?", "ssml-malformed"),
        ("<speak>Bold <b>claim</b>?</speak>", "ssml-tag"),
        ("<speak>Tom &amp Jerry?</speak>", "ssml-malformed"),
    ],
)
def test_ssml_must_be_well_formed_with_alexa_tags(ssml, rule):
    assert rule in rules(response(ssml))


def test_alexa_tags_pass():
    ssml = (
        '<speak><amazon:emotion name="excited" intensity="low">Hi</amazon:emotion> '
        '<say-as interpret-as="telephone">988</say-as><break time="400ms"/>'
        '<prosody rate="slow">Ready?</prosody></speak>'
    )
    assert rules(response(ssml)) == set()


def test_nothing_empty():
    assert "speech-empty" in rules(response("<speak> </speak>"))
    assert "reprompt-empty" in rules(response(reprompt="<speak></speak>"))
    card = {"type": "Simple", "title": "", "content": "text"}
    assert "card-empty" in rules(response(card=card))


def test_session_ended_answer_must_be_silent():
    silent = {"version": "1.0", "response": {}}
    assert rules(silent, "SessionEndedRequest", None) == set()
    assert rules(response(), "SessionEndedRequest", None) == {"session-ended-silent"}


def test_lint_error_is_an_assertion_naming_the_rule():
    error = LintError([Problem("open-no-question", "ends 'x'")], utterance="hello")
    assert isinstance(error, AssertionError)
    assert error.rule == "open-no-question" and "hello" in str(error)
