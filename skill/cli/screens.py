"""``second-opinion screens``: look at the skill's APL screens without a device.

``screens render --out DIR`` walks through the skill as a device with a screen would and
writes each screen it meets, on each viewport profile, to ``DIR/<screen>-<profile>.png``
through headless Chromium (``--html-only``: the HTML pages the PNGs are taken from).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from skill.cli.options import settings_from
from skill.screens.viewports import VIEWPORTS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("screens", help="render the APL screens to PNG files")
    commands = parser.add_subparsers(dest="screens_command", metavar="COMMAND", required=True)
    render = commands.add_parser(
        "render",
        help="render every screen on every viewport profile to PNG",
        description="Walks through the skill on a device with a screen and renders each "
        "screen it shows, for each viewport profile, through headless Chromium.",
    )
    render.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for PNGs")
    render.add_argument(
        "--viewport",
        action="append",
        choices=sorted(VIEWPORTS),
        help="only this viewport profile (repeatable; default: all)",
    )
    render.add_argument(
        "--screen", action="append", metavar="TOKEN", help="only this screen, e.g. core.home"
    )
    render.add_argument("--html-only", action="store_true", help="write the HTML pages only")
    render.add_argument("--locale", default="en-US", help="locale (default en-US)")
    render.set_defaults(func=run_render)


def file_name(token: str, profile: str) -> str:
    return f"{token.replace('.', '-')}-{profile}"


def run_render(args: argparse.Namespace) -> int:
    from skill.screens.html import render_html
    from skill.screens.snapshot import ChromiumMissing, find_chromium, screenshot
    from skill.screens.tour import tour

    try:
        chromium = None if args.html_only else find_chromium()
    except ChromiumMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    screens = tour(settings_from(args, verify=False, store="memory"), locale=args.locale)
    wanted = [token for token in screens if not args.screen or token in args.screen]
    unknown = sorted(set(args.screen or ()) - set(screens))
    if unknown:
        print(f"error: no screen {', '.join(unknown)}; there are {', '.join(screens)}",
              file=sys.stderr)  # fmt: skip
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for token in wanted:
        shown = screens[token]
        for profile in args.viewport or list(VIEWPORTS):
            viewport = VIEWPORTS[profile]
            page = render_html(shown["document"], shown["datasources"], viewport)
            base = args.out / file_name(token, profile)
            if chromium is None:
                written = base.with_suffix(".html")
                written.write_text(page, encoding="utf-8")
            else:
                written = screenshot(page, viewport, base.with_suffix(".png"), chromium)
            print(written)
    return 0
