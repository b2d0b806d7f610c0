"""``second-opinion plugins``: which areas are loaded, what they handle, where they come from."""

from __future__ import annotations

import argparse
import json

from skill.cli.options import settings_from


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("plugins", help="list loaded plugins and their intents")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def describe(runtime) -> list[dict]:
    from skill.plugin_manager import plugin_sources

    pm = runtime.plugin_manager
    sources = plugin_sources(pm)
    rows = []
    for impl in pm.hook.register_handlers.get_hookimpls():
        name = pm.get_name(impl.plugin)
        intents = sorted({i for h in impl.function() or [] for i in getattr(h, "intents", ())})
        area = runtime.menu.by_name.get(name)
        rows.append(
            {
                "name": name,
                "area": area.title("en-US") if area else None,
                "intents": intents,
                "source": sources.get(name, ""),
            }
        )
    return rows


def run(args: argparse.Namespace) -> int:
    from skill.runtime import SkillRuntime

    runtime = SkillRuntime(settings_from(args, store="memory"))
    rows = describe(runtime)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        print(f"{row['name']:<14} {row['source']}")
        if row["area"]:
            print(f"{'':<14} area: {row['area']}")
        print(f"{'':<14} intents: {', '.join(row['intents']) or '-'}")
    return 0
