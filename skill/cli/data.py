"""``second-opinion data``: operator commands for stored progress (export, delete, purge).

Users are named by their Alexa userId on the command line; the store only ever sees its
hash. Run with the same ``SECOND_OPINION_USER_SALT`` as the skill.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from skill.cli import UsageError
from skill.cli.options import add_store_options, settings_from

if TYPE_CHECKING:
    from skill.persistence import UserStore
    from skill.settings import Settings

    #: What a ``data`` command does once its store is open.
    StoreAction = Callable[[argparse.Namespace, Settings, UserStore], int]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "data",
        help="export, delete or purge stored progress",
        description="Operator commands for what the skill keeps about users.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    export = actions.add_parser("export", help="print everything kept for one user as JSON")
    export.add_argument("--user-id", required=True, help="the user's Alexa userId")
    add_store_options(export)
    export.set_defaults(func=run_export)

    delete = actions.add_parser("delete", help="erase everything kept for one user")
    delete.add_argument("--user-id", required=True, help="the user's Alexa userId")
    add_store_options(delete)
    delete.set_defaults(func=run_delete)

    purge = actions.add_parser(
        "purge",
        help="drop users untouched for the retention period",
        description="Drop users whose progress was untouched for N days (default: "
        "SECOND_OPINION_RETENTION_DAYS, else 365). The skill also does this itself, at most "
        "once a day; schedule this command if the skill may sit idle.",
    )
    purge.add_argument("--days", type=int, help="retention in days (default: the setting)")
    add_store_options(purge)
    purge.set_defaults(func=run_purge)

    init = actions.add_parser(
        "init", help="create the SQLite file, or the DynamoDB table with its expiry (TTL)"
    )
    add_store_options(init)
    init.set_defaults(func=run_init)

    info = actions.add_parser("info", help="say where progress is kept and for how many users")
    add_store_options(info)
    info.set_defaults(func=run_info)


def open_store(args: argparse.Namespace) -> tuple[Settings, UserStore]:
    """The settings and the store this command names (nothing is opened until first use).

    :raises skill.settings.SettingsError: the store is misconfigured (exits 2, with usage).
    :raises UsageError: the memory store, which keeps nothing to work on.
    """
    from skill.persistence import make_adapter

    settings = settings_from(args)
    store = make_adapter(settings)
    if store is None:
        raise UsageError("the memory store keeps nothing beyond a session: choose --store")
    return settings, store


def on_store(action: StoreAction) -> Callable[[argparse.Namespace], int]:
    """A command running ``action`` on the store it names, closed afterwards.

    A store that fails (unreachable, locked, a schema from a newer version) is a message
    on stderr and exit status 1, not a traceback.
    """

    @functools.wraps(action)
    def run(args: argparse.Namespace) -> int:
        from ask_sdk_core.exceptions import PersistenceException

        from skill.persistence import StoreUnavailable

        settings, store = open_store(args)
        try:
            with store:
                return action(args, settings, store)
        except StoreUnavailable as exc:
            return _fail(f"store unavailable: {exc}")
        except PersistenceException as exc:
            return _fail(str(exc))

    return run


#: What ``export`` says about quick check answers and gathered records, by deployment.
HEALTH_PROGRESS = {
    True: "kept across sessions: this deployment is HIPAA-eligible",
    False: "session only: never stored (set SECOND_OPINION_HIPAA_ELIGIBLE to keep it)",
}


def _fail(message: str) -> int:
    print(f"second-opinion data: {message}", file=sys.stderr)
    return 1


def _when(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


@on_store
def run_export(args: argparse.Namespace, settings: Settings, store: UserStore) -> int:
    record = store.export(store.key_for_user(args.user_id))
    if record is None:
        return _fail("nothing is stored for that user")
    data = record.as_dict()
    data.update(
        store=settings.store,
        created=_when(record.created),
        touched=_when(record.touched),
        health_progress=HEALTH_PROGRESS[settings.hipaa_eligible],
    )
    print(json.dumps(data, indent=2, sort_keys=True))
    return 0


@on_store
def run_delete(args: argparse.Namespace, settings: Settings, store: UserStore) -> int:
    erased = store.erase(store.key_for_user(args.user_id))
    print("deleted everything stored for that user" if erased else "nothing was stored")
    return 0


@on_store
def run_purge(args: argparse.Namespace, settings: Settings, store: UserStore) -> int:
    days = settings.retention_days if args.days is None else args.days
    if days < 1:
        raise UsageError("--days must be at least 1")
    removed = store.purge(days)
    print(f"purged {removed} users untouched for {days} days")
    return 0


@on_store
def run_init(args: argparse.Namespace, settings: Settings, store: UserStore) -> int:
    store.create()
    print(f"ready: {store_location(settings, store)}")
    return 0


@on_store
def run_info(args: argparse.Namespace, settings: Settings, store: UserStore) -> int:
    users = store.count()
    location = store_location(settings, store)
    print(f"{location}: {users} users, kept {settings.retention_days} days")
    return 0


def store_location(settings: Settings, store: UserStore) -> str:
    """Where progress is kept, for people: ``sqlite PATH`` or ``dynamodb table NAME``."""
    if settings.store == "sqlite":
        return f"sqlite {store.path}"
    where = f" at {settings.dynamodb_endpoint}" if settings.dynamodb_endpoint else ""
    return f"dynamodb table {settings.dynamodb_table}{where}"
