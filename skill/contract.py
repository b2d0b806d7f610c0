"""The contract between the host and a plugin, checked when the skill is built.

Every check raises :class:`~skill.plugin_manager.PluginContractError` naming the plugin, the
file to change and the fix. :func:`check_plugin` runs them all on one plugin: the contract
test a plugin author puts in their own test suite.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy
from ask_sdk_core.dispatch_components import AbstractRequestHandler

from skill import speech
from skill.area import Area
from skill.i18n import DEFAULT_LOCALE, fallback_chain
from skill.plugin_manager import (
    PluginContractError,
    call_each,
    hook_error,
    make_plugin_manager,
    plugin_name,
    source_file,
)

if TYPE_CHECKING:
    from skill.simulator.model import InteractionModel

#: Strings the host speaks for every area: to offer it, to name it, to help inside it.
REQUIRED_STRINGS = ("title", "try", "help")

PACKAGE_DATA_FIX = (
    "ship the locale files with the package: in pyproject.toml, "
    '[tool.setuptools.package-data] {package} = ["locale/*.json"]'
)


def served_locales(models_dir: Path) -> list[str]:
    """The locales the skill speaks: one per interaction model, the default locale first.

    A plugin missing a string or an intent everywhere is told so for the default locale,
    where its author wrote it.
    """
    locales = sorted(path.stem for path in Path(models_dir).glob("*.json"))
    return sorted(locales, key=lambda locale: locale != DEFAULT_LOCALE)


def checked_area(plugin: str, area: object, pm: pluggy.PluginManager) -> Area:
    """``area`` as ``plugin``'s ``register_area`` returned it, once it is a usable area.

    The area's name must be the plugin's name (its entry-point name): blocking, logs and
    the answering plugin use the plugin's name, the session and the menu the area's.
    """
    file = source_file(pm.get_plugin(plugin))
    if not isinstance(area, Area):
        raise PluginContractError(
            plugin,
            file,
            f"register_area returned {type(area).__name__}, not an Area",
            "return a skill.area.Area (or None for a plugin that adds no area)",
        )
    if area.name != plugin:
        raise PluginContractError(
            plugin,
            file,
            f"the plugin is registered as {plugin!r} but its area is named {area.name!r}",
            f"name the entry point in pyproject.toml after the area: {area.name} = "
            f'"{area.strings.package}" under [project.entry-points.second_opinion]',
        )
    return area


def checked_handlers(
    plugin: str, handlers: object, pm: pluggy.PluginManager
) -> list[AbstractRequestHandler]:
    """``handlers`` as ``plugin``'s ``register_handlers`` returned them, once each is one."""
    file = source_file(pm.get_plugin(plugin))
    if not isinstance(handlers, Sequence) or isinstance(handlers, str):
        raise PluginContractError(
            plugin,
            file,
            f"register_handlers returned {type(handlers).__name__}, not a list",
            "return a list of request handlers",
        )
    for handler in handlers:
        if not isinstance(handler, AbstractRequestHandler):
            raise PluginContractError(
                plugin,
                file,
                f"register_handlers returned {type(handler).__name__}, not a request handler",
                "return instances of skill.area.AreaHandler (or any ask-sdk "
                "AbstractRequestHandler), not classes or functions",
            )
    return list(handlers)


def check_strings(plugin: str, area: Area, locales: Iterable[str]) -> None:
    """The area has ``title``, ``try`` and ``help`` in every locale the skill speaks."""
    package = area.strings.package
    folder = resources.files(package) / "locale"
    for locale in locales:
        missing = [key for key in REQUIRED_STRINGS if not area.strings.has(locale, key)]
        if not missing:
            check_help_asks(plugin, area, locale, folder)
            continue
        files = [folder / f"{name}.json" for name in fallback_chain(locale)]
        if not any(file.is_file() for file in files):
            installed = folder.is_dir() and any(
                item.name.endswith(".json") for item in folder.iterdir()
            )
            if not installed:
                raise PluginContractError(
                    plugin,
                    str(folder),
                    f"no locale files for {locale} were installed with the package",
                    PACKAGE_DATA_FIX.format(package=package),
                )
            # Strings never fall back across languages: a listener hears one language.
            raise PluginContractError(
                plugin,
                str(folder),
                f"the skill speaks {locale}, and the area has no strings for it",
                f"add locale/{locale}.json with every string the area speaks "
                "(title, try and help at least)",
            )
        base = folder / f"{fallback_chain(locale)[1]}.json"
        raise PluginContractError(
            plugin,
            str(base),
            f"no {', '.join(repr(key) for key in missing)} string for {locale}: the host "
            "offers, names and helps with every area with these",
            f"add {', '.join(repr(key) for key in missing)} to {base.name} "
            "(title: how the area is named; try: a phrase to offer; help: ends with a question)",
        )


