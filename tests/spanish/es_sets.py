"""The Spanish (es-US) held-out sets and what their answers must say.

The sets were written as Spanish speakers in the US talk, without reading the es-US model
or strings; the tests beside this module score them with the English sets' own scorers.
"""

from __future__ import annotations

import json
from pathlib import Path

from safety_set import Numbers

from skill.simulator.model import load_model
from skill.simulator.normalize import normalize

HERE = Path(__file__).parent

LOCALE = "es-US"
ROUTING = HERE / "heldout_routing_es_US.json"
SAFETY = HERE / "safety_es_US.json"
CONVERSATIONS = HERE / "conversations_es_US.json"

#: The US numbers, said in Spanish: 911, the 988 Lifeline, Poison Help
#: (../shared/research/domain-facts.md; locale-facts.md §5).
NUMBERS = Numbers(LOCALE, emergency="911", crisis="988", poison="1-800-222-1222")


def routing() -> list[dict]:
    return json.loads(ROUTING.read_text(encoding="utf-8"))["phrasings"]


def model_samples() -> set[str]:
    """Every sample of the es-US model, normalised as the resolver compares them."""
    return {
        normalize(sample)
        for intent in load_model(LOCALE).intents.values()
        for sample in intent.samples
    }


def gate_asks_if_now(turn) -> bool:
    """The gate asked "is this happening right now?", told by the question it left open.

    The English scorer looks for the English words; the yes/no question the gate leaves
    open in the session is the same in every language.
    """
    pending = turn.session_attributes.get("question")
    return turn.plugin == "safety" and pending == {"area": "safety", "about": "now"}
