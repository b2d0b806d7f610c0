"""Helpers for the persistence tests: the ``second-opinion`` command in child processes,
and where things are. (Fixtures are in conftest.py.)"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
#: These tests keep the records checklist in the store, as a HIPAA-eligible deployment does;
#: tests/publish/test_health_data.py checks that nothing of it is kept otherwise.
HIPAA_ENV = "SECOND_OPINION_HIPAA_ELIGIBLE"
ROOT = HERE.parents[1]


def child_env(**extra: str) -> dict:
    """The environment for a child process: no store settings leak in from outside."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_OPINION_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
    env[HIPAA_ENV] = "1"  # the store is tested with health progress in it
    env.update(extra)
    return env


def command() -> list[str]:
    """How to run ``second-opinion`` with this interpreter."""
    script = Path(sys.executable).with_name("second-opinion")
    if script.exists():
        return [str(script)]
    found = shutil.which("second-opinion")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from skill.cli import main; sys.exit(main())"]


def simulate(db: Path, *utterances: str, user_id: str, launch: bool = True) -> list[dict]:
    """``second-opinion simulate --json --db DB`` in a new process: one dict per turn."""
    return simulate_logged(db, *utterances, user_id=user_id, launch=launch)[0]


def simulate_logged(
    db: Path, *utterances: str, user_id: str, launch: bool = True, verbose: bool = False
) -> tuple[list[dict], str]:
    """Like :func:`simulate`, also returning what the process logged (``-v``: debug)."""
    args = [*command(), *(["-v"] if verbose else [])]
    args += ["simulate", "--json", "--db", str(db), "--user-id", user_id]
    if launch:
        args.append("--launch")
    done = subprocess.run(
        [*args, *utterances],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    turns = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return turns, done.stderr


def open_files(path: Path) -> int:
    """How many of this process's file descriptors are on the database or its WAL files."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc")
    count = 0
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):
            count += os.readlink(fd).startswith(str(path))
    return count
