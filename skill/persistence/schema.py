"""The SQLite schema, as numbered migrations applied in order and recorded in the file.

Add a step by appending to :data:`MIGRATIONS`; never edit a step that has shipped. A file
written by a newer version of the skill is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3

from ask_sdk_core.exceptions import PersistenceException

MIGRATIONS: list[tuple[str, ...]] = [
    # 1: one row per user, keyed by the user hash; bookkeeping for retention purges.
    (
        """CREATE TABLE users (
            key TEXT PRIMARY KEY,
            attributes TEXT NOT NULL,
            created INTEGER NOT NULL,
            touched INTEGER NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX users_touched ON users (touched)",
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ),
    # 2: when each user was last erased, so writes already under way then stay erased.
    ("CREATE TABLE erased (key TEXT PRIMARY KEY, at REAL NOT NULL) WITHOUT ROWID",),
]


class SchemaTooNew(PersistenceException):
    """The file's schema is newer than this version of the skill knows."""


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the open file; 0 for a new file."""
    try:
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file up to date, in one write transaction; returns the version reached.

    Safe when several processes open a new file at once: the write lock serialises them
    and each re-reads the version under it.
    """
    target = len(MIGRATIONS)
    if version(conn) == target:
        return target
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        current = version(conn)
        if current > target:
            raise SchemaTooNew(f"database schema {current} is newer than this skill ({target})")
        for number in range(current + 1, target + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return target
