"""Insurance: check coverage and network first, the insurer questions, Medicare, other countries."""

from skill.simulator import one_breath

ELSEWHERE = ("GMC", "GP", "NHS", "Canada", "Australia")


def test_coverage_first_then_the_questions_for_the_insurer(alexa):
    alexa.launch()
    r = one_breath(alexa.say("will my insurance cover a second opinion"))
    assert r.plugin == "insurance"
    assert "Before you book" in r.speech and "network" in r.speech
    assert "many plans pay for a second opinion" in r.speech and "require one" in r.speech
    assert "avoid surprise bills" in r.speech and r.speech.endswith("?")

    r = one_breath(alexa.say("yes"))
    assert "4 things to ask your insurer" in r.speech
    assert "covered" in r.speech and "referral or prior authorization" in r.speech
    assert "in your network" in r.speech and "pay" not in r.speech.split("network")[-1]
    card = r.card["content"]
    assert r.card["title"] == "Questions for your insurer"
    assert "Is a second opinion covered" in card and "prior authorization" in card
    assert "in my network?" in card and "What will I pay" in card

    r = one_breath(alexa.say("more"))
    assert "What will you pay" in r.speech
    assert "HMOs and Medicare Advantage plans" in r.speech and r.speech.endswith("?")
    r = one_breath(alexa.say("yes"))
    assert "referral first" in r.speech and "self-pay" in r.speech
    assert "Want the questions" not in r.speech and r.speech.endswith("?")


def test_plan_types_offer_the_questions_when_not_heard_yet(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do plan types differ"))
    assert r.intent == "InsurancePlanRulesIntent"
    assert "HMO" in r.speech and "Medicare Advantage" in r.speech
    assert "in the network" in r.speech and "self-pay" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "4 things to ask your insurer" in r.speech


def test_medicare_covers_a_second_and_third_opinion(alexa):
    alexa.launch()
    r = one_breath(alexa.say("does medicare cover a second opinion"))
    assert r.intent == "MedicareIntent"
    assert "Part B" in r.speech and "before non-emergency surgery" in r.speech
    assert "third opinion if the first two disagree" in r.speech
    assert "20 percent" in r.speech and "deductible" in r.speech
    r = one_breath(alexa.say("no"))
    assert r.speech.endswith("?") and "specialist" in r.speech


def test_other_countries_on_request(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i live in the uk"))
    assert r.intent == "OutsideUSIntent" and r.resolved == {"country": "the UK"}
    assert "no legal right" in r.speech and "GMC guidance" in r.speech
    assert "Ask your GP to refer you" in r.speech and r.speech.endswith("?")
    r = one_breath(alexa.say("how does it work in canada"))
    assert "family doctor or your specialist" in r.speech and "referral" in r.speech
    r = one_breath(alexa.say("i'm in australia"))
    assert "GP or your specialist" in r.speech
    r = one_breath(alexa.say("i'm in new zealand"))
    assert "family doctor or specialist" in r.speech and "GMC" not in r.speech


def test_asks_which_country_when_none_is_named(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i don't live in the us"))
    assert "Which country are you in?" in r.speech and "the UK" in r.reprompt
    r = one_breath(alexa.say("scotland"))
    assert "GMC guidance" in r.speech


def test_a_us_caller_is_never_sent_abroad(alexa):
    alexa.launch()
    heard = [
        alexa.say("insurance").speech,
        alexa.say("yes").speech,
        alexa.say("more").speech,
        alexa.say("yes").speech,
        alexa.say("what about medicare").speech,
        alexa.say("help").speech,
    ]
    r = alexa.say("i live in the us")
    assert "Before you book" in r.speech
    heard.append(r.speech)
    for said in heard:
        assert not any(word in said.split() for word in ELSEWHERE), said


def test_insurance_help_and_declining(alexa):
    alexa.launch()
    alexa.say("is a second opinion covered")
    r = one_breath(alexa.say("help"))
    assert "insurer" in r.speech and "Medicare" in r.speech and r.speech.endswith("?")
    alexa.say("what should i ask my insurance company")
    alexa.say("more")
    r = one_breath(alexa.say("no"))
    assert r.plugin == "insurance" and r.speech.endswith("?")


def test_card_never_repeats_what_the_user_said(alexa):
    alexa.launch()
    r = alexa.say("what should i ask my plan about a second opinion for my spinal fusion")
    assert r.intent == "InsurerQuestionsIntent" and r.slots == {"procedure": "spinal fusion"}
    assert "fusion" not in r.card["content"] and "fusion" not in r.speech
