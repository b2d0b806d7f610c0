"""Erasing a user wins over writes for them that were already under way when it ran.

Alexa can deliver "skill disabled" while the user's last requests are still being answered;
their writes must not bring back a row the erase removed.
"""

from __future__ import annotations

import threading

from store_visits import USER, skill_disabled


def hold_writes(store, released: threading.Event, reached: threading.Event) -> None:
    """Make the store's next merge wait, once the request has started, until ``released``."""
    merge = store.merge

    def held(*args, **kwargs):
        reached.set()
        assert released.wait(10)
        return merge(*args, **kwargs)

    store.merge = held


def test_a_write_started_before_skill_disabled_does_not_bring_the_user_back(scans_marked):
    runtime, store, visit = scans_marked
    released, reached = threading.Event(), threading.Event()
    hold_writes(store, released, reached)
    writer = threading.Thread(target=visit.mark, args=("labs",))
    writer.start()
    assert reached.wait(10)
    del store.merge  # the erase's own request writes nothing; later writes go straight in
    skill_disabled(runtime)
    released.set()
    writer.join(10)
    assert store.load(store.key_for_user(USER)) == {}


def test_a_session_that_goes_on_after_an_erase_keeps_only_what_came_after(scans_marked):
    runtime, store, visit = scans_marked
    skill_disabled(runtime)
    visit.mark("labs")
    assert store.load(store.key_for_user(USER))["checklist"] == {"gathered": ["labs"]}
