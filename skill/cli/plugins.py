"""``second-opinion plugins``: which areas are loaded, what they handle, where they come from."""

from __future__ import annotations

import argparse
import json

from skill.cli.options import settings_from
from skill.i18n import DEFAULT_LOCALE
from skill.plugin_manager import plugin_sources
from skill.runtime import SkillRuntime


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plugins", help="list loaded plugins and their intents")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
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
            }
        )
    return rows


def run(args: argparse.Namespace) -> int:
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
    return 0
