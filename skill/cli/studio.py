"""``second-opinion studio``: a local web page to talk to the skill and see inside each turn."""

from __future__ import annotations

import argparse
import sys

from skill.cli.options import run_until_stopped
from skill.cli.serve import port

DEFAULT_PORT = 8090


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "studio",
        help="a web page to talk to the skill, inspect each turn and save it as a test",
        description="Starts the skill in this process and serves the studio page on "
        "127.0.0.1. Talk by typing or speaking, see the intent, slots, scores, plugin, lint "
        "problems, session attributes and envelopes of each turn, and save the conversation "
        "as a pytest file. Works offline.",
    )
    parser.add_argument("--port", type=port, default=DEFAULT_PORT, help="port (default 8090)")
    parser.add_argument("--locale", default="en-US", help="locale to start in (default en-US)")
    parser.add_argument(
        "--host",
        help="address to bind instead of 127.0.0.1; anyone who can reach it can use the studio",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from skill.simulator import ModelError
    from skill.studio.app import create_studio_app
    from skill.studio.loopback import is_loopback_host
    from skill.studio.recording import StudioError
    from skill.studio.server import start

    host = args.host or "127.0.0.1"
    remote = not is_loopback_host(host)
    if remote:
        print(
            f"warning: the studio will answer anyone who can reach {host}:{args.port}; it "
            "has no login. Use --host only on a network you trust.",
            file=sys.stderr,
        )
    try:
        app = create_studio_app(locale=args.locale, allow_remote=remote)
    except (StudioError, ModelError) as exc:
        print(f"second-opinion studio: {exc}", file=sys.stderr)
        return 1
    return run_until_stopped(
        "studio",
        lambda: start(app, host, args.port),
        f"{host}:{args.port}",
        lambda server: f"Second Opinion Guide studio: {server.url}",
    )
