"""Request envelopes shaped exactly like the ones Alexa sends."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from skill.simulator.resolver import value_id

if TYPE_CHECKING:
    from skill.simulator.model import InteractionModel
    from skill.simulator.resolver import SlotFill

APL_INTERFACE = "Alexa.Presentation.APL"
DEFAULT_SKILL_ID = "amzn1.ask.skill.5ec0bd0a-0000-4000-8000-000000000000"
API_ENDPOINT = "https://api.amazonalexa.com"

APL_RUNTIME = {APL_INTERFACE: {"runtime": {"maxVersion": "2023.3"}}}
#: What each device reports it can do: an Echo speaker, an Echo Show (landscape hub), the
#: small round hub (Echo Spot) and a Fire TV.
INTERFACES = {
    "speaker": {"AudioPlayer": {}},
    "screen": {
        "AudioPlayer": {},
        "Display": {"templateVersion": "1.0", "markupVersion": "1.0"},
        **APL_RUNTIME,
    },
    "round": {"AudioPlayer": {}, **APL_RUNTIME},
    "tv": {"AudioPlayer": {}, "VideoApp": {}, **APL_RUNTIME},
}


def viewport(
    mode: str, shape: str, width: int, height: int, dpi: int, arc: tuple[int, int], **inputs
) -> dict:
    """A ``context.Viewport`` as a device sends it; ``inputs``: ``touch``, ``keyboard``."""
    return {
        "experiences": [{"arcMinuteWidth": arc[0], "arcMinuteHeight": arc[1],
                         "canRotate": False, "canResize": False}],
        "mode": mode,
        "shape": shape,
        "pixelWidth": width,
        "pixelHeight": height,
        "dpi": dpi,
        "currentPixelWidth": width,
        "currentPixelHeight": height,
        **inputs,
        "video": {"codecs": ["H_264_42", "H_264_41"]},
    }  # fmt: skip


SCREEN_VIEWPORT = viewport("HUB", "RECTANGLE", 1024, 600, 160, (246, 144), touch=["SINGLE"])
ROUND_VIEWPORT = viewport("HUB", "ROUND", 480, 480, 160, (144, 144), touch=["SINGLE"])
TV_VIEWPORT = viewport("TV", "RECTANGLE", 1920, 1080, 320, (960, 540), keyboard=["DIRECTION"])
#: The Viewport each device with a screen sends in ``context``.
VIEWPORTS = {"screen": SCREEN_VIEWPORT, "round": ROUND_VIEWPORT, "tv": TV_VIEWPORT}
USER_EVENT = "Alexa.Presentation.APL.UserEvent"


@dataclass
class Session:
    """One Alexa session: its id, whether the next request is its first, its attributes."""

    id: str
    new: bool = True
    attributes: dict = field(default_factory=dict)
    open: bool = True


class EnvelopeBuilder:
    """Builds requests for one user on one device; ids come from ``seed`` when given.

    :param device: ``"speaker"``, ``"screen"`` (an Echo Show), ``"round"`` (the small
        round hub) or ``"tv"`` (a Fire TV); all but the speaker send APL and a viewport.
    :param seed: makes request, session and device ids repeatable, so a replayed
        conversation picks the same string variants.
    """

    def __init__(
        self,
        *,
        locale: str = "en-US",
        device: str = "speaker",
        user_id: str | None = None,
        skill_id: str | None = None,
        seed: str | int | None = None,
    ):
        if device not in INTERFACES:
            raise ValueError(f"device must be one of {sorted(INTERFACES)}, not {device!r}")
        self.locale = locale
        self.device = device
        self.skill_id = skill_id or DEFAULT_SKILL_ID
        self._random = random.Random(seed) if seed is not None else random.SystemRandom()
        self.user_id = user_id or "amzn1.ask.account." + self._token(48)
        self.device_id = "amzn1.ask.device." + self._token(48)

    def _token(self, length: int) -> str:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
        return "".join(self._random.choice(alphabet) for _ in range(length))

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self._random.getrandbits(128), version=4))

    def new_session(self) -> Session:
        """A session whose next request is its first: Alexa sends it no attributes."""
        return Session(id=f"amzn1.echo-api.session.{self._uuid()}")

    def ongoing_session(self, attributes: dict | None = None) -> Session:
        """A session already under way, whose requests carry ``attributes`` back, as Alexa
        returns what the skill's last response set (for tests: any attributes at all)."""
        session = self.new_session()
        session.new = False
        session.attributes = attributes if attributes is not None else {}
        return session

    # -- requests --------------------------------------------------------------------
    def launch(self, session: Session) -> dict:
        return self._envelope(session, {"type": "LaunchRequest"})

    def intent(
        self,
        session: Session,
        model: InteractionModel,
        name: str,
        fills: dict[str, SlotFill],
    ) -> dict:
        request = {"type": "IntentRequest", "intent": intent_payload(model, name, fills, self)}
        if name in model.dialog_intents:
            request["dialogState"] = "STARTED"
        return self._envelope(session, request)

    def session_ended(self, session: Session, reason: str = "USER_INITIATED") -> dict:
        return self._envelope(session, {"type": "SessionEndedRequest", "reason": reason})

    # -- for tests: requests the model can't produce ---------------------------------
    def request(
        self,
        session: Session | None,
        request_type: str,
        *,
        timestamp: datetime | str | None = None,
        **fields: object,
    ) -> dict:
        """An envelope around a request of any type, ``fields`` being the request's own keys.

        With ``session=None`` it has no session block, as Alexa sends skill events
        (``AlexaSkillEvent.SkillDisabled``). ``timestamp`` replaces now: a time, or any
        string at all, to test how a stale, future or unreadable one is met.
        """
        if timestamp is not None:
            fields["timestamp"] = stamp(timestamp) if isinstance(timestamp, datetime) else timestamp
        envelope = self._envelope(session or self.new_session(), {"type": request_type, **fields})
        if session is None:
            del envelope["session"]
        return envelope

    def intent_named(self, session: Session, name: str, **heard: str) -> dict:
        """An IntentRequest for ``name`` with slots as heard and no entity resolution, whether
        or not the model has the intent: an out-of-date model, a request from a test."""
        slots = {
            slot: {"name": slot, "value": value, "confirmationStatus": "NONE", "source": "USER"}
            for slot, value in heard.items()
        }
        intent: dict = {"name": name, "confirmationStatus": "NONE"}
        if slots:
            intent["slots"] = slots
        return self.request(session, "IntentRequest", intent=intent)

    def user_event(self, session: Session, arguments: list, shown: dict | None) -> dict:
        """A touch on the screen: the ``SendEvent`` ``arguments``, from the document ``shown``
        (the RenderDocument directive on screen), which Alexa names in ``context``."""
        request = {
            "type": USER_EVENT,
            "token": (shown or {}).get("token"),
            "arguments": list(arguments),
            "source": {"type": "TouchWrapper", "handler": "Press", "id": "", "value": False},
            "components": {},
        }
        envelope = self._envelope(session, request)
        if shown is not None:
            envelope["context"][APL_INTERFACE] = {
                "token": shown.get("token"),
                "version": "AplRenderer-1.8",
                "componentsVisibleOnScreen": [],
            }
        return envelope

    def _envelope(self, session: Session, request: dict) -> dict:
        """The envelope around ``request``, whose type-specific fields are already set."""
        request = {
            "type": request["type"],
            "requestId": f"amzn1.echo-api.request.{self._uuid()}",
            "timestamp": stamp(datetime.now(UTC)),
            "locale": self.locale,
            **{k: v for k, v in request.items() if k != "type"},
        }
        if request["type"] == "IntentRequest":
            # Alexa puts dialogState before the intent.
            request = {k: request[k] for k in sorted(request, key=_request_key_order)}
        application = {"applicationId": self.skill_id}
        user = {"userId": self.user_id}
        system = {
            "application": application,
            "user": user,
            "device": {
                "deviceId": self.device_id,
                "supportedInterfaces": INTERFACES[self.device],
            },
            "apiEndpoint": API_ENDPOINT,
        }
        context: dict = {"System": system}
        if self.device in VIEWPORTS:
            context["Viewport"] = VIEWPORTS[self.device]
        session_block = {
            "new": session.new,
            "sessionId": session.id,
            "application": application,
            "user": user,
        }
        if not session.new:
            session_block["attributes"] = session.attributes
        return {
            "version": "1.0",
            "session": session_block,
            "context": context,
            "request": request,
        }


