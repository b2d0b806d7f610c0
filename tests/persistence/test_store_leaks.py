"""Nothing the user said, and not their Alexa userId, reaches the logs or the database."""

import logging

from store_support import simulate_logged

from skill.simulator import Conversation

USER = "amzn1.ask.account.LEAKCHECKUSERIDQWERTY1234567"
SAID = ("i got my biopsy report", "i have my bloodwork", "what do you remember about me")
HEARD = ("biopsy", "bloodwork")  # slot values as spoken; only catalogue ids may be kept


def files_of(db) -> bytes:
    return b"".join(path.read_bytes() for path in db.parent.glob(db.name + "*"))


def test_logs_and_database_hold_no_utterance_or_user_id(alexa_settings, db, caplog):
    settings = alexa_settings.with_(db_path=str(db))
    caplog.set_level(logging.DEBUG)
    conversation = Conversation(settings=settings, user_id=USER)
    conversation.launch()
    for text in SAID:
        assert conversation.say(text).plugin in ("records", "core")
    conversation.end()

    logged = caplog.text
    assert logged  # the skill did log (request lines at least)
    stored = files_of(db)
    assert b"pathology_reports" in stored and b"test_results" in stored
    for secret in (USER, *SAID, *HEARD):
        assert secret not in logged, secret
        assert secret.encode() not in stored, secret


def test_a_verbose_separate_process_logs_nothing_the_user_said(db):
    turns, logged = simulate_logged(db, *SAID, user_id=USER, verbose=True)
    assert len(turns) == 1 + len(SAID)
    assert "DEBUG" in logged  # verbose really was on
    stored = files_of(db)
    for secret in (USER, *SAID, *HEARD):
        assert secret not in logged, secret
        assert secret.encode() not in stored, secret