def check_help_asks(plugin: str, area: Area, locale: str, folder: object) -> None:
    """Every variant of the area's ``help`` ends with a question: the session stays open."""
    raw = area.strings.raw(locale, "help")
    for variant in raw if isinstance(raw, list) else [raw]:
        if not speech.plain(variant).rstrip().endswith("?"):
            raise PluginContractError(
                plugin,
                str(folder / f"{fallback_chain(locale)[1]}.json"),
                f"the 'help' string for {locale} does not end with a question, yet the "
                "session stays open after it",
                'end it with a question, such as "What would you like to know?"',
            )


def check_intents(
    plugin: str,
    handlers: Iterable[AbstractRequestHandler],
    models: dict[str, InteractionModel],
) -> None:
    """Every intent a handler answers is in every locale's model (plugin fragments merged)."""
    for locale, model in models.items():
        for handler in handlers:
            for intent in intents_of(handler):
                if intent in model.intents:
                    continue
                raise PluginContractError(
                    plugin,
                    source_file(handler),
                    f"{type(handler).__name__} answers {intent}, which the {locale} "
                    "interaction model does not have: Alexa would never send it",
                    f"return {intent} with its samples from register_interaction_model(locale), "
                    f"or add it to {model.source}",
                )


def check_entry(
    plugin: str, area: Area, handlers: Iterable[AbstractRequestHandler], file: str
) -> None:
    """The area's entry intent, which another area's offer leads to, is one it answers."""
    if area.entry is None:
        return
    if any(area.entry in intents_of(handler) for handler in handlers):
        return
    raise PluginContractError(
        plugin,
        file,
        f"the area's entry intent {area.entry} is answered by none of its handlers: "
        "a yes to an offer of this area would go nowhere",
        "give Area(..., entry=...) the intent your 'try' phrase reaches, or leave it out",
    )


def intents_of(handler: AbstractRequestHandler) -> tuple[str, ...]:
    """The intents a handler declares it answers (``intents``); ``()`` when it declares none."""
    return tuple(getattr(handler, "intents", None) or ())


def check_built(
    pm: pluggy.PluginManager,
    areas: Iterable[tuple[str, Area]],
    handlers: Iterable[tuple[str, AbstractRequestHandler]],
    models_dir: Path,
) -> None:
    """The checks that need every plugin's areas and handlers, as the builder collected them.

    Reading every locale's model and strings is most of a start's own work, so a set of
    inputs that passed is remembered (see :func:`inputs_digest`) and not checked again;
    anything that changes what the checks read, or the checks themselves, checks afresh,
    and a failure is never remembered: a broken plugin still refuses to start.
    """
    areas, handlers = list(areas), list(handlers)
    locales = served_locales(models_dir)
    digest = inputs_digest(pm, areas, handlers, models_dir, locales)
    if digest is not None and _passed_before(digest):
        return
    for plugin, area in areas:
        check_strings(plugin, area, locales)
    by_plugin: dict[str, list[AbstractRequestHandler]] = {}
    for plugin, handler in handlers:
        by_plugin.setdefault(plugin, []).append(handler)
    for plugin, area in areas:
        check_entry(plugin, area, by_plugin.get(plugin, []), source_file(pm.get_plugin(plugin)))
    if by_plugin:
        from skill.simulator.model import load_model

        # Whether a blocked area's intents are left out changes nothing here: skip that.
        models = {
            locale: load_model(locale, models_dir, pm, answered_only=False) for locale in locales
        }
        for plugin, contributed in by_plugin.items():
            check_intents(plugin, contributed, models)
    if digest is not None:
        _remember_passed(digest)


#: The code of the checks: a change to any of these checks every input afresh.
CHECK_CODE = ("contract.py", "i18n.py", "speech.py", "area.py", "simulator/model.py")


