"""The session's layout: each attribute read, written and cleared through skill.session, and
a value in another shape (forged, or corrupted on the way) read as absent, never a failure."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pytest

from skill import session
from skill.session import LastAnswer, Question


def request(attributes: dict | None = None, *, in_session: bool = True):
    """Just what skill.session reads of a HandlerInput."""
    return SimpleNamespace(
        request_envelope=SimpleNamespace(session=object() if in_session else None),
        attributes_manager=SimpleNamespace(session_attributes=attributes or {}),
    )


@pytest.mark.parametrize(
    "forged",
    [
        {"misses": "three"},
        {"misses": True},
        {"misses": -1},
        {"person": ["FATHER"]},
        {"options": "RecordsChecklistIntent"},
        {"options": [1]},
        {"asked": 7},
        "dialog",
    ],
)
def test_a_dialog_context_in_another_shape_reads_as_absent(forged):
    handler_input = request({"dialog": forged})
    assert session.person(handler_input) is None
    assert session.misses(handler_input) == 0
    assert session.last_question(handler_input) is None
    assert session.options(handler_input) == []
    session.set_misses(handler_input, 1)
    assert session.attributes(handler_input)["dialog"] == {"misses": 1}


def test_a_dialog_context_in_the_skills_shape_reads_back():
    handler_input = request({"dialog": {"person": "FATHER", "misses": 2, "asked": "Which?"}})
    assert session.person(handler_input) == "FATHER"
    assert session.misses(handler_input) == 2
    assert session.last_question(handler_input) == "Which?"
    session.set_last_question(handler_input, "Want more?", ["RecordsChecklistIntent"])
    assert session.options(handler_input) == ["RecordsChecklistIntent"]
    session.clear_last_question(handler_input)
    session.clear_person(handler_input)
    session.clear_misses(handler_input)
    assert session.attributes(handler_input)["dialog"] == {}


@pytest.mark.parametrize(
    "forged",
    [{"area": 1, "about": "x"}, {"area": "records"}, {"area": "records", "about": ""}, "q", []],
)
def test_an_open_question_in_another_shape_reads_as_none(forged):
    assert session.question(request({"question": forged})) is None


def test_the_open_question_is_set_read_and_cleared():
    handler_input = request()
    session.set_question(handler_input, "records", "missing")
    assert session.question(handler_input) == Question("records", "missing")
    session.clear_question(handler_input)
    assert session.question(handler_input) is None


def test_the_current_area_reads_only_a_name():
    assert session.current_area(request({"area": ["records"]})) is None
    handler_input = request({"area": "records"})
    assert session.current_area(handler_input) == "records"
    session.clear_current_area(handler_input)
    assert session.current_area(handler_input) is None


def test_area_memory_in_another_shape_starts_afresh():
    handler_input = request({"memory": {"records": "x", "insurance": {"heard": True}}})
    assert session.memory(handler_input, "records") == {}
    assert session.memory(handler_input, "insurance") == {"heard": True}
    assert session.memory(request({"memory": None}), "records") == {}
    session.clear_memory(handler_input, "insurance")
    assert "insurance" not in session.attributes(handler_input)["memory"]
    session.clear_memory(handler_input)
    assert "memory" not in session.attributes(handler_input)


LIST = {"area": "specialist", "items": ["a", "b"], "pos": 2, "start": 0}
LIST |= {"then": "Want more?", "then_reprompt": "More?", "then_about": "more"}


@pytest.mark.parametrize(
    "forged",
    [
        {"items": "abc", "pos": 0},
        {**LIST, "pos": "1"},
        {**LIST, "pos": True},
        {**LIST, "items": [1, 2]},
        {**LIST, "then": None},
        {**LIST, "then_about": 3},
    ],
)
def test_a_list_in_another_shape_reads_as_none(forged):
    assert session.reading(request({"list": forged})) is None


def test_a_list_is_started_read_and_cleared():
    assert session.reading(request({"list": dict(LIST)})) == LIST
    handler_input = request()
    started = session.start_reading(
        handler_input, "records", ["a", "b"], then="More?", then_reprompt="More?", then_about=None
    )
    assert session.reading(handler_input) is started
    session.clear_reading(handler_input)
    assert session.reading(handler_input) is None


@pytest.mark.parametrize(
    "forged", [{"reprompt": "x"}, {"speech": 1}, {"speech": "<speak>x</speak>", "reprompt": 5}]
)
def test_a_last_answer_in_another_shape_reads_as_none(forged):
    assert session.last_answer(request({"last": forged})) is None


def test_the_last_answer_reads_back():
    handler_input = request()
    session.set_last_answer(handler_input, "<speak>Hi.</speak>", None)
    assert session.last_answer(handler_input) == LastAnswer("<speak>Hi.</speak>", None)


@pytest.mark.parametrize("forged", [["x"], {"core": 1}, "user", {"core": ["x"]}])
def test_durable_state_in_another_shape_starts_afresh(forged):
    handler_input = request({"user": forged})
    assert session.user(handler_input) == {}
    session.user(handler_input)["core"] = {"disclaimer_heard": True}
    assert session.attributes(handler_input)["user"] == {"core": {"disclaimer_heard": True}}


@pytest.mark.parametrize("forged", [{"base": [], "loaded": True}, {"loaded": "yes"}, 3])
def test_store_bookkeeping_in_another_shape_has_read_nothing(forged):
    assert session.stored(request({"stored": forged})) == {"base": {}, "loaded": False}


def test_session_only_progress_keeps_each_area_apart():
    handler_input = request({"progress": {"records": 7, "triggers": {"check": [True]}}})
    assert session.progress(handler_input, "records") == {}
    assert session.held_progress(handler_input)["triggers"] == {"check": [True]}
    session.clear_progress(handler_input)
    assert "progress" not in session.attributes(handler_input)


def test_outside_a_session_nothing_is_read_or_kept():
    attributes = {"area": "records"}
    handler_input = request(attributes, in_session=False)
    assert session.current_area(handler_input) is None
    session.set_question(handler_input, "records", "missing")
    assert session.question(handler_input) is None
    assert attributes == {"area": "records"}


def test_every_key_of_the_layout_is_distinct():
    assert len(set(session.KEYS)) == len(session.KEYS)


def test_the_edge_checks_envelopes_without_loading_the_handlers():
    code = (
        "import sys, skill.envelope; "
        "print(sorted(m for m in sys.modules if m.startswith(('skill.core', 'skill.turn', "
        "'skill.session', 'plugins'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"
