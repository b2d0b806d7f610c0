"""Alexa sessions against a SkillRuntime, envelope by envelope, with attributes carried over.

Used in-process by the tests and by ``writer.py`` in child processes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from skill.runtime import Reply, SkillRuntime
from skill.speech import plain

USER = "amzn1.ask.account.AFFXNPERSISTENCETESTUSERZZ7Q"
SKILL = "amzn1.ask.skill.persistence-test"


@dataclass
class Answer:
    reply: Reply

    @property
    def body(self) -> dict:
        return self.reply.envelope.get("response") or {}

    @property
    def speech(self) -> str:
        return plain((self.body.get("outputSpeech") or {}).get("ssml", ""))

    @property
    def plugin(self) -> str | None:
        return self.reply.plugin

    @property
    def ended(self) -> bool:
        return bool(self.body.get("shouldEndSession"))


def envelope(request: dict, *, user_id: str, session: dict | None) -> dict:
    body = {
        "version": "1.0",
        "context": {
            "System": {
                "application": {"applicationId": SKILL},
                "user": {"userId": user_id},
                "device": {"deviceId": "device", "supportedInterfaces": {}},
            }
        },
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": "2026-11-26T00:00:00Z",
            "locale": "en-US",
            **request,
        },
    }
    if session is not None:
        body["session"] = session
    return body


class Visit:
    """One session: each request carries the attributes the last response returned."""

    def __init__(self, runtime: SkillRuntime, user_id: str = USER):
        self.runtime = runtime
        self.user_id = user_id
        self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
        self.attributes: dict = {}
        self.new = True

    def send(self, request: dict) -> Answer:
        session = {
            "new": self.new,
            "sessionId": self.session_id,
            "application": {"applicationId": SKILL},
            "user": {"userId": self.user_id},
            "attributes": self.attributes,
        }
        reply = self.runtime.invoke(envelope(request, user_id=self.user_id, session=session))
        self.new = False
        self.attributes = reply.envelope.get("sessionAttributes") or {}
        return Answer(reply)

    def launch(self) -> Answer:
        return self.send({"type": "LaunchRequest"})

    def intent(self, name: str, **slots: str) -> Answer:
        return self.send(
            {
                "type": "IntentRequest",
                "intent": {
                    "name": name,
                    "confirmationStatus": "NONE",
                    "slots": {k: {"name": k, "value": v} for k, v in slots.items()},
                },
            }
        )

    def mark(self, item: str) -> Answer:
        return self.intent("MarkItemIntent", item=item)


def skill_disabled(runtime: SkillRuntime, user_id: str = USER) -> Answer:
    """The event Alexa sends, outside any session, when the user disables the skill."""
    request = {
        "type": "AlexaSkillEvent.SkillDisabled",
        "eventCreationTime": "2026-11-26T00:00:00Z",
        "eventPublishingTime": "2026-11-26T00:00:01Z",
        "body": {"userInformationPersistenceStatus": "NOT_PERSISTED"},
    }
    return Answer(runtime.invoke(envelope(request, user_id=user_id, session=None)))
