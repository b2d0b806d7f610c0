"""The conversation's context: hedged answers, choices, "what was that", the person being
helped, and misunderstandings that don't repeat themselves."""

import pytest

from skill.simulator import one_breath


def test_maybe_later_after_the_records_list_does_not_start_the_check(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    r = alexa.say("maybe later")
    assert r.plugin == "core" and "yes or no questions" not in r.speech
    assert "question" not in r.session_attributes.get("memory", {}).get("triggers", {})
    assert r.speech.endswith("?") and not r.should_end_session


def test_kind_of_after_a_question_asks_for_a_yes_or_a_no_and_keeps_it_open(alexa):
    alexa.launch()
    asked = alexa.say("how often do second opinions change the diagnosis")
    r = one_breath(alexa.say("kind of"))
    assert r.intent == "PartlyIntent" and r.plugin == "core"
    assert "more of a yes, or more of a no" in r.speech
    assert "yes or no questions" not in r.speech
    assert r.session_attributes["question"] == asked.session_attributes["question"]
    r = alexa.say("yes")
    assert r.plugin == asked.plugin


def test_probably_and_i_guess_are_yes_and_not_really_is_no(alexa):
    alexa.launch()
    alexa.say("should i get a second opinion")
    r = alexa.say("probably")
    assert r.intent == "AMAZON.YesIntent" and r.plugin == "triggers"
    assert r.session_attributes["memory"]["triggers"]["check"] == [True]
    r = alexa.say("not really")
    assert r.intent == "AMAZON.NoIntent"
    assert r.session_attributes["memory"]["triggers"]["check"] == [True, False]
    r = alexa.say("i guess")
    assert r.intent == "AMAZON.YesIntent" and "good sense" in r.speech


def test_not_sure_with_no_question_open_says_where_to_start(alexa):
    alexa.launch()
    r = one_breath(alexa.say("i'm not sure"))
    assert r.plugin == "core" and "should I get a second opinion" in r.speech
    assert r.speech.endswith("?")


def test_the_second_one_picks_the_second_option_offered(alexa):
    alexa.launch()
    r = alexa.say("tell me about getting my records")
    assert r.intent == "RecordsOverviewIntent" and "right to copies" in r.speech
    r = alexa.say("the second one")
    assert r.intent == "ChooseOptionIntent" and r.plugin == "records"
    assert "release form" in r.speech


def test_the_first_one_and_what_was_that_last_one_in_a_list(alexa):
    alexa.launch()
    first = alexa.say("what records do i need")
    items = first.session_attributes["list"]["items"]
    r = alexa.say("the first one")
    assert r.plugin == "core" and r.speech.startswith(items[0].split(",")[0])
    assert r.speech.endswith("?") and r.reprompt
    r = alexa.say("what was that last one")
    assert r.speech.startswith(items[2].split(",")[0])
    r = alexa.say("what was the second one")
    assert r.speech.startswith(items[1].split(",")[0])
    r = alexa.say("more")  # the place in the list is kept
    assert items[3].split(",")[0] in r.speech


def test_what_was_the_question_says_the_open_question_again(alexa):
    alexa.launch()
    asked = alexa.say("should i get a second opinion")
    r = alexa.say("what was the question")
    assert r.plugin == "core" and r.speech.startswith("Sure.")
    assert asked.reprompt in r.speech and r.reprompt == asked.reprompt
    r = alexa.say("yes")
    assert r.session_attributes["memory"]["triggers"]["check"] == [True]


def test_go_back_and_skip_with_no_list_work_against_the_open_question(alexa):
    alexa.launch()
    asked = alexa.say("tell me about getting my records")
    r = alexa.say("go back")
    assert r.plugin == "core" and asked.reprompt in r.speech
    r = alexa.say("skip")
    assert r.plugin == "core" and r.speech.startswith("Okay") and r.speech.endswith("?")


def test_a_yes_that_says_more_is_never_a_goodbye(alexa):
    alexa.launch()
    r = alexa.say("no it's for my dad")
    assert r.intent == "AnswerNoIntent" and r.plugin == "core"
    assert not r.should_end_session and r.speech.endswith("?")
    assert r.session_attributes["dialog"]["person"] == "FATHER"
    assert r.speech.startswith("Okay, this is about your dad.")


def test_speaking_for_someone_lasts_the_session_and_a_pronoun_keeps_who(alexa):
    alexa.launch()
    r = alexa.say("should my dad get a second opinion")
    assert "Is your dad's diagnosis" in r.speech and "your diagnosis" not in r.speech
    r = alexa.say("no he hasn't been offered surgery")
    assert r.session_attributes["dialog"]["person"] == "FATHER"
    # That answered the surgery question too: it is not asked.
    assert "surgery" not in r.speech and "Are your dad's symptoms vague" in r.speech
    assert r.session_attributes["memory"]["triggers"]["check"] == [False, False]
    r = alexa.say("yes")
    assert "Is your dad's treatment not helping" in r.speech
    r = alexa.say("yes")
    assert "good sense for your dad" in r.speech
    assert "your dad's symptoms haven't been clearly explained" in r.speech


@pytest.mark.parametrize(
    ("locale", "said", "heard"),
    [
        ("en-US", "should my mother-in-law get a second opinion", "Is your relative's diagnosis"),
        ("en-GB", "should my aunt get a second opinion", "Is your relative's diagnosis"),
        ("es-US", "mi suegra debería pedir una segunda opinión", "su familiar"),
    ],
)
def test_an_in_law_aunt_or_cousin_is_spoken_of_as_a_relative(locale, said, heard):
    from skill.simulator import Conversation

    alexa = Conversation(locale=locale, lint=False)
    alexa.launch()
    r = alexa.say(said)
    assert r.session_attributes["dialog"]["person"] == "RELATIVE"
    assert heard in r.speech


def test_who_is_being_helped_is_never_stored(alexa):
    alexa.launch()
    r = alexa.say("should my mom get a second opinion")
    assert r.session_attributes["dialog"]["person"] == "MOTHER"
    assert "MOTHER" not in str(r.session_attributes.get("user"))
    r = alexa.launch()  # a new session
    assert "dialog" not in r.session_attributes or not r.session_attributes["dialog"].get("person")


def test_the_fallback_gets_shorter_then_names_the_emergency_number_then_offers_the_menu(alexa):
    alexa.launch()
    alexa.say("what records do i need")
    first = alexa.intent("AMAZON.FallbackIntent")
    assert "records" in first.speech.lower()
    second = alexa.intent("AMAZON.FallbackIntent")
    assert len(second.speech.split()) < len(first.speech.split())
    assert "records" in second.speech.lower() and "911" in second.speech
    third = alexa.intent("AMAZON.FallbackIntent")
    assert "911" not in third.speech
    assert "should I get a second opinion" in third.speech and third.speech.endswith("?")
    assert "area" not in third.session_attributes


def test_being_understood_ends_the_run_of_misunderstandings(alexa):
    alexa.launch()
    alexa.intent("AMAZON.FallbackIntent")
    alexa.say("what records do i need")
    r = alexa.intent("AMAZON.FallbackIntent")
    assert "911" not in r.speech


def test_hedges_and_choices_leave_no_more_than_three_options_a_turn(alexa):
    # The lint checks every turn of every conversation for more than three options.
    alexa.launch()
    for said in ("help", "yes", "kind of", "the first one"):
        assert not alexa.say(said).problems


def test_help_with_three_areas_or_fewer_names_them_all_and_offers_nothing_more():
    from skill.settings import Settings
    from skill.simulator import Conversation

    settings = Settings(
        verify=False, store="memory", disabled_plugins=("insurance", "specialist", "outcomes")
    )
    alexa = Conversation(settings=settings, lint=True)
    alexa.launch()
    r = alexa.say("help")
    assert "and more" not in r.speech and "rest" not in r.speech
    assert "records" in r.speech.lower() and r.speech.endswith("?")
    assert "question" not in r.session_attributes
