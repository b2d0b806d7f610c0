"""Topics beyond the seed: appeals, cost, plan types, timing, medicines, who is speaking."""

import pytest

from skill.simulator import one_breath


def test_a_denial_can_be_appealed_then_externally_reviewed(alexa):
    alexa.launch()
    r = one_breath(alexa.say("my insurance denied the second opinion"), 45)
    assert r.intent == "InsuranceDenialIntent" and r.plugin == "insurance"
    assert "You can appeal" in r.speech and "180 days" in r.speech
    assert "independent external review" in r.speech and r.speech.endswith("Want the steps?")
    r = one_breath(alexa.say("yes"), 60)
    assert "letter from your doctor" in r.speech and "72 hours" in r.speech
    assert "state insurance department" in r.speech
    assert r.card["title"] == "Appealing a denial" and "external review" in r.card["content"]


def test_medicaid_and_medicare_appeals_have_their_own_routes(alexa):
    alexa.launch()
    r = one_breath(alexa.say("medicaid denied my second opinion"), 45)
    assert r.intent == "InsuranceDenialIntent" and r.resolved == {"plan": "medicaid"}
    assert "their own routes" in r.speech and "differ by state" in r.speech


@pytest.mark.parametrize("said", ["i don't have insurance", "how much does a second opinion cost"])
def test_no_insurance_and_what_it_costs(alexa, said):
    alexa.launch()
    r = one_breath(alexa.say(said), 45)
    assert r.intent == "SecondOpinionCostIntent" and r.plugin == "insurance"
    assert "self-pay price" in r.speech and "payment plan" in r.speech
    r = one_breath(alexa.say("yes"), 60)
    assert "financial assistance" in r.speech and "Medicaid" in r.speech
    assert r.card["title"] == "Keeping the cost of a second opinion down"


@pytest.mark.parametrize(
    "said, plan, words",
    [
        ("i have a p. p. o.", "a p. p. o.", "outside the network, but you pay more"),
        ("what about an e. p. o.", "an e. p. o.", "only for doctors in its network"),
        ("i have an h. m. o.", "an h. m. o.", "referral from your primary doctor"),
        ("i'm on medicaid", "medicaid", "differs from state to state"),
        ("does medicare advantage cover a second opinion", "medicare advantage", "own rules"),
    ],
)
def test_each_plan_type_hears_its_own_rules(alexa, said, plan, words):
    alexa.launch()
    r = one_breath(alexa.say(said), 45)
    assert r.intent == "InsurancePlanRulesIntent" and r.resolved == {"plan": plan}
    assert words in r.speech and r.speech.endswith("Want the questions to ask your insurer?")


def test_how_long_it_takes_and_how_to_speed_it_up(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how long does a second opinion take"), 45)
    assert r.intent == "HowLongIntent" and r.plugin == "triggers"
    assert "how soon the new doctor can see you" in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert "first opening" in r.speech and "whether the wait is safe" in r.speech


def test_not_a_doctor_and_not_medical_advice(alexa):
    alexa.launch()
    r = one_breath(alexa.say("are you a real doctor"), 45)
    assert r.intent == "AreYouADoctorIntent"
    assert r.speech.startswith("No, I'm not a doctor") and "isn't medical advice" in r.speech
    assert "talk with your doctors" in r.speech and r.reprompt


def test_asking_is_not_a_sign_of_distrust(alexa):
    alexa.launch()
    r = one_breath(alexa.say("is it a sign i don't trust my doctor"), 45)
    assert r.intent == "NotDistrustIntent" and r.plugin == "communicating"
    assert r.speech.startswith("No.") and "not a sign of distrust" in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert "I'd like a second opinion before we go ahead" in r.speech


@pytest.mark.parametrize(
    "said", ["is it worth getting my biopsy slides reviewed", "can someone look at my scans again"]
)
def test_a_fresh_look_at_existing_scans_and_slides(alexa, said):
    alexa.launch()
    r = one_breath(alexa.say(said), 45)
    assert r.intent == "FreshReviewIntent" and r.plugin == "triggers"
    assert "fresh reading of your existing scans" in r.speech
    assert "ticked" not in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert "sends the slides or blocks" in r.speech
