"""Load durable state at the start of a session and save it when a request changed it.

A store that is down or locked never costs the user an answer: the skill carries on from
the session, says once per session that progress could not be kept, and writes the
session's changes the next time the store answers.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor, AbstractResponseInterceptor

from skill import metrics, session, state
from skill.persistence.merge import copy_state, rebase
from skill.privacy import PRIVACY
from skill.safety import FLAG as SAFETY_FLAG

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.persistence import UserStore

logger = logging.getLogger(__name__)

#: Request attribute naming what failed ("load" or "save") during this request.
FAILED_KEY = "store_failed"
#: Request attribute: when the request began, on the store's clock (an erase since wins).
STARTED_KEY = "store_started"


class LoadUserState(AbstractRequestInterceptor):
    """Fill ``user_state`` from the store on the first request of a session.

    If the store failed earlier in the session it is asked again on each request; once it
    answers, changes made meanwhile are merged on top of what it holds.
    """

    def __init__(self, store: UserStore):
        self.store = store

    def process(self, handler_input: HandlerInput) -> None:
        manager = handler_input.attributes_manager
        if handler_input.request_envelope.session is None:
            return  # events outside a session (skill disabled) have no state to load
        manager.request_attributes[STARTED_KEY] = self.store.now()
        if SAFETY_FLAG in manager.request_attributes:
            return  # an emergency answer must not wait on the store
        stored = session.stored(handler_input)
        if stored["loaded"]:
            return
        try:
            fresh = manager.persistent_attributes
        except Exception as exc:  # any store failure: answer from the session instead
            _log_failure("load", exc, handler_input)
            manager.request_attributes[FAILED_KEY] = "load"
            return
        merged = rebase(fresh, stored["base"], state.user_state(handler_input))
        session.set_user(handler_input, merged)
        stored.update(base=copy_state(fresh), loaded=True)
        if merged != fresh:
            state.mark_changed(handler_input)


class SaveUserState(AbstractResponseInterceptor):
    """Write this request's changes to durable state, merged with what is stored now.

    Register it after the interceptor that remembers the last answer, so that the notice
    about a failed save is not repeated by "say that again".
    """

    def __init__(self, store: UserStore):
        self.store = store

    def process(self, handler_input: HandlerInput, response: Response) -> None:
        manager = handler_input.attributes_manager
        if handler_input.request_envelope.session is None:
            return
        # Most requests change nothing: they ask the session nothing more.
        if state.changed(handler_input):
            self._save(handler_input)
        failed = manager.request_attributes.get(FAILED_KEY)
        if failed:
            _warn_once(handler_input, response, failed)

    def _save(self, handler_input: HandlerInput) -> None:
        manager = handler_input.attributes_manager
        stored = session.stored(handler_input)
        current = state.user_state(handler_input)
        if current != stored["base"]:
            try:
                key = self.store.key_for(handler_input.request_envelope)
                started = manager.request_attributes.get(STARTED_KEY)
                merged = self.store.merge(key, stored["base"], current, started=started)
            except Exception as exc:  # any store failure: keep the answer, keep the session
                _log_failure("save", exc, handler_input)
                # After a failed load this request, that notice already covers the save.
                manager.request_attributes.setdefault(FAILED_KEY, "save")
            else:
                state.replace(handler_input, merged)
                stored.update(base=copy_state(merged), loaded=True)


def loaded(handler_input: HandlerInput) -> bool:
    """Whether this session has read the user's stored state (a store that failed to
    answer leaves it unread: what it holds is unknown, not empty)."""
    return session.stored(handler_input)["loaded"]


def _log_failure(step: str, exc: Exception, handler_input: HandlerInput) -> None:
    # The type only: a message can quote what was being stored. The rest goes to DEBUG.
    metrics.STORE_ERRORS.labels(step).inc()
    request_id = handler_input.request_envelope.request.request_id
    logger.warning("store %s failed: %s (request %s)", step, type(exc).__name__, request_id)
    logger.debug("store %s failure in detail (request %s)", step, request_id, exc_info=exc)


def _warn_once(handler_input: HandlerInput, response: Response | None, failed: str) -> None:
    """Open the answer with a word about the failure, once per session."""
    stored = session.stored(handler_input)
    speech = getattr(response, "output_speech", None)
    if stored.get("warned") or speech is None:
        return
    request = handler_input.request_envelope.request
    notice = PRIVACY.strings.get(
        request.locale or "en-US", f"store.{failed}_failed", seed=request.request_id or ""
    )
    ssml = getattr(speech, "ssml", None)
    if ssml is not None:
        speech.ssml = ssml.replace("<speak>", f"<speak>{notice} ", 1)
    elif getattr(speech, "text", None) is not None:
        speech.text = f"{notice} {speech.text}"
    else:
        return
    stored["warned"] = True
