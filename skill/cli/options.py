"""Options shared by several subcommands."""

from __future__ import annotations

import argparse

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
