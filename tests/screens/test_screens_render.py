"""The off-device renderer: data binding, a page per viewport, and PNGs through Chromium."""

import shutil
import struct

import pytest

from skill.cli import main
from skill.screens.expressions import evaluate_value
from skill.screens.html import render_html, touch_targets
from skill.screens.viewports import VIEWPORTS

RESOURCES = {"hubRoundSmall": "hubRoundSmall", "viewportProfile": "hubRoundSmall", "tick": "#0F0"}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("${screen.items}", [1, 2]),
        ("${screen.items[1]}", 2),
        ("${screen.items.length}", 2),
        ("${@viewportProfile == @hubRoundSmall ? 'round' : 'flat'}", "round"),
        ("${!screen.done && screen.title != ''}", True),
        ("${screen.done || 'no'}", "no"),
        ("Hello ${screen.title}!", "Hello Records!"),
        ("@tick", "#0F0"),
        ("plain", "plain"),
    ],
)
def test_data_binding(value, expected):
    context = {"screen": {"items": [1, 2], "title": "Records", "done": False}}
    assert evaluate_value(value, context, RESOURCES) == expected


@pytest.fixture(scope="module")
def checklist(request):
    from skill.settings import Settings
    from skill.simulator import Conversation

    c = Conversation(device="round", settings=Settings(verify=False, store="memory"), seed="r")
    c.launch()
    c.say("i have my imaging scans")
    return c.say("what records do i need").apl


@pytest.mark.parametrize("profile", sorted(VIEWPORTS))
def test_each_viewport_gets_a_page_with_the_screens_words(checklist, profile):
    viewport = VIEWPORTS[profile]
    page = render_html(checklist["document"], checklist["datasources"], viewport)
    assert f"width:{viewport.width}px" in page and f"data-profile='{profile}'" in page
    for item in checklist["datasources"]["screen"]["items"]:
        assert item["label"] in page
    assert page.count("✓") == 1  # one item ticked
    assert ("border-radius:50%" in page) == viewport.round


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium")
def test_screens_render_writes_a_png_per_screen_and_viewport(tmp_path, capsys):
    args = ["screens", "render", "--out", str(tmp_path), "--screen", "core.question"]
    assert main([*args, "--viewport", "hubRoundSmall", "--viewport", "hubLandscapeMedium"]) == 0
    assert png_size(tmp_path / "core-question-hubRoundSmall.png") == (480, 480)
    assert png_size(tmp_path / "core-question-hubLandscapeMedium.png") == (960, 600)


def test_screens_render_html_only_needs_no_browser(tmp_path, capsys):
    assert main(["screens", "render", "--out", str(tmp_path), "--html-only"]) == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    for token in ("core-home", "core-question", "core-list", "core-text", "records-checklist"):
        assert f"{token}-hubLandscapeMedium.html" in written
    assert len(written) == 5 * len(VIEWPORTS)


def test_screens_render_names_an_unknown_screen(tmp_path, capsys):
    assert main(["screens", "render", "--out", str(tmp_path), "--screen", "x.y"]) == 1
    assert "no screen x.y" in capsys.readouterr().err


def test_the_checklists_buttons_are_drawn_for_the_question_waiting(checklist):
    page = render_html(checklist["document"], checklist["datasources"], VIEWPORTS["hubRoundSmall"])
    assert checklist["datasources"]["screen"]["asking"] == "more"
    assert ">More</div>" in page and ">Yes</div>" not in page


@pytest.mark.parametrize("profile", ["hubRoundSmall", "hubLandscapeMedium", "tvLandscapeXLarge"])
def test_the_touches_the_tests_send_are_what_the_screens_targets_send(profile):
    from skill.settings import Settings
    from skill.simulator import Conversation

    def targets(turn):
        return touch_targets(turn.apl["document"], turn.apl["datasources"], VIEWPORTS[profile])

    c = Conversation(device="screen", settings=Settings(verify=False, store="memory"), seed="t")
    home = targets(c.launch())
    assert ["core", "home", "open", "records"] in home and len(home) == 6
    checklist = targets(c.say("what records do i need"))
    assert ["records", "checklist", "toggle", "imaging_scans"] in checklist
    assert ["core", "list", "more"] in checklist
    question = targets(c.say("should i get a second opinion"))
    assert question == [["core", "question", "yes"], ["core", "question", "no"]]
