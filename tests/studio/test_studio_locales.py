"""Switching the studio's locale and device, and saving a test for another locale."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from studio_driver import download, press, say, start_over, turns, wait_for_turns

from skill.settings import MODELS_DIR

#: The locale the studio is switched to, beside the project's en-US.
SECOND_LOCALE = "en-GB"


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory) -> Path:
    """The project's en-US model, installed as en-GB too: a second locale to switch to."""
    folder = tmp_path_factory.mktemp("models")
    shutil.copy(MODELS_DIR / "en-US.json", folder / "en-US.json")
    shutil.copy(MODELS_DIR / "en-US.json", folder / f"{SECOND_LOCALE}.json")
    return folder


def envelope(page, which: str) -> dict:
    """The selected turn's request or response envelope, as the page shows it."""
    details = page.locator("#turn-detail details", has_text=f"{which} envelope")
    details.locator("summary").click()
    return json.loads(details.locator("pre").inner_text())


def test_switching_locale_and_device(page, models_dir, tmp_path):
    locales = page.locator("#locale option").all_inner_texts()
    assert locales == sorted(path.stem for path in models_dir.glob("*.json"))
    start_over(page, device="screen")
    start_over(page, locale=SECOND_LOCALE)
    press(page, "Launch")
    say(page, "what records do i need")
    request = envelope(page, "Request")
    assert request["request"]["locale"] == SECOND_LOCALE
    interfaces = request["context"]["System"]["device"]["supportedInterfaces"]
    assert "Alexa.Presentation.APL" in interfaces
    assert page.get_attribute("html", "lang") == SECOND_LOCALE
    # Whatever the turn sends to the screen is in the screen panel.
    directives = envelope(page, "Response")["response"].get("directives", [])
    screens = [d for d in directives if d["type"] == "Alexa.Presentation.APL.RenderDocument"]
    shown = page.locator("#screen-preview details")
    assert shown.count() == len(screens)

    # Touching a target on the screen is a turn too.
    page.locator("#screen-preview").get_by_role("button", name="Touch").first.click()
    wait_for_turns(page, 3)
    assert "(touches the screen)" in turns(page).nth(2).inner_text()

    # The saved test brings its own alexa fixture for the device and locale.
    source = download(page, "Save as a test")
    assert "r = alexa.touch([" in source
    assert f'locale="{SECOND_LOCALE}"' in source and 'device="screen"' in source
    (tmp_path / "test_saved.py").write_text(source)
    (tmp_path / "conftest.py").write_text(
        "from pathlib import Path\n\nimport pytest\nfrom skill.settings import Settings\n\n\n"
        "@pytest.fixture\ndef alexa_settings(tmp_path):\n"
        f"    return Settings(verify=False, models_dir=Path({str(models_dir)!r}),"
        " db_path=str(tmp_path / 'progress.sqlite3'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_saved.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr

    start_over(page, device="speaker")
    assert turns(page).count() == 0
    press(page, "Launch")
    request = envelope(page, "Request")
    assert request["request"]["locale"] == SECOND_LOCALE
    assert "Viewport" not in request["context"]
    assert "speaker has no screen" in page.inner_text("#screen-preview")
