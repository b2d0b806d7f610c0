"""The DynamoDB store against a DynamoDB-compatible server (moto) on loopback, and Lambda."""

import threading

import pytest

from skill.cli import main as cli
from skill.settings import Settings
from skill.simulator import Conversation

TABLE = "second-opinion-test"
USER = "amzn1.ask.account.DYNAMODBROUNDTRIPUSERQ4"


@pytest.fixture(scope="module")
def endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws(monkeypatch, endpoint):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "SECOND_OPINION_STORE": "dynamodb",
        "SECOND_OPINION_DYNAMODB_ENDPOINT": endpoint,
        "SECOND_OPINION_DYNAMODB_TABLE": TABLE,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SECOND_OPINION_DB", raising=False)
    monkeypatch.delenv("SECOND_OPINION_USER_SALT", raising=False)
    assert cli(["data", "init"]) == 0  # creates the table (once; again is harmless)
    yield Settings.from_env(verify=False)
    for user in (USER, f"{USER}-lambda"):
        cli(["data", "delete", "--user-id", user])


@pytest.fixture
def store(aws):
    from skill.persistence import make_adapter

    return make_adapter(aws)


def test_progress_round_trips_through_dynamodb(aws, store):
    first = Conversation(settings=aws, user_id=USER)
    first.launch()
    first.say("i have my test results")
    assert "2 of 9" in first.say("i got my imaging scans").speech

    item = store.table.get_item(Key={"id": store.key_for_user(USER)})["Item"]
    assert USER not in str(item)
    assert item["attributes"]["records"] == {"gathered": ["test_results", "imaging_scans"]}
    assert item["expires_at"] == item["touched"] + 365 * 24 * 3600

    again = Conversation(settings=aws, user_id=USER)
    assert "You've gathered 2 of 9 records" in again.launch().speech
    again.say("forget me")
    again.say("yes")
    assert store.export(store.key_for_user(USER)) is None
    assert "not medical advice" in Conversation(settings=aws, user_id=USER).launch().speech


def test_racing_writes_for_one_user_are_merged(store):
    key = store.key_for_user(USER)
    items = [f"item{n}" for n in range(8)]

    def mark(item):
        # Every writer started from the same empty state, as concurrent sessions would.
        store.merge(key, {}, {"records": {"gathered": [item]}})

    threads = [threading.Thread(target=mark, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(store.export(key).attributes["records"]["gathered"]) == items


def test_numbers_come_back_as_json_numbers(store):
    key = store.key_for_user(USER)
    store.merge(key, {}, {"records": {"count": 3, "share": 0.5}})
    assert store.export(key).attributes == {"records": {"count": 3, "share": 0.5}}
    assert type(store.export(key).attributes["records"]["count"]) is int


def test_purge_sweeps_items_untouched_for_the_retention_period(store):
    old, new = store.key_for_user(USER), store.key_for_user(f"{USER}-lambda")
    store.merge(old, {}, {"core": {"disclaimer_heard": True}})
    store.merge(new, {}, {"core": {"disclaimer_heard": True}})
    store.table.update_item(
        Key={"id": old}, UpdateExpression="SET touched = :t", ExpressionAttributeValues={":t": 0}
    )
    assert store.purge(365) == 1
    assert store.export(old) is None and store.export(new) is not None


def test_a_visit_that_only_reads_keeps_the_item_from_expiring(store):
    key = store.key_for_user(USER)
    store.merge(key, {}, {"records": {"gathered": ["test_results"]}})
    store.table.update_item(
        Key={"id": key},
        UpdateExpression="SET touched = :t, expires_at = :e",
        ExpressionAttributeValues={":t": 1000, ":e": 1000 + 365 * 24 * 3600},
    )
    assert store.load(key) == {"records": {"gathered": ["test_results"]}}
    item = store.table.get_item(Key={"id": key})["Item"]
    assert item["touched"] > 1000 and item["expires_at"] == item["touched"] + 365 * 24 * 3600


def test_a_server_that_is_down_degrades_to_the_session(aws):
    down = aws.with_(dynamodb_endpoint="http://127.0.0.1:9")  # nothing listens there
    conversation = Conversation(settings=down, user_id=USER)
    r = conversation.launch()
    assert r.speech.startswith("I can't reach your saved progress right now")
    r = conversation.say("i have my test results")
    assert r.plugin == "records" and "1 of 9" in r.speech
    conversation.say("delete my data")
    r = conversation.say("yes")
    assert "nothing was deleted" in r.speech  # never claims an erase that didn't happen


def test_the_lambda_handler_answers_an_event_in_process(aws, store, caplog):
    from skill import lambda_function

    lambda_function.runtime.cache_clear()
    launch = Conversation(settings=aws, user_id=f"{USER}-lambda")
    envelope = launch.builder.launch(launch.builder.new_session())
    caplog.set_level("INFO", logger="skill")
    try:
        response = lambda_function.handler(envelope, context=object())
    finally:
        lambda_function.runtime.cache_clear()
    assert response["version"] == "1.0"
    assert "not medical advice" in response["response"]["outputSpeech"]["ssml"]
    assert "answered by core" in caplog.text
    kept = store.export(store.key_for_user(f"{USER}-lambda"))
    assert kept.attributes == {"core": {"disclaimer_heard": True}}


def test_the_lambda_handler_refuses_another_skill(aws, monkeypatch):
    from ask_sdk_core.exceptions import AskSdkException

    from skill import lambda_function

    monkeypatch.setenv("SECOND_OPINION_SKILL_ID", "amzn1.ask.skill.ours")
    lambda_function.runtime.cache_clear()
    launch = Conversation(settings=aws, user_id=f"{USER}-lambda")
    envelope = launch.builder.launch(launch.builder.new_session())
    try:
        with pytest.raises(AskSdkException):
            lambda_function.handler(envelope, context=None)
    finally:
        lambda_function.runtime.cache_clear()
