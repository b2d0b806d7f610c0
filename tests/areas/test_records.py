"""Records: the checklist read three at a time, ticking items off, and getting records sent."""

import pytest

from skill.simulator import one_breath

SEED_ITEMS = ("lab results", "pathology reports", "imaging scans", "consultations")
EXTRA_ITEMS = (
    "slides or tissue blocks",
    "disc",
    "operative report",
    "discharge summar",
    "allergies",
)


def read_to_end(alexa, r):
    """Say "more" until the list is done; everything read, as one text."""
    heard = [r.speech]
    while r.reprompt.endswith("Want to hear more?"):
        r = one_breath(alexa.say("more"))
        heard.append(r.speech)
    return " ".join(heard), r


def test_checklist_in_pages_of_three_then_only_what_is_missing(alexa):
    alexa.launch()
    r = one_breath(alexa.say("what records do i need"))
    said = r.speech.lower()
    assert r.plugin == "records"
    assert "9 kinds of records" in said
    assert "lab results" in said and "pathology reports" in said and "imaging scans" in said
    assert "consultations" not in said
    assert "6 more" in said and said.endswith("?")
    assert r.card["title"] == "Records to gather for a second opinion"
    for item in SEED_ITEMS + EXTRA_ITEMS:
        assert item in r.card["content"].lower()
    assert "before your second appointment" in r.card["content"]

    said = one_breath(alexa.say("more")).speech.lower()
    assert "consultations" in said and "treatment plan" in said
    assert "slides or tissue blocks" in said and "disc" in said
    assert "operative" not in said and "3 more" in said
    said = one_breath(alexa.say("yes")).speech.lower()
    assert "operative reports" in said and "discharge summaries" in said and "allergies" in said
    assert "i have my test results" in said and said.endswith("?")

    r = one_breath(alexa.say("i have my imaging scans"))
    assert r.intent == "RecordGatheredIntent" and r.resolved == {"record": "imaging scans"}
    assert "imaging scans" in r.speech and "1 of 9" in r.speech
    r = one_breath(alexa.say("i've got the biopsy report"))
    assert "pathology reports" in r.speech and "2 of 9" in r.speech

    r = one_breath(alexa.say("what am i still missing"))
    assert "2 of 9" in r.speech and "7 still missing" in r.speech
    assert r.card["title"] == "Records still to gather"
    assert "imaging scans" not in r.card["content"] and "Pathology reports" not in r.card["content"]
    heard, last = read_to_end(alexa, r)
    heard = heard.lower()
    assert "imaging scans" not in heard and "pathology reports" not in heard
    for item in ("lab results", "consultations", "slides", "disc", "operative", "discharge"):
        assert item in heard
    assert "allergies" in heard and last.speech.endswith("?")


def test_yes_after_the_missing_list_explains_requesting(alexa):
    alexa.launch()
    alexa.say("i have my test results")
    r = alexa.say("yes")
    assert "8 still missing" in r.speech
    heard, last = read_to_end(alexa, r)
    assert "Test and lab results" not in heard
    r = alexa.say("yes")
    assert "release form" in r.speech


def test_requesting_and_sending_records(alexa):
    alexa.launch()
    r = one_breath(alexa.say("how do i get my records to the new doctor"))
    assert r.intent == "RecordsRequestIntent"
    assert "release form" in r.speech
    assert "before your second appointment" in r.speech
    assert "call a few days ahead" in r.speech
    assert "Ask the lab to send pathology slides" in r.card["content"]
    assert "release form" in r.card["content"] and "confirm it all arrived" in r.card["content"]
    r = one_breath(alexa.say("yes"))
    assert "9 kinds of records" in r.speech


def test_us_right_of_access(alexa):
    alexa.launch()
    r = one_breath(alexa.say("can they charge me for my records"))
    assert r.intent == "RecordsRightsIntent"
    assert "HIPAA" in r.speech and "30 days" in r.speech
    assert "reasonable, cost-based fee" in r.speech
    r = one_breath(alexa.say("no"))
    assert r.speech.endswith("?") and "will insurance cover a second opinion" in r.speech


