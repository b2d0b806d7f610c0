"""How people open a skill by voice: "open X", "ask X what ...", "... using X".

Alexa takes the launch phrase, the invocation name and a connecting word off the front
(or "using X" off the end) and sends the rest to the skill as a one-shot request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skill.simulator.normalize import normalize

LAUNCH_WORDS = (
    "open", "launch", "start", "begin", "load", "run", "use", "play", "resume",
    "talk to", "speak to", "speak with", "talk with", "chat with", "enable", "go to",
)  # fmt: skip
ONE_SHOT_WORDS = ("ask", "tell", "open", "launch", "start", "use", "have", "get", "check")
#: Dropped between the invocation name and the request, as Alexa drops them.
CONNECTING_WORDS = ("to", "about", "for", "if", "whether", "that", "and")
SUFFIX_WORDS = ("using", "with", "from", "on", "in", "via")


@dataclass(frozen=True)
class Invocation:
    """``kind`` is ``"launch"`` or ``"one-shot"``; ``utterance`` is what the skill hears."""

    kind: str
    utterance: str = ""


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def parse(text: str, invocation_name: str) -> Invocation | None:
    """How ``text`` addresses the skill named ``invocation_name``; ``None`` if it doesn't."""
    name = normalize(invocation_name)
    if not name:
        return None
    normal = re.sub(r"^alexa\b\s*", "", normalize(text))
    quoted = re.escape(name)
    if re.fullmatch(rf"(?:(?:{_alternatives(LAUNCH_WORDS)}|ask|tell) )?(?:the )?{quoted}", normal):
        return Invocation("launch")
    front = re.fullmatch(
        rf"(?:{_alternatives(ONE_SHOT_WORDS)}) (?:the )?{quoted} "
        rf"(?:(?:{_alternatives(CONNECTING_WORDS)}) )?(?P<rest>.+)",
        normal,
    )
    if front:
        return Invocation("one-shot", front.group("rest"))
    back = re.fullmatch(
        rf"(?:ask )?(?P<rest>.+?) (?:{_alternatives(SUFFIX_WORDS)}) (?:the )?{quoted}", normal
    )
    if back:
        return Invocation("one-shot", back.group("rest"))
    return None
