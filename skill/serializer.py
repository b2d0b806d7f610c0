"""The SDK's serializer, without the slow steps it repeats on every Alexa request.

``DefaultSerializer`` works out, for every value of every request, what it should become:
it matches type strings with regular expressions, imports model classes by name, merges
attribute maps, and hands each timestamp to ``dateutil``'s general parser. Here each type
is worked out once, into a reader kept for the next request, and Alexa's timestamps (one
fixed shape, ``2026-11-26T00:00:00Z``, sometimes with a fraction) are read directly. The
objects out are the SDK's own, attribute for attribute, with the time zone ``dateutil``
gives a ``Z`` on this machine (``tzutc``, or ``tzlocal`` where local time is UTC); anything
unusual still goes to the SDK's code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from dateutil.parser import parse as dateutil_parse

ALEXA_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z")
#: The zone dateutil puts on a ``Z`` timestamp here, learned once from dateutil itself.
UTC = dateutil_parse("2000-01-01T00:00:00Z").tzinfo
LIST = re.compile(r"list\[(.*)\]")
DICT = re.compile(r"dict\(([^,]*), (.*)\)")

Reader = Callable[[Any], Any]


class AlexaSerializer(DefaultSerializer):
    """A :class:`DefaultSerializer` that reads Alexa's requests with readers built once."""

    def __init__(self) -> None:
        super().__init__()
        self._readers: dict[Any, Reader] = {}
        self._writers: dict[type, Reader] = {}
        self._classes: dict[str, Any] = {}

    def serialize(self, obj: Any) -> Any:
        """``obj`` as JSON values, exactly as the SDK's ``serialize`` gives them."""
        if obj is None:
            return None
        writer = self._writers.get(type(obj))
        if writer is None:
            writer = self._writers[type(obj)] = self._writer(type(obj))
        return writer(obj)

    def _writer(self, kind: type) -> Reader:
        """How the SDK's ``serialize`` treats values of ``kind``, decided once, in its order."""
        write = self.serialize
        if issubclass(kind, self.PRIMITIVE_TYPES):
            return lambda obj: obj
        if issubclass(kind, list):
            return lambda obj: [write(item) for item in obj]
        if issubclass(kind, tuple):
            return lambda obj: tuple(write(item) for item in obj)
        if issubclass(kind, (datetime, date)):
            return lambda obj: obj.isoformat()
        if issubclass(kind, Enum):
            return lambda obj: obj.value
        if issubclass(kind, dict):
            return lambda obj: {key: write(value) for key, value in obj.items()}
        if not hasattr(kind, "deserialized_types"):
            return super().serialize  # Decimal, and whatever else the SDK knows
        names = {**getattr(kind, "attribute_map", {})}
        fields = [(name, names.get(name, name)) for name in kind.deserialized_types]

        def model(obj: Any) -> dict:
            out = {}
            for name, key in fields:
                value = getattr(obj, name)
                if value is not None:
                    out[key] = write(value)
            return out

        return model

    def deserialize_dict(self, payload: dict, obj_type: Any) -> Any:
        """``payload`` (already parsed JSON) as an ``obj_type``, as ``deserialize`` would."""
        return self._DefaultSerializer__deserialize(payload, obj_type)

    # The SDK calls these through their name-mangled names, so these override them.
    def _DefaultSerializer__deserialize(self, payload: Any, obj_type: Any) -> Any:
        if payload is None:
            return None
        reader = self._readers.get(obj_type)
        if reader is None:
            reader = self._readers[obj_type] = self._reader(obj_type)
        return reader(payload)

    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if isinstance(payload, str) and ALEXA_TIMESTAMP.fullmatch(payload):
            parsed = datetime.fromisoformat(payload[:-1]).replace(tzinfo=UTC)
            return parsed.date() if obj_type is date else parsed
        return super()._DefaultSerializer__deserialize_datetime(payload, obj_type)

    def _DefaultSerializer__load_class_from_name(self, class_name: str) -> Any:
        found = self._classes.get(class_name)
        if found is None:
            found = super()._DefaultSerializer__load_class_from_name(class_name)
            self._classes[class_name] = found
        return found

    # -- readers, one per type, built on first use -----------------------------------------
    def _read(self, payload: Any, obj_type: Any) -> Any:
        return self._DefaultSerializer__deserialize(payload, obj_type)

    def _reader(self, obj_type: Any) -> Reader:
        if isinstance(obj_type, str):
            if obj_type.startswith("list["):
                match = LIST.match(obj_type)
                if match is None or "," in match.group(1):
                    return lambda payload: super(
                        AlexaSerializer, self
                    )._DefaultSerializer__deserialize(payload, obj_type)
                item = match.group(1).strip()
                return lambda payload: [self._read(value, item) for value in payload]
            if obj_type.startswith("dict("):
                match = DICT.match(obj_type)
                if match is None:
                    return lambda payload: {}
                value_type = match.group(2)
                return lambda payload: {k: self._read(v, value_type) for k, v in payload.items()}
            if obj_type in self.NATIVE_TYPES_MAPPING:
                obj_type = self.NATIVE_TYPES_MAPPING[obj_type]
            else:
                obj_type = self._DefaultSerializer__load_class_from_name(obj_type)
            return self._reader(obj_type)
        if obj_type in self.PRIMITIVE_TYPES:
            primitive = self._DefaultSerializer__deserialize_primitive
            return lambda payload: (
                payload if type(payload) is obj_type else primitive(payload, obj_type)
            )
        if obj_type is object:
            return lambda payload: payload
        if obj_type is date or obj_type is datetime:
            return lambda payload: self._DefaultSerializer__deserialize_datetime(payload, obj_type)
        return self._model_reader(obj_type)

    def _model_reader(self, model: Any) -> Reader:
        if isinstance(model, type) and issubclass(model, Enum):
            return _wrapped(model)
        if not hasattr(model, "deserialized_types"):
            return lambda payload: payload
        if hasattr(model, "get_real_child_model"):
            # The request type (or another discriminator) names the class, per payload.
            def discriminated(payload: Any) -> Any:
                name = model.get_real_child_model(payload)
                if not name:
                    raise SerializationException(
                        f"Couldn't resolve object by discriminator type for {model} class"
                    )
                child = self._DefaultSerializer__load_class_from_name(name)
                return self._fields_reader(child)(payload)

            return _wrapped(discriminated)
        return _wrapped(self._fields_reader(model))

    def _fields_reader(self, model: Any) -> Reader:
        key = ("fields", model)
        reader = self._readers.get(key)
        if reader is not None:
            return reader
        types = model.deserialized_types
        names = {**getattr(model, "attribute_map", {})}
        names.update({name: name for name in types if name not in names})
        fields = [(json_key, name, types[name]) for name, json_key in names.items()]
        known = frozenset(names.values())
        read = self._read

        def reader(payload: Any) -> Any:
            made = model()
            for json_key, name, field_type in fields:
                if json_key in payload:
                    setattr(made, name, read(payload[json_key], field_type))
            for extra in payload:
                if extra not in known:
                    setattr(made, extra, payload[extra])
            return made

        self._readers[key] = reader
        return reader


def _wrapped(reader: Reader) -> Reader:
    """Failures as the SDK reports them: a :class:`SerializationException`."""

    def read(payload: Any) -> Any:
        try:
            return reader(payload)
        except SerializationException:
            raise
        except Exception as exc:
            raise SerializationException(str(exc)) from exc

    return read
