"""Name-free interaction: CanFulfillIntentRequest answered without speech, and never by the
emergency gate; skill events reach the erase handler through the app."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from skill.app import create_app
from skill.settings import Settings

LAUNCH = json.loads((Path(__file__).resolve().parents[1] / "host" / "launch.json").read_text())


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("cfir") / "progress.sqlite3"
    return create_app(Settings(verify=False, db_path=str(db))).test_client()


def can_fulfill(client, intent: str, **slots: str | dict) -> dict:
    envelope = copy.deepcopy(LAUNCH)
    request = envelope["request"]
    envelope["request"] = {
        "type": "CanFulfillIntentRequest",
        "requestId": request["requestId"],
        "timestamp": request["timestamp"],
        "locale": "en-US",
        "intent": {
            "name": intent,
            "slots": {
                name: value if isinstance(value, dict) else {"name": name, "value": value}
                for name, value in slots.items()
            },
        },
    }
    reply = client.post("/alexa", json=envelope)
    assert reply.status_code == 200
    response = reply.get_json()["response"]
    assert "outputSpeech" not in response and "reprompt" not in response and "card" not in response
    return response["canFulfillIntent"]


def test_yes_for_a_guidance_intent(client):
    assert can_fulfill(client, "RecordsChecklistIntent") == {"canFulfill": "YES", "slots": {}}


def test_a_slot_value_from_its_catalogue_is_understood(client):
    record = {
        "name": "record",
        "value": "scans",
        "resolutions": {
            "resolutionsPerAuthority": [
                {
                    "authority": "amzn1.er-authority.echo-sdk.test.RECORD_KIND",
                    "status": {"code": "ER_SUCCESS_MATCH"},
                    "values": [{"value": {"name": "imaging scans", "id": "imaging_scans"}}],
                }
            ]
        },
    }
    answer = can_fulfill(client, "RecordDetailIntent", record=record)
    assert answer == {
        "canFulfill": "YES",
        "slots": {"record": {"canUnderstand": "YES", "canFulfill": "YES"}},
    }


def test_a_slot_value_it_does_not_know_is_a_maybe(client):
    answer = can_fulfill(client, "RecordDetailIntent", record="my cat's x-ray")
    assert answer == {
        "canFulfill": "MAYBE",
        "slots": {"record": {"canUnderstand": "MAYBE", "canFulfill": "YES"}},
    }


@pytest.mark.parametrize("intent", ["EmergencyIntent", "CrisisIntent", "DiagnosisRequestIntent"])
def test_no_for_what_alexa_handles_itself(client, intent):
    assert can_fulfill(client, intent)["canFulfill"] == "NO"


def test_no_for_an_emergency_heard_in_a_slot(client):
    answer = can_fulfill(client, "SurgeryRecommendedIntent", procedure="chest pain")
    assert answer["canFulfill"] == "NO"


@pytest.mark.parametrize("intent", ["AMAZON.HelpIntent", "AMAZON.YesIntent", "NoSuchIntent"])
def test_no_for_intents_that_mean_nothing_without_the_skills_name(client, intent):
    assert can_fulfill(client, intent)["canFulfill"] == "NO"


def test_skill_disabled_arrives_through_the_events_path_and_erases(client):
    from skill.simulator import Conversation

    app = client.application
    runtime = app.extensions["second_opinion"]
    user = LAUNCH["session"]["user"]["userId"]
    Conversation(target=runtime, user_id=user).launch()
    store = runtime.skill.persistence_adapter
    assert store.export(store.key_for_user(user)) is not None
    event = copy.deepcopy(LAUNCH)
    del event["session"]  # skill events come outside any session
    event["request"] = {
        "type": "AlexaSkillEvent.SkillDisabled",
        "requestId": "amzn1.echo-api.request.disabled",
        "timestamp": LAUNCH["request"]["timestamp"],
        "eventCreationTime": LAUNCH["request"]["timestamp"],
        "eventPublishingTime": LAUNCH["request"]["timestamp"],
        "body": {"userInformationPersistenceStatus": "NOT_PERSISTED"},
    }
    assert client.post("/alexa", json=event).status_code == 200
    assert store.export(store.key_for_user(user)) is None
