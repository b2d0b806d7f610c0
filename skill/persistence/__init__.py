"""Where durable user state is kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

    from skill.settings import Settings


def make_adapter(settings: Settings) -> AbstractPersistenceAdapter | None:
    """The persistence adapter for ``settings.store``; ``None`` keeps state in the session."""
    return None
