"""The studio's parts on their own: ranked candidates, the string index, the diff, the
screen, loopback, and the test writer."""

from __future__ import annotations

import pytest

from skill.simulator import Conversation, TurnResult, load_model
from skill.studio.loopback import is_loopback_address, is_loopback_host
from skill.studio.recording import Recorded, Recording, Setup
from skill.studio.screen import screen_of
from skill.studio.strings import SpokenString, StringIndex, speaking_packages
from skill.studio.turn_view import attribute_changes
from skill.studio.writer import NothingToSave, key_phrases, literal, write_test


@pytest.fixture(scope="module")
def model():
    return load_model("en-US")


@pytest.fixture(scope="module")
def strings():
    from skill.plugin_manager import make_plugin_manager

    return StringIndex("en-US", speaking_packages(make_plugin_manager()))


@pytest.mark.parametrize(
    "text",
    ["what records do i need", "yes", "how do i find a specialist", "insurance and records",
     "i have my imaging scans", "does my plan pay for it"],
)  # fmt: skip
def test_candidates_rank_what_resolve_chooses_first(model, text):
    resolver = model.resolver
    ranked = resolver.candidates(text)
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True) and len(ranked) > 1
    assert ranked[0][0] == resolver.resolve(text).intent


def test_candidates_are_empty_for_nothing_and_bounded(model):
    assert model.resolver.candidates("") == []
    assert all(score > 0 for _, score in model.resolver.candidates("what is the weather"))
    assert len(model.resolver.candidates("what records do i need", limit=2)) == 2


def test_strings_are_found_in_an_answer_with_file_and_key(strings):
    alexa = Conversation(lint=False, seed="strings")
    alexa.launch()
    turn = alexa.say("what records do i need")
    found = {(s.file, s.key) for s in strings.spoken_in(turn.speech)}
    assert ("plugins/records/locale/en.json", "item.test_results") in found
    assert ("skill/locale/en.json", "welcome.first") not in found


def test_a_string_with_values_is_found_around_them():
    string = SpokenString("f.json", "k", "So far you've ticked off {have} of {total}.")
    index = StringIndex("en-US", [])
    index.strings = [string]
    assert index.spoken_in("Right. So far you've ticked off 3 of 9. Next?") == [string]
    assert index.spoken_in("So far you've gathered 3 of 9.") == []


def test_search_finds_by_words_or_key(strings):
    assert any(s.key == "welcome.first" for s in strings.search("NOT MEDICAL advice"))
    assert any(s.key.startswith("gathered.") for s in strings.search("gathered.done"))
    assert strings.search("   ") == []


def test_attribute_changes_name_each_path():
    before = {"area": "records", "user": {"records": ["scans"], "seen": True}, "gone": 1}
    after = {"area": "specialist", "user": {"records": ["scans", "slides"], "seen": True}}
    assert attribute_changes(before, after) == [
        {"path": "area", "change": "changed", "before": "records", "after": "specialist"},
        {"path": "gone", "change": "removed", "before": 1},
        {
            "path": "user.records",
            "change": "changed",
            "before": ["scans"],
            "after": ["scans", "slides"],
        },
    ]
    assert attribute_changes({}, {"a": {"b": 1}}) == [
        {"path": "a", "change": "added", "after": {"b": 1}}
    ]


def test_the_screen_is_the_document_the_turn_renders():
    document = {"type": "APL", "mainTemplate": {"items": []}}
    render = {"type": "Alexa.Presentation.APL.RenderDocument", "document": document}
    turn = TurnResult(utterance=None, request_type="LaunchRequest", directives=[render])
    assert [screen["document"] for screen in screen_of(turn)] == [document]
    assert screen_of(TurnResult(utterance=None, request_type="LaunchRequest")) == []


@pytest.mark.parametrize(
    ("address", "loopback"),
    [("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("::ffff:127.0.0.1", True),
     ("10.0.0.1", False), ("0.0.0.0", False), ("", False), (None, False), ("nonsense", False)],
)  # fmt: skip
def test_loopback_addresses(address, loopback):
    assert is_loopback_address(address) is loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("localhost:8090", True), ("LOCALHOST", True), ("127.0.0.1:1", True), ("[::1]:80", True),
     ("localhost.attacker.example", False), ("attacker.example:8090", False),
     ("[::2]:80", False), ("", False)],
)  # fmt: skip
def test_loopback_host_names(host, loopback):
    assert is_loopback_host(host) is loopback


