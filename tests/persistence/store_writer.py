"""A child process that writes progress through the real skill, and says what it committed.

    python store_writer.py DB --items a b c      # one session for one user marks each item
    python store_writer.py DB --users 1000       # user-0, user-1, ... each mark "scans"

Prints ``ready`` once the skill is built; with ``--wait`` it then waits for a line on
stdin, so several writers can start at once. After each answered request (its write
committed) it prints ``done <item or user number>``.
"""

from __future__ import annotations

import argparse
import sys

import store_area
from store_visits import USER, Visit

from skill.runtime import SkillRuntime
from skill.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--items", nargs="*", default=[])
    parser.add_argument("--users", type=int, default=0)
    parser.add_argument("--wait", action="store_true")
    args = parser.parse_args()

    runtime = SkillRuntime(Settings(verify=False, db_path=args.db, plugins=[store_area]))
    print("ready", flush=True)
    if args.wait:
        sys.stdin.readline()
    if args.items:
        visit = Visit(runtime, USER)
        visit.launch()
        for item in args.items:
            answer = visit.mark(item)
            assert "Marked" in answer.speech and "couldn't save" not in answer.speech
            print(f"done {item}", flush=True)
    for number in range(args.users):
        answer = Visit(runtime, f"{USER}-{number}").mark("scans")
        assert "Marked" in answer.speech and "couldn't save" not in answer.speech
        print(f"done {number}", flush=True)


if __name__ == "__main__":
    main()
