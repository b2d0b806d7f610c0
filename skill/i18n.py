"""Localized strings: one JSON file per locale in a package's ``locale/`` folder.

``locale/en.json`` is the base for every English locale; ``locale/en-GB.json`` overrides
keys for one locale. A value that is a list holds variants of the same line.
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from importlib import resources

DEFAULT_LOCALE = "en-US"


class MissingString(KeyError):
    """A string key has no value in the requested locale or its fallbacks."""


def fallback_chain(locale: str) -> list[str]:
    """The files to look in, most specific first: ``en-GB`` → ``en-GB``, ``en``, ``en-US``."""
    chain = [locale]
    language = locale.split("-", 1)[0]
    if language != locale:
        chain.append(language)
    if DEFAULT_LOCALE not in chain:
        chain.append(DEFAULT_LOCALE)
    return chain


class Strings:
    """The strings of one package, read lazily and cached per locale."""

    def __init__(self, package: str):
        self.package = package

    @lru_cache(maxsize=32)  # noqa: B019 - one Strings object per package, kept for the process
    def table(self, locale: str) -> dict:
        """All keys for ``locale``, with fallbacks merged under it."""
        merged: dict = {}
        for name in reversed(fallback_chain(locale)):
            merged.update(self._read(name))
        return merged

    def _read(self, locale: str) -> dict:
        path = resources.files(self.package) / "locale" / f"{locale}.json"
        if not path.is_file():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    def raw(self, locale: str, key: str):
        try:
            return self.table(locale)[key]
        except KeyError:
            raise MissingString(f"{self.package}: no string {key!r} for {locale}") from None

    def get(self, locale: str, key: str, *, seed: str = "", **values) -> str:
        """The string for ``key``, a variant chosen by ``seed``, formatted with ``values``.

        The same seed (a request id) always picks the same variant, so a replayed
        conversation reads the same.
        """
        value = self.raw(locale, key)
        if isinstance(value, list):
            value = value[zlib.crc32(f"{seed}:{key}".encode()) % len(value)]
        return value.format(**values) if values else value

    def has(self, locale: str, key: str) -> bool:
        return key in self.table(locale)
