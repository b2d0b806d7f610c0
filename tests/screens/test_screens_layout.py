"""The shared layout fits every viewport profile: contrast, touch targets, text size."""

import pytest

from skill.screens.documents import LayoutClash, compose, shared_layout
from skill.screens.html import resources_for
from skill.screens.viewports import VIEWPORTS

#: (text colour, background colour) pairs the documents put together.
PAIRS = [
    ("text", "background"),
    ("text", "surface"),
    ("muted", "background"),
    ("muted", "surface"),
    ("accent", "background"),
    ("onAccent", "accent"),
    ("onTick", "tick"),
]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dp(value: str) -> float:
    return float(value.removesuffix("dp"))


@pytest.fixture(params=sorted(VIEWPORTS))
def resources(request):
    return resources_for(compose({"mainTemplate": {}}), VIEWPORTS[request.param])


def test_text_has_at_least_the_contrast_wcag_asks_for_body_text(resources):
    for text, background in PAIRS:
        ratio = contrast(resources[text], resources[background])
        assert ratio >= 7, f"{text} on {background}: {ratio:.1f}:1"


def test_touch_targets_are_large_and_text_readable_at_a_distance(resources):
    assert dp(resources["target"]) >= 64
    assert dp(resources["bodySize"]) >= 24 and dp(resources["footerSize"]) >= 16
    assert dp(resources["titleSize"]) > dp(resources["bodySize"])


def test_the_round_hub_keeps_text_off_the_edge_of_the_circle():
    resources = resources_for(compose({"mainTemplate": {}}), VIEWPORTS["hubRoundSmall"])
    assert dp(resources["edge"]) >= 64 and dp(resources["footerEdge"]) >= 96
    assert resources["align"] == "center"


def test_the_tv_reads_larger_than_a_hub():
    tv = resources_for(compose({"mainTemplate": {}}), VIEWPORTS["tvLandscapeXLarge"])
    hub = resources_for(compose({"mainTemplate": {}}), VIEWPORTS["hubLandscapeMedium"])
    assert dp(tv["bodySize"]) > dp(hub["bodySize"])


def test_an_area_may_add_resources_and_layouts_but_not_replace_the_hosts():
    composed = compose({"layouts": {"Mine": {"item": {"type": "Text"}}}, "mainTemplate": {}})
    assert {"Header", "Footer", "Mine"} <= set(composed["layouts"])
    assert composed["import"] == shared_layout()["import"]
    with pytest.raises(LayoutClash, match="example: .*Header"):
        compose({"layouts": {"Header": {}}, "mainTemplate": {}}, "example")
