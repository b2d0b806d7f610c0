"""Amazon's health-data rule: quick check answers and gathered records outlive the session
only in a HIPAA-eligible deployment; stored flags from before are dropped otherwise."""

from __future__ import annotations

import json

import pytest

from skill.cli import main
from skill.persistence import make_adapter
from skill.simulator import Conversation

USER = "amzn1.ask.account.HEALTHDATA"
LEGACY = {
    "core": {"disclaimer_heard": True, "last_area": "records"},
    "records": {"gathered": ["imaging_scans"]},
    "triggers": {"check": [True]},
}


def stored(settings) -> dict:
    with make_adapter(settings) as store:
        record = store.export(store.key_for_user(USER))
    return record.attributes if record else {}


def gather_then_return(settings):
    alexa = Conversation(settings=settings, user_id=USER)
    alexa.launch()
    alexa.say("i have my imaging scans")
    alexa.say("stop")
    return alexa, alexa.launch()


def test_by_default_gathered_records_last_only_the_session(alexa_settings):
    alexa, back = gather_then_return(alexa_settings)
    assert "1 of 9" not in back.speech
    kept = stored(alexa_settings)
    assert kept["core"]["disclaimer_heard"] is True
    assert "records" not in kept and "progress" not in json.dumps(kept)


def test_within_the_session_the_checklist_still_counts(alexa):
    alexa.launch()
    alexa.say("i have my imaging scans")
    r = alexa.say("i have my test results")
    assert "2 of 9" in r.speech


def test_what_do_you_remember_says_the_checklist_is_for_this_conversation(alexa):
    alexa.launch()
    alexa.say("i have my imaging scans")
    r = alexa.say("what do you remember about me")
    assert "For this conversation only, I'm holding" in r.speech and "imaging" in r.speech
    assert "checklist lasts only this conversation" in r.speech


def test_a_returning_user_hears_where_their_copy_is(alexa):
    alexa.launch()
    alexa.say("stop")
    r = alexa.launch()
    assert "cards in your Alexa app are your copy" in r.speech


@pytest.mark.hipaa_eligible
def test_with_durable_progress_launch_does_not_say_so(alexa):
    alexa.launch()
    alexa.say("stop")
    assert "Alexa app" not in alexa.launch().speech


@pytest.mark.hipaa_eligible
def test_a_hipaa_eligible_deployment_keeps_them(alexa_settings):
    _, back = gather_then_return(alexa_settings)
    assert "1 of 9" in back.speech
    assert stored(alexa_settings)["records"]["gathered"] == ["imaging_scans"]


def seed_legacy(settings) -> None:
    with make_adapter(settings) as store:
        store.merge(store.key_for_user(USER), {}, LEGACY)


def test_stored_health_flags_are_dropped_when_the_setting_is_off(alexa_settings):
    seed_legacy(alexa_settings)
    Conversation(settings=alexa_settings, user_id=USER).launch()
    assert stored(alexa_settings) == {"core": LEGACY["core"]}


@pytest.mark.hipaa_eligible
def test_stored_health_flags_stay_when_the_setting_is_on(alexa_settings):
    seed_legacy(alexa_settings)
    Conversation(settings=alexa_settings, user_id=USER).launch()
    kept = stored(alexa_settings)
    assert kept["records"] == LEGACY["records"] and kept["triggers"] == LEGACY["triggers"]


@pytest.mark.parametrize("hipaa, says", [("0", "session only"), ("1", "HIPAA-eligible")])
def test_data_export_says_what_is_kept_in_each_mode(
    alexa_settings, monkeypatch, capsys, hipaa, says
):
    seed_legacy(alexa_settings)
    monkeypatch.setenv("SECOND_OPINION_HIPAA_ELIGIBLE", hipaa)
    db = alexa_settings.db_path
    assert main(["data", "export", "--user-id", USER, "--db", db, "--store", "sqlite"]) == 0
    assert says in json.loads(capsys.readouterr().out)["health_progress"]


def test_an_unclear_setting_is_refused():
    from skill.settings import Settings, SettingsError

    with pytest.raises(SettingsError, match="SECOND_OPINION_HIPAA_ELIGIBLE"):
        Settings.from_env({"SECOND_OPINION_HIPAA_ELIGIBLE": "maybe"})
