"""Fixtures for the studio: a studio served on loopback, and a real browser to drive it.

The browser is Debian's chromium (scripts/system-packages.txt), driven by Playwright's
Python package; tests that need it skip, saying what is missing, where it can't be had.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from studio_driver import CHROMIUM, CHROMIUM_FLAGS, PLAYWRIGHT_MISSING

from skill.settings import MODELS_DIR, Settings
from skill.studio.app import create_studio_app
from skill.studio.server import start


@pytest.fixture
def models_dir() -> Path:
    """The models the studio offers; a test module overrides it to offer more locales."""
    return MODELS_DIR


@pytest.fixture
def studio_settings(tmp_path, models_dir) -> Settings:
    return Settings(verify=False, db_path=str(tmp_path / "progress.sqlite3"), models_dir=models_dir)


@pytest.fixture
def studio_app(studio_settings):
    # Seeded: the same answers every run, so the screenshot changes only with the product.
    return create_studio_app(studio_settings, seed="studio")


@pytest.fixture
def studio_url(studio_app):
    """The URL of a studio served in the background on 127.0.0.1."""
    server = start(studio_app)
    server.run_in_background()
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """A headless chromium with a fresh profile, for the whole test session."""
    sync_api = pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING)
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            accept_downloads=True,
            viewport={"width": 1400, "height": 1000},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser, studio_url):
    """The studio page, loaded and ready; speech synthesis records what it would say."""
    page = browser.new_page()
    page.add_init_script(
        "window.__spoken = [];"
        "if (window.speechSynthesis) {"
        "  speechSynthesis.speak = (u) => window.__spoken.push(u.text);"
        "}"
    )
    page.goto(studio_url)
    page.wait_for_selector("#locale option", state="attached")
    yield page
    page.close()
