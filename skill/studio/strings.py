"""Where each spoken string lives: every locale string of the host and the loaded plugins,
with the file and key a writer edits, and a way to find the strings an answer was made of.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from skill.i18n import fallback_chain, texts
from skill.speech import plain

if TYPE_CHECKING:
    import pluggy

#: Host packages with strings of their own; plugins are found through the plugin manager.
HOST_PACKAGES = ("skill", "skill.privacy")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
#: Shorter strings ("and", "or") turn up inside every answer and locate nothing.
MIN_WORDS = 3


@dataclass(frozen=True)
class SpokenString:
    """One string (or one variant of a list) as the ear hears it, and where it is written."""

    file: str
    key: str
    text: str
    #: Position in the key's list of variants; ``None`` for a single string.
    variant: int | None = None

    @cached_property
    def pieces(self) -> list[str]:
        """The literal runs of words between ``{placeholders}``."""
        return [piece.strip() for piece in _PLACEHOLDER.split(self.text) if piece.strip()]

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(".+?".join(re.escape(piece) for piece in self.pieces))

    def as_json(self) -> dict:
        return {"file": self.file, "key": self.key, "text": self.text, "variant": self.variant}


def speaking_packages(plugin_manager: pluggy.PluginManager | None) -> list[str]:
    """The host's packages with strings, then each loaded plugin's package that has them."""
    packages = list(HOST_PACKAGES)
    for plugin in plugin_manager.get_plugins() if plugin_manager else ():
        name = getattr(plugin, "__name__", None)
        if name and name not in packages and _locale_folder(name) is not None:
            packages.append(name)
    return packages


def _locale_folder(package: str):
    try:
        folder = resources.files(package) / "locale"
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if folder.is_dir() else None


def shown_path(path: str | Path) -> str:
    """``path`` relative to the working folder when it is inside it: what a writer opens."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class StringIndex:
    """Every string one locale speaks, each under the file that defines it for that locale."""

    def __init__(self, locale: str, packages: list[str]):
        self.locale = locale
        self.strings: list[SpokenString] = []
        for package in packages:
            self._add(package)

    def _add(self, package: str) -> None:
        folder = _locale_folder(package)
        if folder is None:
            return
        seen: set[str] = set()
        # Most specific file first: the one whose value the skill speaks for this locale.
        for name in fallback_chain(self.locale):
            path = folder / f"{name}.json"
            if not path.is_file():
                continue
            table = json.loads(path.read_text(encoding="utf-8"))
            shown = shown_path(Path(str(path)))
            for key, value in table.items():
                if key in seen:
                    continue
                seen.add(key)
                if isinstance(value, str):
                    self.strings.append(SpokenString(shown, key, plain(value)))
                    continue
                # A list's variants and a plural object's categories, in the file's order.
                self.strings += [
                    SpokenString(shown, key, plain(text), index)
                    for index, text in enumerate(texts(value))
                ]

    def spoken_in(self, speech: str) -> list[SpokenString]:
        """The strings ``speech`` contains, placeholders standing for any words."""
        found = []
        for string in self.strings:
            if sum(len(piece.split()) for piece in string.pieces) < MIN_WORDS:
                continue
            if string.pattern.search(speech):
                found.append(string)
        return found

    def search(self, query: str, limit: int = 20) -> list[SpokenString]:
        """Strings whose words or key contain ``query`` (any case)."""
        needle = " ".join(query.lower().split())
        if not needle:
            return []
        found = [s for s in self.strings if needle in s.text.lower() or needle in s.key.lower()]
        return found[:limit]