def test_originals_that_must_travel(alexa):
    alexa.launch()
    r = one_breath(alexa.say("why do they need the slides"))
    assert r.intent == "RecordDetailIntent"
    assert "glass slides or tissue blocks" in r.speech and "not just the report" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "pathology slides or blocks" in r.speech and "1 of 9" in r.speech

    r = one_breath(alexa.say("what's a cd of my scans"))
    assert "disc or a secure link" in r.speech and "DICOM" in r.speech
    r = one_breath(alexa.say("no"))
    assert "keep your images on disc on the list" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "release form" in r.speech


def test_other_useful_reports(alexa):
    alexa.launch()
    r = one_breath(alexa.say("what is an op note"))
    assert "surgeon's account" in r.speech
    r = one_breath(alexa.say("what's a discharge summary"))
    assert "hospital stay" in r.speech
    r = one_breath(alexa.say("do i really need the medication list"))
    assert "every medicine you take" in r.speech and "allergies" in r.speech


def test_a_record_not_on_the_checklist_gets_the_list_of_items(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i have my vaccination certificate"))
    assert r.plugin == "records"
    assert "not sure which record" in r.speech
    assert "discharge summary" in r.speech and "pathology slides or blocks" in r.speech
    assert "I have my test results" in r.reprompt
    r = alexa.say("what am i still missing")
    assert "Nothing is ticked off yet" in r.speech


def test_ticking_twice_and_unticking(alexa):
    alexa.launch()
    alexa.say("i have my scans")
    r = one_breath(alexa.say("i've got my x-rays"))
    assert "already ticked off your imaging scans" in r.speech
    alexa.say("i have my blood work")
    r = one_breath(alexa.say("i don't have the scans after all"))
    assert r.intent == "RecordNotGatheredIntent"
    assert "imaging scans back on the list" in r.speech and "1 of 9" in r.speech
    r = one_breath(alexa.say("i don't have the scans after all"))
    assert "hadn't ticked off your imaging scans" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "1 of 9" in r.speech and "Reports on your imaging scans" in r.speech


def test_that_one_means_the_record_just_talked_about(alexa):
    alexa.launch()
    alexa.say("i have my op note")
    r = one_breath(alexa.say("what's an op note"))
    assert "surgeon's account" in r.speech and "already ticked this one off" in r.speech
    r = one_breath(alexa.say("i don't have that one after all"))
    assert "operative report back on the list" in r.speech
    assert "nothing is ticked off now" in r.speech


def test_starting_the_checklist_over(alexa):
    alexa.launch()
    alexa.say("i have my discharge papers")
    alexa.say("i have my medicine list")
    r = one_breath(alexa.say("start my checklist over"))
    assert "ticked off 2 so far" in r.speech and r.speech.endswith("?")
    r = one_breath(alexa.say("no"))
    assert "left your checklist as it was" in r.speech
    assert "2 of 9" in alexa.say("what am i missing").speech

    alexa.say("start my checklist over")
    r = one_breath(alexa.say("yes"))
    assert "checklist is clear" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "9 kinds of records" in r.speech
    assert "Nothing is ticked off yet" in alexa.say("what am i missing").speech


@pytest.mark.hipaa_eligible
def test_progress_is_offered_when_the_user_comes_back(alexa):
    alexa.launch()
    alexa.say("i have my pathology report")
    alexa.say("i have my operative report")
    alexa.say("i have my lab results")
    alexa.say("stop")

    r = one_breath(alexa.launch())
    assert "You've gathered 3 of 9 records" in r.speech and r.speech.endswith("?")
    r = one_breath(alexa.say("yes"))
    assert "6 still missing" in r.speech
    heard, _ = read_to_end(alexa, r)
    assert "Operative" not in heard and "Discharge" in heard


@pytest.mark.hipaa_eligible
def test_declining_to_resume_offers_next_steps(alexa):
    alexa.launch()
    alexa.say("i have my scans")
    alexa.end()
    alexa.launch()
    r = one_breath(alexa.say("no"))
    assert r.plugin == "records"
    assert "insurance" in r.speech and "specialist" in r.speech and r.speech.endswith("?")


def test_nothing_is_offered_once_every_record_is_gathered(alexa):
    alexa.launch()
    last = None
    for record in (
        "test results",
        "pathology reports",
        "scans",
        "consultation notes",
        "slides",
        "disc",
        "operative report",
        "discharge summary",
        "medication list",
    ):
        last = one_breath(alexa.say(f"i have my {record}"))
    assert "all 9 records are ticked off" in last.speech and last.speech.endswith("?")
    alexa.say("stop")
    r = alexa.launch()
    assert "gathered" not in r.speech and "missing" not in r.speech
    assert r.session_attributes.get("question") is None and r.speech.endswith("?")


def test_records_overview_and_help(alexa):
    alexa.launch()
    r = one_breath(alexa.say("help me with my medical records"))
    assert "before your second appointment" in r.speech
    assert "checklist" in r.speech and "right to copies" in r.speech
    r = one_breath(alexa.say("help"))
    assert "I have my test results" in r.speech and r.speech.endswith("?")
    r = one_breath(alexa.say("the checklist"))
    assert r.intent == "RecordsChecklistIntent"


@pytest.mark.parametrize(
    "utterance",
    ["what records do i need for my knee replacement", "what records do i need for lupus"],
)
def test_card_never_repeats_what_the_user_said(alexa, utterance):
    alexa.launch()
    r = alexa.say(utterance)
    assert r.intent == "RecordsChecklistIntent" and r.slots
    said = next(iter(r.slots.values())).lower()
    assert said not in r.card["content"].lower() and said not in r.card["title"].lower()
    assert said not in r.speech.lower()


def test_emergency_mid_checklist_stops_everything(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = alexa.say("my chest hurts")
    assert r.plugin == "safety" and r.should_end_session
    assert "911" in r.speech


# -- saved progress changes only on a clear statement -----------------------------------
def test_getting_worse_even_with_the_medicine_ticks_nothing(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = alexa.say("my mom's getting worse even with the medicine")
    assert r.plugin != "records" and "ticked" not in r.speech.lower()
    assert not r.session_attributes.get("progress", {}).get("records", {}).get("gathered")


def test_asking_about_slides_ticks_nothing(alexa):
    alexa.launch()
    r = alexa.say("is it worth getting my biopsy slides reviewed")
    assert "ticked" not in r.speech.lower()
    assert not r.session_attributes.get("progress", {}).get("records", {}).get("gathered")


def test_a_record_mentioned_in_another_topic_is_confirmed_first(alexa):
    alexa.launch()
    alexa.say("should my mom get a second opinion")
    r = one_breath(alexa.say("i have the medicine list"))
    assert r.plugin == "records" and r.speech.startswith("Just to check: you have your mom's med")
    assert r.speech.endswith("?")
    assert not r.session_attributes.get("progress", {}).get("records", {}).get("gathered")
    r = one_breath(alexa.say("yes"))
    assert "ticked off" in r.speech and "1 of 9" in r.speech


def test_no_to_the_confirmation_changes_nothing(alexa):
    alexa.launch()
    alexa.say("should i get a second opinion")
    alexa.say("i have my scans")
    r = one_breath(alexa.say("no"))
    assert "left your checklist as it was" in r.speech
    assert not r.session_attributes.get("progress", {}).get("records", {}).get("gathered")


def test_several_records_in_one_sentence(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = one_breath(alexa.say("i have my test results and my scans"))
    assert r.intent == "RecordGatheredIntent"
    assert "test results and imaging scans" in r.speech and "2 of 9" in r.speech


def test_everything_is_confirmed_then_ticks_every_item(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = one_breath(alexa.say("i have everything"))
    assert "Nothing is ticked" not in r.speech and "all 9" in r.speech
    r = one_breath(alexa.say("yes"))
    assert "all 9 records are ticked off" in r.speech


def test_yes_naming_the_record_ticks_that_one(alexa):
    alexa.launch()
    alexa.say("what's a discharge summary")
    r = one_breath(alexa.say("yes i have the discharge papers"))
    assert r.intent == "AnswerYesIntent" and "discharge summary" in r.speech
    assert "1 of 9" in r.speech
