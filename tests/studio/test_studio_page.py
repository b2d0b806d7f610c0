"""The studio in a real browser: talk, look inside each turn, switch device and locale,
look up the model, and save the conversation as a test that runs green under pytest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from studio_driver import (
    download,
    expect,
    press,
    say,
    start_over,
    talk,
    turns,
    wait_for_turns,
)

from skill.screens.snapshot import shrink
from skill.simulator import TurnResult

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "images" / "studio.png"

FIVE_TURNS = [
    (None, "", "Welcome to Second Opinion Guide"),
    ("what records do i need", "RecordsChecklistIntent", "kinds of records to gather"),
    ("i have my imaging scans", "RecordGatheredIntent", "imaging scans"),
    ("yes", "AMAZON.YesIntent", "still missing"),
    ("how do i find a specialist", "FindSpecialistIntent", "specialist"),
]


def test_five_turns_show_the_intents_and_speech(page, studio_url):
    talk(page, FIVE_TURNS)
    transcript = page.request.get(studio_url + "api/transcript.jsonl").text().splitlines()
    shown = zip(turns(page).all(), FIVE_TURNS, transcript, strict=True)
    for item, (utterance, intent, phrase), line in shown:
        assert item.get_attribute("data-intent") == intent
        said = item.locator(".alexa").inner_text()
        assert said == "Alexa: " + json.loads(line)["speech"] and phrase in said
        if utterance:
            assert utterance in item.locator(".you").inner_text()
    # The last answer is in the live region screen readers announce.
    assert page.inner_text("#answer") == said
    assert page.evaluate("window.__spoken") == []
    page.check("#read-aloud")
    say(page, "what records do i need")
    assert page.evaluate("window.__spoken") == [page.inner_text("#answer").removeprefix("Alexa: ")]


def test_inside_a_turn_and_the_screenshot(page):
    start_over(page, device="screen")
    talk(page, FIVE_TURNS[:3])
    page.get_by_role("button", name="Inspect turn 3").click()
    detail = page.locator("#turn-detail")
    text = detail.inner_text()
    assert "RecordGatheredIntent" in text and "records" in text
    # Slots, with the catalogue value they resolved to; the runner-up intents and scores.
    assert "record" in detail.locator("table").first.inner_text()
    assert "imaging scans" in detail.locator("table").first.inner_text()
    close = detail.locator("table").nth(1).locator("tbody tr")
    assert close.first.inner_text().startswith("RecordGatheredIntent\t1.000")
    assert close.count() > 1
    # Where the answer's strings are written, and what changed in the session.
    assert "plugins/records/locale/en.json" in text and "gathered." in text
    changes = detail.locator("li.added, li.changed").all_inner_texts()
    assert any("imaging_scans" in change for change in changes)
    # The envelopes are collapsed until opened, and can be copied.
    request = detail.locator("details", has_text="Request envelope")
    assert not request.locator("pre").is_visible()
    request.locator("summary").click()
    envelope = json.loads(request.locator("pre").inner_text())
    assert envelope["request"]["intent"]["name"] == "RecordGatheredIntent"
    assert request.get_by_role("button", name="Copy request envelope").is_visible()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.get_by_role("button", name="Inspect turn 2").click()
    # The screen the turn sends, drawn by the skill's own APL renderer.
    drawn = page.frame_locator("#screen-preview iframe").locator("[data-type=Text]")
    expect(drawn.first).to_be_visible()
    page.fill("#model-query", "what records do i need")
    page.press("#model-query", "Enter")
    page.wait_for_selector("#model-results table")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    shrink(SCREENSHOT)
    assert SCREENSHOT.stat().st_size > 10_000


def test_saved_test_runs_green_under_pytest(page, tmp_path):
    start_over(page, user="returning")
    talk(page, FIVE_TURNS)
    press(page, "Stop")
    source = download(page, "Save as a test")
    assert "def test_what_records_do_i_need(alexa):" in source
    for _, intent, _ in FIVE_TURNS[1:]:
        assert f'r.intent == "{intent}"' in source
    saved = tmp_path / "test_saved.py"
    saved.write_text(source)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(saved)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout

    lines = download(page, "Download transcript").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["intent"] for r in records] == [None] + [i for _, i, _ in FIVE_TURNS[1:]] + [
        "AMAZON.StopIntent"
    ]
    keys = TurnResult(utterance=None, request_type=None).as_json().keys()
    assert all(record.keys() == keys for record in records)
    assert records[0]["request_type"] == "LaunchRequest"
    assert "not medical advice" not in records[0]["speech"]  # a returning user heard it


def test_model_view_finds_close_intents_and_where_strings_live(page):
    page.fill("#model-query", "what records do i need")
    page.press("#model-query", "Enter")
    page.wait_for_selector("#model-results table")
    results = page.inner_text("#model-results")
    assert "Heard as RecordsChecklistIntent" in results
    assert "RecordsMissingIntent" in results
    assert "intents[name=RecordsChecklistIntent].samples" in results

    page.fill("#model-query", "ticked off")
    page.press("#model-query", "Enter")
    expect(page.locator("#model-results")).to_contain_text("gathered.done")
    assert "plugins/records/locale/en.json" in page.inner_text("#model-results")


def test_keyboard_only_with_labels_for_screen_readers(page):
    unlabeled = page.evaluate(
        """[...document.querySelectorAll('input, select')]
            .filter((e) => !e.labels.length).map((e) => e.id)"""
    )
    assert unlabeled == []
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to what you say"
    page.keyboard.press("Enter")
    page.keyboard.type("help")
    page.keyboard.press("Enter")
    wait_for_turns(page, 1)
    assert turns(page).first.get_attribute("data-intent") == "AMAZON.HelpIntent"
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Stop":
            break
    page.keyboard.press("Enter")
    wait_for_turns(page, 2)
    assert turns(page).nth(1).get_attribute("data-intent") == "AMAZON.StopIntent"
    assert page.get_attribute("#answer", "aria-live") == "assertive"
    # Speak is offered exactly where the browser can listen.
    listens = page.evaluate("Boolean(window.SpeechRecognition || window.webkitSpeechRecognition)")
    assert page.is_visible("#listen") == listens


def test_a_bad_request_is_shown_not_thrown(page):
    page.get_by_role("button", name="Save as a test").click()
    expect(page.locator("#problem")).to_contain_text("nothing to save yet")
