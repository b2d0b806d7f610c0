"""A condition or procedure the user names is used for the answer, then never kept or logged."""

import logging

from skill.simulator import Conversation

USER = "amzn1.ask.account.CONDITIONLEAKCHECKUSERQ7"
SAID = {
    "i was just diagnosed with pancreatic cancer": ("ComplexDiagnosisIntent", "pancreatic"),
    "my doctor wants me to have back surgery": ("SurgeryRecommendedIntent", "back surgery"),
    "what records do i need for lupus": ("RecordsChecklistIntent", "lupus"),
    "how do i find a specialist for breast cancer": ("FindSpecialistIntent", "breast"),
    "is a second opinion required before spinal fusion": ("SecondOpinionRequiredIntent", "fusion"),
}


def files_of(db) -> bytes:
    return b"".join(path.read_bytes() for path in db.parent.glob(db.name + "*"))


def test_named_conditions_and_procedures_reach_neither_the_store_nor_the_logs(
    alexa_settings, tmp_path, caplog
):
    db = tmp_path / "conditions.sqlite3"
    caplog.set_level(logging.DEBUG)
    alexa = Conversation(settings=alexa_settings.with_(db_path=str(db)), user_id=USER)
    alexa.launch()
    alexa.say("i have my imaging scans")  # something durable is written
    for utterance, (intent, _) in SAID.items():
        r = alexa.say(utterance)
        assert r.intent == intent and r.slots, utterance
        alexa.say("yes")
        alexa.launch()  # a new session each time: every session's state is saved
    alexa.end()

    stored = files_of(db)
    assert b"imaging_scans" in stored
    for _, word in SAID.values():
        assert word.encode() not in stored, word
        assert word not in caplog.text, word
