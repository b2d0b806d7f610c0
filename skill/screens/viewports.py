"""Alexa's viewport profiles, as the renderer and the docs use them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Viewport:
    """One viewport profile: its APL name and size in dp, and its shape."""

    profile: str
    width: int
    height: int
    round: bool = False
    mode: str = "HUB"


VIEWPORTS = {
    viewport.profile: viewport
    for viewport in (
        Viewport("hubRoundSmall", 480, 480, round=True),
        Viewport("hubLandscapeSmall", 960, 480),
        Viewport("hubLandscapeMedium", 960, 600),
        Viewport("hubLandscapeLarge", 1280, 800),
        Viewport("hubLandscapeXLarge", 1920, 1080),
        Viewport("tvLandscapeXLarge", 960, 540, mode="TV"),
    )
}
"""Every profile the skill's documents are laid out for (dp, as APL measures them)."""


def profile_resources(viewport: Viewport) -> dict:
    """The resources the ``alexa-viewport-profiles`` package gives a document."""
    names = {profile: profile for profile in VIEWPORTS}
    return {
        **names,
        "viewportProfile": viewport.profile,
        "viewportModeHub": "HUB",
        "viewportModeTV": "TV",
        "viewportMode": viewport.mode,
    }
