"""Everything the page shows about one turn: what was heard, who answered, what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skill.studio.screen import screen_of, touches_of, viewport_for

if TYPE_CHECKING:
    from skill.simulator import TurnResult
    from skill.simulator.model import InteractionModel
    from skill.studio.strings import StringIndex

_MISSING = object()


def attribute_changes(before: dict, after: dict, prefix: str = "") -> list[dict]:
    """Session attributes added, removed or changed, as dotted paths, in key order."""
    changes = []
    for key in sorted(set(before) | set(after), key=str):
        path = f"{prefix}{key}"
        old, new = before.get(key, _MISSING), after.get(key, _MISSING)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            changes += attribute_changes(old, new, f"{path}.")
        elif old is _MISSING:
            changes.append({"path": path, "change": "added", "after": new})
        elif new is _MISSING:
            changes.append({"path": path, "change": "removed", "before": old})
        else:
            changes.append({"path": path, "change": "changed", "before": old, "after": new})
    return changes


def turn_view(
    turn: TurnResult,
    previous: TurnResult | None,
    model: InteractionModel,
    strings: StringIndex,
    number: int,
    device: str,
) -> dict[str, Any]:
    """The page's view of ``turn`` on ``device``; ``previous`` is the turn before it."""
    heard = turn.resolution.utterance if turn.resolution is not None else None
    before = previous.session_attributes if previous is not None else {}
    return {
        "number": number,
        "utterance": turn.utterance,
        "request_type": turn.request_type,
        "intent": turn.intent,
        "slots": [
            {"name": name, "value": value, "resolved": turn.resolved.get(name)}
            for name, value in turn.slots.items()
        ],
        "score": turn.score,
        "candidates": [
            {"intent": intent, "score": score}
            for intent, score in (model.resolver.candidates(heard) if heard else [])
        ],
        "plugin": turn.plugin,
        "speech": turn.speech,
        "ssml": turn.ssml,
        "reprompt": turn.reprompt or None,
        "should_end_session": turn.should_end_session,
        "card": turn.card,
        "problems": [{"rule": p.rule, "message": p.message} for p in turn.problems],
        "attributes": turn.session_attributes,
        "changes": attribute_changes(before, turn.session_attributes),
        "spoken_from": [string.as_json() for string in strings.spoken_in(turn.speech)],
        "screen": screen_of(turn),
        "screen_preview": _preview(turn, device, number),
        "request": turn.request,
        "response": turn.response,
    }


def _preview(turn: TurnResult, device: str, number: int) -> dict | None:
    """Where the page finds the drawn screen, and the size it is drawn at."""
    viewport = viewport_for(device)
    if viewport is None or not turn.apl:
        return None
    return {
        "url": f"/api/screen/{number}",
        "profile": viewport.profile,
        "width": viewport.width,
        "height": viewport.height,
        "touches": touches_of(turn, device),
    }