def inputs_digest(
    pm: pluggy.PluginManager,
    areas: list[tuple[str, Area]],
    handlers: list[tuple[str, AbstractRequestHandler]],
    models_dir: Path,
    locales: list[str],
) -> str | None:
    """A digest of everything :func:`check_built` reads: the checks' code, every model file
    and every area's locale files (path, size, modification time), what each area and
    handler declares, and each plugin's model fragment for each locale. ``None`` when an
    input can't be pinned down that way (strings not in a folder of files): check it all."""
    here = Path(__file__).resolve().parent
    parts: list[object] = [REQUIRED_STRINGS, locales]
    try:
        parts += [_file_stamp(here / name) for name in CHECK_CODE]
        parts += [_file_stamp(path) for path in sorted(Path(models_dir).glob("*.json"))]
        for plugin, area in areas:
            folder = resources.files(area.strings.package) / "locale"
            if not isinstance(folder, Path):
                return None
            files = sorted(folder.glob("*.json")) if folder.is_dir() else []
            parts += [plugin, area.name, area.entry, area.strings.package, folder.is_dir()]
            parts += [source_file(pm.get_plugin(plugin))]
            parts += [_file_stamp(path) for path in files]
    except OSError:
        return None
    for plugin, handler in handlers:
        kind = type(handler)
        parts += [plugin, kind.__module__, kind.__qualname__, intents_of(handler)]
    # One hook call per locale (every plugin's fragment, in pluggy's order) is enough to
    # tell fragments apart; which plugin gave which is in the list of plugins.
    parts += [name for name, _ in pm.list_name_plugin()]
    for locale in locales:
        fragments = pm.hook.register_interaction_model(locale=locale)
        parts += [locale, json.dumps(fragments, sort_keys=True, default=repr)]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _file_stamp(path: Path) -> tuple[str, int, int, int]:
    found = path.stat()
    return str(path), found.st_size, found.st_mtime_ns, found.st_ino


#: Where passed checks are remembered: one empty file per digest. Default: ``build-checks``
#: in the user cache folder; unwritable, nothing is remembered and every start checks.
CACHE_DIR_ENV = "SECOND_OPINION_CACHE_DIR"
#: Digests kept; older ones (other checkouts, earlier versions) are dropped.
KEPT_DIGESTS = 64


def _checks_dir() -> Path:
    folder = os.environ.get(CACHE_DIR_ENV)
    if not folder and sys.platform.startswith("linux"):
        # platformdirs' answer on Linux, without importing it (a tenth of a start's checks).
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        folder = os.path.join(base, "second-opinion-guide")
    elif not folder:
        import platformdirs

        folder = platformdirs.user_cache_dir("second-opinion-guide")
    return Path(folder) / "build-checks"


def _passed_before(digest: str) -> bool:
    return (_checks_dir() / digest).is_file()


def _remember_passed(digest: str) -> None:
    folder = _checks_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        (folder / digest).touch()
        kept = sorted(folder.iterdir(), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in kept[KEPT_DIGESTS:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: every start checks, as it would without the cache


def check_plugin(
    plugin: object, *, name: str | None = None, models_dir: Path | str | None = None
) -> None:
    """Check one plugin against the host's contract, as a skill build would; ``None`` if it holds.

    The contract test for a plugin's own test suite::

        import example_area
        from skill.contract import check_plugin

        def test_the_host_accepts_the_plugin():
            check_plugin(example_area, name="second_opinion_companion")

    :param plugin: the plugin module (or object with hook implementations).
    :param name: the entry-point name it is installed under; default: its area's name.
    :param models_dir: the folder of ``<locale>.json`` models; default: the skill's own.
    :raises PluginContractError: the first broken rule, with the file and the fix.
    """
    if models_dir is None:
        from skill.settings import MODELS_DIR

        models_dir = MODELS_DIR
    name = name or plugin_name(plugin)
    pm = make_plugin_manager([], blocked=[])
    try:
        pm.register(plugin, name=name)
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise hook_error(exc) from None
    areas = [(p, checked_area(p, area, pm)) for p, area in call_each(pm, "register_area")]
    handlers = [
        (p, handler)
        for p, contributed in call_each(pm, "register_handlers")
        for handler in checked_handlers(p, contributed, pm)
    ]
    check_built(pm, areas, handlers, Path(models_dir))
