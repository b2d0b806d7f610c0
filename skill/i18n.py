"""Localized strings: one JSON file per locale in a package's ``locale/`` folder.

``locale/en.json`` is the base for every English locale; ``locale/en-GB.json`` overrides
keys for one locale. A locale of another language has no base in English: ``es-US.json``
holds every key (``es.json`` may hold what several Spanish locales share).

A value is a string, a list of variants of the same line, or a plural object keyed by CLDR
plural category (``{"one": "…", "other": "…"}``); the category is chosen from the ``count``
value by the language's CLDR rules (Babel), and its value may itself be a list of variants.
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
#: Every CLDR plural category, in CLDR's order.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


class MissingString(KeyError):
    """A string key has no value in the requested locale or its fallbacks."""


def fallback_chain(locale: str) -> list[str]:
    """The files to look in, most specific first: ``en-GB`` → ``en-GB``, ``en``.

    A locale stops at its language: ``en-US.json`` holds US facts (its numbers, its laws, its
    insurance), which must never reach another country, and a Spanish listener must never
    hear English, so ``es-US`` reads ``es-US``, then ``es``, and a missing key is an error a
    test catches rather than a line in the wrong language. A locale that isn't of the form
    ``xx`` or ``xx-YY`` is taken as the default: it names a file, so it must be tame.
    """
    if not LOCALE.fullmatch(locale or ""):
        locale = DEFAULT_LOCALE
    language = locale.split("-", 1)[0]
    return [locale] if language == locale else [locale, language]


def language_of(locale: str) -> str:
    return fallback_chain(locale)[-1]


@cache
def _plural_rule(language: str):
    # Imported here: Babel's locale data loads when a count is first spoken, not at start-up.
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language).plural_form
    except (UnknownLocaleError, ValueError):
        return None


def plural_category(locale: str, count: int | float) -> str:
    """The CLDR plural category of ``count`` in ``locale``'s language: "one", "many", …"""
    rule = _plural_rule(language_of(locale))
    return rule(count) if rule is not None else "other"


def plural_categories(locale: str) -> set[str]:
    """The categories a plural object must carry in ``locale``'s language."""
    rule = _plural_rule(language_of(locale))
    return {"other", *(rule.tags if rule is not None else ())}


def texts(value: object) -> list[str]:
    """Every line a string value can speak: itself, its variants, or each category's."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts(item)]
    return []


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

        A plural object picks its category from ``values["count"]``. The same seed (a
        request id) always picks the same variant, so a replayed conversation reads the same.
        """
        value = self.raw(locale, key)
        if isinstance(value, dict):
            if "count" not in values:
                raise TypeError(f"{self.package}: {key!r} has plural forms: pass count=")
            # A category the file lacks falls back to "other"; the locale tests forbid it.
            category = plural_category(locale, values["count"])
            value = value.get(category, value["other"])
        if isinstance(value, list):
            value = value[zlib.crc32(f"{seed}:{key}".encode()) % len(value)]
        return value.format(**values) if values else value

    def has(self, locale: str, key: str) -> bool:
        return key in self.table(locale)
