"""Driving the studio page from tests: what to launch, and the steps a user takes."""

from __future__ import annotations

from pathlib import Path

from skill.screens.snapshot import FLAGS

CHROMIUM = "/usr/bin/chromium"
# The screens' Chromium flags: quiet, offline (a closed network refuses Chromium's own
# connections), no GPU, one device pixel per CSS pixel.
CHROMIUM_FLAGS = list(FLAGS)
PLAYWRIGHT_MISSING = "Playwright is not installed: pip install -e '.[dev]'"

try:
    from playwright.sync_api import expect
except ModuleNotFoundError:  # the browser fixture skips, saying why
    expect = None


def turns(page):
    return page.locator("#log > li")


def wait_for_turns(page, count: int) -> None:
    expect(turns(page)).to_have_count(count)


def say(page, text: str) -> None:
    before = turns(page).count()
    page.fill("#say-text", text)
    page.press("#say-text", "Enter")
    wait_for_turns(page, before + 1)


def press(page, label: str) -> None:
    before = turns(page).count()
    page.get_by_role("button", name=label, exact=True).click()
    wait_for_turns(page, before + 1)


def talk(page, script) -> None:
    for utterance, _, _ in script:
        if utterance is None:
            press(page, "Launch")
        else:
            say(page, utterance)


def start_over(page, **choices: str) -> None:
    for name, value in choices.items():
        page.select_option(f"#{name}", value)
        expect(page.locator("#status")).to_contain_text(value)


def download(page, button: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return Path(info.value.path()).read_text(encoding="utf-8")
