"""Request envelopes recorded through the simulator: real conversations, turn by turn, with
the session attributes Alexa carries between turns, for the benchmarks to replay.

All carry one timestamp (the recording's start) so that a verifier whose clock reads it
accepts them however long after recording they are sent.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000bench"
#: What users say, one list per session; every session opens with a launch.
CONVERSATIONS = [
    ["what records do i need", "i have my imaging scans", "what's still missing", "stop"],
    ["how do i tell my doctor", "does insurance cover a second opinion", "stop"],
    ["should i get a second opinion", "yes", "no", "stop"],
    ["how do i find a specialist", "the two doctors disagree", "what do you remember", "stop"],
]


def record(users: int = 8) -> list[dict]:
    """Every turn of every conversation, for ``users`` different users, in order."""
    import tempfile

    from skill.settings import Settings
    from skill.simulator import Conversation
    from skill.simulator.transport import InProcess, runtime_for

    folder = tempfile.mkdtemp(prefix="second-opinion-record-")
    # With a store, sessions carry its bookkeeping from turn to turn, as real ones do.
    settings = Settings(
        verify=False, store="sqlite", db_path=f"{folder}/progress.sqlite3", skill_id=SKILL_ID
    )
    sent: list[dict] = []

    class Recording(InProcess):
        def send(self, envelope: dict):
            sent.append(copy.deepcopy(envelope))
            return super().send(envelope)

    target = Recording(runtime_for(settings))
    for user in range(users):
        for said in CONVERSATIONS:
            alexa = Conversation(
                target=target, settings=settings, user_id=f"amzn1.ask.account.bench{user}"
            )
            alexa.launch()
            for utterance in said:
                if alexa.say(utterance).should_end_session:
                    break
    runtime_for(settings).close()
    stamp = sent[0]["request"]["timestamp"]
    for envelope in sent:
        envelope["request"]["timestamp"] = stamp
    return sent
