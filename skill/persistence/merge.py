"""Merging one session's changes into state another session may have changed meanwhile.

A session remembers the state it last read or wrote (its *base*). When it saves, only what
it changed since then is applied to the state stored now, so two requests marking
different checklist items for one user both land. Per key, recursively:

- a dict merges key by key;
- a list is a set kept in order: items this session added are appended, items it removed
  are dropped, items others added stay;
- any other value this session changed replaces the stored one; a key it deleted goes.

Keys this session did not touch keep whatever is stored now.
"""

from __future__ import annotations

import copy

_MISSING = object()


def rebase(fresh: dict, base: dict, current: dict) -> dict:
    """``fresh`` with the changes from ``base`` to ``current`` applied; inputs unchanged."""
    merged = copy.deepcopy(fresh)
    for key in base.keys() - current.keys():
        merged.pop(key, None)
    for key, mine in current.items():
        old = base.get(key, _MISSING)
        if old == mine:
            continue
        theirs = merged.get(key, _MISSING)
        if isinstance(mine, dict):
            merged[key] = rebase(
                theirs if isinstance(theirs, dict) else {},
                old if isinstance(old, dict) else {},
                mine,
            )
        elif isinstance(mine, list) and _list_or_missing(old) and _list_or_missing(theirs):
            merged[key] = _merge_list(
                [] if theirs is _MISSING else theirs, [] if old is _MISSING else old, mine
            )
        else:
            merged[key] = copy.deepcopy(mine)
    return merged


def _list_or_missing(value: object) -> bool:
    return value is _MISSING or isinstance(value, list)


def _merge_list(theirs: list, base: list, mine: list) -> list:
    removed = [item for item in base if item not in mine]
    added = [item for item in mine if item not in base]
    merged: list = []
    for item in theirs + added:
        if item not in removed and item not in merged:
            merged.append(copy.deepcopy(item))
    return merged
