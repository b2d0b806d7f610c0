"""The model view: what an utterance resolves to, which intents come close, and where the
samples and the spoken strings it touches are written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skill.simulator.normalize import normalize
from skill.studio.strings import shown_path

if TYPE_CHECKING:
    from skill.simulator.model import InteractionModel
    from skill.studio.strings import StringIndex

#: Candidates within this much of the best score make an utterance ambiguous.
AMBIGUOUS_WITHIN = 0.1


def intent_location(model: InteractionModel, intent: str) -> dict:
    """The model file and the JSON path of ``intent``'s samples."""
    if intent not in model.intents:
        return {"file": None, "key": f"{intent} (built in: Alexa's own samples)"}
    return {
        "file": shown_path(model.source),
        "key": f"interactionModel.languageModel.intents[name={intent}].samples",
    }


def closest_samples(model: InteractionModel, intent: str, text: str, limit: int = 3) -> list:
    """The samples of ``intent`` sharing most words with ``text``."""
    declared = model.intents.get(intent)
    if declared is None:
        return []
    words = set(normalize(text).split())
    ranked = sorted(
        declared.samples, key=lambda s: (-len(words & set(normalize(s).split())), len(s))
    )
    return ranked[:limit]


def search_model(model: InteractionModel, strings: StringIndex, query: str) -> dict[str, Any]:
    """Everything the model view shows for ``query``."""
    resolution = model.resolver.resolve(query)
    candidates = model.resolver.candidates(query)
    best = candidates[0][1] if candidates else 0.0
    return {
        "query": query,
        "intent": resolution.intent,
        "score": resolution.score,
        "slots": [
            {"name": fill.name, "value": fill.value, "resolved": fill.resolved}
            for fill in resolution.slots.values()
        ],
        "ambiguous": sum(score >= best - AMBIGUOUS_WITHIN for _, score in candidates) > 1,
        "candidates": [
            {
                "intent": intent,
                "score": score,
                "samples": closest_samples(model, intent, query),
                **intent_location(model, intent),
            }
            for intent, score in candidates
        ],
        "exact": [
            {"intent": intent, "sample": sample}
            for intent, sample in model.resolver.exact_matches(query)
        ],
        "strings": [string.as_json() for string in strings.search(query)],
    }
