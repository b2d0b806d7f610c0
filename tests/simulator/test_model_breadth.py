"""Families of everyday phrasing reach the right area, not just the model's own samples.

Each family holds phrasings written for this test and kept out of the model (a test checks
it), so they measure how far the samples carry: relatives and pronouns, commands,
contractions, idioms and words other than the samples'.
"""

import json

import pytest

from skill.settings import MODELS_DIR, Settings
from skill.simulator import Conversation
from skill.simulator.normalize import normalize

SETTINGS = Settings(verify=False, store="memory")
#: Share of a family that must land right: Alexa's NLU may miss one odd phrasing, not more.
REQUIRED_SHARE = 0.8
STOP = "stop"

FAMILIES: dict[str, list[tuple[str, str]]] = {
    "dismissed or rushed": [
        ("my gp kind of brushed off what i was telling him", "triggers"),
        ("honestly the neurologist barely listened to a thing i said", "triggers"),
        ("she didn't explain any of the test results to us", "triggers"),
        ("i feel like the doctor rushed me out the door", "triggers"),
        ("the surgeon never really answered my questions", "triggers"),
        ("i felt totally dismissed at my appointment", "triggers"),
        ("my mom's doctor brushes off everything she says", "triggers"),
    ],
    "a relative's doctor, and commands": [
        ("how can my wife tell her oncologist she wants a second look", "communicating"),
        ("what's the best way for my dad to tell his cardiologist", "communicating"),
        ("how should my son bring it up with his surgeon", "communicating"),
        ("give me a list of questions for the cardiologist", "communicating"),
        ("walk me through what i should say to my doctor", "communicating"),
        ("tell me what questions to bring to the surgeon", "communicating"),
        ("how would my sister let her doctor know she wants another opinion", "communicating"),
    ],
    "records from a portal, images or the report": [
        ("can i just download everything off the hospital portal", "records"),
        ("is a printout from mychart good enough", "records"),
        ("do they want the actual mri pictures or only the report", "records"),
        ("all my lab results are on the portal do i still need copies", "records"),
        ("how do i download my ct images", "records"),
        ("does the new doctor need the real scan images or just the report", "records"),
    ],
    "feelings in other words": [
        ("honestly this terrifies my husband", "triggers"),
        ("i've been freaking out since the call", "triggers"),
        ("i'm feeling really overwhelmed by all of it", "triggers"),
        ("my anxiety about this is awful", "triggers"),
        ("i'm super anxious about what they'll say", "triggers"),
        ("the whole situation scares me", "triggers"),
    ],
    "stopping a medicine or a child's dose": [
        ("can i just quit my statin until i see the new doctor", "communicating"),
        ("is it alright to come off the prednisone", "communicating"),
        ("would it be okay to skip my blood thinner for a few days", "communicating"),
        ("should i cut back on my pain pills", "communicating"),
        ("how much motrin can i give my three year old", "communicating"),
        ("what's the dose of children's benadryl for my daughter", "communicating"),
    ],
    "afraid to offend the doctor": [
        ("i'm scared my surgeon will feel insulted", "communicating"),
        ("would it offend my oncologist if i see someone else", "communicating"),
        ("i really don't want to insult my cardiologist", "communicating"),
        ("could asking for another opinion offend her", "communicating"),
        ("my mom worries she'll offend her doctor", "communicating"),
    ],
    "idioms of dying and killing": [
        ("i'm dying to know whether my plan covers a second opinion", "insurance"),
        ("these records requests are killing me how do i get them faster", "records"),
        ("i'm dying to know how to find the right specialist for this", "specialist"),
        ("i'm dying to know if a second opinion is worth it", "triggers"),
        ("the bills are killing me what does a second opinion cost", "insurance"),
        ("my knee is killing me and the surgeon wants a knee replacement", "triggers"),
    ],
    "a risk beside a guidance question": [
        ("i'm worried about my stroke risk should i get another opinion", "triggers"),
        ("i'm at risk for a heart attack who should i see for a second opinion", "specialist"),
        ("will insurance cover a second opinion on my heart attack risk", "insurance"),
        ("what questions should i ask about my risk of a stroke", "communicating"),
        ("they want a stent because of my heart attack risk", "triggers"),
        ("which records do i need for my stroke risk", "records"),
    ],
    "goodbyes": [
        ("alright that's it for me bye", STOP),
        ("ok i think we're done", STOP),
        ("that'll do thanks", STOP),
        ("okay that's all for now", STOP),
        ("i'm all done thank you", STOP),
        ("great thanks that's all i need", STOP),
    ],
}


