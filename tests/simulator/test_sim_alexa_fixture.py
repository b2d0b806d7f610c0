"""The ``alexa`` fixture: a fresh conversation with the real skill, per test."""

import os
import subprocess
import sys
from pathlib import Path

from served import serve

from skill.settings import Settings

FIXTURE_USER = Path(__file__).parent.parent / "fixture_user"


def test_fixture_talks_to_the_installed_skill(alexa, alexa_settings, tmp_path):
    assert alexa_settings.db_path == str(tmp_path / "progress.sqlite3")
    assert alexa.lint and not alexa.session_open
    turn = alexa.launch()
    assert turn.plugin == "core" and turn.speech.endswith("?")
    turn = alexa.say("help")
    assert turn.intent == "AMAZON.HelpIntent" and alexa.session_open


def test_each_test_gets_its_own_user(alexa, request):
    assert alexa.history == []
    assert alexa.user_id.startswith("amzn1.ask.account.")


def pytest_in_fixture_user(*options: str) -> subprocess.CompletedProcess:
    """Run pytest on the separate package, as its author would: its own rootdir and config."""
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_DISABLE_PLUGIN_AUTOLOAD"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command += ["--rootdir", str(FIXTURE_USER), "-c", str(FIXTURE_USER / "pytest.ini")]
    return subprocess.run(
        [*command, *options, str(FIXTURE_USER)],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
        cwd=FIXTURE_USER,
    )


def test_a_separate_test_package_gets_the_fixture_from_the_entry_point():
    found = pytest_in_fixture_user()
    assert found.returncode == 0, found.stdout + found.stderr
    assert "3 passed" in found.stdout
    # Without the plugin the fixture is gone: it came from the pytest11 entry point.
    blocked = pytest_in_fixture_user("-p", "no:second_opinion")
    assert blocked.returncode != 0 and "fixture 'alexa' not found" in blocked.stdout


def test_the_same_tests_run_against_a_served_endpoint():
    with serve(Settings(verify=False, store="memory")) as url:
        found = pytest_in_fixture_user("--alexa-target", url)
    assert found.returncode == 0, found.stdout + found.stderr
    assert "3 passed" in found.stdout
