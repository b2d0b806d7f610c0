"""A store that disappears, breaks or can't be read is noticed, and said so honestly."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor

from store_served import mark_as, served
from store_visits import USER, Visit

from skill.app import create_app
from skill.persistence.sqlite import SqliteStore
from skill.privacy.intents import WHAT_DO_YOU_REMEMBER


def sqlite_files(db):
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def test_writes_after_the_files_are_deleted_while_serving_are_kept(db):
    with served(db) as skill:
        # Every server thread opens its connection to the first file.
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda n: mark_as(skill, f"{USER}-before-{n}", "scans"), range(16)))
        for path in sqlite_files(db):
            path.unlink()
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda n: mark_as(skill, f"{USER}-after-{n}", "labs"), range(16)))
        assert skill.health()[0] == 200
    with SqliteStore(db) as store:
        kept = [store.load(store.key_for_user(f"{USER}-after-{n}")) for n in range(16)]
    assert [user.get("checklist") for user in kept] == [{"gathered": ["labs"]}] * 16


def test_healthz_fails_when_the_store_can_no_longer_be_written(tmp_path, make_runtime):
    folder = tmp_path / "data"
    db = folder / "progress.sqlite3"
    runtime = make_runtime(db_path=str(db))
    app = create_app(runtime.settings)
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    # The folder goes, and a file takes its place: the database cannot be made again.
    shutil.rmtree(folder)
    folder.write_text("not a folder")
    store = app.extensions["second_opinion"].skill.persistence_adapter
    store._health = (float("-inf"), None)  # no waiting out the repeat interval
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "store unavailable"


def test_an_unreadable_store_is_not_reported_as_empty(db, make_runtime):
    runtime = make_runtime()
    visit = Visit(runtime)
    visit.launch()
    visit.mark("scans")
    runtime.close()
    for path in sqlite_files(db):
        path.unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    os.utime(db)
    later = Visit(runtime)
    later.launch()
    answer = later.intent(WHAT_DO_YOU_REMEMBER)
    assert "haven't saved anything" not in answer.speech
    assert "can't check" in answer.speech
