"""Progress outlives the process: separate simulate runs, a killed writer, racing writers."""

import os
import signal
import sqlite3
import subprocess
import sys

from store_support import HERE, child_env, simulate

from plugins.records import AREA as RECORDS
from plugins.records.checklist import ITEMS
from skill.persistence.sqlite import SqliteStore

USER = "amzn1.ask.account.CROSSPROCESSUSERAEIOUQ7"
GATHERED = ("test_results", "imaging_scans")


def item_line(item: str) -> str:
    return RECORDS.strings.get("en-US", f"item.{item}")


def test_a_new_process_reports_gathered_records_and_lists_only_the_missing(db):
    first = simulate(db, "i have my test results", "i got my imaging scans", user_id=USER)
    assert [turn["plugin"] for turn in first] == ["core", "records", "records"]
    assert "2 of 9" in first[-1]["speech"]

    launch, missing = simulate(db, "what am i still missing", user_id=USER)
    assert "You've gathered 2 of 9 records" in launch["speech"]
    assert "not medical advice" not in launch["speech"]  # the disclaimer was heard before
    assert "7 still missing" in missing["speech"]
    listed = missing["card"]["content"]
    for item in GATHERED:
        assert item_line(item) not in listed
    others = [item for item in ITEMS if item not in GATHERED]
    assert all(item_line(item) in listed for item in others)


def test_after_delete_a_new_process_knows_nothing(db):
    simulate(db, "i have my test results", user_id=USER)
    confirm, done = simulate(db, "forget me", "yes", user_id=USER, launch=False)
    assert confirm["plugin"] == "core" and "Should I delete" in confirm["speech"]
    assert "next time we'll start fresh" in done["speech"]

    launch, missing = simulate(db, "what am i still missing", user_id=USER)
    assert "not medical advice" in launch["speech"]  # a first visit again
    assert "gathered" not in launch["speech"]
    assert "all 9 are still to gather" in missing["speech"]
    assert item_line("test_results") in missing["card"]["content"]
    with SqliteStore(db) as store:
        assert store.count() == 1  # only the new visit's disclaimer flag


def writer(db, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(HERE / "store_writer.py"), str(db), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def test_a_writer_killed_mid_run_leaves_a_clean_file_with_every_committed_update(db):
    proc = writer(db, "--users", "100000")
    try:
        assert proc.stdout.readline().strip() == "ready"
        committed = []
        while len(committed) < 150:
            line = proc.stdout.readline()
            assert line, "writer stopped early"
            committed.append(int(line.split()[1]))
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()  # reaps it and closes the pipes
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    store = SqliteStore(db)
    from store_visits import USER as WRITER_USER

    for number in committed:
        kept = store.load(store.key_for_user(f"{WRITER_USER}-{number}"))
        assert kept == {
            "checklist": {"gathered": ["scans"]},
            "core": {"disclaimer_heard": True, "last_area": "checklist"},
        }, number
    assert store.count() >= len(committed)


def test_eight_concurrent_writers_for_one_user_lose_nothing(db):
    items = {n: [f"w{n}i{k}" for k in range(5)] for n in range(8)}
    procs = [writer(db, "--wait", "--items", *names) for names in items.values()]
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "ready"
        for proc in procs:  # start them together
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outputs = [proc.communicate(timeout=60)[0] for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    assert [proc.returncode for proc in procs] == [0] * 8
    assert all(out.count("done") == 5 for out in outputs)

    from store_visits import USER as WRITER_USER

    store = SqliteStore(db)
    kept = store.load(store.key_for_user(WRITER_USER))
    expected = {name for names in items.values() for name in names}
    assert set(kept["checklist"]["gathered"]) == expected
    assert kept["core"] == {"disclaimer_heard": True, "last_area": "checklist"}
