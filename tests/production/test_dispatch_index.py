"""The skill asks only the handlers that may answer a request, and picks the same one the
SDK's mapper, asking every handler in turn, would pick."""

from __future__ import annotations

import json
import uuid

import pytest
from ask_sdk_core.attributes_manager import AttributesManager
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_runtime.dispatch_components.request_components import GenericRequestMapper

from skill.builder import IntentIndex
from skill.runtime import SkillRuntime
from skill.settings import MODELS_DIR, Settings


@pytest.fixture(scope="module")
def runtime() -> SkillRuntime:
    return SkillRuntime(Settings(verify=False, store="memory"))


def envelope(request: dict, attributes: dict | None = None) -> dict:
    ids = {"applicationId": "amzn1.ask.skill.test"}
    user = {"userId": "amzn1.ask.account.test"}
    return {
        "version": "1.0",
        "session": {
            "new": False,
            "sessionId": "amzn1.echo-api.session.test",
            "application": ids,
            "user": user,
            "attributes": attributes or {},
        },
        "context": {"System": {"application": ids, "user": user, "device": {"deviceId": "d"}}},
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": "2026-11-26T00:00:00Z",
            "locale": "en-US",
            **request,
        },
    }


def requests() -> list[dict]:
    """Every intent of the en-US model, and the requests that name none."""
    model = json.loads((MODELS_DIR / "en-US.json").read_text())
    names = [i["name"] for i in model["interactionModel"]["languageModel"]["intents"]]
    found = [{"type": "IntentRequest", "intent": {"name": name, "slots": {}}} for name in names]
    found.append({"type": "IntentRequest", "intent": {"name": "NoSuchIntent", "slots": {}}})
    found += [
        {"type": "LaunchRequest"},
        {"type": "SessionEndedRequest", "reason": "USER_INITIATED"},
        {"type": "CanFulfillIntentRequest", "intent": {"name": names[0], "slots": {}}},
    ]
    return found


def test_the_index_picks_what_asking_every_handler_picks(runtime):
    (mapper,) = runtime.skill.request_dispatcher.request_mappers
    assert isinstance(mapper, IntentIndex)
    every = GenericRequestMapper(mapper.request_handler_chains)
    answered = 0
    for request in requests():
        parsed = runtime.deserialize(envelope(request))
        handler_input = HandlerInput(
            request_envelope=parsed, attributes_manager=AttributesManager(parsed)
        )
        chosen = mapper.get_request_handler_chain(handler_input)
        assert chosen is every.get_request_handler_chain(handler_input), request
        answered += chosen is not None
    assert answered >= len(requests()) - 1  # all but the unknown intent find a handler


def test_a_request_for_one_area_asks_a_few_handlers_not_all(runtime, monkeypatch):
    (mapper,) = runtime.skill.request_dispatcher.request_mappers
    asked = []
    for chain in mapper.request_handler_chains:
        handler = chain.request_handler
        monkeypatch.setattr(
            handler,
            "can_handle",
            lambda handler_input, handler=handler, inner=handler.can_handle: (
                asked.append(handler) or inner(handler_input)
            ),
        )
    parsed = runtime.deserialize(
        envelope({"type": "IntentRequest", "intent": {"name": "RecordsChecklistIntent"}})
    )
    handler_input = HandlerInput(
        request_envelope=parsed, attributes_manager=AttributesManager(parsed)
    )
    chosen = mapper.get_request_handler_chain(handler_input)
    assert chosen is not None and "RecordsChecklistIntent" in chosen.request_handler.intents
    assert len(asked) < len(mapper.request_handler_chains) / 2
