"""``second-opinion simulate``: one session, one turn per utterance, as text or JSON lines."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from skill.cli.options import add_store_options, settings_from

if TYPE_CHECKING:
    from skill.simulator import TurnResult


def add_conversation_options(parser: argparse.ArgumentParser) -> None:
    """Options ``chat`` and ``simulate`` share."""
    parser.add_argument("--locale", default="en-US", help="locale (default en-US)")
    parser.add_argument(
        "--device",
        choices=DEVICES,
        help="the device: an Echo speaker (default), a landscape Echo Show (screen), the "
        "small round hub (round) or a Fire TV (tv); the last three render APL",
    )
    parser.add_argument("--screen", action="store_true", help="the same as --device screen")
    parser.add_argument("--user-id", help="Alexa user id (default: a fixed local user)")
    parser.add_argument(
        "--target",
        metavar="URL",
        help="send requests to a running endpoint, e.g. http://127.0.0.1:8080/alexa",
    )
    add_store_options(parser)


DEVICES = ["speaker", "screen", "round", "tv"]
LOCAL_USER = "amzn1.ask.account.LOCALSIMULATORUSER"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "simulate",
        help="run utterances through the model and the skill",
        description="Runs one session with one turn per utterance. Without --launch the "
        "first utterance is a one-shot request. Progress is kept in memory unless --store "
        "or --db is given.",
    )
    parser.add_argument("utterances", nargs="+", metavar="UTT", help="what the user says")
    parser.add_argument("--launch", action="store_true", help="open with a LaunchRequest")
    parser.add_argument("--json", action="store_true", help="one JSON object per turn per line")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 if a response breaks a lint rule"
    )
    add_conversation_options(parser)
    parser.set_defaults(func=run)


def conversation_from(args: argparse.Namespace, *, default_store: str | None = None):
    from skill.simulator import Conversation

    settings = settings_from(args, verify=False)
    if default_store and not (args.store or args.db):
        settings = settings.with_(store=default_store)
    return Conversation(
        locale=args.locale,
        device=args.device or ("screen" if args.screen else "speaker"),
        user_id=args.user_id or LOCAL_USER,
        target=args.target,
        settings=settings,
        lint=False,
    )


def reader_gone() -> int:
    """The output pipe closed (``| head``): stop quietly, as other command-line tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def what_was_heard(turn: TurnResult) -> str:
    """``IntentName  score 0.93  plugin records  slots: record=scans (IMAGING)``."""
    parts = [turn.intent or turn.request_type or "-"]
    if turn.score is not None:
        parts.append(f"score {turn.score:.2f}")
    parts.append(f"plugin {turn.plugin or '-'}")
    if turn.slots:
        slots = ", ".join(
            f"{name}={value}" + (f" ({turn.resolved[name]})" if name in turn.resolved else "")
            for name, value in turn.slots.items()
        )
        parts.append(f"slots: {slots}")
    return "  ".join(parts)


def run(args: argparse.Namespace) -> int:
    from skill.simulator import ModelError, TransportError

    try:
        conversation = conversation_from(args, default_store="memory")
        turns = []
        if args.launch:
            turns.append(conversation.launch())
            _show(turns[-1], args)
        for utterance in args.utterances:
            turns.append(conversation.say(utterance))
            _show(turns[-1], args)
    except (ModelError, TransportError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return reader_gone()
    broken = [problem for turn in turns for problem in turn.problems]
    for turn in turns:
        for problem in turn.problems:
            print(
                f"lint: {problem} (after {turn.utterance or turn.request_type!r})", file=sys.stderr
            )
    return 1 if args.strict and broken else 0


def _show(turn, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(turn.as_json(), ensure_ascii=False), flush=True)
        return
    print(f"> {turn.utterance if turn.utterance is not None else '(open the skill)'}")
    print(f"  [{what_was_heard(turn)}]")
    if turn.speech:
        print(f"< {turn.speech}")
    if turn.reprompt:
        print(f"  (reprompt: {turn.reprompt})")
    if turn.card:
        print(f"  (card: {turn.card.get('title')})")
    if turn.apl:
        print(f"  (screen: {turn.apl['token']})")
    if turn.should_end_session:
        print("  (session ended)")
