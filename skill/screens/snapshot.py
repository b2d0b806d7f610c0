"""Screenshots of rendered screens through headless Chromium (Debian's ``chromium``)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from skill.screens.viewports import Viewport

#: Quiet, offline, reproducible: no GPU, no network, no profile left behind.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
TIMEOUT = 60


class ChromiumMissing(RuntimeError):
    """No Chromium to take screenshots with."""


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise ChromiumMissing("no chromium on PATH: apt-get install chromium")


def screenshot(html: str, viewport: Viewport, out: Path, chromium: str | None = None) -> Path:
    """Write ``html`` as it looks on ``viewport`` to the PNG ``out``."""
    browser = chromium or find_chromium()
    with tempfile.TemporaryDirectory(prefix="screens-") as scratch:
        page = Path(scratch) / "page.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={Path(scratch) / 'profile'}",
                f"--screenshot={out.resolve()}",
                f"--window-size={viewport.width},{viewport.height}",
                page.as_uri(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
        )
    if not out.is_file():
        raise RuntimeError(f"chromium wrote no screenshot to {out}")
    shrink(out)
    return out


def shrink(png: Path) -> None:
    """With ``pngquant`` installed, keep 256 colours: flat screens lose nothing visible."""
    quantizer = shutil.which("pngquant")
    if quantizer is None:
        return
    subprocess.run(
        [quantizer, "--force", "--skip-if-larger", "--strip", "--ext", ".png", str(png)],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=TIMEOUT,
    )
