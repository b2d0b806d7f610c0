"""Delete my data, what do you remember about me, and the skill-disabled event."""

import json
from pathlib import Path

import pytest

from skill.persistence.sqlite import SqliteStore
from skill.privacy.intents import DELETE_MY_DATA, WHAT_DO_YOU_REMEMBER
from skill.simulator import Conversation

MODEL = Path(__file__).resolve().parents[2] / "interaction_models" / "en-US.json"


def stored(alexa) -> dict:
    with SqliteStore(alexa.settings.db_path) as store:
        return store.load(store.key_for_user(alexa.user_id))


def skill_disabled(alexa) -> dict:
    """The event Alexa sends, outside any session, when this user disables the skill."""
    event = {
        "version": "1.0",
        "context": {
            "System": {
                "application": {"applicationId": "amzn1.ask.skill.test"},
                "user": {"userId": alexa.user_id},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "type": "AlexaSkillEvent.SkillDisabled",
            "requestId": "amzn1.echo-api.request.disabled",
            "timestamp": "2026-11-26T00:00:00Z",
            "eventCreationTime": "2026-11-26T00:00:00Z",
            "eventPublishingTime": "2026-11-26T00:00:01Z",
            "body": {"userInformationPersistenceStatus": "NOT_PERSISTED"},
        },
    }
    delivery = alexa.target.send(event)
    assert delivery.plugin == "core"
    return delivery.envelope


def test_delete_asks_first_and_no_keeps_everything(alexa):
    alexa.launch()
    alexa.say("i have my test results")
    r = alexa.say("delete my data")
    assert r.plugin == "core" and r.intent == DELETE_MY_DATA
    assert "can't be undone" in r.speech and r.speech.endswith("?") and r.reprompt
    r = alexa.say("no")
    assert "haven't deleted anything" in r.speech and r.speech.endswith("?")
    assert stored(alexa)["records"] == {"gathered": ["test_results"]}


def test_forget_me_then_yes_erases_and_says_so(alexa):
    alexa.launch()
    alexa.say("i got my imaging scans")
    alexa.say("forget me")
    r = alexa.say("yes")
    assert r.plugin == "core"
    assert "start fresh" in r.speech and r.speech.endswith("?")
    assert stored(alexa) == {}
    r = alexa.say("what am i still missing")
    assert "all 9 are still to gather" in r.speech  # forgotten in this session too
    r = alexa.launch()
    assert "not medical advice" in r.speech  # a new session: a first visit again


def test_what_do_you_remember_reads_back_records_and_the_disclaimer(alexa):
    alexa.launch()
    alexa.say("i have my test results")
    alexa.say("i got my biopsy report")
    alexa.launch()  # a new session reads it from the store
    r = alexa.say("what do you remember about me")
    assert r.plugin == "core" and r.intent == WHAT_DO_YOU_REMEMBER
    assert "for getting your records, that you have test results and pathology reports" in (
        r.speech
    )
    assert "heard my note about medical advice" in r.speech
    assert "never keep a diagnosis" in r.speech and "say delete my data" in r.speech
    assert "biopsy" not in r.speech  # names from the catalogue, not what was said
    assert r.speech.endswith("?") and r.reprompt


def test_what_do_you_remember_on_a_first_visit(alexa):
    r = alexa.say("what do you remember about me")
    assert "haven't saved anything" in r.speech


def test_skill_disabled_erases_the_users_data(alexa):
    alexa.launch()
    alexa.say("i have my test results")
    assert stored(alexa)
    response = skill_disabled(alexa)
    assert "outputSpeech" not in response["response"]
    assert stored(alexa) == {}


@pytest.fixture
def memory_alexa(request):
    from skill.settings import Settings

    return Conversation(settings=Settings(verify=False, store="memory"), seed=request.node.nodeid)


def test_without_a_store_the_skill_says_it_keeps_nothing(memory_alexa):
    memory_alexa.launch()
    memory_alexa.say("i have my test results")
    r = memory_alexa.say("what do you remember")
    assert "don't save anything once our conversation ends" in r.speech
    assert "test results" in r.speech
    memory_alexa.say("delete my data")
    r = memory_alexa.say("yes")
    assert "start fresh" in r.speech
    r = memory_alexa.say("what do you remember")
    assert "not holding anything" in r.speech


def test_skill_disabled_without_a_store_is_acknowledged(memory_alexa):
    assert skill_disabled(memory_alexa)["response"] == {}


@pytest.mark.parametrize("intent", [DELETE_MY_DATA, WHAT_DO_YOU_REMEMBER])
def test_privacy_intents_have_at_least_twenty_varied_samples(intent):
    language = json.loads(MODEL.read_text())["interactionModel"]["languageModel"]
    samples = next(i["samples"] for i in language["intents"] if i["name"] == intent)
    assert len(samples) >= 20 and len(set(samples)) == len(samples)


def test_a_cleared_checklist_is_not_read_back_as_progress(alexa):
    alexa.launch()
    alexa.say("i have my test results")
    alexa.say("clear my checklist")
    alexa.say("yes")
    assert stored(alexa)["records"] == {"gathered": []}
    r = alexa.say("what do you remember about me")
    assert "for getting your records" not in r.speech and "test results" not in r.speech
    assert "last talked about getting your records" in r.speech  # where they left off is kept
    assert "heard my note about medical advice" in r.speech
