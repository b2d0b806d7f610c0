"""``second-opinion plugins``: which areas are loaded, what they handle, where they come from."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import metadata

from skill import NAME
from skill.cli.options import settings_from
from skill.i18n import DEFAULT_LOCALE
from skill.plugin_manager import PluginContractError, plugin_sources
from skill.runtime import SkillRuntime


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plugins", help="list loaded plugins and their intents")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--check",
        metavar="NAME",
        help="check one installed plugin against the host's contract; exit 1 if it breaks it",
    )
    parser.set_defaults(func=run)


def plugin_rows(runtime: SkillRuntime) -> list[dict]:
    """One row per plugin that answers requests, in the order they are asked, host last."""
    sources = plugin_sources(runtime.plugin_manager)
    intents: dict[str, set[str]] = {}
    for handler in runtime.handlers:
        intents.setdefault(handler.plugin, set()).update(getattr(handler.inner, "intents", ()))
    rows = []
    for name, handled in intents.items():
        area = runtime.menu.by_name.get(name)
        rows.append(
            {
                "name": name,
                "area": area.title(DEFAULT_LOCALE) if area else None,
                "intents": sorted(handled),
                "source": sources.get(name, "the host (skill)"),
                "locales": sorted(runtime.locales),
            }
        )
    return rows


def check_installed(name: str, models_dir) -> int:
    """Check the plugin installed under entry-point ``name`` on its own, as a build would."""
    from skill.contract import check_plugin

    found = metadata.entry_points(group=NAME, name=name)
    if not found:
        installed = sorted(entry_point.name for entry_point in metadata.entry_points(group=NAME))
        print(
            f"error: no plugin {name!r} is installed (have: {', '.join(installed)})",
            file=sys.stderr,
        )
        return 1
    try:
        check_plugin(next(iter(found)).load(), name=name, models_dir=models_dir)
    except PluginContractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{name}: keeps the host's contract")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.check:
        return check_installed(args.check, settings_from(args).models_dir)
    runtime = SkillRuntime(settings_from(args, store="memory"))
    rows = plugin_rows(runtime)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        print(f"{row['name']:<14} {row['source']}")
        if row["area"]:
            print(f"{'':<14} area: {row['area']}")
        print(f"{'':<14} intents: {', '.join(row['intents']) or '-'}")
    print(f"{'locales':<14} {', '.join(sorted(runtime.locales))}")
    return 0
