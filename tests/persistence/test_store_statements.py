"""What a request costs the store, statement by statement: a session reads the user's row
once, a request that changes nothing runs no statement, and a save is one read and one
write, the write lock held for that write alone, with nothing lost or resurrected when
another writer gets in between the two."""

from __future__ import annotations

import sqlite3

from store_visits import USER, Visit

from skill.persistence.sqlite import SqliteStore


def trace(store: SqliteStore) -> list[tuple[str, bool]]:
    """Every statement run on this thread's connection from now on, each with whether
    this process's write lock was held while it ran."""
    ran: list[tuple[str, bool]] = []
    store._conn().set_trace_callback(
        lambda sql: ran.append((sql.split(None, 1)[0].upper(), store._write_lock.locked()))
    )
    return ran


def test_a_request_in_an_ongoing_session_runs_no_statement_when_it_changes_nothing(
    scans_marked,
):
    _, store, visit = scans_marked
    ran = trace(store)
    assert "Marked" in visit.mark("scans").speech  # already marked: nothing new to keep
    visit.intent("AMAZON.HelpIntent")
    assert ran == []


def test_a_session_reads_the_users_row_once_and_a_change_writes_it_once(make_runtime):
    runtime = make_runtime()
    store = runtime.skill.persistence_adapter
    Visit(runtime).launch()  # the first visit keeps that the disclaimer was heard
    ran = trace(store)
    visit = Visit(runtime)
    visit.launch()
    assert ran == [("SELECT", False)]  # the new session's one read
    ran.clear()
    visit.mark("scans")
    visit.mark("labs")
    # Each change: read the row as stored now, then one write; no transaction around
    # them, and the lock held only while the write runs.
    assert ran == [("SELECT", False), ("UPDATE", True)] * 2
    assert "labs" in str(store.load(store.key_for_user(USER)))


def test_a_write_that_meets_a_row_changed_since_its_read_merges_again(db, monkeypatch):
    with SqliteStore(db) as store, SqliteStore(db) as other:
        key = store.key_for_user(USER)
        store.merge(key, {}, {"checklist": {"gathered": ["scans"]}})
        write = store._write_if_same
        attempts = []

        def another_process_first(*args):
            if not attempts:  # between this save's read and its write
                other.merge(key, {}, {"checklist": {"gathered": ["labs"]}})
            attempts.append(args)
            return write(*args)

        monkeypatch.setattr(store, "_write_if_same", another_process_first)
        base = {"checklist": {"gathered": ["scans"]}}
        mine = {"checklist": {"gathered": ["scans", "notes"]}}
        expected = {"checklist": {"gathered": ["scans", "labs", "notes"]}}
        assert store.merge(key, base, mine) == expected
        assert len(attempts) == 2  # the first write found the row changed and wrote nothing
        assert other.load(key) == expected


def test_an_erase_between_a_saves_read_and_its_write_wins(db, monkeypatch):
    with SqliteStore(db) as store, SqliteStore(db) as other:
        key = store.key_for_user(USER)
        store.merge(key, {}, {"checklist": {"gathered": ["scans"]}})
        started = store.now()
        write = store._write_if_same

        def erased_first(*args):
            other.erase(key)
            return write(*args)

        monkeypatch.setattr(store, "_write_if_same", erased_first)
        base = {"checklist": {"gathered": ["scans"]}}
        mine = {"checklist": {"gathered": ["scans", "labs"]}}
        assert store.merge(key, base, mine, started=started) == {}
        assert other.export(key) is None


def test_a_first_write_after_an_erase_it_did_not_see_stays_out(db, monkeypatch):
    with SqliteStore(db) as store, SqliteStore(db) as other:
        key = store.key_for_user(USER)
        started = store.now()
        write = store._write_if_same

        def erased_first(*args):
            other.erase(key)  # the row did not exist when read: the insert must see it
            return write(*args)

        monkeypatch.setattr(store, "_write_if_same", erased_first)
        assert store.merge(key, {}, {"checklist": {"gathered": ["labs"]}}, started=started) == {}
        assert other.export(key) is None


def test_the_store_holds_no_read_snapshot_between_requests(scans_marked, db):
    runtime, store, visit = scans_marked
    Visit(runtime, user_id=f"{USER}-2").launch()  # a read, on the connection kept open
    visit.mark("labs")  # and a write
    checkpoint = sqlite3.connect(db, isolation_level=None)
    try:
        # A reader left holding a snapshot would keep the WAL from being emptied.
        busy, _, _ = checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
    finally:
        checkpoint.close()
