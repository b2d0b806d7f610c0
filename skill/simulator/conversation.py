"""A conversation with the skill, turn by turn, as Alexa would hold it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from skill.simulator import builtins, invocation
from skill.simulator.envelope import VIEWPORTS, EnvelopeBuilder, Session
from skill.simulator.lint import ONE_BREATH, LintError, Problem, breath_problems, lint
from skill.simulator.model import InteractionModel, load_model
from skill.simulator.normalize import normalize
from skill.simulator.resolver import Resolution, SlotFill
from skill.simulator.transport import Target, make_target
from skill.speech import plain

RENDER_DOCUMENT = "Alexa.Presentation.APL.RenderDocument"


class UnknownIntent(ValueError):
    """``Conversation.intent`` named an intent or slot the model doesn't have."""


@dataclass
class TurnResult:
    """One request and the skill's answer, with what the model heard."""

    utterance: str | None
    request_type: str | None
    intent: str | None = None
    slots: dict[str, str] = field(default_factory=dict)
    #: Canonical values of the slots that matched a catalogue entry.
    resolved: dict[str, str] = field(default_factory=dict)
    score: float | None = None
    plugin: str | None = None
    ssml: str = ""
    reprompt_ssml: str = ""
    card: dict | None = None
    directives: list[dict] = field(default_factory=list)
    should_end_session: bool | None = None
    session_attributes: dict = field(default_factory=dict)
    request: dict | None = None
    response: dict | None = None
    problems: list[Problem] = field(default_factory=list)
    resolution: Resolution | None = None

    @property
    def apl(self) -> dict | None:
        """The screen: the RenderDocument's ``token``, ``document`` and ``datasources``."""
        for directive in self.directives:
            if directive.get("type") == RENDER_DOCUMENT:
                return {key: directive.get(key) for key in ("token", "document", "datasources")}
        return None

    @property
    def speech(self) -> str:
        """What Alexa says, as plain text."""
        return plain(self.ssml)

    @property
    def reprompt(self) -> str:
        """The reprompt, as plain text ("" when there is none)."""
        return plain(self.reprompt_ssml)

    def as_json(self) -> dict[str, Any]:
        """The public ``simulate --json`` record for this turn."""
        return {
            "utterance": self.utterance,
            "request_type": self.request_type,
            "intent": self.intent,
            "slots": {
                name: {"value": value, "resolved": self.resolved.get(name)}
                for name, value in self.slots.items()
            },
            "score": self.score,
            "plugin": self.plugin,
            "speech": self.speech,
            "ssml": self.ssml,
            "reprompt": self.reprompt or None,
            "should_end_session": self.should_end_session,
            "card": self.card,
            "apl": self.apl,
        }


def one_breath(turn: TurnResult, limit: int = ONE_BREATH) -> TurnResult:
    """``turn``, once its speech is checked to fit one breath; for conversation tests."""
    problems = breath_problems(turn.speech, limit)
    if problems:
        raise AssertionError(str(problems[0]))
    return turn


def _speech_of(block: dict | None) -> str:
    if not block:
        return ""
    if block.get("type") == "PlainText":
        return block.get("text") or ""
    return block.get("ssml") or ""


