"""Delete my data (confirmed first), what do you remember about me, and skill disabled.

The host registers these after the safety gate and before every area, attributed to
``core``. They take the store from the host, so erasing reaches the store itself.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.utils import get_request_type

from skill import session, speech, state
from skill.area import AnswerHandler, Area, AreaHandler
from skill.core import CORE
from skill.core.handlers import DISCLAIMER_FLAG, leave_areas
from skill.health import durable
from skill.persistence.interceptors import loaded
from skill.privacy import PRIVACY
from skill.privacy.intents import DELETE_MY_DATA, SKILL_DISABLED, WHAT_DO_YOU_REMEMBER
from skill.turn import LAST_AREA, Turn, respond

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.core.menu import Menu
    from skill.persistence import UserStore

logger = logging.getLogger(__name__)

DELETE_QUESTION = "delete"


class PrivacyHandler(AreaHandler):
    """A privacy intent: knows the store (``None`` when nothing outlives the session)."""

    def __init__(self, store: UserStore | None, menu: Menu):
        super().__init__(PRIVACY)
        self.store = store
        self.menu = menu

    def carry_on(self, turn: Turn, opening: str) -> Response:
        """``opening``, then back to the top level with a question."""
        leave_areas(turn)
        example = self.menu.examples(turn.locale, limit=1)
        return respond(
            turn.handler_input,
            speech.join(opening, turn.t("next", example=example)),
            reprompt=turn.t("next.reprompt", example=example),
        )


class DeleteMyDataHandler(PrivacyHandler):
    """Asked to delete my data or forget me: confirm first (see :class:`ConfirmDeleteHandler`)."""

    intents = (DELETE_MY_DATA,)

    def answer(self, turn: Turn) -> Response:
        return turn.ask_yes_no(
            turn.t("delete.confirm"), turn.t("delete.confirm_reprompt"), about=DELETE_QUESTION
        )


class ConfirmDeleteHandler(PrivacyHandler, AnswerHandler):
    """Yes erases everything stored for the user, then says so; no keeps it."""

    questions = (DELETE_QUESTION,)

    def answer(self, turn: Turn) -> Response:
        if turn.intent_name != "AMAZON.YesIntent":
            return self.carry_on(turn, turn.t("delete.kept"))
        if self.store is not None:
            try:
                self.store.delete_attributes(turn.handler_input.request_envelope)
            except Exception as exc:  # nothing was erased: say so, never claim otherwise
                logger.warning("erase failed: %s (request %s)", type(exc).__name__, turn.request_id)
                return self.carry_on(turn, turn.t("delete.failed"))
        state.forget(turn.handler_input)
        session.clear_progress(turn.handler_input)
        logger.info("user data erased on request (request %s)", turn.request_id)
        return self.carry_on(turn, turn.t("delete.done"))


class WhatDoYouRememberHandler(PrivacyHandler):
    """Reads back what is kept: flags and progress per area, never health details."""

    intents = (WHAT_DO_YOU_REMEMBER,)

    def answer(self, turn: Turn) -> Response:
        if self.store is not None and not loaded(turn.handler_input):
            # The store did not answer: what it holds is unknown, never "nothing".
            return self.carry_on(turn, turn.t("remember.unavailable"))
        user = state.user_state(turn.handler_input)
        progress = self.progress(turn, user)
        heard = bool((user.get(CORE.name) or {}).get(DISCLAIMER_FLAG))
        session_only = self.store is None
        held = self.held_now(turn)
        # Health progress kept for this session only: with no store it is simply part of
        # what is held now; beside a store, said apart from what is saved.
        also_held = ""
        if session_only:
            progress = held + progress
        elif held:
            items = speech.spoken_list(held, CORE.strings.get(turn.locale, "and"))
            also_held = turn.t("remember.held_now", items=items)
        never = turn.t(
            "remember.never"
            if session_only or durable(turn.handler_input)
            else "remember.never_session"
        )
        if not progress and not heard:
            opening = turn.t("remember.nothing_session" if session_only else "remember.nothing")
            return self.carry_on(turn, speech.join(opening, also_held))
        if progress:
            items = speech.spoken_list(progress, CORE.strings.get(turn.locale, "and"))
            also = turn.t("remember.disclaimer_also") if heard else ""
        else:
            items, also = turn.t("remember.disclaimer"), ""
        intro = turn.t("remember.intro_session" if session_only else "remember.intro", items=items)
        opening = speech.join(intro, also, also_held, never, turn.t("remember.control"))
        return self.carry_on(turn, opening)

    def held_now(self, turn: Turn) -> list[str]:
        """Health progress kept for this session only, one phrase per area, in menu order."""
        if durable(turn.handler_input):
            return []
        held = session.held_progress(turn.handler_input)
        return [
            kept_phrase(area, turn, held[area.name])
            for area in self.menu.areas
            if holds_something(held.get(area.name))
        ]

    def progress(self, turn: Turn, user: dict) -> list[str]:
        """One phrase per area with something kept, in menu order."""
        phrases = [
            kept_phrase(area, turn, user[area.name])
            for area in self.menu.areas
            if holds_something(user.get(area.name))
        ]
        last = self.menu.by_name.get((user.get(CORE.name) or {}).get(LAST_AREA[1]) or "")
        if last is not None:
            phrases.append(turn.t("remember.last_area", title=last.title(turn.locale)))
        known = {CORE.name, *self.menu.by_name}
        if any(holds_something(value) for name, value in user.items() if name not in known):
            phrases.append(turn.t("remember.other"))
        return phrases


def holds_something(value: object) -> bool:
    """Whether kept state says anything: empty lists and dicts don't; a ``False`` flag does."""
    if isinstance(value, dict):
        return any(holds_something(item) for item in value.values())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def kept_phrase(area: Area, turn: Turn, kept: dict) -> str:
    """What ``area`` keeps for the user, in a phrase: the area's own words, or its name."""
    title = area.title(turn.locale)
    phrase = area.remembered(turn.locale, kept)
    if phrase:
        return turn.t("remember.items", title=title, items=phrase)
    return turn.t("remember.area", title=title)


class SkillDisabledHandler(AbstractRequestHandler):
    """The user disabled the skill: erase everything stored for them."""

    def __init__(self, store: UserStore | None):
        self.store = store

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) == SKILL_DISABLED

    def handle(self, handler_input: HandlerInput) -> Response:
        request_id = handler_input.request_envelope.request.request_id
        if self.store is not None:
            try:
                self.store.delete_attributes(handler_input.request_envelope)
                logger.info("user data erased: skill disabled (request %s)", request_id)
            except Exception as exc:  # logged for the operator: `second-opinion data delete`
                logger.error(
                    "erase after skill disabled failed: %s (request %s)",
                    type(exc).__name__,
                    request_id,
                )
        return handler_input.response_builder.response


def privacy_handlers(store: UserStore | None, menu: Menu) -> list[AbstractRequestHandler]:
    """The privacy handlers, in the order they are tried."""
    return [
        SkillDisabledHandler(store),
        DeleteMyDataHandler(store, menu),
        ConfirmDeleteHandler(store, menu),
        WhatDoYouRememberHandler(store, menu),
    ]