def test_key_phrases_leave_out_strings_with_variants(strings):
    alexa = Conversation(lint=False, seed="phrases")
    alexa.launch()
    alexa.say("what records do i need")
    turn = alexa.say("i have my imaging scans")
    varied = [s for s in strings.spoken_in(turn.speech) if s.variant is not None]
    assert varied, "this answer should use a string with variants"
    phrases = key_phrases(turn, strings)
    assert all(phrase in turn.speech for phrase in phrases)
    for string in varied:
        assert not any(piece in phrase for piece in string.pieces for phrase in phrases)


def test_literals_are_python_source():
    value = {"record": 'the "imaging" scans', "n": 3, "none": None}
    assert eval(literal(value)) == value  # noqa: S307 - our own output, checked


def test_nothing_to_save_without_a_turn(strings):
    with pytest.raises(NothingToSave):
        write_test([], Setup("en-US", "speaker", "first-time"), strings)


def test_the_written_test_replays_a_returning_user_and_asserts_each_turn(strings, tmp_path):
    from skill.settings import Settings

    recording = Recording(
        Settings(verify=False, db_path=str(tmp_path / "p.sqlite3")), ["en-US"], "en-US"
    )
    recording.restart("en-US", "speaker", "returning")
    recording.say("what records do i need")
    recording.act("new session")
    source = write_test(recording.turns, recording.setup, strings)
    assert "    # A returning user: opened the skill and left before.\n" in source
    assert '    alexa.launch()\n    alexa.say("stop")\n' in source
    assert 'r = alexa.say("what records do i need")' in source
    assert 'assert r.intent == "RecordsChecklistIntent" and r.plugin == "records"' in source
    assert "r = alexa.end()" in source
    assert 'assert r.request_type == "SessionEndedRequest"' in source
    compile(source, "saved.py", "exec")
    assert recording.transcript()[0]["utterance"] == "what records do i need"


def test_a_new_session_with_nothing_open_sends_nothing(tmp_path):
    from skill.settings import Settings

    recording = Recording(
        Settings(verify=False, db_path=str(tmp_path / "p.sqlite3")), ["en-US"], "en-US"
    )
    assert recording.act("new session") is None
    first = recording.act("launch")
    assert isinstance(first, Recorded) and recording.previous(first) is None
    assert recording.act("new user") is None and recording.turns == []


def test_a_seed_repeats_answers_and_still_gives_each_new_user_their_own_id(tmp_path):
    from skill.settings import Settings

    def run(name: str) -> tuple[list[str], Recording]:
        settings = Settings(verify=False, db_path=str(tmp_path / f"{name}.sqlite3"))
        recording = Recording(settings, ["en-US"], "en-US", seed="same")
        spoken = [recording.say(text).result.speech for text in ("help", "what records do i need")]
        return spoken, recording

    first, recording = run("a")
    again, _ = run("b")
    assert first == again
    user = recording.conversation.user_id
    recording.act("new user")
    assert recording.conversation.user_id != user


def test_a_turn_that_breaks_a_lint_rule_is_marked_in_the_saved_test(strings):
    from skill.simulator import Problem

    turn = TurnResult(
        utterance="help",
        request_type="IntentRequest",
        intent="AMAZON.HelpIntent",
        plugin="core",
        problems=[Problem("reprompt-missing", "an open session\nneeds a reprompt")],
    )
    source = write_test([Recorded(turn)], Setup("en-US", "speaker", "first-time"), strings)
    assert "    # breaks reprompt-missing: an open session needs a reprompt\n" in source
    compile(source, "saved.py", "exec")


def test_every_device_with_a_screen_has_a_profile_to_draw_on():
    from skill.simulator.envelope import VIEWPORTS as DEVICE_VIEWPORTS
    from skill.studio.screen import DEVICE_PROFILES, viewport_for

    assert set(DEVICE_PROFILES) == set(DEVICE_VIEWPORTS)
    assert viewport_for("speaker") is None
    round_hub = viewport_for("round")
    assert round_hub.round and round_hub.width == round_hub.height


def test_each_plural_form_is_found_under_its_key(strings):
    alexa = Conversation(lint=False, seed="plurals")
    alexa.launch()
    turn = alexa.say("read me the records checklist")
    assert any(s.key == "checklist.intro" for s in strings.spoken_in(turn.speech))
    forms = [s for s in strings.strings if s.key == "checklist.intro"]
    assert len(forms) >= 2 and {s.variant for s in forms} == set(range(len(forms)))
