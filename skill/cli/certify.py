"""``second-opinion certify``: what Amazon's build and certification would refuse."""

from __future__ import annotations

import argparse
from pathlib import Path

from skill.cli.options import settings_from


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "certify",
        help="check a skill package the way Amazon's certification would",
        description="Manifest, model build rules, conversations through the simulator and "
        "response rules, for every locale. Exit status 1 on any error.",
    )
    parser.add_argument(
        "--package", default="skill-project", help="the package folder (default skill-project)"
    )
    parser.add_argument("--warnings", action="store_true", help="list warnings too")
    parser.add_argument(
        "--static",
        action="store_true",
        help="manifest and model rules only, no conversations (seconds, for quick edits)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from skill.publish.certify import certify
    from skill.runtime import SkillRuntime
    from skill.simulator.check import ERROR

    runtime = SkillRuntime(settings_from(args, store="memory", verify=False))
    findings = certify(Path(args.package), runtime, talk=not args.static)
    errors = [f for f in findings if f.level == ERROR]
    for finding in findings:
        if finding.level == ERROR or args.warnings:
            print(f"{finding.level:<8}{finding.rule:<30}{finding.where}: {finding.message}")
    groups = sorted({f.rule for f in errors})
    verdict = f"FAIL ({', '.join(groups)})" if errors else "PASS"
    print(
        f"{args.package}: {len(errors)} errors, {len(findings) - len(errors)} warnings: {verdict}"
    )
    return 1 if errors else 0
