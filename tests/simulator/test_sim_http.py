"""The same conversation in-process and against a running endpoint gives the same transcript."""

import pytest
from served import serve

from skill.simulator import Conversation, TransportError
from skill.simulator.transport import Http

SCRIPT = [
    ("launch", None),
    ("say", "tell me about MRI scans"),
    ("say", "I have seen twenty one doctors"),
    ("intent", ("TopicIntent", {"topic": "biopsy results"})),
    ("say", "purple monkey dishwasher"),
    ("say", "help"),
    ("say", "what should I bring to my appointment"),
    ("say", "exit"),
    ("say", "ask second opinion guide is it safe to wait a few weeks"),
]


@pytest.fixture(scope="module")
def endpoint(sim_settings):
    with serve(sim_settings) as url:
        yield url


def play(conversation):
    for action, argument in SCRIPT:
        if action == "launch":
            conversation.launch()
        elif action == "say":
            conversation.say(argument)
        else:
            name, slots = argument
            conversation.intent(name, **slots)
    return [
        {**turn.as_json(), "session_attributes": turn.session_attributes}
        for turn in conversation.history
    ]


def test_in_process_and_http_transcripts_match(sim_settings, endpoint):
    user = "amzn1.ask.account.SAMEUSER"
    local = play(Conversation(settings=sim_settings, seed="same", user_id=user))
    remote = play(Conversation(target=endpoint, settings=sim_settings, seed="same", user_id=user))
    assert remote == local
    assert [turn["plugin"] for turn in remote] == [
        "core", "sim", "sim", "sim", "core", "core", "sim", "core", "sim",
    ]  # fmt: skip
    assert remote[2]["slots"] == {"count": {"value": "21", "resolved": None}}


def test_http_refusal_is_a_transport_error_with_the_reason(endpoint):
    with pytest.raises(TransportError) as caught:
        Http(endpoint).send({"version": "1.0", "request": {"type": "LaunchRequest"}})
    assert caught.value.status == 400 and "requestId" in caught.value.reason


def test_unreachable_endpoint_is_a_transport_error():
    with pytest.raises(TransportError, match="cannot reach"):
        Http("http://127.0.0.1:9/alexa", timeout=2).send({"request": {}})


def test_target_must_be_an_http_url(sim_settings):
    with pytest.raises(ValueError, match="http"):
        Conversation(target="ftp://example.invalid/alexa", settings=sim_settings)
