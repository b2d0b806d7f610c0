"""Writes survive other processes opening and closing the same file while the skill serves.

SQLite's locks are POSIX locks, which a process drops when it closes *any* descriptor on the
file. If the serving process did that, the next neighbour to close the database would think
itself the last user and delete the WAL under the server: every later write would be lost.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor

from conftest import ROOT, child_env, command
from store_served import mark_as, served
from store_visits import USER

from skill.persistence.sqlite import SqliteStore


def test_writes_after_data_info_survive_a_crash(db):
    with served(db) as skill:
        # Eight threads at once: each server thread opens its own connection.
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda n: mark_as(skill, f"{USER}-early-{n}", "scans"), range(16)))
        info = subprocess.run(
            [*command(), "data", "info", "--db", str(db)],
            capture_output=True,
            text=True,
            env=child_env(),
            cwd=ROOT,
            timeout=60,
        )
        assert info.returncode == 0, info.stderr
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda n: mark_as(skill, f"{USER}-late-{n}", "labs"), range(40)))
    # The server was killed, as a crash or a power-off would: nothing was closed cleanly.
    with SqliteStore(db) as store:
        kept = [store.load(store.key_for_user(f"{USER}-late-{n}")) for n in range(40)]
    assert [user.get("checklist") for user in kept] == [{"gathered": ["labs"]}] * 40
