"""The records checklist: which items exist, and which ones a user has gathered.

Progress is kept as a list of item ids only, in the area's durable user state.
"""

from __future__ import annotations

ITEMS: tuple[str, ...] = (
    "test_results",
    "pathology_reports",
    "imaging_scans",
    "consultation_notes",
    "pathology_slides",
    "imaging_disc",
    "operative_report",
    "discharge_summary",
    "medication_list",
)
"""Checklist item ids in reading order: the seed guide's four first, then the extras."""

GATHERED_KEY = "gathered"


def gathered(user: dict) -> list[str]:
    """Ids the user has ticked off, in checklist order; unknown ids are ignored."""
    have = set(user.get(GATHERED_KEY) or ())
    return [item for item in ITEMS if item in have]


def missing(user: dict) -> list[str]:
    """Ids still to gather, in checklist order."""
    have = set(gathered(user))
    return [item for item in ITEMS if item not in have]


def mark(user: dict, item: str) -> bool:
    """Tick ``item`` off; ``False`` if it already was."""
    if item not in ITEMS:
        raise ValueError(f"not a checklist item: {item!r}")
    have = gathered(user)
    if item in have:
        return False
    user[GATHERED_KEY] = gathered({GATHERED_KEY: [*have, item]})
    return True


def unmark(user: dict, item: str) -> bool:
    """Put ``item`` back on the to-gather list; ``False`` if it wasn't ticked off."""
    have = gathered(user)
    if item not in have:
        return False
    user[GATHERED_KEY] = [other for other in have if other != item]
    return True


def clear(user: dict) -> int:
    """Untick everything; returns how many items were ticked off."""
    count = len(gathered(user))
    user[GATHERED_KEY] = []
    return count
