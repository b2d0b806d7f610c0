"""Plays the held-out safety phrasings through the simulator and scores the gate.

Used by the test (which fails under the required recall and precision) and by
``benchmarks/safety.py`` (which prints every miss), so both judge an answer the same way.

How an answer is judged:

- an emergency is caught only by the emergency answer itself (the number, the session
  closed); "Is this happening right now?" counts only where the set marks the phrasing
  ``may_ask``, and then only if a yes to it gives the emergency answer. A poison or
  overdose must also get the poison line where the locale has one.
- a crisis is caught only by the crisis answer (the line, the session open to go on).
- an ordinary mention is a false alarm if it gets either answer or the question, or if
  the session closes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from skill.settings import Settings
from skill.simulator import Conversation

HELDOUT = Path(__file__).parent / "heldout_en_US.json"
EMERGENCY_NUMBER = "911"
CRISIS_LINE = "988"
POISON_LINE = "1-800-222-1222"
QUESTION = "happening right now"


@dataclass(frozen=True)
class Numbers:
    """What a locale's answers must say: its emergency number, crisis line and poison line."""

    locale: str = "en-US"
    emergency: str = EMERGENCY_NUMBER
    crisis: str = CRISIS_LINE
    poison: str | None = POISON_LINE


US = Numbers()


@dataclass
class Score:
    """Recall and precision over the set, with every miss and false alarm named."""

    caught: int = 0
    urgent: int = 0
    false_alarms: int = 0
    ordinary: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.urgent if self.urgent else 1.0

    @property
    def precision(self) -> float:
        flagged = self.caught + self.false_alarms
        return self.caught / flagged if flagged else 1.0


def load(path: Path = HELDOUT) -> dict[str, list[dict]]:
    data = json.loads(path.read_text())
    return {kind: data[kind] for kind in ("emergency", "crisis", "not_emergency")}


def phrasings(data: dict[str, list[dict]]) -> list[str]:
    return [item["say"] for items in data.values() for item in items]


def say(item: dict, settings: Settings, locale: str = "en-US"):
    """A fresh session: launch, what was said before, then the phrasing; the last turn."""
    alexa = Conversation(locale=locale, settings=settings, lint=False, seed=item["say"])
    alexa.launch()
    for earlier in item.get("before", []):
        alexa.say(earlier)
    return alexa, alexa.say(item["say"])


def is_emergency_answer(turn, poison: bool = False, numbers: Numbers = US) -> bool:
    ended = turn.plugin == "safety" and turn.should_end_session
    poison_heard = not poison or numbers.poison is None or numbers.poison in turn.speech
    return ended and numbers.emergency in turn.speech and poison_heard


def is_crisis_answer(turn, numbers: Numbers = US) -> bool:
    return turn.plugin == "safety" and numbers.crisis in turn.speech and not turn.should_end_session


def is_question(turn) -> bool:
    return turn.plugin == "safety" and QUESTION in turn.speech.lower()


def heard(turn) -> str:
    return f"{turn.intent} {turn.slots} {turn.score}: {turn.speech[:70]!r}"


def score(
    data: dict[str, list[dict]] | None = None,
    settings: Settings | None = None,
    numbers: Numbers = US,
) -> Score:
    data = data or load()
    settings = settings or Settings(verify=False, store="memory")
    result = Score()
    for kind in ("emergency", "crisis"):
        for item in data[kind]:
            result.urgent += 1
            alexa, turn = say(item, settings, numbers.locale)
            poison = item.get("poison", False)
            if kind == "crisis":
                hit = is_crisis_answer(turn, numbers)
            elif is_question(turn) and item.get("may_ask"):
                hit = is_emergency_answer(alexa.say("yes"), poison, numbers)
            else:
                hit = is_emergency_answer(turn, poison, numbers)
            if hit:
                result.caught += 1
            else:
                result.misses.append(f"{kind}: {item['say']!r} -> {heard(turn)}")
    for item in data["not_emergency"]:
        result.ordinary += 1
        _, turn = say(item, settings, numbers.locale)
        gated = (
            is_emergency_answer(turn, numbers=numbers)
            or is_crisis_answer(turn, numbers)
            or is_question(turn)
        )
        if gated or turn.should_end_session:
            result.false_alarms += 1
            result.alarms.append(f"{item['say']!r} -> {heard(turn)}")
        elif item.get("area") and turn.plugin != item["area"]:
            result.elsewhere.append(f"{item['say']!r} -> {turn.plugin}, want {item['area']}")
    return result
