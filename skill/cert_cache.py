"""Verified certificate chains kept on disk, so a restarted server needs no fetch to know
Alexa's signing key. A chain read back is checked again in full before it is trusted."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from pathlib import Path

import platformdirs

logger = logging.getLogger(__name__)

APP_DIR = "second-opinion-guide"


def default_dir() -> Path:
    """``certificates`` in the user data directory, beside the progress file."""
    return Path(platformdirs.user_data_dir(APP_DIR)) / "certificates"


def _file(folder: Path, url: str) -> Path:
    return folder / f"{hashlib.sha256(url.encode()).hexdigest()[:40]}.pem"


def load(folder: Path, url: str, max_bytes: int) -> bytes | None:
    """The chain last kept for ``url``, or ``None``."""
    try:
        with open(_file(folder, url), "rb") as kept:
            data = kept.read(max_bytes + 1)
    except OSError:
        return None
    return data if len(data) <= max_bytes else None


def save(folder: Path, url: str, data: bytes) -> None:
    """Keep ``data`` for ``url``, replacing the file whole; a failure is only logged."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, _file(folder, url))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as exc:
        logger.warning("could not keep a verified certificate chain on disk: %s", exc.strerror)
