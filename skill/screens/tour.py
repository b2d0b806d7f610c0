"""A walk through the skill on a device with a screen, keeping the fullest of each screen.

It opens the skill, then asks each area what its launch offer says ("what records do I
need") and says yes twice, so the screens come from real answers, not made-up data.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skill.settings import Settings

FOLLOW_UPS = ("yes", "yes")


def tour(settings: Settings | None = None, locale: str = "en-US") -> dict[str, dict]:
    """``{token: RenderDocument}`` for every screen the walk reaches, in the order first
    seen; of several answers with one screen, the one with the most to show."""
    from skill.simulator import Conversation

    seen: dict[str, dict] = {}

    def keep(turn) -> None:
        # The fullest of each screen: it shows best how long words and lists are laid out.
        if turn.apl and size(turn.apl) > size(seen.get(turn.apl["token"])):
            seen[turn.apl["token"]] = turn.apl

    home = Conversation(locale=locale, device="screen", settings=settings, seed="tour")
    keep(home.launch())
    for area in _areas(home):
        conversation = Conversation(
            locale=locale,
            device="screen",
            settings=settings,
            seed=f"tour-{area.name}",
            model=home.model,
        )
        conversation.launch()
        keep(conversation.say(area.example(locale)))
        for reply in FOLLOW_UPS:
            if not conversation.session_open:
                break
            keep(conversation.say(reply))
    return seen


def size(shown: dict | None) -> int:
    return len(json.dumps(shown["datasources"])) if shown else -1


def _areas(conversation) -> list:
    runtime = getattr(conversation.target, "runtime", None)
    return list(runtime.menu.areas) if runtime is not None else []
