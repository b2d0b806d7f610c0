"""A plugin adds its own screens through the ``register_screens`` hook."""

import pytest

import plugins.records
from plugins.records import intents
from plugins.records.screens import make_screens
from skill import hookimpl
from skill.core.menu import Menu
from skill.plugin_manager import make_plugin_manager
from skill.screens import Screen
from skill.screens.show import ScreenOwnerUnknown, collect_screens

BANNER = {
    "type": "APL",
    "version": "1.8",
    "mainTemplate": {
        "parameters": ["screen"],
        "item": {
            "type": "Container",
            "items": [
                {"type": "Header", "title": "${screen.title}"},
                {"type": "Body", "text": "${screen.banner}"},
                {
                    "type": "Buttons",
                    "first": "${screen.ok}",
                    "firstArguments": ["records", "banner", "ok"],
                },
            ],
        },
    },
}


class BannerPlugin:
    """The records area with one more screen: a banner with the overview, whose button
    answers through ``touch``."""

    AREA = plugins.records.AREA

    def __init__(self, *, failing: bool = False):
        self.failing = failing

    @hookimpl
    def register_area(self):
        return self.AREA

    @hookimpl
    def register_handlers(self):
        return plugins.records.handlers.handlers(self.AREA)

    @hookimpl
    def register_screens(self):
        def show(turn, response):
            if self.failing:
                raise RuntimeError("broken screen")
            return (
                {"banner": "Records, at a glance", "ok": "OK"}
                if (turn.intent_name == intents.OVERVIEW)
                else None
            )

        def touch(turn, values):
            if self.failing:
                raise RuntimeError("broken touch")
            return turn.ask(f"You pressed {values[0]}. Anything else?", "Anything else?")

        return [Screen(self.AREA, "banner", BANNER, show, touch), *make_screens(self.AREA)]


def conversation(screen_settings, plugin, seed):
    from skill.simulator import Conversation

    settings = screen_settings.with_(plugins=[plugin])
    return Conversation(device="screen", settings=settings, seed=seed)


def test_a_plugin_screen_is_shown_with_the_hosts_layout_and_answers_its_touch(screen_settings):
    c = conversation(screen_settings, BannerPlugin(), "banner")
    c.launch()
    r = c.say("tell me about records")
    assert r.apl["token"] == "records.banner"
    assert r.apl["datasources"]["screen"]["banner"] == "Records, at a glance"
    assert {"Header", "Body", "Buttons"} <= set(r.apl["document"]["layouts"])
    r = c.touch(["records", "banner", "ok"])
    assert r.speech == "You pressed ok. Anything else?" and r.plugin == "records"


def test_a_failing_plugin_screen_leaves_the_answer_to_the_hosts_screens(screen_settings):
    c = conversation(screen_settings, BannerPlugin(failing=True), "failing")
    c.launch()
    r = c.say("tell me about records")
    assert r.plugin == "records" and r.apl["token"].startswith("core.")
    c.say("what records do i need")
    r = c.touch(["records", "banner", "ok"])
    assert "sorry" in r.speech.lower() and r.speech.endswith("?")  # an apology, and a way on
    assert r.apl is not None and not r.should_end_session


class Intruder:
    """Draws a screen for the records area, which isn't its own."""

    @hookimpl
    def register_screens(self):
        return [Screen(plugins.records.AREA, "banner", BANNER, lambda turn, response: {})]


def test_a_screen_for_another_plugins_area_fails_the_build():
    pm = make_plugin_manager([plugins.records, Intruder()])
    with pytest.raises(ScreenOwnerUnknown, match="'Intruder' registers screen 'banner'"):
        collect_screens(pm, Menu([plugins.records.AREA]))


def test_a_screen_for_an_area_that_isnt_loaded_fails_the_build():
    pm = make_plugin_manager([BannerPlugin()])
    with pytest.raises(ScreenOwnerUnknown, match="only for its own loaded area"):
        collect_screens(pm, Menu([]))


def test_the_records_area_registers_its_checklist():
    pm = make_plugin_manager([plugins.records])
    (screens,) = pm.hook.register_screens()
    assert [screen.token for screen in screens] == ["records.checklist"]
