"""``second-opinion chat``: talk to the skill in the terminal, one line per turn."""

from __future__ import annotations

import argparse
import sys

from skill.cli.simulate import (
    add_conversation_options,
    conversation_from,
    reader_gone,
    what_was_heard,
)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "chat",
        help="talk to the skill in your terminal",
        description="Opens the skill, then reads one utterance per line from standard input "
        "(so it can be driven by a pipe). Ends on end of input, 'exit', or when the skill "
        "ends the session.",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="show only what Alexa says (no intent, slots, score)"
    )
    parser.add_argument(
        "--no-launch",
        action="store_true",
        help="don't open the skill first: the first line is a one-shot request",
    )
    add_conversation_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from skill.simulator import ModelError, TransportError

    interactive = sys.stdin.isatty()
    try:
        conversation = conversation_from(args)
        if not args.no_launch:
            turn = conversation.launch()
            _show(turn, args)
            if not conversation.session_open:
                print("(session ended)")
                return 0
        while True:
            if interactive:
                print("you> ", end="", flush=True)
            line = sys.stdin.readline()
            if not line:
                conversation.end()
                return 0
            text = line.strip()
            if not text:
                continue
            if not interactive:
                print(f"you> {text}")
            turn = conversation.say(text)
            _show(turn, args)
            if not conversation.session_open:
                print("(session ended)")
                return 0
    except (ModelError, TransportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return reader_gone()


def _show(turn, args: argparse.Namespace) -> None:
    if turn.speech:
        print(f"alexa> {turn.speech}")
    if not args.quiet:
        print(f"       [{what_was_heard(turn)}]")
        for problem in turn.problems:
            print(f"       ! {problem}")
        if turn.card:
            print(f"       card: {turn.card.get('title')}")
    sys.stdout.flush()
