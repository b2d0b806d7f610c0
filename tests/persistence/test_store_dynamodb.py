"""The DynamoDB store against a DynamoDB-compatible server (moto) on loopback, and Lambda."""

import logging
import threading
import time

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
        # The records checklist is what these tests keep, as a HIPAA-eligible skill does.
        "SECOND_OPINION_HIPAA_ELIGIBLE": "1",
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

    with make_adapter(aws) as store:
        yield store


@pytest.fixture
def lambda_function():
    """The Lambda entry point, rebuilt for this test; its log level is put back after."""
    from skill import lambda_function

    logger = logging.getLogger("skill")
    level = logger.level
    lambda_function.runtime.cache_clear()
    yield lambda_function
    lambda_function.runtime.cache_clear()
    logger.setLevel(level)


def item_of(store, key: str) -> dict:
    return store.client.get_item(TableName=store.table_name, Key={"id": key})["Item"]


def set_times(store, key: str, **times: int) -> None:
    """Backdate ``touched`` (and ``expires_at``) of an item, as if written long ago."""
    store.client.update_item(
        TableName=store.table_name,
        Key={"id": key},
        UpdateExpression="SET " + ", ".join(f"#{name} = :{name}" for name in times),
        ExpressionAttributeNames={f"#{name}": name for name in times},
        ExpressionAttributeValues={f":{name}": value for name, value in times.items()},
    )


def test_progress_round_trips_through_dynamodb(aws, store):
    first = Conversation(settings=aws, user_id=USER)
    first.launch()
    first.say("i have my test results")
    assert "2 of 9" in first.say("i got my imaging scans").speech

    item = item_of(store, store.key_for_user(USER))
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


def test_threads_share_one_store(store):
    """As a threaded server's workers do: each its own user, and one user all share."""
    workers, rounds = 6, 3
    shared = store.key_for_user(f"{USER}-shared")
    failures = []

    def work(number: int) -> None:
        key = store.key_for_user(f"{USER}-{number}")
        try:
            base: dict = {}
            for round_ in range(rounds):
                current = {"records": {"gathered": [f"w{number}r{k}" for k in range(round_ + 1)]}}
                base = store.merge(key, base, current)
                assert store.load(key) == current
            store.merge(shared, {}, {"records": {"gathered": [f"w{number}"]}})
            assert store.erase(key) and store.export(key) is None
        except Exception as exc:  # reported below: an assert in a thread fails nothing
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failures == []
        gathered = store.export(shared).attributes["records"]["gathered"]
        assert sorted(gathered) == [f"w{number}" for number in range(workers)]
    finally:
        store.erase(shared)


def test_requests_never_touch_the_resource_that_threads_cannot_share(store, monkeypatch):
    from ask_sdk_model import Context, RequestEnvelope
    from ask_sdk_model.interfaces.system import SystemState
    from ask_sdk_model.user import User

    monkeypatch.setattr(store, "dynamodb", None)  # any use of it would fail
    request = RequestEnvelope(context=Context(system=SystemState(user=User(user_id=USER))))
    store.save_attributes(request, {"core": {"disclaimer_heard": True}})
    assert store.get_attributes(request) == {"core": {"disclaimer_heard": True}}
    store.delete_attributes(request)
    assert store.export(store.key_for_user(USER)) is None


def test_a_closed_store_opens_again_when_used(store):
    key = store.key_for_user(USER)
    store.merge(key, {}, {"core": {"disclaimer_heard": True}})
    store.close()
    assert store.load(key) == {"core": {"disclaimer_heard": True}}


def test_numbers_come_back_as_json_numbers(store):
    key = store.key_for_user(USER)
    store.merge(key, {}, {"records": {"count": 3, "share": 0.5}})
    assert store.export(key).attributes == {"records": {"count": 3, "share": 0.5}}
    assert type(store.export(key).attributes["records"]["count"]) is int


def test_purge_sweeps_items_untouched_for_the_retention_period(store):
    old, new = store.key_for_user(USER), store.key_for_user(f"{USER}-lambda")
    store.merge(old, {}, {"core": {"disclaimer_heard": True}})
    store.merge(new, {}, {"core": {"disclaimer_heard": True}})
    set_times(store, old, touched=0)
    assert store.count() == 2
    assert store.purge(365) == 1
    assert store.export(old) is None and store.export(new) is not None


def test_a_visit_that_only_reads_keeps_the_item_from_expiring(store):
    key = store.key_for_user(USER)
    store.merge(key, {}, {"records": {"gathered": ["test_results"]}})
    set_times(store, key, touched=1000, expires_at=1000 + 365 * 24 * 3600)
    assert store.load(key) == {"records": {"gathered": ["test_results"]}}
    item = item_of(store, key)
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


def test_the_lambda_handler_answers_an_event_in_process(
    aws, store, lambda_function, caplog, monkeypatch
):
    launch = Conversation(settings=aws, user_id=f"{USER}-lambda")
    envelope = launch.builder.launch(launch.builder.new_session())
    monkeypatch.setenv("SECOND_OPINION_LOG_LEVEL", "DEBUG")
    caplog.set_level("DEBUG", logger="skill")
    response = lambda_function.handler(envelope, context=object())
    assert response["version"] == "1.0"
    assert "not medical advice" in response["response"]["outputSpeech"]["ssml"]
    assert "answered by core" in caplog.text
    kept = store.export(store.key_for_user(f"{USER}-lambda"))
    assert kept.attributes == {"core": {"disclaimer_heard": True}}


def test_the_lambda_handler_refuses_another_skill(aws, lambda_function, monkeypatch):
    from ask_sdk_core.exceptions import AskSdkException

    monkeypatch.setenv("SECOND_OPINION_SKILL_ID", "amzn1.ask.skill.ours")
    launch = Conversation(settings=aws, user_id=f"{USER}-lambda")
    envelope = launch.builder.launch(launch.builder.new_session())
    with pytest.raises(AskSdkException):
        lambda_function.handler(envelope, context=None)


def test_an_erase_wins_over_a_write_already_under_way(store):
    key = store.key_for_user(USER)
    store.merge(key, {}, {"checklist": {"gathered": ["scans"]}})
    started = time.time()  # a request begins...
    time.sleep(0.01)
    assert store.erase(key) is True  # ...the user disables the skill...
    late = store.merge(  # ...and the request's write arrives
        key, {"checklist": {"gathered": ["scans"]}}, {"checklist": {"gathered": ["scans", "labs"]}},
        started=started,
    )  # fmt: skip
    assert late == {}
    assert store.load(key) == {} and store.export(key) is None
    assert store.erase(key) is False  # only the note was left


def test_a_write_after_an_erase_is_kept_and_the_note_is_not_a_user(store):
    key = store.key_for_user(USER)
    store.merge(key, {}, {"checklist": {"gathered": ["scans"]}})
    before = store.count()
    store.erase(key)
    assert store.count() == before - 1
    time.sleep(0.01)
    kept = store.merge(key, {}, {"checklist": {"gathered": ["labs"]}}, started=time.time())
    assert kept == {"checklist": {"gathered": ["labs"]}}
    assert store.export(key).attributes == kept
