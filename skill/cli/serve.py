"""``second-opinion serve``: host the skill for Alexa on a production WSGI server."""

from __future__ import annotations

import argparse

from skill.cli import UsageError
from skill.cli.options import add_store_options, run_until_stopped, settings_from
from skill.settings import Settings


def port(text: str) -> int:
    """A TCP port number, for argparse."""
    if not text.isdecimal() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}")
    return int(text)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="host the Alexa endpoint (POST /alexa) with waitress",
        description="Serve POST /alexa, GET /healthz and GET /metrics with waitress. Limits "
        "come from SECOND_OPINION_MAX_BODY_BYTES, _MAX_CONNECTIONS and _CLIENT_TIMEOUT. For "
        "several worker processes see docs/production.md.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=port, default=8080, help="port (default 8080)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    parser.add_argument(
        "--skill-id",
        help="your skill id (or SECOND_OPINION_SKILL_ID); requests for other skills are refused. "
        "Required unless --no-verify",
    )
    parser.add_argument(
        "--no-verify",
        action="store_true",
        help="accept requests without Alexa's signature (local testing only; or "
        "SECOND_OPINION_VERIFY=0)",
    )
    add_store_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from skill.app import create_app
    from skill.server import make_server

    settings = checked_settings(args)
    app = create_app(settings)
    return run_until_stopped(
        "serve",
        lambda: make_server(app, settings, host=args.host, port=args.port, threads=args.threads),
        f"{args.host}:{args.port}",
        lambda _: f"Second Opinion Guide listening on http://{args.host}:{args.port}/alexa",
    )


def checked_settings(args: argparse.Namespace) -> Settings:
    """The settings to serve with, refusing a verified endpoint that names no skill.

    Verification on means production: Alexa's signature proves a request came from Alexa,
    not that it is for this skill, so a skill id is required too. Verification off is for
    local testing, and says so loudly.
    """
    overrides = {"skill_id": args.skill_id}
    if args.no_verify:
        overrides["verify"] = False
    settings = settings_from(args, **overrides)
    # With verification off, create_app warns that it is.
    if settings.verify and not settings.skill_id:
        raise UsageError(
            "serve verifies Alexa's requests and needs your skill id: pass --skill-id "
            "amzn1.ask.skill... or set SECOND_OPINION_SKILL_ID (see docs/verification.md), "
            "or use --no-verify for local testing"
        )
    return settings
