"""The SQLite store itself: schema and migrations, file mode, locks, retention."""

import os
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest
from store_support import open_files

from skill.persistence import StoreUnavailable, make_adapter, schema
from skill.persistence.keys import user_key
from skill.persistence.sqlite import DAY, SqliteStore
from skill.settings import Settings

USER = "amzn1.ask.account.SQLITESTORETESTUSER"


class Clock:
    def __init__(self, now: float = 1_800_000_000):
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_new_file_gets_the_whole_schema_and_is_private(tmp_path):
    path = tmp_path / "nested" / "progress.sqlite3"
    store = SqliteStore(path)
    store.create()
    conn = sqlite3.connect(path)
    assert schema.version(conn) == len(schema.MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_later_migration_is_applied_once_and_keeps_the_rows(tmp_path, monkeypatch):
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path)
    key = store.key_for_user(USER)
    store.merge(key, {}, {"records": {"gathered": ["scans"]}})
    step = ("ALTER TABLE users ADD COLUMN locale TEXT",)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, step])
    for _ in range(2):  # a second open must not re-apply it
        reopened = SqliteStore(path)
        assert reopened.load(key) == {"records": {"gathered": ["scans"]}}
    conn = sqlite3.connect(path)
    assert schema.version(conn) == len(schema.MIGRATIONS)
    assert "locale" in [row[1] for row in conn.execute("PRAGMA table_info(users)")]


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "progress.sqlite3"
    SqliteStore(path).create()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?)", (len(schema.MIGRATIONS) + 1,))
    conn.commit()
    with pytest.raises(schema.SchemaTooNew):
        SqliteStore(path).load("anything")
    assert schema.version(conn) == len(schema.MIGRATIONS) + 1


def test_rows_are_keyed_by_the_hash_never_the_user_id(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path)
    store.merge(store.key_for_user(USER), {}, {"core": {"disclaimer_heard": True}})
    keys = [row[0] for row in sqlite3.connect(path).execute("SELECT key FROM users")]
    assert keys == [user_key(USER)]
    assert len(keys[0]) == 64 and USER not in keys[0]


def test_a_salt_changes_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("SECOND_OPINION_USER_SALT", "pepper")
    store = make_adapter(Settings.from_env(db_path=str(tmp_path / "p.sqlite3")))
    assert store.key_for_user(USER) == user_key(USER, "pepper") != user_key(USER)


def test_an_unreachable_file_is_a_store_failure_not_a_crash(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = make_adapter(Settings(db_path=str(blocker / "progress.sqlite3")))
    with pytest.raises(StoreUnavailable):
        store.load("anything")
    with pytest.raises(StoreUnavailable):
        store.merge("anything", {}, {"a": {}})


def test_a_write_locked_past_the_timeout_fails_fast_and_changes_nothing(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path, timeout=0.1)
    store.merge("k", {}, {"records": {"gathered": ["scans"]}})
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="locked"):
            store.merge("k", {}, {"records": {"gathered": ["labs"]}})
        assert time.monotonic() - started < 1.5
        assert store.load("k") == {"records": {"gathered": ["scans"]}}  # reads still work
    finally:
        other.execute("ROLLBACK")
    assert store.merge("k", {}, {"records": {"gathered": ["labs"]}}) == {
        "records": {"gathered": ["scans", "labs"]}
    }