class Conversation:
    """Talk to the skill through the real interaction model, turn by turn.

    :param locale: which model and strings, e.g. ``"en-GB"``.
    :param device: ``"speaker"``, or a device with a screen that renders APL and sends its
        viewport: ``"screen"`` (a landscape Echo Show), ``"round"`` (the small round hub) or
        ``"tv"`` (a Fire TV).
    :param user_id: the Alexa user; a fresh one when not given.
    :param target: ``None`` (build the skill here from ``settings``), a
        :class:`skill.runtime.SkillRuntime`, or the URL of a running endpoint.
    :param settings: settings for the in-process skill (and the plugins whose model
        fragments are merged); default: no verification, progress kept in memory.
    :param lint: check every response and raise :class:`LintError` on a broken rule.
    :param seed: makes ids (and so string variants) repeatable.
    """

    def __init__(
        self,
        locale: str = "en-US",
        device: str = "speaker",
        user_id: str | None = None,
        target: object = None,
        *,
        settings=None,
        lint: bool = True,
        seed: str | int | None = None,
        model: InteractionModel | None = None,
    ):
        if settings is None:
            from skill.settings import Settings

            settings = Settings(verify=False, store="memory")
        self.settings = settings
        self.locale = locale
        self.device = device
        self.lint = lint
        self.target: Target = make_target(target, settings)
        self.model = model or load_model(locale, settings.models_dir, self.target.plugin_manager)
        self.builder = EnvelopeBuilder(
            locale=locale,
            device=device,
            user_id=user_id,
            skill_id=settings.skill_id,
            seed=seed,
        )
        self.session: Session | None = None
        self.history: list[TurnResult] = []

    @property
    def user_id(self) -> str:
        return self.builder.user_id

    @property
    def session_open(self) -> bool:
        return self.session is not None and self.session.open

    @property
    def session_attributes(self) -> dict:
        return dict(self.session.attributes) if self.session_open else {}

    def resolve(self, text: str) -> Resolution:
        """What the model hears in ``text``, without sending anything."""
        return self.model.resolver.resolve(text)

    # -- turns -------------------------------------------------------------------------
    def launch(self) -> TurnResult:
        """Open the skill ("Alexa, open second opinion guide"): a LaunchRequest."""
        session = self._session(fresh=True)
        return self._send(self.builder.launch(session), session, utterance=None)

    def say(self, text: str) -> TurnResult:
        """Speak ``text``: invocation phrases open the skill; the rest goes through the model."""
        called = invocation.parse(
            text, self.model.invocation_name, self.model.resolver.language
        )
        if called is not None and called.kind == "launch":
            session = self._session(fresh=not self.session_open)
            return self._send(self.builder.launch(session), session, utterance=text)
        heard = called.utterance if called else text
        if normalize(heard) in builtins.EXIT_PHRASES:
            if self.session_open:
                return self.end(utterance=text)
            return TurnResult(utterance=text, request_type=None, should_end_session=True)
        resolution = self.resolve(heard)
        return self._intent(resolution, utterance=text)

    def intent(self, name: str, **slots: object) -> TurnResult:
        """Send intent ``name`` with slot values as spoken; entity resolution is filled in."""
        declared = self.model.intents.get(name)
        if declared is None and not name.startswith("AMAZON."):
            raise UnknownIntent(f"{name} is not in the {self.locale} model")
        fills: dict[str, SlotFill] = {}
        for slot_name, spoken in slots.items():
            if spoken is None:
                continue
            slot = declared.slot(slot_name) if declared else None
            if slot is None:
                raise UnknownIntent(f"{name} has no slot {slot_name!r}")
            fill = self.model.resolver.fill(slot, str(spoken))
            if fill is None:
                raise ValueError(f"{spoken!r} can't fill {slot_name} ({slot.type})")
            fills[slot_name] = fill
        return self._intent(Resolution(name, name, fills, 1.0), utterance=None)

    def touch(self, arguments: list) -> TurnResult:
        """Touch the screen: a UserEvent with a ``SendEvent``'s ``arguments``, from the
        document on screen (the last RenderDocument)."""
        if self.device not in VIEWPORTS:
            raise ValueError(f"a {self.device} has no screen to touch")
        shown = next((turn.apl for turn in reversed(self.history) if turn.apl), None)
        if shown is None:
            raise ValueError("nothing is on the screen to touch")
        session = self._session(fresh=False)
        return self._send(self.builder.user_event(session, arguments, shown), session, None)

    def end(self, reason: str = "USER_INITIATED", *, utterance: str | None = None) -> TurnResult:
        """Close the session as Alexa does when the user says "exit" (SessionEndedRequest)."""
        if not self.session_open:
            return TurnResult(utterance=utterance, request_type=None, should_end_session=True)
        session = self._session(fresh=False)
        result = self._send(self.builder.session_ended(session, reason), session, utterance)
        self._close()
        return result

    def transcript(self) -> list[dict]:
        """Every turn so far as ``simulate --json`` records."""
        return [turn.as_json() for turn in self.history]

    # -- plumbing ----------------------------------------------------------------------
    def _session(self, *, fresh: bool) -> Session:
        if fresh or not self.session_open:
            self.session = self.builder.new_session()
        return self.session

    def _close(self) -> None:
        if self.session is not None:
            self.session.open = False
            self.session.attributes = {}

    def _intent(self, resolution: Resolution, utterance: str | None) -> TurnResult:
        session = self._session(fresh=False)
        envelope = self.builder.intent(session, self.model, resolution.intent, resolution.slots)
        result = self._send(envelope, session, utterance, resolution)
        return result

    def _send(
        self,
        envelope: dict,
        session: Session,
        utterance: str | None,
        resolution: Resolution | None = None,
    ) -> TurnResult:
        delivery = self.target.send(envelope)
        request = envelope["request"]
        response = delivery.envelope.get("response") or {}
        end = response.get("shouldEndSession")
        result = TurnResult(
            utterance=utterance,
            request_type=request["type"],
            intent=request.get("intent", {}).get("name"),
            plugin=delivery.plugin,
            ssml=_speech_of(response.get("outputSpeech")),
            reprompt_ssml=_speech_of((response.get("reprompt") or {}).get("outputSpeech")),
            card=response.get("card"),
            directives=list(response.get("directives") or []),
            should_end_session=end,
            session_attributes=json.loads(
                json.dumps(delivery.envelope.get("sessionAttributes") or {})
            ),
            request=envelope,
            response=delivery.envelope,
            resolution=resolution,
        )
        if resolution is not None:
            result.slots = {n: f.value for n, f in resolution.slots.items()}
            result.resolved = {n: f.resolved for n, f in resolution.slots.items() if f.resolved}
            result.score = resolution.score
        session.new = False
        if request["type"] != "SessionEndedRequest":
            session.attributes = dict(result.session_attributes)
            if self._ends(end, response):
                self._close()
        result.problems = lint(
            delivery.envelope,
            request_type=result.request_type,
            intent=result.intent,
            request=envelope,
        )
        self.history.append(result)
        if self.lint and result.problems:
            raise LintError(result.problems, utterance or result.intent or result.request_type)
        return result

    def _ends(self, end: bool | None, response: dict) -> bool:
        """Whether Alexa closes the session after this response."""
        if end is not None:
            return bool(end)
        # Left unset: a screen keeps the session (mic closed); a speaker closes it unless
        # there is a reprompt to wait for.
        return self.device not in VIEWPORTS and not response.get("reprompt")
