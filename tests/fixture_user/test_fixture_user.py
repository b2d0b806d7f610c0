"""A plugin author's test: the ``alexa`` fixture comes with the installed skill, nothing else."""


def test_launch_and_help(alexa):
    assert alexa.launch().plugin == "core"
    turn = alexa.say("what can I say")
    assert turn.intent == "AMAZON.HelpIntent" and turn.reprompt


def test_fixture_plugin_is_registered_under_its_entry_point_name(alexa, request):
    assert request.config.pluginmanager.hasplugin("second_opinion")
    turn = alexa.say("ask second opinion guide for help")
    assert turn.request["session"]["new"] is True and turn.should_end_session is False


def test_requests_go_where_the_run_points_them(alexa, request):
    target = request.config.getoption("alexa_target")
    kind = type(alexa.target).__name__
    assert kind == ("Http" if target else "InProcess")
