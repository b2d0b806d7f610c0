"""``second-opinion package``: write an ASK CLI project ready for ``ask deploy``."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from skill.cli.options import settings_from


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "package",
        help="write the skill package (manifest, models, icons) for the ASK CLI",
        description="Write an ASK CLI project: skill-package/ with skill.json, every "
        "locale's model (installed plugins merged) and icons, and ask-resources.json with "
        "the Lambda deployer and its code folder, or your HTTPS endpoint.",
    )
    parser.add_argument("--out", default="skill-project", help="folder (default skill-project)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--lambda", dest="use_lambda", action="store_true", help="deploy to Lambda")
    where.add_argument("--endpoint", metavar="URL", help="your HTTPS endpoint, .../alexa")
    parser.add_argument("--privacy-url", help="privacy policy URL (default: ENDPOINT's /privacy)")
    parser.add_argument("--terms-url", help="terms of use URL (default: ENDPOINT's /terms)")
    parser.add_argument(
        "--zip", action="store_true", help="also write OUT.zip, which unzips to the same project"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from skill.publish.package import PackageError, Target, write
    from skill.runtime import SkillRuntime

    settings = settings_from(
        args, store="memory", privacy_url=args.privacy_url, terms_url=args.terms_url
    )
    runtime = SkillRuntime(settings)
    out = Path(args.out)
    try:
        written = write(runtime, out, Target(None if args.use_lambda else args.endpoint))
    except PackageError as exc:
        print(f"second-opinion package: {exc}", file=sys.stderr)
        return 2
    if args.zip:
        archive = shutil.make_archive(str(out), "zip", root_dir=out)
        print(f"wrote {archive}")
    print(f"wrote {len(written)} files to {out}; next: second-opinion certify --package {out}")
    return 0
