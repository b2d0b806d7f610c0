"""A store that is down or locked costs the user nothing but a word, said once."""

import sqlite3

import pytest
from store_visits import Visit

from skill.persistence import sqlite as sqlite_store
from skill.persistence.sqlite import SqliteStore

NOT_SAVED = "couldn't save your progress"
NOT_REACHED = "can't reach your saved progress"


@pytest.fixture
def short_lock(monkeypatch):
    monkeypatch.setattr(sqlite_store, "LOCK_TIMEOUT", 0.05)


def test_a_store_that_is_down_still_answers_and_says_so_once(make_runtime, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("")  # a file where the folder should be: nothing can be opened
    visit = Visit(make_runtime(db_path=str(blocker / "progress.sqlite3")))

    welcome = visit.launch()
    assert welcome.plugin == "core"
    assert welcome.speech.startswith("I can't reach your saved progress right now")
    assert "not medical advice" in welcome.speech and not welcome.ended
    answers = [visit.mark("scans"), visit.mark("labs"), visit.intent("ListItemsIntent")]
    assert [a.plugin for a in answers] == ["checklist"] * 3
    assert "That's 2 so far" in answers[1].speech
    assert not any(NOT_SAVED in a.speech or NOT_REACHED in a.speech for a in answers)
    assert "Still missing: slides, notes, letters, meds" in answers[2].speech


def test_when_the_store_comes_back_the_sessions_changes_are_written(make_runtime, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    db = blocker / "progress.sqlite3"
    visit = Visit(make_runtime(db_path=str(db)))
    visit.launch()
    visit.mark("scans")
    blocker.unlink()  # the store is back
    visit.mark("labs")

    store = SqliteStore(db)
    kept = store.load(store.key_for_user(visit.user_id))
    assert kept == {
        "checklist": {"gathered": ["scans", "labs"]},
        "core": {"disclaimer_heard": True, "last_area": "checklist"},
    }


def test_a_locked_store_keeps_the_answer_and_saves_later(make_runtime, db, short_lock):
    runtime = make_runtime()
    Visit(runtime).launch()  # creates the file and the user
    lock = sqlite3.connect(db, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    visit = Visit(runtime)
    try:
        welcome = visit.launch()
        assert "Welcome back" in welcome.speech or "Good to hear" in welcome.speech
        marked = visit.mark("scans")
        assert marked.plugin == "checklist"
        assert marked.speech.startswith("Just so you know, I couldn't save your progress")
        assert "That's 1 so far" in marked.speech
        again = visit.mark("labs")
        assert NOT_SAVED not in again.speech and "That's 2 so far" in again.speech
        repeat = visit.intent("AMAZON.RepeatIntent")
        assert NOT_SAVED not in repeat.speech  # the notice is not part of the answer
    finally:
        lock.execute("ROLLBACK")
    visit.mark("notes")

    later = Visit(runtime)
    assert "You've marked 3 of 6 items" in later.launch().speech


def test_emergencies_do_not_wait_for_the_store(make_runtime, db, monkeypatch):
    runtime = make_runtime()

    def stuck(*args, **kwargs):
        raise AssertionError("the store was asked during an emergency")

    monkeypatch.setattr(SqliteStore, "get_attributes", stuck)
    answer = Visit(runtime).intent("EmergencyIntent")
    assert answer.plugin == "safety" and answer.ended
