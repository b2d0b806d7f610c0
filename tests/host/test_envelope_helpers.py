"""Requests the model can't produce, built by the simulator's EnvelopeBuilder for host tests."""

import pytest

from skill.runtime import SkillRuntime
from skill.settings import Settings
from skill.simulator.envelope import EnvelopeBuilder


@pytest.fixture(scope="module")
def runtime():
    return SkillRuntime(Settings(verify=False, store="memory"))


@pytest.fixture
def builder():
    return EnvelopeBuilder(seed="host")


def speech(reply) -> str:
    return reply.envelope["response"]["outputSpeech"]["ssml"]


def test_a_skill_event_has_no_session_and_is_answered_silently(runtime, builder):
    event = builder.request(
        None, "AlexaSkillEvent.SkillDisabled", body={"userInformationPersistenceStatus": "NOT"}
    )
    assert "session" not in event and event["request"]["type"] == "AlexaSkillEvent.SkillDisabled"
    reply = runtime.invoke(event)
    assert reply.plugin == "core" and "outputSpeech" not in reply.envelope["response"]


def test_an_intent_no_handler_knows_is_answered_politely(runtime, builder):
    session = builder.new_session()
    reply = runtime.invoke(builder.intent_named(session, "RetiredIntent", topic="costs"))
    assert reply.plugin == "core" and "can't do that" in speech(reply)
    assert reply.envelope["response"]["shouldEndSession"] is False


def test_an_intent_named_carries_its_slots_as_heard(builder):
    envelope = builder.intent_named(builder.new_session(), "AMAZON.HelpIntent", topic="costs")
    intent = envelope["request"]["intent"]
    assert intent["name"] == "AMAZON.HelpIntent"
    assert (
        intent["slots"]["topic"]["value"] == "costs"
        and "resolutions" not in intent["slots"]["topic"]
    )
    assert envelope["session"]["new"] is True
