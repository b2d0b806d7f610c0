"""The plugin host: entry points, block lists, explicit plugin lists, hook checks."""

import pytest

from skill import hookimpl
from skill.plugin_manager import (
    PluginContractError,
    blocked_from_env,
    make_plugin_manager,
    plugin_sources,
)

BUILT_IN = {"triggers", "communicating", "records", "insurance", "specialist", "outcomes"}


def test_built_in_areas_load_through_the_entry_point_group():
    pm = make_plugin_manager(blocked=[])
    names = {name for name, plugin in pm.list_name_plugin() if plugin is not None}
    assert names >= BUILT_IN
    sources = plugin_sources(pm)
    assert sources["records"].startswith("second-opinion-skill ")


def test_block_list_from_environment(monkeypatch):
    monkeypatch.setenv("SECOND_OPINION_DISABLE_PLUGINS", " records, insurance ,")
    assert blocked_from_env() == ["records", "insurance"]
    pm = make_plugin_manager()
    assert pm.get_plugin("records") is None and pm.is_blocked("records")
    assert pm.get_plugin("insurance") is None
    assert pm.get_plugin("triggers") is not None


def test_explicit_plugins_register_exactly_those():
    import plugins.records

    pm = make_plugin_manager([plugins.records], blocked=[])
    assert [name for name, _ in pm.list_name_plugin()] == ["records"]


def test_explicit_plugins_honour_the_block_list():
    import plugins.records
    import plugins.triggers

    pm = make_plugin_manager([plugins.records, plugins.triggers], blocked=["records"])
    assert [name for name, plugin in pm.list_name_plugin() if plugin] == ["triggers"]


def test_a_misspelled_hook_fails_loudly():
    class Misspelled:
        @hookimpl
        def register_handler(self):  # the hook is register_handlers
            return []

    with pytest.raises(PluginContractError) as refused:
        make_plugin_manager([Misspelled()], blocked=[])
    message = str(refused.value)
    assert "plugin 'Misspelled'" in message and __file__ in message
    assert "register_handler is not a second_opinion hook" in message
    assert "register_handlers" in message.split("fix:")[1]
