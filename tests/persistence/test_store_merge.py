"""Merging a session's changes into state that another session changed meanwhile."""

from hypothesis import given
from hypothesis import strategies as st

from skill.persistence.merge import rebase


def test_additions_from_two_sessions_both_survive():
    base = {"records": {"gathered": ["scans"]}}
    theirs = {"records": {"gathered": ["scans", "labs"]}}
    mine = {"records": {"gathered": ["scans", "notes"]}}
    assert rebase(theirs, base, mine) == {"records": {"gathered": ["scans", "labs", "notes"]}}


def test_a_removal_here_removes_there_but_keeps_their_additions():
    base = {"records": {"gathered": ["scans", "labs"]}}
    theirs = {"records": {"gathered": ["scans", "labs", "slides"]}}
    mine = {"records": {"gathered": ["labs"]}}
    assert rebase(theirs, base, mine) == {"records": {"gathered": ["labs", "slides"]}}


def test_keys_this_session_did_not_touch_keep_the_stored_value():
    base = {"core": {"disclaimer_heard": False}, "records": {"where": "a"}}
    theirs = {"core": {"disclaimer_heard": True}, "records": {"where": "b"}}
    mine = {"core": {"disclaimer_heard": False}, "records": {"where": "c"}}
    merged = rebase(theirs, base, mine)
    assert merged == {"core": {"disclaimer_heard": True}, "records": {"where": "c"}}


def test_a_deleted_key_goes_and_a_new_area_arrives():
    base = {"records": {"gathered": ["scans"], "where": "a"}}
    theirs = {"records": {"gathered": ["scans"], "where": "a"}, "insurance": {"asked": True}}
    mine = {"records": {"gathered": ["scans"]}, "outcomes": {"heard": True}}
    assert rebase(theirs, base, mine) == {
        "records": {"gathered": ["scans"]},
        "insurance": {"asked": True},
        "outcomes": {"heard": True},
    }


def test_after_an_erase_elsewhere_only_this_sessions_new_changes_return():
    base = {"records": {"gathered": ["scans"]}}
    mine = {"records": {"gathered": ["scans", "labs"]}}
    assert rebase({}, base, mine) == {"records": {"gathered": ["labs"]}}


def test_inputs_are_not_changed():
    theirs, base, mine = {"a": {"l": [1]}}, {"a": {"l": []}}, {"a": {"l": [2]}}
    merged = rebase(theirs, base, mine)
    merged["a"]["l"].append(3)
    assert theirs == {"a": {"l": [1]}} and mine == {"a": {"l": [2]}}


items = st.sets(st.sampled_from([f"item{n}" for n in range(12)]))


@given(base=items, first=items, second=items)
def test_concurrent_sessions_lose_no_addition_and_keep_no_removed_item(base, first, second):
    """Two sessions start from ``base``; one saves, then the other merges onto it."""
    order = sorted

    def state(kept):
        return {"records": {"gathered": order(kept)}}

    stored = rebase(state(base), state(base), state(first))
    merged = set(rebase(stored, state(base), state(second))["records"]["gathered"])
    added = (first - base) | (second - base)
    removed = (base - first) | (base - second)
    assert added <= merged
    assert not (removed - added) & merged
    assert merged <= base | added
