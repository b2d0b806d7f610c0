"""Options shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from skill.settings import Settings


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", help="SQLite file for saved progress (default: user data dir)"
    )
    parser.add_argument(
        "--store",
        choices=["sqlite", "dynamodb", "memory"],
        help="where progress is kept (default: sqlite, or SECOND_OPINION_STORE)",
    )


def settings_from(args: argparse.Namespace, **overrides) -> Settings:
    """Settings from the environment, this command's flags on top, ``overrides`` on top of all."""
    flags = {"db_path": getattr(args, "db", None), "store": getattr(args, "store", None)}
    return Settings.from_env(**{**flags, **overrides})


def run_until_stopped(
    command: str, start: Callable[[], object], where: str, announce: Callable[[object], str]
) -> int:
    """Start a server with ``start()``, say where it listens, and serve until stopped.

    :param where: ``host:port``, named when the address can't be had.
    :param announce: the line printed once it listens.
    """
    try:
        server = start()
    except OSError as exc:
        print(
            f"second-opinion {command}: cannot listen on {where}: {exc.strerror}", file=sys.stderr
        )
        return 1
    print(announce(server), flush=True)
    try:
        server.run()
    finally:
        server.close()
    return 0
