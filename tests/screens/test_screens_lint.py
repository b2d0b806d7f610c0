"""The simulator's lint catches a broken screen, and what the user said on one."""

import copy
import json

import pytest

from skill.simulator.lint import lint


@pytest.fixture(scope="module")
def shown():
    """A real answer with a screen: its request and response envelopes."""
    from skill.settings import Settings
    from skill.simulator import Conversation

    c = Conversation(device="screen", settings=Settings(verify=False, store="memory"), seed="l")
    c.launch()
    r = c.say("what records do i need")
    return r.request, r.response


def rules(response, request) -> set[str]:
    return {p.rule for p in lint(response, request_type="IntentRequest", request=request)}


def document_of(response) -> dict:
    (directive,) = response["response"]["directives"]
    return directive


def test_a_real_screen_passes(shown):
    request, response = shown
    assert not {rule for rule in rules(response, request) if rule.startswith("apl")}


@pytest.mark.parametrize(
    "break_it, rule",
    [
        (lambda d: d.pop("token"), "apl-token"),
        (lambda d: d.update(token=""), "apl-token"),
        (lambda d: d["document"].update(type="HTML"), "apl-invalid"),
        (lambda d: d["document"].pop("mainTemplate"), "apl-invalid"),
        (lambda d: d["document"].pop("version"), "apl-invalid"),
        (lambda d: d["document"]["layouts"].pop("TickRow"), "apl-invalid"),
        (
            lambda d: d["document"]["layouts"]["TickRow"]["item"].update(
                onPress=[{"type": "Telepathy"}]
            ),
            "apl-invalid",
        ),
        (
            lambda d: d["document"]["layouts"]["TickRow"]["item"].update(
                onPress=[{"type": "SendEvent", "arguments": 3}]
            ),
            "apl-invalid",
        ),
        (lambda d: d["datasources"]["screen"].update(padding="x" * 30_000), "response-too-large"),
    ],
)
def test_the_lint_catches_a_broken_document(shown, break_it, rule):
    request, response = copy.deepcopy(shown)
    break_it(document_of(response))
    assert rule in rules(response, request)


def test_the_lint_catches_a_screen_sent_to_a_speaker(shown):
    request, response = copy.deepcopy(shown)
    request["context"]["System"]["device"]["supportedInterfaces"] = {"AudioPlayer": {}}
    assert "apl-unsupported" in rules(response, request)


def test_the_lint_catches_what_the_user_said_on_the_screen(shown):
    request, response = copy.deepcopy(shown)
    request["request"]["intent"] = {
        "name": "RecordGatheredIntent",
        "slots": {"record": {"name": "record", "value": "my knee brace papers"}},
    }
    assert "apl-health-data" not in rules(response, request)
    document_of(response)["datasources"]["screen"]["title"] = "Your My Knee Brace Papers"
    assert "apl-health-data" in rules(response, request)


def test_a_catalogue_match_may_be_named_on_the_screen(shown):
    request, response = copy.deepcopy(shown)
    match = {"status": {"code": "ER_SUCCESS_MATCH"}, "values": [{"value": {"name": "x"}}]}
    request["request"]["intent"] = {
        "name": "RecordGatheredIntent",
        "slots": {
            "record": {
                "name": "record",
                "value": "imaging scans",
                "resolutions": {"resolutionsPerAuthority": [match]},
            }
        },
    }
    assert "imaging scans" in json.dumps(document_of(response)["datasources"]).lower()
    assert "apl-health-data" not in rules(response, request)


def test_what_the_user_said_never_reaches_the_screen(talk):
    c = talk()
    c.launch()
    for said in ("i have my knee brace papers", "tell me about my tumour board letter"):
        r = c.say(said)  # the lint (on in conversations) checks the screen's data sources
        assert r.apl is not None
        shown = json.dumps(r.apl["datasources"]).lower()
        assert "knee brace" not in shown and "tumour board" not in shown


@pytest.mark.parametrize(
    "said",
    [
        "how do i find a specialist for my breast cancer",
        "what records do i need for my back surgery",
        "my doctor wants me to have back surgery",
        "will insurance cover a second opinion for my knee replacement",
        "i was diagnosed with multiple sclerosis",
    ],
)
def test_a_condition_or_procedure_the_user_names_is_never_on_the_screen(talk, said):
    c = talk()
    c.launch()
    r = c.say(said)
    named = [r.slots.get(slot) for slot in ("condition", "procedure") if slot in r.slots]
    named += [r.resolved.get(slot) for slot in ("condition", "procedure") if slot in r.resolved]
    assert named, f"{said!r} no longer fills a condition or procedure slot"
    shown = json.dumps(r.apl["datasources"]).lower()
    assert not [words for words in named if words.lower() in shown]
