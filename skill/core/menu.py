"""What the skill can do, in words: built from the registered areas."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from skill import speech
from skill.area import Area
from skill.core import CORE


class Menu:
    """The areas in launch order, and the phrases that offer them."""

    def __init__(self, areas: Iterable[Area]):
        self.areas = sorted(areas, key=lambda area: (area.rank, area.name))
        self.by_name = {area.name: area for area in self.areas}

    @cache  # noqa: B019 - a menu lives as long as its skill, and is the same for every request
    def examples(self, locale: str, limit: int = 3) -> str:
        """At most ``limit`` things to try, e.g. "what records I need, or ..."."""
        phrases = [area.example(locale) for area in self.areas[:limit]]
        return speech.spoken_list(phrases, CORE.strings.get(locale, "or"))

    @cache  # noqa: B019 - as above
    def titles(self, locale: str, start: int = 0, limit: int | None = None) -> str:
        """Areas named, e.g. "when to get one, your records, and insurance".

        :param start: skip the first ``start`` areas (the ones already named).
        :param limit: name at most this many.
        """
        chosen = self.areas[start:] if limit is None else self.areas[start : start + limit]
        titles = [area.title(locale) for area in chosen]
        return speech.spoken_list(titles, CORE.strings.get(locale, "and"))

    def help_for(self, area_name: str | None) -> Area | None:
        return self.by_name.get(area_name or "")
