import example_area

from skill.contract import check_plugin


def test_the_host_accepts_the_area():
    check_plugin(example_area, name="second_opinion_companion")


def test_bringing_someone(alexa):
    alexa.launch()
    r = alexa.say("can i bring someone with me")
    assert r.plugin == "second_opinion_companion" and "take notes" in r.speech
    assert r.card["title"] == "Bringing someone with you"
