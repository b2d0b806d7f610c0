"""Local intent simulation: utterance, interaction model, request envelope, skill.

``Conversation`` drives the skill turn by turn through the same
``interaction_models/<locale>.json`` Alexa deploys, in this process or over HTTP.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skill.simulator.conversation import (
        Conversation,
        TurnResult,
        UnknownIntent,
        one_breath,
    )
    from skill.simulator.lint import ONE_BREATH, LintError, Problem
    from skill.simulator.model import InteractionModel, ModelError, load_model
    from skill.simulator.resolver import Resolution, SlotFill
    from skill.simulator.transport import TransportError

# Loaded on first use: pytest imports this package (for the ``alexa`` fixture) in every
# test run, and most runs never touch the simulator.
_EXPORTS = {
    "Conversation": "conversation",
    "ONE_BREATH": "lint",
    "one_breath": "conversation",
    "TurnResult": "conversation",
    "UnknownIntent": "conversation",
    "LintError": "lint",
    "Problem": "lint",
    "InteractionModel": "model",
    "ModelError": "model",
    "load_model": "model",
    "Resolution": "resolver",
    "SlotFill": "resolver",
    "TransportError": "transport",
}

__all__ = [
    "ONE_BREATH",
    "Conversation",
    "InteractionModel",
    "LintError",
    "ModelError",
    "Problem",
    "one_breath",
    "Resolution",
    "SlotFill",
    "TransportError",
    "TurnResult",
    "UnknownIntent",
    "load_model",
]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
