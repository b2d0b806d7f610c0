"""Writes happen only when durable state changes, and writers never sleep in SQLite's busy
handler (which waits in steps of up to 100 ms): one process's threads take turns on a lock."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from store_visits import USER

from skill.persistence.sqlite import SqliteStore


def count_writes(store) -> list:
    """Every statement that changes the file, run on this thread's connection from now on
    (a transaction that only reads writes nothing, whatever it is called)."""
    written: list = []

    def traced(sql: str) -> None:
        if sql.split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}:
            written.append(sql)

    store._conn().set_trace_callback(traced)
    return written


def test_a_request_that_changes_nothing_writes_nothing(scans_marked):
    _, store, visit = scans_marked
    writes = count_writes(store)
    assert "Marked" in visit.mark("scans").speech  # already marked: nothing new to keep
    assert writes == []
    visit.mark("labs")
    assert len(writes) == 1


def test_the_same_state_from_another_session_writes_nothing(db):
    with SqliteStore(db) as store:
        key = store.key_for_user(USER)
        store.merge(key, {}, {"checklist": {"gathered": ["scans"]}})
        writes = count_writes(store)
        # Another session that read nothing yet brings the same state: it is all there.
        assert store.merge(key, {}, {"checklist": {"gathered": ["scans"]}}) == {
            "checklist": {"gathered": ["scans"]}
        }
        assert writes == []


def test_writers_wait_on_a_lock_not_in_sqlites_busy_handler(db):
    with SqliteStore(db) as store:
        assert store._conn().execute("PRAGMA busy_timeout").fetchone()[0] == 0

        def write_many(user: int) -> None:
            key = store.key_for_user(f"{USER}-{user}")
            for item in range(10):
                store.merge(key, {}, {"items": [item]})

        # With no busy handler, threads that met in SQLite would fail at once ("database
        # is locked"); taking turns in the process, every write lands.
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(write_many, range(16)))
        assert store.count() == 16
        assert all(
            store.load(store.key_for_user(f"{USER}-{user}"))["items"] == list(range(10))
            for user in range(16)
        )
