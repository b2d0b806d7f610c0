"""``second-opinion simulate``, ``chat`` and ``model``, run as a user would."""

import io
import json

import pytest

from skill.cli import main

CONTRACT = [
    "utterance",
    "request_type",
    "intent",
    "slots",
    "score",
    "plugin",
    "speech",
    "ssml",
    "reprompt",
    "should_end_session",
    "card",
    "apl",
]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_simulate_json_prints_one_object_per_turn(capsys):
    code, out, _ = run(capsys, "simulate", "--json", "--launch", "help", "go home", "stop")
    assert code == 0
    turns = [json.loads(line) for line in out.splitlines()]
    assert [list(turn) for turn in turns] == [CONTRACT] * 4
    launch, help_, home, stop = turns
    assert (launch["request_type"], launch["utterance"], launch["score"]) == (
        "LaunchRequest",
        None,
        None,
    )
    assert (help_["intent"], help_["score"], help_["plugin"]) == ("AMAZON.HelpIntent", 1.0, "core")
    assert help_["reprompt"] and help_["should_end_session"] is False
    assert home["intent"] == "AMAZON.NavigateHomeIntent"
    assert stop["intent"] == "AMAZON.StopIntent" and stop["should_end_session"] is True
    assert stop["reprompt"] is None and stop["ssml"].startswith("<speak>")


def test_simulate_without_launch_starts_with_a_one_shot(capsys):
    _, out, _ = run(capsys, "simulate", "--json", "ask second opinion guide for help")
    (turn,) = [json.loads(line) for line in out.splitlines()]
    assert turn["request_type"] == "IntentRequest" and turn["intent"] == "AMAZON.HelpIntent"


def test_simulate_text_shows_intent_score_and_plugin(capsys):
    code, out, _ = run(capsys, "simulate", "--screen", "--user-id", "amzn1.ask.account.X", "help")
    assert code == 0
    assert "> help" in out and "AMAZON.HelpIntent  score 1.00  plugin core" in out
    assert "< " in out and "(reprompt: " in out


def test_simulate_unreachable_target_fails_cleanly(capsys):
    code, _, err = run(capsys, "simulate", "--target", "http://127.0.0.1:9/alexa", "help")
    assert code == 1 and err.startswith("error: cannot reach")


def chat(capsys, monkeypatch, text, *argv):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    return run(capsys, "chat", "--store", "memory", *argv)


def test_chat_reads_lines_and_shows_what_was_heard(capsys, monkeypatch):
    code, out, _ = chat(capsys, monkeypatch, "help\nexit\n")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("alexa> ") and "[LaunchRequest  plugin core]" in lines[1]
    assert "you> help" in lines
    assert any("AMAZON.HelpIntent  score 1.00  plugin core" in line for line in lines)
    assert "[SessionEndedRequest  plugin core]" in out and lines[-1] == "(session ended)"


def test_chat_quiet_shows_only_speech(capsys, monkeypatch):
    _, out, _ = chat(capsys, monkeypatch, "help\n", "--quiet")
    assert "[" not in out and out.count("alexa> ") == 2


def test_chat_ends_with_the_session(capsys, monkeypatch):
    code, out, _ = chat(capsys, monkeypatch, "stop\nhelp\n")
    assert code == 0 and "you> help" not in out and out.rstrip().endswith("(session ended)")


def test_chat_ends_on_end_of_input(capsys, monkeypatch):
    code, out, _ = chat(capsys, monkeypatch, "", "--no-launch")
    assert code == 0 and out == ""


def test_model_check_on_the_shipped_model_has_no_errors(capsys):
    code, out, _ = run(capsys, "model", "check")
    assert code == 0, out
    assert "0 errors" in out.splitlines()[-1]


def test_model_check_json(capsys):
    _, out, _ = run(capsys, "model", "check", "--json")
    findings = json.loads(out)
    assert all(set(f) == {"level", "rule", "where", "message"} for f in findings)
    assert not [f for f in findings if f["level"] == "error"]


def test_model_export_is_the_deployable_model(capsys, tmp_path):
    code, out, _ = run(capsys, "model", "export")
    exported = json.loads(out)
    assert code == 0 and exported["interactionModel"]["languageModel"]["invocationName"]
    target = tmp_path / "model.json"
    run(capsys, "model", "export", "-o", str(target))
    assert json.loads(target.read_text()) == exported


def test_model_needs_an_action(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["model"])
    assert exited.value.code == 2
