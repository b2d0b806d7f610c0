"""The ``simulate --json`` contract is in the README; the CLI shows what it heard."""

import io
import json
import re
from pathlib import Path

from skill.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_key_simulate_prints_is_documented_in_the_readme(capsys):
    assert main(["simulate", "--json", "--launch", "what records do i need"]) == 0
    keys = [list(json.loads(line)) for line in capsys.readouterr().out.splitlines()]
    section = README.read_text().split("`simulate --json` is a public contract", 1)[1]
    section = section.split("\n\n", 1)[0]
    named = re.findall(r"`(\w+)`", section)
    assert keys[0] == keys[1]
    missing = [key for key in keys[0] if key not in named]
    assert not missing, f"printed but not documented: {missing}"
    assert sorted(keys[0], key=named.index) == keys[0]  # documented in the printed order


def test_simulate_speaks_the_locale_it_is_given(capsys):
    assert main(["simulate", "--json", "--locale", "en-US", "i can't breathe"]) == 0
    (turn,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert turn["plugin"] == "safety" and "911" in turn["speech"]


def test_simulate_refuses_a_locale_with_no_model_as_the_endpoint_would(capsys):
    # Alexa sends only locales the skill is published in, and each needs its model.
    assert main(["simulate", "--json", "--locale", "en-NZ", "i can't breathe"]) != 0
    assert "en-NZ is not one this skill speaks" in capsys.readouterr().err


def test_simulate_speaks_each_english_locale_with_its_own_number(capsys):
    assert main(["simulate", "--json", "--locale", "en-GB", "i can't breathe"]) == 0
    (turn,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert turn["plugin"] == "safety" and "999" in turn["speech"]


def test_chat_shows_the_slots_it_heard_and_their_resolution(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("i have my x-rays\n"))
    assert main(["chat", "--store", "memory", "--no-launch"]) == 0
    out = capsys.readouterr().out
    assert "RecordGatheredIntent  score 1.00  plugin records" in out
    assert "slots: record=x rays (imaging scans)" in out
