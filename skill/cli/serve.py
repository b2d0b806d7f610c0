"""``second-opinion serve``: host the skill for Alexa on a production WSGI server."""

from __future__ import annotations

import argparse
import logging

from skill.cli.options import add_store_options, settings_from

logger = logging.getLogger(__name__)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="host the Alexa endpoint (POST /alexa) with waitress",
        description="Serve POST /alexa and GET /healthz. For several worker processes use "
        "gunicorn: gunicorn -w 4 -b 0.0.0.0:8080 'skill.app:create_app()'",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    parser.add_argument("--skill-id", help="your skill id; requests for other skills are refused")
    parser.add_argument(
        "--no-verify",
        action="store_true",
        help="accept requests without Alexa's signature (local testing only)",
    )
    add_store_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import waitress

    from skill.app import create_app

    overrides = {"skill_id": args.skill_id}
    if args.no_verify:
        overrides["verify"] = False
    settings = settings_from(args, **overrides)
    if not settings.verify:
        logger.warning("request verification is OFF: use only for local testing")
    app = create_app(settings)
    print(f"Second Opinion Guide listening on http://{args.host}:{args.port}/alexa", flush=True)
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads, ident=None)
    return 0
