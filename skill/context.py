"""What travels with each request besides the envelope: who answered it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

    from skill.core.menu import Menu


class InvocationContext:
    """Passed to the skill with each request; comes back saying which plugin answered.

    It also carries the menu of loaded areas, so an area can point to another one only
    when that area is there.
    """

    __slots__ = ("plugin", "menu")

    def __init__(self, menu: Menu | None = None) -> None:
        self.plugin: str | None = None
        self.menu = menu


def answered_by(handler_input: HandlerInput, plugin: str) -> None:
    """Record ``plugin`` as the one answering this request."""
    if isinstance(handler_input.context, InvocationContext):
        handler_input.context.plugin = plugin
