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
_IMMUTABLE = (str, int, float, bool, type(None))


def copy_state(value: object) -> object:
    """A deep copy of JSON-shaped state: only dicts and lists are copied, so it costs a
    fraction of ``copy.deepcopy``'s general machinery (a memo, a dispatch per value).
    A dict of another class comes back a plain dict."""
    kind = type(value)
    if kind is dict:
        return {key: copy_state(item) for key, item in value.items()}
    if kind is list:
        return [copy_state(item) for item in value]
    if isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, dict):
        return {key: copy_state(item) for key, item in value.items()}
    return copy.deepcopy(value)  # not from JSON: copied in full


def rebase(fresh: dict, base: dict, current: dict) -> dict:
    """``fresh`` with the changes from ``base`` to ``current`` applied; inputs unchanged."""
    return rebase_into(copy_state(fresh), base, current)


def rebase_into(merged: dict, base: dict, current: dict) -> dict:
    """Like :func:`rebase`, changing ``merged`` in place: for a state the caller owns (one
    just decoded from the store), which then needs no copy."""
    for key in base.keys() - current.keys():
        merged.pop(key, None)
    for key, mine in current.items():
        old = base.get(key, _MISSING)
        if old == mine:
            continue
        theirs = merged.get(key, _MISSING)
        if isinstance(mine, dict):
            merged[key] = rebase_into(
                theirs if isinstance(theirs, dict) else {},
                old if isinstance(old, dict) else {},
                mine,
            )
        elif isinstance(mine, list) and _list_or_missing(old) and _list_or_missing(theirs):
            merged[key] = _merge_list(
                [] if theirs is _MISSING else theirs, [] if old is _MISSING else old, mine
            )
        else:
            merged[key] = copy_state(mine)
    return merged


def _list_or_missing(value: object) -> bool:
    return value is _MISSING or isinstance(value, list)


def _merge_list(theirs: list, base: list, mine: list) -> list:
    removed = [item for item in base if item not in mine]
    added = [item for item in mine if item not in base]
    merged: list = []
    for item in theirs + added:
        if item not in removed and item not in merged:
            merged.append(copy_state(item))
    return merged
