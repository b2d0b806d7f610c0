"""Build the pluggy plugin manager that holds every guidance area."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

import pluggy

from skill import NAME, hookspecs

logger = logging.getLogger(__name__)

DISABLE_ENV = "SECOND_OPINION_DISABLE_PLUGINS"


def blocked_from_env(environ: dict | None = None) -> list[str]:
    """The plugin names listed in ``SECOND_OPINION_DISABLE_PLUGINS`` (comma separated)."""
    raw = (environ if environ is not None else os.environ).get(DISABLE_ENV, "")
    return [name.strip() for name in raw.split(",") if name.strip()]


def plugin_name(plugin: object) -> str:
    """The name a plugin registers under: its ``AREA`` name, else its module's last part."""
    area = getattr(plugin, "AREA", None)
    if area is not None:
        return area.name
    return getattr(plugin, "__name__", type(plugin).__name__).rsplit(".", 1)[-1]


def make_plugin_manager(
    plugins: Iterable[object] | None = None, blocked: Iterable[str] | None = None
) -> pluggy.PluginManager:
    """Return a plugin manager with the guidance areas registered.

    :param plugins: register exactly these (modules or objects with hookimpls); ``None``
        loads every plugin in the ``second_opinion`` entry-point group.
    :param blocked: plugin names to leave out; ``None`` reads
        ``SECOND_OPINION_DISABLE_PLUGINS``.
    """
    pm = pluggy.PluginManager(NAME)
    pm.add_hookspecs(hookspecs)
    for name in blocked_from_env() if blocked is None else blocked:
        pm.set_blocked(name)
    if plugins is None:
        count = pm.load_setuptools_entrypoints(NAME)
        logger.debug("loaded %d plugins from entry points", count)
    else:
        for plugin in plugins:
            name = plugin_name(plugin)
            if not pm.is_blocked(name):
                pm.register(plugin, name=name)
    pm.check_pending()
    return pm


def plugin_sources(pm: pluggy.PluginManager) -> dict[str, str]:
    """Map each registered plugin name to where it comes from (distribution or module)."""
    sources = {}
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        dist = dists.get(id(plugin))
        if dist is not None:
            sources[name] = f"{dist.project_name} {dist.version}"
        else:
            sources[name] = getattr(plugin, "__name__", repr(plugin))
    return sources
