"""Installing the example area from its own distribution, as pip would for a user."""

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "example_plugin"


def pip_install(source: Path, target: Path) -> None:
    """Install the distribution at ``source`` into the folder ``target``, offline."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "--target", str(target), str(source)],
        check=True,
        capture_output=True,
    )  # fmt: skip
