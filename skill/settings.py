"""Settings: defaults that work on a laptop, overridden by environment or arguments."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import interaction_models
from skill.plugin_manager import blocked_from_env

MODELS_DIR = Path(interaction_models.__file__).resolve().parent


STORES = ("sqlite", "dynamodb", "memory")
TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


class SettingsError(ValueError):
    """A setting with a value the skill cannot run with; says which and why."""


def _flag(name: str, value: str | None, default: bool) -> bool:
    """A yes/no setting. Anything unclear is refused: a typo must not turn a check off."""
    if value is None or value.strip() == "":
        return default
    word = value.strip().lower()
    if word in TRUE or word in FALSE:
        return word in TRUE
    raise SettingsError(f"{name} must be one of 1/true/yes/on or 0/false/no/off, not {value!r}")


def _days(name: str, value: str | None, default: int) -> int:
    if value is None or value.strip() == "":
        return default
    if not value.strip().isdecimal():
        raise SettingsError(f"{name} must be a whole number of days (0: keep), not {value!r}")
    return int(value)


def _positive(name: str, value: str | None, default: int) -> int:
    if value is None or value.strip() == "":
        return default
    if not value.strip().isdecimal() or int(value) < 1:
        raise SettingsError(f"{name} must be a whole number of at least 1, not {value!r}")
    return int(value)


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
    #: Drop stored progress untouched for this many days; 0 keeps it until deleted.
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
    #: Open connections ``serve`` holds at once; more wait in the listen backlog.
    max_connections: int = 1000
    #: Seconds ``serve`` keeps a connection that sends or reads nothing.
    client_timeout: int = 30
    #: Where verified certificate chains are kept across restarts; ``None``: the user
    #: data directory.
    cert_dir: str | None = None
    #: The deployment is HIPAA-eligible (see docs/publishing.md): only then does health
    #: progress (quick check answers, records gathered) outlive the session.
    hipaa_eligible: bool = False
    #: Where the manifest's privacy policy and terms of use live; ``None``: this app's own
    #: ``/privacy`` and ``/terms``, rendered from ``docs/``.
    privacy_url: str | None = None
    terms_url: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> Settings:
        """Settings from ``SECOND_OPINION_*`` variables, with ``overrides`` (not None) on top.

        :raises SettingsError: a variable holds a value the skill can't run with.
        """
        env = os.environ if environ is None else environ
        values = dict(
            skill_id=env.get("SECOND_OPINION_SKILL_ID") or None,
            verify=_flag("SECOND_OPINION_VERIFY", env.get("SECOND_OPINION_VERIFY"), True),
            store=env.get("SECOND_OPINION_STORE") or "sqlite",
            db_path=env.get("SECOND_OPINION_DB") or None,
            dynamodb_table=env.get("SECOND_OPINION_DYNAMODB_TABLE") or "second-opinion-guide",
            dynamodb_endpoint=env.get("SECOND_OPINION_DYNAMODB_ENDPOINT") or None,
            retention_days=_days(
                "SECOND_OPINION_RETENTION_DAYS", env.get("SECOND_OPINION_RETENTION_DAYS"), 365
            ),
            user_salt=env.get("SECOND_OPINION_USER_SALT") or "",
            disabled_plugins=tuple(blocked_from_env(dict(env))),
            hipaa_eligible=_flag(
                "SECOND_OPINION_HIPAA_ELIGIBLE", env.get("SECOND_OPINION_HIPAA_ELIGIBLE"), False
            ),
            privacy_url=env.get("SECOND_OPINION_PRIVACY_URL") or None,
            terms_url=env.get("SECOND_OPINION_TERMS_URL") or None,
            max_body_bytes=_positive(
                "SECOND_OPINION_MAX_BODY_BYTES", env.get("SECOND_OPINION_MAX_BODY_BYTES"), 262144
            ),
            max_connections=_positive(
                "SECOND_OPINION_MAX_CONNECTIONS", env.get("SECOND_OPINION_MAX_CONNECTIONS"), 1000
            ),
            client_timeout=_positive(
                "SECOND_OPINION_CLIENT_TIMEOUT", env.get("SECOND_OPINION_CLIENT_TIMEOUT"), 30
            ),
            cert_dir=env.get("SECOND_OPINION_CERT_DIR") or None,
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values["store"] not in STORES:
            raise SettingsError(
                f"SECOND_OPINION_STORE must be one of {', '.join(STORES)}, not {values['store']!r}"
            )
        return cls(**values)

    def with_(self, **changes) -> Settings:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)
