"""``second-opinion plugins`` lists the loaded areas, their intents and where they come from;
the command line answers a usage mistake with exit status 2."""

import json

import pytest

from skill.cli import main

BUILT_IN = ["communicating", "insurance", "outcomes", "records", "specialist", "triggers"]


def listed(capsys, *argv) -> dict[str, dict]:
    assert main(["plugins", "--json", *argv]) == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_lists_each_area_with_its_intents_and_distribution(capsys, monkeypatch):
    monkeypatch.delenv("SECOND_OPINION_DISABLE_PLUGINS", raising=False)
    rows = listed(capsys)
    assert sorted(rows) == sorted([*BUILT_IN, "core", "safety"])
    assert rows["core"]["source"] == rows["safety"]["source"] == "the host (skill)"
    assert "AMAZON.HelpIntent" in rows["core"]["intents"]
    assert "EmergencyIntent" in rows["safety"]["intents"]
    records = rows["records"]
    assert records["source"].startswith("second-opinion-skill ")
    assert records["area"] == "getting your records"
    assert {"RecordsChecklistIntent", "RecordGatheredIntent"} <= set(records["intents"])
    assert "MedicareIntent" in rows["insurance"]["intents"]
    assert "MedicareIntent" not in records["intents"]


def test_the_table_names_source_area_and_intents(capsys, monkeypatch):
    monkeypatch.delenv("SECOND_OPINION_DISABLE_PLUGINS", raising=False)
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("safety         the host (skill)")  # the gate is asked first
    assert "communicating  second-opinion-skill " in out
    assert "area: getting your records" in out
    assert "RecordsChecklistIntent" in out


def test_a_blocked_plugin_is_not_listed(capsys, monkeypatch):
    monkeypatch.setenv("SECOND_OPINION_DISABLE_PLUGINS", "records")
    assert "records" not in listed(capsys)


def test_a_pip_installed_area_shows_its_own_distribution(capsys, monkeypatch, installed_example):
    monkeypatch.delenv("SECOND_OPINION_DISABLE_PLUGINS", raising=False)
    companion = listed(capsys)["second_opinion_companion"]
    assert companion["source"] == "second-opinion-example-area 0.1.0"
    assert companion["intents"] == ["BringSomeoneIntent"]


@pytest.mark.parametrize(
    "argv", [[], ["no-such-command"], ["plugins", "--no-such-flag"], ["serve", "--port", "x"]]
)
def test_usage_mistakes_exit_with_status_2_and_say_why(capsys, argv):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert "error:" in capsys.readouterr().err
