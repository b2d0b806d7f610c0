"""Checks for the screens a response carries: what Alexa would refuse, and the screen rule.

Used by the simulator's lint on every response; returns ``(rule, message)`` pairs. The size
of the whole response, screen included, is the lint's own ``response-too-large`` rule.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.directive import Directive
from ask_sdk_model.interfaces.alexa.presentation.apl import Command, RenderDocumentDirective

RENDER_DOCUMENT = "Alexa.Presentation.APL.RenderDocument"
APL_INTERFACE = "Alexa.Presentation.APL"
#: APL's primitive components; anything else must be a layout the document defines.
COMPONENTS = frozenset(
    {
        "Container", "EditText", "Frame", "GridSequence", "Image", "Pager", "ScrollView",
        "Sequence", "Text", "TouchWrapper", "VectorGraphic", "Video",
    }
)  # fmt: skip
#: Properties that hold commands.
HANDLERS = frozenset({"onPress", "onMount", "onScroll", "onFocus", "onBlur", "onDown", "onUp"})
_BINDING = re.compile(r"\$\{")

serializer = DefaultSerializer()


def check_screens(response_envelope: dict, request_envelope: dict | None) -> list[tuple[str, str]]:
    """Every screen rule the response breaks, as ``(rule, message)``."""
    response = response_envelope.get("response") or {}
    documents = [d for d in response.get("directives") or () if d.get("type") == RENDER_DOCUMENT]
    if not documents:
        return []
    problems: list[tuple[str, str]] = []
    if request_envelope is not None and not supports_apl(request_envelope):
        problems.append(("apl-unsupported", "a RenderDocument to a device without APL"))
    heard = unmatched_slot_values(request_envelope or {})
    for directive in documents:
        problems += check_directive(directive)
        shown = " ".join(strings_in(directive.get("datasources") or {})).lower()
        for value in heard:
            if re.search(rf"\b{re.escape(value.lower())}\b", shown):
                problems.append(
                    ("apl-health-data", "the screen shows words the user said (a slot value)")
                )
    return problems


def supports_apl(request_envelope: dict) -> bool:
    system = (request_envelope.get("context") or {}).get("System") or {}
    interfaces = (system.get("device") or {}).get("supportedInterfaces") or {}
    return APL_INTERFACE in interfaces


def check_directive(directive: dict) -> list[tuple[str, str]]:
    """Valid against ask-sdk-model's APL types, with a token and a well-formed document."""
    try:
        parsed = serializer.deserialize(json.dumps(directive), Directive)
    except SerializationException as exc:
        return [("apl-invalid", f"not a RenderDocument ask-sdk-model can read: {exc}")]
    if not isinstance(parsed, RenderDocumentDirective):
        return [("apl-invalid", "not a RenderDocument directive")]
    problems = []
    if not (isinstance(parsed.token, str) and parsed.token.strip()):
        problems.append(("apl-token", "the RenderDocument has no token"))
    document = parsed.document
    if not isinstance(document, dict) or document.get("type") != "APL":
        return [*problems, ("apl-invalid", "the document is not of type APL")]
    if not isinstance(document.get("version"), str):
        problems.append(("apl-invalid", "the document has no APL version"))
    template = document.get("mainTemplate")
    if not isinstance(template, dict) or not (template.get("item") or template.get("items")):
        return [*problems, ("apl-invalid", "the document has no mainTemplate item")]
    layouts = document.get("layouts") or {}
    roots = [template, *(layout for layout in layouts.values() if isinstance(layout, dict))]
    for root in roots:
        for component in components(root):
            kind = component.get("type")
            if kind not in COMPONENTS and kind not in layouts:
                problems.append(("apl-invalid", f"unknown component or layout {kind!r}"))
            for name in HANDLERS & set(component):
                problems += check_commands(component[name], f"{kind}.{name}")
    return problems


def check_commands(commands: object, where: str) -> list[tuple[str, str]]:
    if isinstance(commands, dict):
        commands = [commands]
    if not isinstance(commands, list):
        return [("apl-invalid", f"{where} is not a list of commands")]
    problems = []
    for command in commands:
        try:
            parsed = serializer.deserialize(json.dumps(command), Command)
        except SerializationException:
            parsed = None
        if parsed is None:
            problems.append(("apl-invalid", f"{where} has a command ask-sdk-model doesn't know"))
            continue
        arguments = command.get("arguments")
        if command.get("type") == "SendEvent" and not (
            isinstance(arguments, list)
            or (isinstance(arguments, str) and _BINDING.match(arguments))
        ):
            problems.append(("apl-invalid", f"{where}: SendEvent arguments must be a list"))
    return problems


def components(node: object) -> Iterator[dict]:
    """Every component under ``node`` (its ``item``/``items``, however deep)."""
    if not isinstance(node, dict):
        return
    for key in ("item", "items", "firstItem", "lastItem"):
        children = node.get(key)
        for child in children if isinstance(children, list) else [children]:
            if isinstance(child, dict) and "type" in child:
                yield child
                yield from components(child)


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def unmatched_slot_values(request_envelope: dict) -> list[str]:
    """What the user said that the skill didn't match to its own catalogue: never shown."""
    intent = (request_envelope.get("request") or {}).get("intent") or {}
    values = []
    for slot in (intent.get("slots") or {}).values():
        value = (slot or {}).get("value")
        if not value or value.isdigit():
            continue
        authorities = (slot.get("resolutions") or {}).get("resolutionsPerAuthority") or []
        matched = any(
            (a.get("status") or {}).get("code") == "ER_SUCCESS_MATCH" for a in authorities
        )
        if not matched:
            values.append(value)
    return values
