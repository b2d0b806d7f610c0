"""The fast serializer reads every Alexa request exactly as the SDK's own does."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from pathlib import Path

import pytest
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from ask_sdk_model.request import Request

from skill.serializer import AlexaSerializer

SDK = DefaultSerializer()
STAMPS = ["2026-11-26T00:00:00Z", "2026-11-26T08:15:30.123Z", "2026-11-26T08:15:30+00:00"]


def sample(obj_type, stamp: str, depth: int = 0):
    """A JSON value for ``obj_type`` with every field filled, a few levels deep."""
    if isinstance(obj_type, str):
        if obj_type.startswith("list["):
            return [sample(obj_type[5:-1].split(",")[0].strip(), stamp, depth + 1)]
        if obj_type.startswith("dict("):
            value_type = obj_type[5:-1].split(", ", 1)[1]
            return {"key": sample(value_type, stamp, depth + 1)}
        native = DefaultSerializer.NATIVE_TYPES_MAPPING.get(obj_type)
        if native is not None:
            return sample(native, stamp, depth)
        module, _, name = obj_type.rpartition(".")
        obj_type = getattr(__import__(module, fromlist=[name]), name)
    if obj_type is str:
        return "text"
    if obj_type is bool:
        return True
    if obj_type in (int, float):
        return 3
    if obj_type in (datetime, date):
        return stamp
    if obj_type is object:
        return {"any": ["thing", 1]}
    if isinstance(obj_type, type) and issubclass(obj_type, Enum):
        return next(iter(obj_type)).value
    if depth > 4 or not hasattr(obj_type, "deserialized_types"):
        return None
    discriminators = getattr(obj_type, "discriminator_value_class_map", None)
    payload = {}
    if discriminators and hasattr(obj_type, "get_real_child_model"):
        kind, child = next(iter(discriminators.items()))
        payload[obj_type.json_discriminator_key] = kind
        module, _, name = child.rpartition(".")
        obj_type = getattr(__import__(module, fromlist=[name]), name)
    names = {**obj_type.attribute_map}
    for name, field_type in obj_type.deserialized_types.items():
        key = names.get(name, name)
        if key not in payload:
            payload[key] = sample(field_type, stamp, depth + 1)
    return payload


def envelope_of(kind: str, stamp: str) -> dict:
    envelope = sample("ask_sdk_model.request_envelope.RequestEnvelope", stamp)
    request_class = Request.discriminator_value_class_map[kind]
    module, _, name = request_class.rpartition(".")
    request = sample(getattr(__import__(module, fromlist=[name]), name), stamp)
    request["type"] = kind
    envelope["request"] = request
    envelope["unknownTopLevelField"] = {"kept": True}
    return envelope


@pytest.mark.parametrize("stamp", STAMPS)
@pytest.mark.parametrize("kind", sorted(Request.discriminator_value_class_map))
def test_every_request_type_reads_as_the_sdk_reads_it(kind, stamp):
    payload = envelope_of(kind, stamp)
    try:
        theirs = SDK.deserialize(json.dumps(payload), RequestEnvelope)
    except SerializationException:
        with pytest.raises(SerializationException):
            AlexaSerializer().deserialize_dict(payload, RequestEnvelope)
        return
    ours = AlexaSerializer().deserialize_dict(payload, RequestEnvelope)
    assert type(ours.request) is type(theirs.request)
    assert ours == theirs
    assert ours.request.timestamp == theirs.request.timestamp
    assert type(ours.request.timestamp.tzinfo) is type(theirs.request.timestamp.tzinfo)
    assert ours.to_dict() == theirs.to_dict()


def test_recorded_requests_read_as_the_sdk_reads_them():
    serializer = AlexaSerializer()
    for path in Path(__file__).parent.glob("*.json"):
        payload = json.loads(path.read_text())
        assert serializer.deserialize_dict(payload, RequestEnvelope) == SDK.deserialize(
            json.dumps(payload), RequestEnvelope
        )


def test_what_the_sdk_cannot_read_fails_the_same_way():
    payload = {"request": {"type": "NoSuchRequest", "requestId": "r", "timestamp": STAMPS[0]}}
    with pytest.raises(SerializationException):
        SDK.deserialize(json.dumps(payload), RequestEnvelope)
    with pytest.raises(SerializationException):
        AlexaSerializer().deserialize_dict(payload, RequestEnvelope)


class CheckedSerializer(AlexaSerializer):
    """Serializes as ours does, and fails the test if the SDK's own would differ."""

    def __init__(self):
        super().__init__()
        self.checked = 0

    def serialize(self, obj):
        ours = super().serialize(obj)
        if type(obj).__module__.startswith("ask_sdk_model") and obj is not None:
            theirs = SDK.serialize(obj)
            assert json.dumps(ours) == json.dumps(theirs)
            self.checked += 1
        return ours


def test_answers_are_written_as_the_sdk_writes_them():
    from skill.runtime import SkillRuntime
    from skill.settings import Settings
    from skill.simulator import Conversation

    runtime = SkillRuntime(Settings(verify=False, store="memory"))
    runtime.serializer = checked = CheckedSerializer()
    for device in ("speaker", "screen"):
        alexa = Conversation(target=runtime, device=device)
        alexa.launch()
        for said in ("what records do i need", "i have my imaging scans", "help", "stop"):
            alexa.say(said)
    assert checked.checked >= 10
