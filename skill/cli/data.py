"""``second-opinion data``: operator commands for stored progress (export, delete, purge).

Users are named by their Alexa userId on the command line; the store only ever sees its
hash. Run with the same ``SECOND_OPINION_USER_SALT`` as the skill.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from skill.cli import UsageError
from skill.cli.options import add_store_options, settings_from


def add_parser(subparsers) -> None:
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


def open_store(args: argparse.Namespace):
    from skill.persistence import make_adapter

    settings = settings_from(args)
    store = make_adapter(settings)
    if store is None:
        raise UsageError("the memory store keeps nothing beyond a session: choose --store")
    return settings, store


def _when(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def _failed(exc: Exception) -> int:
    print(f"second-opinion data: store unavailable: {exc}", file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace) -> int:
    from ask_sdk_core.exceptions import PersistenceException

    settings, store = open_store(args)
    try:
        record = store.export(store.key_for_user(args.user_id))
    except PersistenceException as exc:
        return _failed(exc)
    if record is None:
        print("nothing is stored for that user", file=sys.stderr)
        return 1
    data = record.as_dict()
    data.update(store=settings.store, created=_when(record.created), touched=_when(record.touched))
    print(json.dumps(data, indent=2, sort_keys=True))
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from ask_sdk_core.exceptions import PersistenceException

    _, store = open_store(args)
    try:
        erased = store.erase(store.key_for_user(args.user_id))
    except PersistenceException as exc:
        return _failed(exc)
    print("deleted everything stored for that user" if erased else "nothing was stored")
    return 0


def run_purge(args: argparse.Namespace) -> int:
    from ask_sdk_core.exceptions import PersistenceException

    settings, store = open_store(args)
    days = settings.retention_days if args.days is None else args.days
    if days < 1:
        raise UsageError("--days must be at least 1")
    try:
        removed = store.purge(days)
    except PersistenceException as exc:
        return _failed(exc)
    print(f"purged {removed} users untouched for {days} days")
    return 0


def run_init(args: argparse.Namespace) -> int:
    from ask_sdk_core.exceptions import PersistenceException

    settings, store = open_store(args)
    try:
        store.create()
    except PersistenceException as exc:
        return _failed(exc)
    print(f"ready: {describe(settings, store)}")
    return 0


def run_info(args: argparse.Namespace) -> int:
    from ask_sdk_core.exceptions import PersistenceException

    settings, store = open_store(args)
    try:
        users = store.count()
    except PersistenceException as exc:
        return _failed(exc)
    print(f"{describe(settings, store)}: {users} users, kept {settings.retention_days} days")
    return 0


def describe(settings, store) -> str:
    if settings.store == "sqlite":
        return f"sqlite {store.path}"
    where = f" at {settings.dynamodb_endpoint}" if settings.dynamodb_endpoint else ""
    return f"dynamodb table {settings.dynamodb_table}{where}"
