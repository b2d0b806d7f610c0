"""``second-opinion model``: check the interaction model, or export it with plugin intents."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from skill.cli.options import settings_from


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "model", help="check or export an interaction model (plugin fragments merged)"
    )
    commands = parser.add_subparsers(dest="model_command", metavar="ACTION", required=True)

    check = commands.add_parser(
        "check",
        help="lint the model by Alexa's rules and report samples more than one intent matches",
        description="Exit status 1 when Alexa would refuse the model (any error); "
        "warnings alone exit 0.",
    )
    check.add_argument("--locale", default="en-US", help="model locale (default en-US)")
    check.add_argument("--json", action="store_true", help="print findings as a JSON list")
    check.set_defaults(func=run_check)

    export = commands.add_parser(
        "export",
        help="print (or write) the deployable model with plugin fragments merged",
        description="The model for the skill as configured: every loaded plugin's fragment "
        "merged in, a blocked plugin's intents left out (SECOND_OPINION_DISABLE_PLUGINS).",
    )
    export.add_argument("--locale", default="en-US", help="model locale (default en-US)")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    export.set_defaults(func=run_export)


def _model(args: argparse.Namespace):
    from skill.plugin_manager import make_plugin_manager
    from skill.simulator.model import load_model

    settings = settings_from(args).with_(store="memory")
    pm = make_plugin_manager(settings.plugins, blocked=settings.disabled_plugins)
    return load_model(args.locale, settings.models_dir, pm)


def run_check(args: argparse.Namespace) -> int:
    from skill.simulator.check import ERROR, check
    from skill.simulator.model import ModelError

    try:
        model = _model(args)
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    findings = check(model)
    errors = sum(f.level == ERROR for f in findings)
    if args.json:
        print(json.dumps([f.as_json() for f in findings], indent=2))
    else:
        for finding in findings:
            print(finding)
        samples = sum(len(i.samples) for i in model.intents.values())
        print(
            f"{model.source}: {len(model.intents)} intents, {samples} samples, "
            f"{len(model.types)} slot types; {errors} errors, {len(findings) - errors} warnings"
        )
    return 1 if errors else 0


def run_export(args: argparse.Namespace) -> int:
    from skill.simulator.model import ModelError

    try:
        model = _model(args)
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    text = json.dumps(model.document, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
