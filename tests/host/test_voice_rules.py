"""Voice design rules that hold for every intent, not just the ones a flow test walks."""

import json

import pytest

from skill.settings import MODELS_DIR, Settings
from skill.simulator import ONE_BREATH, Conversation

MODEL = json.loads((MODELS_DIR / "en-US.json").read_text())["interactionModel"]["languageModel"]
CUSTOM = sorted(i["name"] for i in MODEL["intents"] if not i["name"].startswith("AMAZON."))


@pytest.mark.parametrize("intent", CUSTOM)
def test_every_first_answer_fits_one_breath_and_passes_lint(intent):
    alexa = Conversation(settings=Settings(verify=False, store="memory"), lint=True)
    alexa.launch()
    r = alexa.intent(intent)
    assert r.speech, intent
    assert len(r.speech.split()) <= ONE_BREATH, (intent, r.speech)
    if not r.should_end_session:
        assert r.speech.endswith("?") and r.reprompt


def test_launch_and_help_fit_one_breath(alexa):
    for r in (alexa.launch(), alexa.say("help")):
        assert len(r.speech.split()) <= ONE_BREATH, r.speech
