"""Start over forgets what this session learned in the areas, not just where the user was."""


def test_start_over_forgets_session_memory_so_offers_come_back(alexa):
    alexa.launch()
    r = alexa.say("what should i ask my insurance company")
    assert r.session_attributes["memory"]["insurance"] == {"heard_questions": True}
    # Heard once this session: the overview stops offering the questions.
    r = alexa.say("does insurance cover a second opinion")
    assert "question" not in r.session_attributes

    r = alexa.intent("AMAZON.StartOverIntent")
    assert r.plugin == "core" and "memory" not in r.session_attributes
    r = alexa.say("does insurance cover a second opinion")
    assert r.session_attributes["question"] == {"area": "insurance", "about": "questions"}
