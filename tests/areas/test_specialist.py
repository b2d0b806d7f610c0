"""Specialist: experience with the exact condition, where to find names, what to check."""

from skill.simulator import one_breath


def test_finding_a_specialist_and_where_to_get_names(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do i find a specialist"), 45)
    assert r.plugin == "specialist"
    # The how comes first: a referral, associations and patient groups, then what to check.
    assert r.speech.startswith("Ask your doctor to refer you to a specialist")
    assert "your exact condition" in r.speech and "independent view" in r.speech
    assert "medical associations and patient advocacy groups" in r.speech.lower()
    assert r.speech.endswith("Want to hear what to check?")
    assert "NCI" not in r.speech
    r = one_breath(alexa.say("yes"), 45)
    assert r.intent == "AMAZON.YesIntent" and "board certified" in r.speech

    r = one_breath(alexa.say("where to find names"))
    assert r.intent == "SpecialistSourcesIntent"
    assert "for a referral" in r.speech and "outside their own practice" in r.speech
    assert "medical association" in r.speech and "patient advocacy groups" in r.speech
    assert r.card["title"] == "Finding a specialist for a second opinion"
    assert "board certified" in r.card["content"]


def test_credentials_then_major_centers(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do i know if a doctor is good"))
    assert r.intent == "SpecialistCredentialsIntent"
    assert "board certified" in r.speech
    assert "how many patients with your condition they see each year" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "academic medical center" in r.speech
    assert "NCI-designated cancer centers" in r.speech
    assert "sub-specialized pathologist" in r.speech


def test_online_second_opinions(alexa):
    alexa.launch()
    r = one_breath(alexa.say("can i get a second opinion online"))
    assert r.intent == "VirtualOpinionIntent"
    assert "online" in r.speech and "what it costs" in r.speech
    assert "which records and images they need" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "patient advocacy groups" in r.speech
    r = one_breath(alexa.say("no"))
    assert r.speech.endswith("?") and "records" in r.speech


def test_a_cancer_diagnosis_points_to_cancer_centers_without_repeating_it(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do i find a specialist for breast cancer"))
    assert r.resolved == {"condition": "breast cancer"}
    assert "NCI-designated cancer center" in r.speech
    assert "breast" not in r.speech
    r = alexa.say("where to find names")
    assert "breast" not in r.card["content"] and "breast" not in r.card["title"]

    r = one_breath(alexa.say("how do i find a specialist for lupus"))
    assert "NCI" not in r.speech and "lupus" not in r.speech


def test_specialist_help(alexa):
    alexa.launch()
    alexa.say("who should i see for a second opinion")
    r = one_breath(alexa.say("help"))
    assert "names of specialists" in r.speech and "online" in r.speech
    assert r.speech.endswith("?")
