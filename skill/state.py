"""The user's durable state: what lasts beyond one session.

It lives in the session (:func:`skill.session.user`) as ``{area name: {...}}``. With a store
configured, :class:`skill.persistence.interceptors.LoadUserState` fills it from the store
on the first request of a session, and
:class:`skill.persistence.interceptors.SaveUserState` writes it back after any request that
called :func:`mark_changed`. Keep it to JSON values: flags, catalogue ids, timestamps.
Lists are treated as sets when concurrent sessions are merged (order kept, no duplicates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill import session

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

#: Request attribute: the durable state changed during this request.
CHANGED_KEY = "user_changed"


def user_state(handler_input: HandlerInput) -> dict:
    """The mutable dict of durable state for the user making this request."""
    return session.user(handler_input)


def mark_changed(handler_input: HandlerInput) -> None:
    """Note that the durable state changed during this request."""
    handler_input.attributes_manager.request_attributes[CHANGED_KEY] = True


def changed(handler_input: HandlerInput) -> bool:
    """Whether :func:`mark_changed` was called during this request."""
    return bool(handler_input.attributes_manager.request_attributes.get(CHANGED_KEY))


def replace(handler_input: HandlerInput, new_state: dict) -> None:
    """Replace the durable state in place, so dicts handed out earlier see the change."""
    current = user_state(handler_input)
    current.clear()
    current.update(new_state)


def forget(handler_input: HandlerInput) -> None:
    """After an erase: nothing is remembered, in the session or as its stored base."""
    replace(handler_input, {})
    session.stored(handler_input).update(base={}, loaded=True)
    handler_input.attributes_manager.request_attributes.pop(CHANGED_KEY, None)
