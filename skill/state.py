"""The user's durable state: what lasts beyond one session.

Kept in the session until a persistence adapter is configured; then loaded once per
session from the store and written back when it changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

USER_KEY = "user"
CHANGED_KEY = "user_changed"


def user_state(handler_input: HandlerInput) -> dict:
    """The mutable dict of durable state for the user making this request."""
    return handler_input.attributes_manager.session_attributes.setdefault(USER_KEY, {})


def mark_changed(handler_input: HandlerInput) -> None:
    """Note that the durable state changed during this request."""
    handler_input.attributes_manager.request_attributes[CHANGED_KEY] = True
