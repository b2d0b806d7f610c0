"""Save as a test: a studio conversation written as a pytest file that uses ``alexa``.

Each turn is replayed and checked for what a user would notice: the intent heard, the
plugin that answered, the slots filled and key phrases of the answer. Key phrases come only
from strings that have no variants, so the test holds whichever variant Alexa picks.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from skill.simulator.envelope import INTERFACES, USER_EVENT

if TYPE_CHECKING:
    from skill.simulator import TurnResult
    from skill.studio.recording import Recorded, Setup
    from skill.studio.strings import StringIndex

#: At most this many phrases per answer, each at most this many words.
PHRASES_PER_TURN = 2
PHRASE_WORDS = 8
DEFAULT_LOCALE = "en-US"
DEFAULT_DEVICE = next(iter(INTERFACES))


def literal(value: object) -> str:
    """``value`` as Python source, strings in double quotes as ruff formats them."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a Python string
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    return repr(value)


def key_phrases(turn: TurnResult, strings: StringIndex) -> list[str]:
    """Phrases of the answer that every replay speaks: literal runs of single strings."""
    pieces = [
        piece
        for string in strings.spoken_in(turn.speech)
        if string.variant is None
        for piece in string.pieces
    ]
    phrases: list[str] = []
    for piece in sorted(pieces, key=lambda p: -len(p.split())):
        # A run after a placeholder may open on the punctuation that followed the value.
        phrase = " ".join(piece.split()[:PHRASE_WORDS]).lstrip(".,;:!? ").rstrip(",;:")
        if len(phrase.split()) < 2 or phrase not in turn.speech:
            continue
        if any(phrase in kept or kept in phrase for kept in phrases):
            continue
        phrases.append(phrase)
        if len(phrases) == PHRASES_PER_TURN:
            break
    return phrases


def name_for_test(turns: list[Recorded]) -> str:
    """``test_`` and the first thing the user said, as an identifier."""
    first = next((t.result.utterance for t in turns if t.result.utterance and not t.setup), "")
    words = re.sub(r"[^a-z0-9]+", " ", first.lower()).split()[:8]
    return "test_" + ("_".join(words) or "opening_the_skill")


def _call(turn: TurnResult) -> str:
    if turn.request_type == "LaunchRequest" and turn.utterance is None:
        return "alexa.launch()"
    if turn.request_type == "SessionEndedRequest" and turn.utterance is None:
        return "alexa.end()"
    if turn.request_type == USER_EVENT:
        return f"alexa.touch({literal(turn.request['request']['arguments'])})"
    return f"alexa.say({literal(turn.utterance)})"


def _checks(turn: TurnResult, strings: StringIndex) -> list[str]:
    if turn.request_type is None:
        return ["assert r.request_type is None  # nothing open to close"]
    heard = (
        f"r.intent == {literal(turn.intent)}"
        if turn.intent
        else f"r.request_type == {literal(turn.request_type)}"
    )
    checks = [f"assert {heard} and r.plugin == {literal(turn.plugin)}"]
    if turn.slots:
        checks.append(f"assert r.slots == {literal(turn.slots)}")
    if turn.resolved:
        checks.append(f"assert r.resolved == {literal(turn.resolved)}")
    checks += [f"assert {literal(phrase)} in r.speech" for phrase in key_phrases(turn, strings)]
    if turn.should_end_session:
        checks.append("assert r.should_end_session")
    return checks


def _fixture(setup: Setup) -> list[str]:
    """An ``alexa`` fixture for another locale or device, when the studio used one."""
    if setup.locale == DEFAULT_LOCALE and setup.device == DEFAULT_DEVICE:
        return []
    return [
        "",
        "",
        "@pytest.fixture",
        "def alexa(request, alexa_settings):",
        f'    """The alexa fixture on a {setup.device} device in {setup.locale}."""',
        "    from skill.simulator import Conversation",
        "",
        "    return Conversation(",
        f"        locale={literal(setup.locale)},",
        f"        device={literal(setup.device)},",
        "        settings=alexa_settings,",
        "        seed=request.node.nodeid,",
        "    )",
    ]


class NothingToSave(ValueError):
    """The conversation has no turns yet: a test of nothing could never fail."""


def write_test(turns: list[Recorded], setup: Setup, strings: StringIndex) -> str:
    """The pytest module for ``turns``, recorded with ``setup``."""
    spoken = [t.result for t in turns if not t.setup]
    if not spoken:
        raise NothingToSave("nothing to save yet: say something first")
    lines = [
        f'"""A conversation recorded in the studio ({setup.locale}, {setup.device}, '
        f'{setup.user} user)."""',
    ]
    fixture = _fixture(setup)
    if fixture:
        lines += ["", "import pytest", *fixture]
    lines += ["", "", f"def {name_for_test(turns)}(alexa):"]
    visit = [f"    {_call(t.result)}" for t in turns if t.setup]
    if visit:
        lines += ["    # A returning user: opened the skill and left before.", *visit, ""]
    for index, turn in enumerate(spoken):
        if index:
            lines.append("")
        # The alexa fixture lints every response: this turn fails until its answer is fixed.
        lines += [f"    # breaks {' '.join(str(problem).split())}" for problem in turn.problems]
        lines.append(f"    r = {_call(turn)}")
        lines += [f"    {check}" for check in _checks(turn, strings)]
    return "\n".join(lines) + "\n"
