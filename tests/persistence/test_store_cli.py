"""``second-opinion data``: export, delete, purge, init and info for operators."""

import json
import sqlite3
import sys

import pytest
from store_support import open_files

from skill.cli import main as cli
from skill.persistence import schema
from skill.persistence.sqlite import DAY, SqliteStore

USER = "amzn1.ask.account.OPERATORCOMMANDSUSERX2"


@pytest.fixture
def store(db, monkeypatch):
    for name in ("SECOND_OPINION_STORE", "SECOND_OPINION_DB", "SECOND_OPINION_USER_SALT"):
        monkeypatch.delenv(name, raising=False)
    with SqliteStore(db) as store:
        store.merge(store.key_for_user(USER), {}, {"records": {"gathered": ["test_results"]}})
        yield store


def test_export_prints_what_is_kept_without_the_user_id(store, db, capsys):
    assert cli(["data", "export", "--user-id", USER, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["attributes"] == {"records": {"gathered": ["test_results"]}}
    assert data["key"] == store.key_for_user(USER) and data["store"] == "sqlite"
    assert data["created"].endswith("+00:00") and data["touched"]
    assert USER not in out


def test_export_of_an_unknown_user_fails(store, db, capsys):
    assert cli(["data", "export", "--user-id", "amzn1.ask.account.NOBODY", "--db", str(db)]) == 1
    assert "nothing is stored" in capsys.readouterr().err


def test_delete_erases_one_user(store, db, capsys):
    other = store.key_for_user(f"{USER}-other")
    store.merge(other, {}, {"core": {"disclaimer_heard": True}})
    assert cli(["data", "delete", "--user-id", USER, "--db", str(db)]) == 0
    assert "deleted everything" in capsys.readouterr().out
    assert store.export(store.key_for_user(USER)) is None and store.export(other)
    assert cli(["data", "delete", "--user-id", USER, "--db", str(db)]) == 0
    assert "nothing was stored" in capsys.readouterr().out


def test_purge_drops_users_idle_past_retention(store, db, capsys):
    conn = sqlite3.connect(db)
    conn.execute("UPDATE users SET touched = touched - ?", (40 * DAY,))
    conn.commit()
    assert cli(["data", "purge", "--days", "60", "--db", str(db)]) == 0
    assert "purged 0 users" in capsys.readouterr().out
    assert cli(["data", "purge", "--days", "30", "--db", str(db)]) == 0
    assert "purged 1 users untouched for 30 days" in capsys.readouterr().out
    assert store.count() == 0


def test_purge_uses_the_retention_setting(store, db, capsys, monkeypatch):
    monkeypatch.setenv("SECOND_OPINION_RETENTION_DAYS", "10")
    assert cli(["data", "purge", "--db", str(db)]) == 0
    assert "untouched for 10 days" in capsys.readouterr().out


def test_init_and_info(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SECOND_OPINION_STORE", raising=False)
    path = tmp_path / "new" / "progress.sqlite3"
    assert cli(["data", "init", "--db", str(path)]) == 0
    assert path.exists()
    assert cli(["data", "info", "--db", str(path)]) == 0
    assert f"sqlite {path}: 0 users, kept 365 days" in capsys.readouterr().out


def test_a_store_that_is_down_is_an_error_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    assert cli(["data", "export", "--user-id", USER, "--db", str(blocker / "x.db")]) == 1
    assert "store unavailable" in capsys.readouterr().err


def test_the_memory_store_is_refused_with_usage(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli(["data", "delete", "--user-id", USER, "--store", "memory"])
    assert exit_.value.code == 2
    assert "memory store keeps nothing" in capsys.readouterr().err


def test_each_command_closes_the_store(store, db, capsys):
    store.close()
    for args in (["info"], ["export", "--user-id", USER], ["purge", "--days", "30"]):
        assert cli(["data", *args, "--db", str(db)]) == 0
        assert open_files(db) == 0, args


def test_a_file_from_a_newer_version_is_an_error_not_a_traceback(store, db, capsys):
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_version VALUES (?)", (len(schema.MIGRATIONS) + 1,))
    conn.commit()
    store.close()
    assert cli(["data", "info", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("second-opinion data: database schema") and "Traceback" not in err


def test_a_dynamodb_store_without_a_region_is_a_clear_error(tmp_path, monkeypatch, capsys):
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "SECOND_OPINION_DYNAMODB_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    with pytest.raises(SystemExit) as exit_:
        cli(["data", "info", "--store", "dynamodb"])
    assert exit_.value.code == 2
    assert "the dynamodb store needs an AWS region" in capsys.readouterr().err


def test_a_dynamodb_store_without_its_extra_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "boto3", None)  # as if not installed
    with pytest.raises(SystemExit) as exit_:
        cli(["data", "info", "--store", "dynamodb"])
    assert exit_.value.code == 2
    assert "pip install 'second-opinion-skill[dynamodb]'" in capsys.readouterr().err
