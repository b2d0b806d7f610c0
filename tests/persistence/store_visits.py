"""Alexa sessions against a SkillRuntime, envelope by envelope, with attributes carried over.

Used in-process by the tests and by ``writer.py`` in child processes.
"""

from __future__ import annotations

from dataclasses import dataclass

from skill.runtime import Reply, SkillRuntime
from skill.simulator.envelope import EnvelopeBuilder
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


def alexa(user_id: str) -> EnvelopeBuilder:
    """Envelopes from one user of the persistence tests' skill, on a speaker."""
    return EnvelopeBuilder(user_id=user_id, skill_id=SKILL)


class Visit:
    """One session: each request carries the attributes the last response returned."""

    def __init__(self, runtime: SkillRuntime, user_id: str = USER):
        self.runtime = runtime
        self.user_id = user_id
        self.alexa = alexa(user_id)
        self.session = self.alexa.new_session()

    def send(self, envelope: dict) -> Answer:
        reply = self.runtime.invoke(envelope)
        self.session.new = False
        self.session.attributes = reply.envelope.get("sessionAttributes") or {}
        return Answer(reply)

    def launch(self) -> Answer:
        return self.send(self.alexa.launch(self.session))

    def intent(self, name: str, **slots: str) -> Answer:
        return self.send(self.alexa.intent_named(self.session, name, **slots))

    def mark(self, item: str) -> Answer:
        return self.intent("MarkItemIntent", item=item)


def skill_disabled(runtime: SkillRuntime, user_id: str = USER) -> Answer:
    """The event Alexa sends, outside any session, when the user disables the skill."""
    event = alexa(user_id).request(
        None,
        "AlexaSkillEvent.SkillDisabled",
        eventCreationTime="2026-11-26T00:00:00Z",
        eventPublishingTime="2026-11-26T00:00:01Z",
        body={"userInformationPersistenceStatus": "NOT_PERSISTED"},
    )
    return Answer(runtime.invoke(event))