def test_threads_share_the_store_safely(tmp_path):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    items = [f"item{n}" for n in range(16)]

    def mark(item):
        store.merge("k", {}, {"records": {"gathered": [item]}})

    threads = [threading.Thread(target=mark, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(store.load("k")["records"]["gathered"]) == sorted(items)


def test_opening_a_new_file_waits_for_others_switching_it_to_wal(tmp_path, monkeypatch):
    # When several connections open a new file at once, SQLite refuses the switch to WAL
    # at once instead of waiting; here the first two tries are refused that way.
    refusals = []

    class Refusing(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.startswith("PRAGMA journal_mode") and len(refusals) < 2:
                refusals.append(sql)
                raise sqlite3.OperationalError("database is locked")
            return super().execute(sql, *args)

    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **kw: connect(*a, **kw, factory=Refusing))
    with SqliteStore(tmp_path / "progress.sqlite3") as store:
        store.merge("k", {}, {"records": {"gathered": ["scans"]}})
    assert len(refusals) == 2
    conn = connect(tmp_path / "progress.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


# -- retention ---------------------------------------------------------------------------
def test_rows_untouched_past_retention_are_purged_on_a_later_write(tmp_path):
    clock = Clock()
    store = SqliteStore(tmp_path / "p.sqlite3", retention_days=365, clock=clock)
    store.merge("old", {}, {"records": {"gathered": ["scans"]}})
    clock.now += 200 * DAY
    store.merge("recent", {}, {"records": {"gathered": ["labs"]}})
    clock.now += 166 * DAY  # "old" is now 366 days idle, "recent" 166
    store.merge("new", {}, {"core": {"disclaimer_heard": True}})
    assert store.export("old") is None
    assert store.export("recent") is not None and store.export("new") is not None


def test_the_automatic_purge_runs_at_most_once_a_day(tmp_path):
    clock = Clock()
    path = tmp_path / "p.sqlite3"
    store = SqliteStore(path, retention_days=1, clock=clock)
    store.merge("a", {}, {"x": {"y": True}})
    clock.now += 2 * DAY
    store.merge("b", {}, {"x": {"y": True}})  # purges "a"
    assert store.export("a") is None
    # Another process (its own check time) writes an hour later: the file says it's done.
    store.merge("a", {}, {"x": {"y": True}})
    sqlite3.connect(path).execute("UPDATE users SET touched = 0").connection.commit()
    clock.now += 3600
    SqliteStore(path, retention_days=1, clock=clock).merge("c", {}, {"x": {"y": True}})
    assert store.count() == 3


def test_reading_keeps_an_active_user_from_expiring(tmp_path):
    clock = Clock()
    store = SqliteStore(tmp_path / "p.sqlite3", retention_days=365, clock=clock)
    store.merge("reader", {}, {"records": {"gathered": ["scans"]}})
    clock.now += 300 * DAY
    assert store.load("reader")  # a visit that only listens
    clock.now += 300 * DAY
    assert store.purge(365) == 0
    clock.now += 66 * DAY
    assert store.purge(365) == 1


def test_no_retention_keeps_rows_forever(tmp_path):
    clock = Clock()
    store = SqliteStore(tmp_path / "p.sqlite3", retention_days=0, clock=clock)
    store.merge("a", {}, {"x": {"y": True}})
    clock.now += 5000 * DAY
    store.merge("b", {}, {"x": {"y": True}})
    assert store.count() == 2


def test_a_read_never_waits_for_a_writer_even_when_due_a_touch(tmp_path):
    clock = Clock()
    path = tmp_path / "p.sqlite3"
    store = SqliteStore(path, clock=clock, timeout=1.0)
    store.merge("k", {}, {"records": {"gathered": ["scans"]}})
    clock.now += 2 * DAY
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        assert store.load("k") == {"records": {"gathered": ["scans"]}}
        assert time.monotonic() - started < 0.5
    finally:
        other.execute("ROLLBACK")
    assert store.export("k").touched == int(clock.now) - 2 * DAY  # touched on a later visit
    store.load("k")
    assert store.export("k").touched == int(clock.now)


# -- connections -------------------------------------------------------------------------
def in_thread(work) -> None:
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def test_close_releases_every_threads_connection(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path)
    store.merge("k", {}, {"records": {"gathered": ["scans"]}})
    waiting, release = threading.Event(), threading.Event()

    def hold_a_connection():
        store.load("k")
        waiting.set()
        release.wait(5)

    holder = threading.Thread(target=hold_a_connection)
    holder.start()
    try:
        waiting.wait(5)
        assert open_files(path) > 0
        store.close()
        assert open_files(path) == 0
        assert not Path(f"{path}-wal").exists()  # the last connection out checkpoints
    finally:
        release.set()
        holder.join()


def test_a_closed_store_opens_again_when_used(tmp_path):
    with SqliteStore(tmp_path / "progress.sqlite3") as store:
        store.merge("k", {}, {"records": {"gathered": ["scans"]}})
    assert open_files(tmp_path / "progress.sqlite3") == 0
    assert store.load("k") == {"records": {"gathered": ["scans"]}}
    store.close()


def test_connections_of_finished_threads_are_closed(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path)
    in_thread(lambda: store.merge("k", {}, {"records": {"gathered": ["scans"]}}))
    one = open_files(path)
    for _ in range(20):  # a server replacing its worker threads
        in_thread(lambda: store.load("k"))
    # One connection's files, and perhaps one SQLite keeps open until its locks are free.
    assert open_files(path) < 2 * one
    store.close()
    assert open_files(path) == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_a_forked_child_opens_its_own_connection(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = SqliteStore(path)
    store.merge("parent", {}, {"records": {"gathered": ["scans"]}})
    inherited = store._conn()
    pid = os.fork()
    if pid == 0:  # the child: report by exit status only
        code = 1
        try:
            store.merge("child", {}, {"records": {"gathered": ["labs"]}})
            code = 0 if store._conn() is not inherited else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert store._conn() is inherited  # the parent's own is untouched, and still works
    assert store.load("child") == {"records": {"gathered": ["labs"]}}
    assert inherited.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store.close()