def stamp(when: datetime) -> str:
    """``when`` as Alexa writes a request's timestamp: UTC, to the second."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_ORDER = ("type", "requestId", "timestamp", "locale", "dialogState", "intent", "reason")


def _request_key_order(key: str) -> int:
    return _ORDER.index(key) if key in _ORDER else len(_ORDER)


def authority(skill_id: str, slot_type: str) -> str:
    return f"amzn1.er-authority.echo-sdk.{skill_id}.{slot_type}"


def slot_payload(fill: SlotFill, skill_id: str) -> dict:
    """A filled slot, with Alexa's entity-resolution block for custom types."""
    slot: dict = {
        "name": fill.name,
        "value": fill.value,
        "confirmationStatus": "NONE",
        "source": "USER",
    }
    if fill.custom:
        resolution = {
            "authority": authority(skill_id, fill.type),
            "status": {"code": "ER_SUCCESS_MATCH" if fill.matches else "ER_SUCCESS_NO_MATCH"},
        }
        if fill.matches:
            resolution["values"] = [
                {"value": {"name": match.name, "id": value_id(match)}} for match in fill.matches
            ]
        slot["resolutions"] = {"resolutionsPerAuthority": [resolution]}
    slot["slotValue"] = {"type": "Simple", "value": fill.value}
    if "resolutions" in slot:
        slot["slotValue"]["resolutions"] = slot["resolutions"]
    return slot


def intent_payload(
    model: InteractionModel, name: str, fills: dict[str, SlotFill], builder: EnvelopeBuilder
) -> dict:
    """``request.intent``: every slot the intent declares, filled or not, as Alexa sends it."""
    intent: dict = {"name": name, "confirmationStatus": "NONE"}
    declared = model.intents.get(name)
    names = [slot.name for slot in declared.slots] if declared else []
    names += [n for n in fills if n not in names]
    if names:
        intent["slots"] = {
            slot: (
                slot_payload(fills[slot], builder.skill_id)
                if slot in fills
                else {"name": slot, "confirmationStatus": "NONE"}
            )
            for slot in names
        }
    return intent