def one_shot(utterance: str):
    """The turn a fresh user gets saying ``utterance`` cold to a speaker."""
    return Conversation(settings=SETTINGS, seed=utterance).say(utterance)


def landed(turn, area: str) -> bool:
    if area == STOP:
        return turn.should_end_session and turn.intent in {
            "AMAZON.StopIntent",
            "AMAZON.CancelIntent",
        }
    return turn.plugin == area and not turn.should_end_session


@pytest.mark.parametrize("family", FAMILIES, ids=lambda name: name.replace(" ", "-"))
def test_family_reaches_its_area(family):
    misses = []
    for utterance, area in FAMILIES[family]:
        turn = one_shot(utterance)
        if not landed(turn, area):
            misses.append(
                f"  {utterance!r}: want {area}, got {turn.plugin} ({turn.intent} {turn.score:.2f})"
            )
    share = 1 - len(misses) / len(FAMILIES[family])
    assert share >= REQUIRED_SHARE, f"{family}: {share:.0%} right\n" + "\n".join(misses)


@pytest.mark.parametrize(
    "utterance",
    [
        u
        for family in ("idioms of dying and killing", "a risk beside a guidance question")
        for u, _ in FAMILIES[family]
    ],
)
def test_idioms_and_risks_never_reach_the_gate(utterance):
    turn = one_shot(utterance)
    assert turn.plugin != "safety" and not turn.should_end_session, turn.speech


@pytest.mark.parametrize(
    "utterance", [u for u, _ in FAMILIES["stopping a medicine or a child's dose"]]
)
def test_medicine_questions_go_to_the_prescriber_or_a_pharmacist(utterance):
    speech = one_shot(utterance).speech.lower()
    assert "pharmacist" in speech or "prescriber" in speech, speech


REPORT_OR_IMAGES = [
    "the portal just has the report and not the actual images",
    "do they want the real images or just the written report",
    "is the report from the radiologist enough or do they need the pictures",
]


@pytest.mark.parametrize("utterance", REPORT_OR_IMAGES)
def test_the_report_or_the_images_hears_that_the_images_count(utterance):
    turn = one_shot(utterance)
    assert turn.plugin == "records" and "images too" in turn.speech, turn.speech


RELATIVES = [
    ("my stepdad's cardiologist brushed off his questions", "your dad"),
    ("my little girl is terrified of the surgery", "your child"),
    ("my stepmom feels dismissed by her doctor", "your mom"),
]


@pytest.mark.parametrize(("utterance", "person"), RELATIVES)
def test_everyday_names_for_a_relative_reach_the_answer(utterance, person):
    assert person in one_shot(utterance).speech


def test_take_me_through_it_accepts_the_offer_on_the_table():
    alexa = Conversation(settings=SETTINGS)
    alexa.launch()
    alexa.say("what records do i need")
    turn = alexa.say("go on and take me through it")
    assert "slides" in turn.speech and not turn.should_end_session, turn.speech


POISONINGS = [
    "my three year old drank some mouthwash",
    "my kid licked some bug spray",
    "he might have swallowed some lighter fluid",
    "my toddler drank windshield washer fluid",
]


@pytest.mark.parametrize("utterance", POISONINGS)
def test_a_caregivers_poisoning_hears_poison_help(utterance):
    turn = one_shot(utterance)
    assert "1-800-222-1222" in turn.speech and turn.should_end_session, turn.speech


def test_no_phrasing_is_a_sample_of_the_model():
    """A phrasing the model holds would measure nothing: the families stay unseen."""
    model = json.loads((MODELS_DIR / "en-US.json").read_text())["interactionModel"]
    samples = {
        normalize(sample)
        for intent in model["languageModel"]["intents"]
        for sample in intent["samples"]
    }
    phrasings = [utterance for family in FAMILIES.values() for utterance, _ in family]
    phrasings += [utterance for utterance, _ in RELATIVES] + REPORT_OR_IMAGES + POISONINGS
    assert [p for p in phrasings if normalize(p) in samples] == []
