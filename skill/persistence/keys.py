"""How a user is named in the store: a SHA-256 hash of the Alexa userId, never the id itself.

With a salt (``Settings.user_salt``, from ``SECOND_OPINION_USER_SALT``), the hash is an
HMAC keyed by that secret, so a leaked table cannot be matched against user ids seen
elsewhere. Every store and the ``data`` commands must see the same salt, or they will not
find each other's rows.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from ask_sdk_core.exceptions import PersistenceException

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope


def user_key(user_id: str, salt: str = "") -> str:
    """The hex digest that stands for ``user_id`` in every store."""
    data = user_id.encode("utf-8")
    if salt:
        return hmac.new(salt.encode("utf-8"), data, hashlib.sha256).hexdigest()
    return hashlib.sha256(data).hexdigest()


def user_id(request_envelope: RequestEnvelope) -> str:
    """The Alexa userId of a request: from the context, else from the session."""
    for holder in (
        getattr(getattr(request_envelope, "context", None), "system", None),
        getattr(request_envelope, "session", None),
    ):
        user = getattr(holder, "user", None)
        if user is not None and user.user_id:
            return user.user_id
    raise PersistenceException("the request names no user")
