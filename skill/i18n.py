"""Localized strings: one JSON file per locale in a package's ``locale/`` folder.

``locale/en.json`` is the base for every English locale; ``locale/en-GB.json`` overrides
keys for one locale. A value that is a list holds variants of the same line.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import cache
from importlib import resources

DEFAULT_LOCALE = "en-US"
DEFAULT_LANGUAGE = "en"
LOCALE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
MAX_LOCALES = 32


class MissingString(KeyError):
    """A string key has no value in the requested locale or its fallbacks."""


def fallback_chain(locale: str) -> list[str]:
    """The files to look in, most specific first: ``en-GB`` → ``en-GB``, ``en``.

    A locale of the default language stops at the language: ``en-US.json`` holds US facts
    (its numbers, its laws, its insurance), which must never reach another country. A locale
    of another language ends with the default locale and its language, so it still speaks,
    in the default language. A locale that isn't of the form ``xx`` or ``xx-YY`` is taken as
    the default: it names a file, so it must be tame.
    """
    if not LOCALE.fullmatch(locale or ""):
        locale = DEFAULT_LOCALE
    language = locale.split("-", 1)[0]
    names = [locale, language]
    if language != DEFAULT_LANGUAGE:
        names += [DEFAULT_LOCALE, DEFAULT_LANGUAGE]
    chain: list[str] = []
    for name in names:
        if name not in chain:
            chain.append(name)
    return chain


def locale_of(request: object) -> str:
    """The locale of an SDK request, or the default when it names none."""
    return getattr(request, "locale", None) or DEFAULT_LOCALE


@cache
def strings_for(package: str) -> Strings:
    """The one :class:`Strings` of ``package``, shared by everything that speaks for it."""
    return Strings(package)


class Strings:
    """The strings of one package, read lazily and kept per locale.

    Use :func:`strings_for`, so each package's files are read once per locale.
    """

    def __init__(self, package: str):
        self.package = package
        self._tables: dict[str, dict] = {}

    def table(self, locale: str) -> dict:
        """All keys for ``locale``, with fallbacks merged under it."""
        table = self._tables.get(locale)
        if table is None:
            table = {}
            for name in reversed(fallback_chain(locale)):
                table.update(self._read(name))
            if len(self._tables) < MAX_LOCALES:  # requests choose locales: stay bounded
                self._tables[locale] = table
        return table

    def _read(self, locale: str) -> dict:
        path = resources.files(self.package) / "locale" / f"{locale}.json"
        if not path.is_file():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    def raw(self, locale: str, key: str) -> str | list[str]:
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
