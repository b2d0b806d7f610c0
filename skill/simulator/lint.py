"""Checks every simulated response against Alexa's rules and the voice design rules."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from skill.screens.lint import check_screens
from skill.speech import plain

MAX_SPEECH = 8000
#: Tags Alexa's SSML accepts (``amazon:`` ones written with their prefix). Polly's own
#: (``mark``, ``amazon:breath``, ``amazon:auto-breaths``) fail Alexa's certification.
SSML_TAGS = frozenset(
    {
        "speak", "p", "s", "break", "emphasis", "lang", "phoneme", "prosody", "say-as",
        "sub", "voice", "w", "audio",
        "amazon:effect", "amazon:emotion", "amazon:domain",
    }
)  # fmt: skip
#: Alexa's limits: a card's title and text together, and the whole response (with its
#: session attributes), in characters and bytes.
MAX_CARD = 8000
MAX_RESPONSE_BYTES = 24 * 1024
_AMAZON_NS = "urn:amazon-ssml"
CLOSING = ("AMAZON.StopIntent", "AMAZON.CancelIntent")
#: Spoken words that fit one breath: the most a first answer may say, unless the user asked
#: for the details.
ONE_BREATH = 45
#: The most alternatives one turn offers ("a, b, or c").
MAX_OPTIONS = 3
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


@dataclass(frozen=True)
class Problem:
    """One broken rule: its name and what is wrong."""

    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


class LintError(AssertionError):
    """A simulated response broke a rule; ``rule`` names the first, ``problems`` lists all."""

    def __init__(self, problems: list[Problem], utterance: str | None = None):
        self.problems = problems
        self.rule = problems[0].rule
        heard = f" (after {utterance!r})" if utterance else ""
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"response breaks {self.rule}{heard}:\n{lines}")


def check_ssml(ssml: str, where: str) -> list[Problem]:
    """Well-formed, ``<speak>`` at the root, only Alexa's tags."""
    document = ssml.replace("<amazon:", "<am:").replace("</amazon:", "</am:")
    if not document.lstrip().startswith("<speak"):
        return [Problem("ssml-malformed", f"{where} is not wrapped in <speak>")]
    document = document.replace("<speak", f'<speak xmlns:am="{_AMAZON_NS}"', 1)
    try:
        root = ET.fromstring(document)
    except ET.ParseError as exc:
        return [Problem("ssml-malformed", f"{where} is not well-formed XML: {exc}")]
    problems = []
    for element in root.iter():
        tag = element.tag.replace(f"{{{_AMAZON_NS}}}", "amazon:")
        if tag not in SSML_TAGS:
            problems.append(Problem("ssml-tag", f"{where} uses <{tag}>, which Alexa rejects"))
    return problems


def options_offered(words: str) -> int:
    """The most alternatives any sentence of ``words`` offers: "a, b, or c" is three."""
    most = 0
    for sentence in _SENTENCE_END.split(words):
        choice = sentence.rfind(", or ")
        if choice >= 0:
            # A number set off by commas ("call triple zero, 000, now") is no option.
            named = [part for part in sentence[:choice].split(",") if re.search("[a-zA-Z]", part)]
            most = max(most, len(named) + 1)
        elif " or " in sentence:
            most = max(most, 2)
    return most


def breath_problems(words: str, limit: int = ONE_BREATH) -> list[Problem]:
    """The one-breath rule for a first answer: at most ``limit`` words."""
    count = len(words.split())
    if count > limit:
        return [Problem("one-breath", f"{count} spoken words, more than {limit}: {words}")]
    return []


def _speech(block: dict | None) -> tuple[str, str]:
    """(markup, plain text) of an outputSpeech block."""
    if not block:
        return "", ""
    if block.get("type") == "PlainText":
        return block.get("text") or "", block.get("text") or ""
    ssml = block.get("ssml") or ""
    return ssml, plain(ssml)


def lint(
    envelope: dict,
    *,
    request_type: str | None,
    intent: str | None = None,
    request: dict | None = None,
) -> list[Problem]:
    """Every rule ``envelope`` (a response) breaks as the answer to this request.

    :param request: the request envelope; with it, screens are checked against the device
        and against what the user said.
    """
    response = envelope.get("response") or {}
    markup, words = _speech(response.get("outputSpeech"))
    reprompt_block = (response.get("reprompt") or {}).get("outputSpeech")
    reprompt_markup, reprompt_words = _speech(reprompt_block)
    end = response.get("shouldEndSession")
    problems: list[Problem] = []

    if request_type == "SessionEndedRequest":
        if response.get("outputSpeech") or response.get("reprompt") or response.get("card"):
            problems.append(
                Problem("session-ended-silent", "a SessionEndedRequest answer can't speak")
            )
        return problems

    if not words.strip():
        problems.append(Problem("speech-empty", "nothing is said"))
    if reprompt_block is not None and not reprompt_words.strip():
        problems.append(Problem("reprompt-empty", "the reprompt says nothing"))
    for where, text in (("speech", markup), ("reprompt", reprompt_markup)):
        if len(text) > MAX_SPEECH:
            problems.append(
                Problem("speech-too-long", f"{where} is {len(text)} characters (max {MAX_SPEECH})")
            )
    for where, block, text in (
        ("speech", response.get("outputSpeech"), markup),
        ("reprompt", reprompt_block, reprompt_markup),
    ):
        if block and block.get("type", "SSML") == "SSML" and text:
            problems += check_ssml(text, where)

    offered = options_offered(words)
    if offered > MAX_OPTIONS:
        problems.append(
            Problem("too-many-options", f"{offered} options in one turn (max {MAX_OPTIONS})")
        )

    stays_open = end is False or (end is None and reprompt_block is not None)
    if stays_open:
        if reprompt_block is None:
            problems.append(Problem("open-no-reprompt", "the session stays open with no reprompt"))
        if words.strip() and not words.rstrip().endswith("?"):
            problems.append(
                Problem("open-no-question", f"the session stays open but ends {words[-60:]!r}")
            )
    if intent == "AMAZON.HelpIntent" and not stays_open:
        problems.append(Problem("help-closes", "Help must keep the session open"))
    if intent in CLOSING and end is not True:
        problems.append(Problem("stop-stays-open", f"{intent} must end the session"))

    problems += [Problem(rule, message) for rule, message in check_screens(envelope, request)]
    size = len(json.dumps(envelope, ensure_ascii=False).encode("utf-8"))
    if size > MAX_RESPONSE_BYTES:
        problems.append(
            Problem("response-too-large", f"{size} bytes with session attributes (max 24 KB)")
        )
    card = response.get("card")
    if card is not None:
        text = card.get("content") or card.get("text") or ""
        if len(card.get("title") or "") + len(text) > MAX_CARD:
            problems.append(Problem("card-too-long", f"title and text over {MAX_CARD} characters"))
        if card.get("type") in ("Simple", "Standard") and not (card.get("title") and text):
            problems.append(Problem("card-empty", "the card has no title or no text"))
    return problems
