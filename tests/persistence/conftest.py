"""Fixtures for the persistence tests: skills built on a temporary store with the small
``store_area`` test area. Helpers are in store_support.py."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def alexa_settings(alexa_settings):
    """The ``alexa`` fixture's settings, with health progress durable."""
    return alexa_settings.with_(hipaa_eligible=True)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


@pytest.fixture
def make_runtime(db: Path):
    """Build a skill with the store_area test area on ``db`` (or other settings)."""
    import store_area

    from skill.runtime import SkillRuntime
    from skill.settings import Settings

    def build(**settings) -> SkillRuntime:
        values = dict(verify=False, db_path=str(db), plugins=[store_area], hipaa_eligible=True)
        values.update(settings)
        return SkillRuntime(Settings(**values))

    return build


@pytest.fixture
def scans_marked(make_runtime):
    """A skill on a fresh store, and a session in which the user has marked "scans"."""
    from store_visits import Visit

    runtime = make_runtime()
    visit = Visit(runtime)
    visit.launch()
    visit.mark("scans")
    return runtime, runtime.skill.persistence_adapter, visit
