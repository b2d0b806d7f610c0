"""The ``second-opinion`` command: each subcommand lives in its own module here."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from skill.plugin_manager import PluginContractError
from skill.settings import SettingsError

# Each module defines ``add_parser(subparsers)``, which sets ``func`` on its parser.
COMMANDS = [
    "chat",
    "simulate",
    "serve",
    "plugins",
    "model",
    "data",
    "studio",
    "package",
    "certify",
    "screens",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="second-opinion",
        description="Second Opinion Guide: an Alexa skill about getting a second medical opinion.",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log the skill's debug details"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"skill.cli.{name}").add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.verbose:
        # The skill's own loggers only: libraries at DEBUG log whole requests and bodies.
        logging.getLogger("skill").setLevel(logging.DEBUG)
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps interpreter exit quiet
        return 0
    except (UsageError, SettingsError) as exc:
        parser.error(str(exc))  # exits 2 with usage
    except PluginContractError as exc:
        print(f"error: {exc}", file=sys.stderr)  # a plugin to fix, not a usage mistake
        return 1


class UsageError(Exception):
    """Arguments that parse but make no sense together; exits 2 like argparse."""
