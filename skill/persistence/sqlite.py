"""The default store: one SQLite file in WAL mode, safe for several worker processes.

A save reads the user's row (WAL readers wait for no one), applies this session's changes
to it (:func:`skill.persistence.merge.rebase`) and writes the result back in one statement
that lands only if the row still reads as it did and no erase came since the request
began; otherwise it reads and merges again. So concurrent requests for one user, in any
process, are merged, not lost, and the write lock is held for one statement. A save that
would change nothing writes nothing. Threads of one process queue for the write lock on a
Python lock, woken the moment it is free, rather than in SQLite's busy handler, which
sleeps in steps of up to 100 ms; other processes are retried every few milliseconds. A
write that cannot get the lock within the timeout fails with :class:`StoreUnavailable`
instead of holding up the answer. An erase leaves a note of when it ran, so writes already
under way then stay out.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import platformdirs

from skill.persistence import StoredUser, StoreUnavailable, UserStore, schema
from skill.persistence.merge import rebase_into

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: Seconds a write waits for another process's write before giving up.
LOCK_TIMEOUT = 2.0
#: Retrying a lock another process holds: first and longest pause, in seconds.
FIRST_RETRY = 0.0005
LONGEST_RETRY = 0.005
#: A health check writes at most this often; checks in between repeat its answer.
HEALTH_CHECK_SECONDS = 5.0
DAY = 24 * 60 * 60
APP_DIR = "second-opinion-guide"
FILE_NAME = "progress.sqlite3"


_CREATING = threading.Lock()

#: Every store in this process, so that a forked child can set aside what it inherits.
_STORES: weakref.WeakSet[SqliteStore] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for store in list(_STORES):
        store._leave_inherited()


os.register_at_fork(after_in_child=_after_fork_in_child)


def default_path() -> Path:
    """The file in the user data directory, e.g. ``~/.local/share/second-opinion-guide``."""
    return Path(platformdirs.user_data_dir(APP_DIR)) / FILE_NAME


def _create_private(path: Path) -> None:
    """Create the file private to this account before SQLite does (its -wal and -shm files
    take the same mode), and only if it does not exist.

    Never open and close a descriptor on an existing database: closing any descriptor on a
    file drops every POSIX lock this process holds on it, SQLite's included. Another
    process closing the database next would then take itself for the last user and delete
    the WAL under this one, and every later write would go to a deleted file.
    """
    # Threads take turns: one that finds the file already there must not open SQLite on it
    # before the thread that created it has closed that descriptor.
    with _CREATING, contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600))


def _retrying(step: Callable[[], T], timeout: float) -> T:
    """``step()``, retried with pauses of a few milliseconds while the file is locked."""
    deadline = None  # read the clock only once a step was refused: most never are
    pause = FIRST_RETRY
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            now = time.monotonic()
            if deadline is None:
                deadline = now + timeout
            if now >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, LONGEST_RETRY)


#: One encoder for every write: ``json.dumps`` with options builds a new one per call.
_dumps = json.JSONEncoder(separators=(",", ":"), sort_keys=True).encode


class SqliteStore(UserStore):
    """Users' durable state in one SQLite file.

    :param path: the database file; its folder is created (private to the user) if needed.
    :param retention_days: rows untouched this long are purged, at most once a day, after
        a write; ``0`` keeps rows forever.
    :param salt: see :mod:`skill.persistence.keys`.
    :param timeout: seconds to wait for the write lock.
    :param clock: seconds since the epoch (tests move time).
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        retention_days: int = 365,
        salt: str = "",
        timeout: float | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.path = Path(path)
        self.retention_days = retention_days
        self.salt = salt
        self.timeout = LOCK_TIMEOUT if timeout is None else timeout
        self.clock = clock
        self._next_purge_check = 0.0
        # One connection per thread (a connection must not serve two threads at once),
        # all listed here so that close() can reach every one of them. Each is tagged
        # with the generation of the file it opened: a file replaced under the store
        # starts a new generation, and each thread reopens when it next asks.
        self._lock = threading.Lock()
        self._conns: dict[int, tuple[int, sqlite3.Connection, sqlite3.Cursor]] = {}
        self._generation = 0
        self._identity: tuple[int, int] | None = None
        self._inherited: list[sqlite3.Connection] = []
        # This process's writers take turns here, not in SQLite's sleeping busy handler.
        self._write_lock = threading.Lock()
        self._health: tuple[float, str | None] = (-HEALTH_CHECK_SECONDS, None)
        _STORES.add(self)

    def now(self) -> float:
        return self.clock()

    # -- the ask-sdk-core adapter interface ---------------------------------------------
    def get_attributes(self, request_envelope: RequestEnvelope) -> dict:
        return self.load(self.key_for(request_envelope))

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        key = self.key_for(request_envelope)
        now = int(self.clock())
        with self._write() as conn:
            conn.execute(
                "INSERT INTO users (key, attributes, created, touched) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET attributes = excluded.attributes, "
                "touched = excluded.touched",
                (key, _dumps(attributes), now, now),
            )

    # -- key-level operations -----------------------------------------------------------
    def load(self, key: str) -> dict:
        """The stored state for ``key`` (``{}`` if none); keeps an active row from expiring."""
        row = self._read("SELECT attributes, touched FROM users WHERE key = ?", (key,))
        if row is None:
            return {}
        now = int(self.clock())
        if now - row[1] >= DAY:
            # A user who only listens is still using the skill; once a day is enough.
            try:
                with self._write(wait=False) as conn:
                    conn.execute("UPDATE users SET touched = ? WHERE key = ?", (now, key))
            except StoreUnavailable as exc:
                logger.debug("could not refresh a row's timestamp: %s", exc)
        return json.loads(row[0])

    def merge(self, key: str, base: dict, current: dict, *, started: float | None = None) -> dict:
        now = self.clock()
        deadline = time.monotonic() + self.timeout
        while True:
            # Read without the write lock (WAL readers wait for no one), decide, then write
            # in one statement that lands only on the row as read: the lock is held for
            # that statement alone, which lets go of the GIL once rather than four times.
            row, touched, erased = self._read(
                "SELECT (SELECT attributes FROM users WHERE key = ?1), "
                "(SELECT touched FROM users WHERE key = ?1), "
                "(SELECT at FROM erased WHERE key = ?1)",
                (key,),
            )
            if started is not None and erased is not None and erased >= started:
                return {}  # the user was erased after this request began: the erase wins
            # Decoded here, owned here: merged in place, without a copy.
            merged = rebase_into(json.loads(row) if row is not None else {}, base, current)
            text = _dumps(merged)
            if text == row and now - touched < DAY:
                return merged  # already stored, and fresh: nothing to write
            if self._write_if_same(key, row, text, int(now), started):
                break
            # Another request changed or erased the row since it was read: merge again.
            if time.monotonic() >= deadline:
                raise StoreUnavailable("sqlite: the user's row kept changing under the write")
        self._maybe_purge(int(now))
        return merged

    def _write_if_same(
        self, key: str, row: str | None, text: str, now: int, started: float | None
    ) -> bool:
        """Store ``text`` for ``key`` if the row still reads ``row`` (``None``: there is
        none) and no erase came after ``started``; ``False`` if not, and nothing written."""
        if row is None:
            sql = (
                "INSERT INTO users (key, attributes, created, touched) SELECT ?1, ?2, ?3, ?3 "
                "WHERE ?4 IS NULL OR NOT EXISTS "
                "(SELECT 1 FROM erased WHERE key = ?1 AND at >= ?4) "
                "ON CONFLICT (key) DO NOTHING"
            )
            args: tuple = (key, text, now, started)
        else:
            sql = (
                "UPDATE users SET attributes = ?2, touched = ?3 WHERE key = ?1 AND attributes = ?4"
                " AND (?5 IS NULL OR NOT EXISTS "
                "(SELECT 1 FROM erased WHERE key = ?1 AND at >= ?5))"
            )
            args = (key, text, now, row, started)
        with self._errors():
            self._check_file()  # before the lock: it needs no lock, and stat() waits on disk
        if not self._write_lock.acquire(timeout=self.timeout):
            raise StoreUnavailable("sqlite: another write in this process held the lock")
        try:
            with self._errors():
                cursor = self._conn_and_cursor()[1]
                # One statement is its own transaction: no BEGIN, no COMMIT to wait for.
                return _retrying(lambda: cursor.execute(sql, args).rowcount, self.timeout) == 1
        finally:
            self._write_lock.release()

    def export(self, key: str) -> StoredUser | None:
        row = self._read("SELECT attributes, created, touched FROM users WHERE key = ?", (key,))
        if row is None:
            return None
        return StoredUser(key=key, attributes=json.loads(row[0]), created=row[1], touched=row[2])

    def erase(self, key: str) -> bool:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO erased (key, at) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET at = excluded.at",
                (key, self.clock()),
            )
            return conn.execute("DELETE FROM users WHERE key = ?", (key,)).rowcount > 0

    def health(self) -> str | None:
        """``None`` if the store can be written now, else what is wrong, in a few words.

        Writes one row of bookkeeping, at most every few seconds however often it is
        asked, so a load balancer polling it cannot turn it into write load.
        """
        checked, problem = self._health
        now = time.monotonic()
        if now - checked < HEALTH_CHECK_SECONDS:
            return problem
        try:
            with self._write() as conn:
                conn.execute(
                    "INSERT INTO meta (name, value) VALUES ('checked_at', ?) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    (str(int(self.clock())),),
                )
            problem = None
        except StoreUnavailable as exc:
            problem = str(exc)
        self._health = (now, problem)
        return problem

    def purge(self, days: int) -> int:
        now = int(self.clock())
        with self._write() as conn:
            return self._purge(conn, days, now)

    def count(self) -> int:
        """How many users have stored state."""
        return self._read("SELECT COUNT(*) FROM users")[0]

    def create(self) -> None:
        """Create the file and its schema now rather than on first use."""
        self._conn()

    def close(self) -> None:
        """Close every thread's connection; a later use opens new ones.

        Call it when no request is in flight: a connection closed under a running
        transaction rolls that transaction back.
        """
        with self._lock:
            conns, self._conns = [conn for _, conn, _ in self._conns.values()], {}
            self._identity = None
        for conn in conns:
            conn.close()

    # -- retention ----------------------------------------------------------------------
    def _purge(self, conn: sqlite3.Connection, days: int, now: int) -> int:
        removed = conn.execute("DELETE FROM users WHERE touched < ?", (now - days * DAY,)).rowcount
        # A write under way when its user was erased is long finished a day later.
        conn.execute("DELETE FROM erased WHERE at < ?", (now - DAY,))
        conn.execute(
            "INSERT INTO meta (name, value) VALUES ('purged_at', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (str(now),),
        )
        return removed

    def _maybe_purge(self, now: int) -> None:
        """At most once a day across all processes sharing the file, drop expired rows."""
        if self.retention_days <= 0 or now < self._next_purge_check:
            return
        self._next_purge_check = now + DAY
        try:
            with self._write() as conn:
                row = conn.execute("SELECT value FROM meta WHERE name = 'purged_at'").fetchone()
                if row is None or now - int(row[0]) >= DAY:
                    removed = self._purge(conn, self.retention_days, now)
                    logger.info(
                        "retention: purged %d users idle %d days", removed, self.retention_days
                    )
        except StoreUnavailable as exc:
            logger.debug("retention purge skipped: %s", exc)

    # -- connections and transactions ---------------------------------------------------
    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailable(f"sqlite: {type(exc).__name__}: {exc}") from exc

    @contextlib.contextmanager
    def _write(self, *, wait: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the write lock from its start.

        :param wait: wait up to the timeout for another writer; ``False`` gives up at once.
        """
        with self._errors():
            self._check_file()  # before the lock: it needs no lock, and stat() waits on disk
        if not self._write_lock.acquire(timeout=self.timeout if wait else 0):
            raise StoreUnavailable("sqlite: another write in this process held the lock")
        try:
            with self._errors():
                conn = self._conn()
                self._begin(conn, self.timeout if wait else 0.0)
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
        finally:
            self._write_lock.release()

    @staticmethod
    def _begin(conn: sqlite3.Connection, timeout: float) -> None:
        """``BEGIN IMMEDIATE``, retried briefly while another process holds the lock."""
        _retrying(lambda: conn.execute("BEGIN IMMEDIATE"), timeout)

    def _read(self, sql: str, args: tuple = ()) -> tuple | None:
        """One row. WAL readers do not wait for writers; only a crashed writer's
        recovery can hold them up for a moment."""
        try:  # as _errors() does, without a context manager's cost on every read
            cursor = self._conn_and_cursor()[1]
            return _retrying(lambda: cursor.execute(sql, args).fetchone(), self.timeout)
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailable(f"sqlite: {type(exc).__name__}: {exc}") from exc

    def _check_file(self) -> None:
        """Notice a database file deleted or replaced under the store, and reopen.

        SQLite would carry on writing to the deleted file, and every write would be lost
        with no error; a new file (or a clear failure to make one) is better.
        """
        if self._identity is None:
            return
        try:
            found = os.stat(self.path)
            identity: tuple[int, int] | None = (found.st_dev, found.st_ino)
        except FileNotFoundError:
            identity = None
        if identity == self._identity:
            return
        logger.error("the database file was removed or replaced while in use: reopening it")
        with self._lock:
            self._generation += 1
            self._identity = None

    def _conn(self) -> sqlite3.Connection:
        """This thread's connection; opened (and the schema migrated) on first use."""
        return self._conn_and_cursor()[0]

    def _conn_and_cursor(self) -> tuple[sqlite3.Connection, sqlite3.Cursor]:
        """This thread's connection and the one cursor it runs the store's statements on
        (a new cursor per statement cost a fifth of their instructions). Every statement
        is read to its end, so the cursor holds no read snapshot between requests."""
        held = self._conns.get(threading.get_ident())
        if held is not None and held[0] == self._generation:
            return held[1], held[2]
        with self._errors():
            conn = self._open()
            cursor = conn.cursor()
        with self._lock:
            # Threads come and go (a server may replace its workers): close what the
            # finished ones left behind, and this thread's connection to a replaced file.
            running = {thread.ident for thread in threading.enumerate()}
            finished = [ident for ident in self._conns if ident not in running]
            left = [self._conns.pop(ident)[1] for ident in finished]
            if held is not None:
                left.append(held[1])
            self._conns[threading.get_ident()] = (self._generation, conn, cursor)
            if self._identity is None:
                # By path: opening a descriptor here would be the bug _create_private avoids.
                found = os.stat(self.path)
                self._identity = (found.st_dev, found.st_ino)
        for old in left:
            old.close()
        return conn, cursor

    def _leave_inherited(self) -> None:
        """In a forked child: set the parent's connections aside, unused and unclosed.

        SQLite forbids using a connection across ``fork()``, and closing one counts (it may
        checkpoint and delete the parent's WAL file), so they are kept referenced here
        rather than closed by the garbage collector. The child opens its own.
        """
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._inherited.extend(conn for _, conn, _ in self._conns.values())
        self._conns = {}

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _create_private(self.path)
        # Used by one thread at a time, but closed by whichever thread calls close().
        conn = sqlite3.connect(
            self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
        )
        try:
            self._use_wal(conn)
            # In WAL mode NORMAL loses nothing committed when a process dies; only a power
            # cut can lose the last transactions.
            conn.execute("PRAGMA synchronous = NORMAL")
            schema.migrate(conn)
            # From here on, waits for the lock are this store's own short retries.
            conn.execute("PRAGMA busy_timeout = 0")
        except BaseException:
            conn.close()
            raise
        return conn

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        """Switch a new file to WAL mode (a file already in it stays so).

        The switch needs the file to itself, and when several connections open a new file
        at once SQLite refuses it at once rather than waiting, so wait here instead.
        """
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                    return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
            else:
                if time.monotonic() >= deadline:
                    raise sqlite3.OperationalError("could not switch to WAL: database is locked")
            time.sleep(0.005)
