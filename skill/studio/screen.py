"""The screen preview: a turn's APL document drawn by the skill's own screens renderer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill.screens.html import render_html, touch_targets
from skill.screens.viewports import VIEWPORTS, Viewport

if TYPE_CHECKING:
    from skill.simulator import TurnResult

#: The viewport profile closest to what each simulated device reports.
DEVICE_PROFILES = {
    "screen": "hubLandscapeMedium",
    "round": "hubRoundSmall",
    "tv": "tvLandscapeXLarge",
}


def viewport_for(device: str) -> Viewport | None:
    """The profile a ``device`` lays documents out on; ``None`` for a speaker."""
    profile = DEVICE_PROFILES.get(device)
    return VIEWPORTS[profile] if profile else None


def screen_of(turn: TurnResult) -> list[dict]:
    """What the turn sends to a screen: its RenderDocument's document and data, if any."""
    return [turn.apl] if turn.apl else []


def preview_page(turn: TurnResult, device: str) -> str | None:
    """The turn's screen as an HTML page, or ``None`` when it shows nothing on ``device``."""
    viewport = viewport_for(device)
    if viewport is None or not turn.apl:
        return None
    return render_html(turn.apl["document"], turn.apl.get("datasources") or {}, viewport)


def touches_of(turn: TurnResult, device: str) -> list[list]:
    """What each touch target on the turn's screen sends: its ``SendEvent`` arguments."""
    viewport = viewport_for(device)
    if viewport is None or not turn.apl:
        return []
    return touch_targets(turn.apl["document"], turn.apl.get("datasources") or {}, viewport)
