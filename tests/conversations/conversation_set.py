"""Plays the held-out conversations through the simulator and says which went wrong.

Used by the test (which fails under the required share) and by ``report.py`` (which prints
every miss), so that both judge a conversation the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from skill.settings import Settings
from skill.simulator import Conversation

HELDOUT = Path(__file__).parent / "heldout_en_US.json"
#: One breath: an answer longer than this fails unless the user asked for the details.
ONE_BREATH_WORDS = 45


@dataclass
class Outcome:
    """How one conversation went: every expectation it broke, turn by turn."""

    id: str
    who: str
    problems: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.problems


def load(path: Path = HELDOUT) -> list[dict]:
    return json.loads(path.read_text())["conversations"]


def utterances(conversations: list[dict]) -> list[str]:
    return [turn["say"] for conversation in conversations for turn in conversation["turns"]]


def play(conversation: dict, settings: Settings | None = None) -> Outcome:
    """Hold ``conversation`` with a fresh user and check each answer against its turn."""
    settings = settings or Settings(verify=False, store="memory")
    alexa = Conversation(settings=settings, lint=False, seed=conversation["id"])
    outcome = Outcome(conversation["id"], conversation["who"])
    if conversation.get("launch"):
        alexa.launch()
    for number, expected in enumerate(conversation["turns"], start=1):
        turn = alexa.say(expected["say"])
        for problem in judge(turn, expected):
            outcome.problems.append(f"turn {number} {expected['say']!r}: {problem}")
    return outcome


def judge(turn, expected: dict) -> list[str]:
    """What is wrong with ``turn`` for a user who said ``expected['say']``."""
    problems = []
    heard = f"({turn.intent} {turn.score:.2f})" if turn.score is not None else f"({turn.intent})"
    if turn.plugin not in expected["plugin"]:
        problems.append(f"answered by {turn.plugin} {heard}, want {'/'.join(expected['plugin'])}")
    speech = turn.speech.lower()
    if expected.get("any") and not any(phrase in speech for phrase in expected["any"]):
        problems.append(f"says none of {expected['any']}: {turn.speech!r}")
    missing = [phrase for phrase in expected.get("all", []) if phrase not in speech]
    if missing:
        problems.append(f"doesn't say {missing}: {turn.speech!r}")
    forbidden = [phrase for phrase in expected.get("none", []) if phrase in speech]
    if forbidden:
        problems.append(f"says {forbidden}: {turn.speech!r}")
    if "open" in expected and bool(expected["open"]) == bool(turn.should_end_session):
        problems.append("closes the session" if expected["open"] else "leaves the session open")
    words = len(turn.speech.split())
    if not expected.get("details") and words > ONE_BREATH_WORDS:
        problems.append(f"{words} words, over one breath")
    problems.extend(f"lint: {problem}" for problem in turn.problems)
    return problems


def play_all(conversations: list[dict] | None = None) -> list[Outcome]:
    settings = Settings(verify=False, store="memory")
    return [play(conversation, settings) for conversation in conversations or load()]
