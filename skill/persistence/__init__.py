"""Where durable user state is kept: SQLite on one machine, DynamoDB at scale, or nowhere.

Every store is an ask-sdk-core ``AbstractPersistenceAdapter`` and adds what the skill and
its operators need on top: a merging write, erase, export and retention purge, all keyed
by a hash of the Alexa userId (see :mod:`skill.persistence.keys`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException

from skill.persistence import keys
from skill.settings import STORES, SettingsError

if TYPE_CHECKING:
    from types import TracebackType

    from ask_sdk_model import RequestEnvelope

    from skill.settings import Settings

#: What the ``dynamodb`` extra installs.
DYNAMODB_MODULES = frozenset({"boto3", "botocore", "ask_sdk_dynamodb"})


class StoreUnavailable(PersistenceException):
    """The store could not be reached, or stayed locked past its timeout."""


class StoreConfigError(SettingsError):
    """The settings name a store that cannot be set up as described."""


@dataclass(frozen=True)
class StoredUser:
    """One user's row: the hashed key, their durable state and when it was written."""

    key: str
    attributes: dict
    created: int
    touched: int

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "created": self.created,
            "touched": self.touched,
            "attributes": self.attributes,
        }


class UserStore(AbstractPersistenceAdapter):
    """A persistence adapter with the key-level operations the skill needs.

    Keys are :func:`skill.persistence.keys.user_key` hashes. Failures of the backing store
    raise :class:`ask_sdk_core.exceptions.PersistenceException` (usually
    :class:`StoreUnavailable`), never a driver's own exception.

    A store opens its connections when first used and keeps them; :meth:`close` (or a
    ``with`` block) releases them.
    """

    #: Secret mixed into the user hash; empty for a plain SHA-256.
    salt: str = ""

    def key_for(self, request_envelope: RequestEnvelope) -> str:
        """The store key of the user making this request."""
        return keys.user_key(keys.user_id(request_envelope), self.salt)

    def key_for_user(self, user_id: str) -> str:
        """The store key for a raw Alexa userId (operator commands)."""
        return keys.user_key(user_id, self.salt)

    def merge(self, key: str, base: dict, current: dict, *, started: float | None = None) -> dict:
        """Write this session's changes on top of whatever is stored now, atomically.

        :param base: the state this session last read or wrote.
        :param current: the state as this session has it now.
        :param started: when (:meth:`now`) the request making the change began: if the
            user was erased since, the erase wins and nothing is written.
        :returns: the state now stored (others' changes included).
        """
        raise NotImplementedError

    def now(self) -> float:
        """Seconds since the epoch, on the clock :meth:`erase` and ``started`` share."""
        return time.time()

    def health(self) -> str | None:
        """``None`` when the store can be written; otherwise what is wrong, in a few words."""
        return None

    def export(self, key: str) -> StoredUser | None:
        """Everything stored for ``key``, or ``None``."""
        raise NotImplementedError

    def erase(self, key: str) -> bool:
        """Delete everything stored for ``key``; ``True`` if there was anything."""
        raise NotImplementedError

    def purge(self, days: int) -> int:
        """Delete users untouched for ``days`` days; returns how many."""
        raise NotImplementedError

    def count(self) -> int:
        """How many users have something stored."""
        raise NotImplementedError

    def create(self) -> None:
        """Create the file or table now, rather than on first use."""
        raise NotImplementedError

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        self.erase(self.key_for(request_envelope))

    def close(self) -> None:
        """Release connections. Call it when no request is in flight; using the store
        afterwards opens new ones."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def make_adapter(settings: Settings) -> UserStore | None:
    """The persistence adapter for ``settings.store``; ``None`` keeps state in the session.

    Building an adapter touches no file or network: a store that is down shows up per
    request, where the skill can still answer.
    """
    salt = settings.user_salt
    if settings.store == "memory":
        return None
    if settings.store == "sqlite":
        from skill.persistence.sqlite import SqliteStore, default_path

        return SqliteStore(
            settings.db_path or default_path(),
            retention_days=settings.retention_days,
            salt=salt,
        )
    if settings.store == "dynamodb":
        try:
            _choose_region(settings.dynamodb_endpoint)
            from skill.persistence.dynamodb import make_dynamodb_store
        except ModuleNotFoundError as exc:
            if (exc.name or "").partition(".")[0] not in DYNAMODB_MODULES:
                raise
            raise StoreConfigError(
                "the dynamodb store needs the dynamodb extra: "
                "pip install 'second-opinion-skill[dynamodb]'"
            ) from exc

        return make_dynamodb_store(
            settings.dynamodb_table,
            endpoint=settings.dynamodb_endpoint,
            retention_days=settings.retention_days,
            salt=salt,
        )
    raise StoreConfigError(f"unknown store {settings.store!r}: use one of {', '.join(STORES)}")


def _choose_region(endpoint: str | None) -> None:
    """Make sure boto3 has a region before the official adapter is imported.

    That module builds a default DynamoDB resource when imported, which fails without one.
    """
    import boto3

    if boto3.session.Session().region_name:
        return
    region = os.environ.get("AWS_REGION")
    if not region:
        if not endpoint:
            raise StoreConfigError(
                "the dynamodb store needs an AWS region: set AWS_REGION or AWS_DEFAULT_REGION"
            )
        region = "us-east-1"  # a local server ignores it, but boto3 insists on one
    boto3.setup_default_session(region_name=region)
