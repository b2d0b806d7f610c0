"""Settings: defaults that work on a laptop, overridden by environment or arguments."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from skill.plugin_manager import blocked_from_env

MODELS_DIR = Path(__file__).resolve().parent.parent / "interaction_models"


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Everything the host can be told. ``Settings.from_env()`` reads ``SECOND_OPINION_*``."""

    #: Alexa skill id (``amzn1.ask.skill...``); requests for another skill are refused.
    skill_id: str | None = None
    #: Check Alexa's signature and timestamp on every ``POST /alexa``.
    verify: bool = True
    #: Where progress is kept: ``sqlite``, ``dynamodb`` or ``memory`` (session only).
    store: str = "sqlite"
    #: The SQLite file; ``None`` means the user data directory.
    db_path: str | None = None
    #: DynamoDB table and endpoint (an endpoint URL is for local servers).
    dynamodb_table: str = "second-opinion-guide"
    dynamodb_endpoint: str | None = None
    #: Drop stored progress untouched for this many days.
    retention_days: int = 365
    #: Secret that keys the hash of user ids in the store (HMAC); empty: plain SHA-256.
    user_salt: str = ""
    #: Plugin names to leave out.
    disabled_plugins: Sequence[str] = ()
    #: Register exactly these plugins instead of loading entry points (tests).
    plugins: Sequence[object] | None = None
    #: Folder holding ``<locale>.json`` interaction models.
    models_dir: Path = MODELS_DIR
    #: Largest request body accepted, in bytes.
    max_body_bytes: int = 256 * 1024
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> Settings:
        env = os.environ if environ is None else environ
        values = dict(
            skill_id=env.get("SECOND_OPINION_SKILL_ID") or None,
            verify=_flag(env.get("SECOND_OPINION_VERIFY"), True),
            store=env.get("SECOND_OPINION_STORE") or "sqlite",
            db_path=env.get("SECOND_OPINION_DB") or None,
            dynamodb_table=env.get("SECOND_OPINION_DYNAMODB_TABLE") or "second-opinion-guide",
            dynamodb_endpoint=env.get("SECOND_OPINION_DYNAMODB_ENDPOINT") or None,
            retention_days=int(env.get("SECOND_OPINION_RETENTION_DAYS") or 365),
            user_salt=env.get("SECOND_OPINION_USER_SALT") or "",
            disabled_plugins=tuple(blocked_from_env(dict(env))),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)
