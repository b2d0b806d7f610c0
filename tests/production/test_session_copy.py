"""The SDK copies the session attributes of every request; the skill hands it attributes
that copy as JSON does, quickly, and just as independently."""

from __future__ import annotations

import copy

from skill.runtime import JsonAttributes


def test_a_copy_shares_nothing_that_can_change():
    sent = JsonAttributes(
        {"areas": {"records": {"gathered": ["labs"]}}, "count": 2, "flag": None, "who": "dad"}
    )
    copied = copy.deepcopy(sent)
    assert copied == sent and type(copied) is dict
    copied["areas"]["records"]["gathered"].append("scans")
    copied["count"] = 3
    assert sent == {
        "areas": {"records": {"gathered": ["labs"]}},
        "count": 2,
        "flag": None,
        "who": "dad",
    }


def test_a_value_json_never_holds_is_copied_as_deepcopy_would():
    inner = {"set": {1, 2}}
    sent = JsonAttributes({"odd": inner})
    copied = copy.deepcopy(sent)
    copied["odd"]["set"].add(3)
    assert inner == {"set": {1, 2}}


def test_requests_reach_the_sdk_with_attributes_it_copies_this_way():
    from skill.runtime import SkillRuntime
    from skill.settings import Settings

    runtime = SkillRuntime(Settings(verify=False, store="memory"))
    ids = {"applicationId": "amzn1.ask.skill.test"}
    user = {"userId": "amzn1.ask.account.test"}
    parsed = runtime.deserialize(
        {
            "version": "1.0",
            "session": {
                "new": False,
                "sessionId": "s",
                "application": ids,
                "user": user,
                "attributes": {"a": [1]},
            },
            "context": {"System": {"application": ids, "user": user}},
            "request": {
                "type": "LaunchRequest",
                "requestId": "r",
                "timestamp": "2026-11-26T00:00:00Z",
                "locale": "en-US",
            },
        }
    )
    assert type(parsed.session.attributes) is JsonAttributes
