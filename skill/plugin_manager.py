"""Build the pluggy plugin manager that holds every guidance area."""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import Iterable
from importlib import metadata

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


class PluginContractError(Exception):
    """A plugin breaks its contract with the host; raised when the skill is built.

    The message names the plugin, the file to change and the fix, so the skill refuses to
    start with the cause in plain sight rather than failing at a user's request later.
    """

    def __init__(self, plugin: str, file: str, problem: str, fix: str):
        super().__init__(f"plugin {plugin!r} ({file}): {problem}\n  fix: {fix}")
        self.plugin = plugin
        self.file = file
        self.problem = problem
        self.fix = fix


def source_file(thing: object) -> str:
    """The file that defines ``thing`` (a module, a class or an instance), for messages."""
    target = thing if inspect.ismodule(thing) or inspect.isclass(thing) else type(thing)
    try:
        return inspect.getsourcefile(target) or inspect.getfile(target)
    except (TypeError, OSError):  # defined in an interactive session
        return f"defined in {getattr(target, '__module__', None) or 'no file'}"


def entry_point_name(plugin: object) -> str:
    """The entry-point name that loads ``plugin``, else the name it would register under."""
    module = getattr(plugin, "__name__", None)
    for entry_point in metadata.entry_points(group=NAME):
        if entry_point.value == module:
            return entry_point.name
    return plugin_name(plugin)


def make_plugin_manager(
    plugins: Iterable[object] | None = None, blocked: Iterable[str] | None = None
) -> pluggy.PluginManager:
    """Return a plugin manager with the guidance areas registered.

    :param plugins: register exactly these (modules or objects with hookimpls); ``None``
        loads every plugin in the ``second_opinion`` entry-point group.
    :param blocked: plugin names to leave out; ``None`` reads
        ``SECOND_OPINION_DISABLE_PLUGINS``.
    :raises PluginContractError: a hook implementation pluggy refuses (an argument the
        spec doesn't have, a misspelled hook name).
    """
    pm = pluggy.PluginManager(NAME)
    pm.add_hookspecs(hookspecs)
    for name in blocked_from_env() if blocked is None else blocked:
        pm.set_blocked(name)
    try:
        if plugins is None:
            count = pm.load_setuptools_entrypoints(NAME)
            logger.debug("loaded %d plugins from entry points", count)
        else:
            for plugin in plugins:
                name = plugin_name(plugin)
                if not pm.is_blocked(name):
                    pm.register(plugin, name=name)
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise hook_error(exc) from None
    return pm


HOOK_NAMES = sorted(
    name for name, spec in inspect.getmembers(hookspecs) if hasattr(spec, f"{NAME}_spec")
)


def hook_error(exc: pluggy.PluginValidationError) -> PluginContractError:
    """Pluggy's refusal of a hook implementation, as the plugin's author needs to read it."""
    plugin = exc.plugin
    message = str(exc)
    if message.startswith("unknown hook"):
        # pluggy: "unknown hook 'register_handler' in plugin <module ...>"
        hook = message.split("'")[1]
        problem = f"{hook} is not a {NAME} hook"
        fix = f"name it after one of the hooks in skill/hookspecs.py: {', '.join(HOOK_NAMES)}"
    else:
        problem = " ".join(message.split("\n", 1)[-1].split())
        fix = (
            "take only arguments the hook's spec in skill/hookspecs.py names "
            "(fewer is fine), and keep generator and wrapper options as the spec allows"
        )
    return PluginContractError(entry_point_name(plugin), source_file(plugin), problem, fix)


def call_each(pm: pluggy.PluginManager, hook: str, **kwargs: object) -> list[tuple[str, object]]:
    """Call ``hook`` through pluggy once per implementing plugin: ``(plugin name, result)``.

    Each call is a pluggy hook call restricted to one plugin (``subset_hook_caller``), so
    an implementation may take fewer arguments than the spec, tracing and wrappers still
    see it, and every result names the plugin it came from. Plugins come in registration
    order (``tryfirst``/``trylast`` respected); a ``None`` result is left out.
    """
    caller = getattr(pm.hook, hook)
    implementations = [impl for impl in caller.get_hookimpls() if not _wraps(impl)]
    results = []
    for impl in implementations:
        others = [other.plugin for other in implementations if other is not impl]
        for result in pm.subset_hook_caller(hook, remove_plugins=others)(**kwargs):
            results.append((pm.get_name(impl.plugin), result))
    return results


def _wraps(impl: pluggy.HookImpl) -> bool:
    """A wrapper surrounds every plugin's call; it answers for none of them."""
    return impl.hookwrapper or impl.wrapper


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
