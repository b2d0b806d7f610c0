"""How people open a skill by voice: "open X", "ask X what ...", "... using X".

Alexa takes the launch phrase, the invocation name and a connecting word off the front
(or "using X" off the end) and sends the rest to the skill as a one-shot request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skill.simulator.normalize import SPANISH, normalize

LAUNCH_WORDS = (
    "open", "launch", "start", "begin", "load", "run", "use", "play", "resume",
    "talk to", "speak to", "speak with", "talk with", "chat with", "enable", "go to",
)  # fmt: skip
ONE_SHOT_WORDS = ("ask", "tell", "open", "launch", "start", "use", "have", "get", "check")
#: Dropped between the invocation name and the request, as Alexa drops them.
CONNECTING_WORDS = ("to", "about", "for", "if", "whether", "that", "and")
SUFFIX_WORDS = ("using", "with", "from", "on", "in", "via")
#: The same in Spanish ("abre guía de segunda opinión", "pregúntale a … si …"), folded.
LAUNCH_WORDS_ES = ("abre", "abrir", "inicia", "iniciar", "empieza", "comienza", "usa", "habla con")
ONE_SHOT_WORDS_ES = ("pidele a", "preguntale a", "dile a", "pregunta a", "pide a", "abre", "usa")
CONNECTING_WORDS_ES = ("que", "si", "sobre", "por", "acerca de", "y")
SUFFIX_WORDS_ES = ("con", "en", "de", "usando")


@dataclass(frozen=True)
class Invocation:
    """``kind`` is ``"launch"`` or ``"one-shot"``; ``utterance`` is what the skill hears."""

    kind: str
    utterance: str = ""


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def one_shot(invocation_name: str, request: str, language: str = "en") -> str:
    """How a person asks the skill for ``request`` in one breath, in the model's language:
    "ask second opinion guide …", "pregúntale a guía de segunda opinión …"."""
    ask = "pregúntale a" if language == SPANISH else "ask"
    return f"{ask} {invocation_name} {request}"


def parse(text: str, invocation_name: str, language: str = "en") -> Invocation | None:
    """How ``text`` addresses the skill named ``invocation_name``; ``None`` if it doesn't.

    :param language: the model's language (``"es"``: Spanish launch phrases).
    """
    name = normalize(invocation_name, language)
    if not name:
        return None
    normal = re.sub(r"^alexa\b\s*", "", normalize(text, language))
    quoted = re.escape(name)
    spanish = language == SPANISH
    launch = LAUNCH_WORDS_ES + ONE_SHOT_WORDS_ES if spanish else (*LAUNCH_WORDS, "ask", "tell")
    article = "(?:la |el )?" if spanish else "(?:the )?"
    if re.fullmatch(rf"(?:(?:{_alternatives(launch)}) )?{article}{quoted}", normal):
        return Invocation("launch")
    one_shot = ONE_SHOT_WORDS_ES if spanish else ONE_SHOT_WORDS
    connecting = CONNECTING_WORDS_ES if spanish else CONNECTING_WORDS
    front = re.fullmatch(
        rf"(?:{_alternatives(one_shot)}) {article}{quoted} "
        rf"(?:(?:{_alternatives(connecting)}) )?(?P<rest>.+)",
        normal,
    )
    if front:
        return Invocation("one-shot", front.group("rest"))
    suffix = SUFFIX_WORDS_ES if spanish else SUFFIX_WORDS
    back = re.fullmatch(
        rf"(?:pregunta )?(?P<rest>.+?) (?:{_alternatives(suffix)}) {article}{quoted}"
        if spanish
        else rf"(?:ask )?(?P<rest>.+?) (?:{_alternatives(suffix)}) (?:the )?{quoted}",
        normal,
    )
    if back:
        return Invocation("one-shot", back.group("rest"))
    return None
