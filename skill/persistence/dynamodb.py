"""The store for Lambda or several hosts: built on the official ask-sdk DynamoDB adapter.

Items are ``{id, attributes, created, touched, expires_at, version}``. Writes are
conditional on ``version``, so two requests for one user that race are merged (the loser
re-reads and re-applies its changes) rather than one overwriting the other. Retention is
DynamoDB's own TTL on ``expires_at``, plus ``second-opinion data purge`` for a sweep.

A server's threads share one store, so every call goes through the DynamoDB resource's
low-level client, which is thread-safe (the resource and its ``Table`` objects are not).
Condition expressions are written as strings: the resource's expression builder keeps
placeholder counters shared by every thread.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import boto3
from ask_sdk_dynamodb.adapter import DynamoDbAdapter
from boto3.dynamodb.table import BatchWriter
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from skill.persistence import StoredUser, StoreUnavailable, UserStore
from skill.persistence.merge import rebase

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope
    from boto3.resources.base import ServiceResource
    from botocore.client import BaseClient

PARTITION_KEY = "id"
ATTRIBUTES = "attributes"
TTL_ATTRIBUTE = "expires_at"
DAY = 24 * 60 * 60
#: Conditional writes tried before a merge gives up; between tries, a short random pause.
ATTEMPTS = 10
#: On an erased user's note: when the erase ran (seconds since the epoch).
ERASED_AT = "erased_at"
BACKOFF = 0.01
#: Short timeouts and one retry: even a store that doesn't answer at all costs a request
#: about three seconds (a read, then a read and a write), well inside Alexa's eight.
CLIENT_CONFIG = Config(
    connect_timeout=0.5, read_timeout=1.0, retries={"total_max_attempts": 2, "mode": "standard"}
)


def to_dynamo(value: Any) -> Any:
    """JSON-like data as DynamoDB takes it: numbers as ``Decimal``."""
    if isinstance(value, dict):
        return {key: to_dynamo(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_dynamo(item) for item in value]
    if isinstance(value, float):
        return Decimal(str(value))
    return value


def from_dynamo(value: Any) -> Any:
    """DynamoDB data as JSON-like values: ``Decimal`` back to ``int`` or ``float``."""
    if isinstance(value, dict):
        return {key: from_dynamo(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [from_dynamo(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except (BotoCoreError, ClientError) as exc:
        raise StoreUnavailable(f"dynamodb: {type(exc).__name__}: {exc}") from exc


class DynamoStore(DynamoDbAdapter, UserStore):
    """Users' durable state in one DynamoDB table with a string partition key ``id``.

    :param table_name: the table; create it with :meth:`create` or the deploy docs.
    :param resource: a boto3 DynamoDB resource (endpoint and region already chosen).
    :param retention_days: items expire this long after their last write (TTL);
        ``0`` keeps them forever.
    :param salt: see :mod:`skill.persistence.keys`.
    """

    def __init__(
        self,
        table_name: str,
        *,
        resource: ServiceResource,
        retention_days: int = 365,
        salt: str = "",
    ):
        self.salt = salt
        self.retention_days = retention_days
        super().__init__(
            table_name=table_name,
            partition_key_name=PARTITION_KEY,
            attribute_name=ATTRIBUTES,
            create_table=False,
            partition_keygen=self.key_for,
            dynamodb_resource=resource,
        )
        #: The one client every thread uses; it takes and returns plain Python values.
        self.client: BaseClient = resource.meta.client

    # -- the ask-sdk-core adapter interface ---------------------------------------------
    # All three are overridden: the official ones use the resource, which threads can't share.
    def get_attributes(self, request_envelope: RequestEnvelope) -> dict:
        return self.load(self.key_for(request_envelope))

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        key = self.key_for(request_envelope)
        now = int(time.time())
        with _errors():
            item = self._get(key)
            created = int(item["created"]) if item and "created" in item else now
            version = int(item.get("version", 0)) if item else 0
            self.client.put_item(
                TableName=self.table_name,
                Item=self._item(key, attributes, created, now, version + 1),
            )

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        self.erase(self.key_for(request_envelope))

    # -- key-level operations -----------------------------------------------------------
    def load(self, key: str) -> dict:
        """The stored state for ``key`` (``{}`` if none); keeps an active item from expiring."""
        with _errors():
            item = self._get(key)
        if item is None or ATTRIBUTES not in item:
            return {}  # nothing, or only a note that the user was erased
        now = int(time.time())
        if now - int(item.get("touched", 0)) >= DAY:
            # A user who only listens is still using the skill; once a day is enough. If
            # the write fails, the timestamp can wait for the next visit.
            with contextlib.suppress(BotoCoreError, ClientError):
                self._touch(key, now)
        return from_dynamo(item.get(ATTRIBUTES, {}))

    def merge(self, key: str, base: dict, current: dict, *, started: float | None = None) -> dict:
        now = int(time.time())
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(random.uniform(0, BACKOFF * 2 ** min(attempt, 5)))
            with _errors():
                item = self._get(key)
            if item is not None and started is not None and _erased_since(item, started):
                return {}  # the user was erased after this request began: the erase wins
            fresh = from_dynamo(item[ATTRIBUTES]) if item and ATTRIBUTES in item else {}
            merged = rebase(fresh, base, current)
            condition: dict[str, Any]
            if item is None:
                version, created = 0, now
                condition = {
                    "ConditionExpression": "attribute_not_exists(#id)",
                    "ExpressionAttributeNames": {"#id": PARTITION_KEY},
                }
            else:
                version = int(item.get("version", 0))
                created = int(item.get("created", now)) if ATTRIBUTES in item else now
                condition = {"ExpressionAttributeNames": {"#version": "version"}}
                if "version" in item:
                    condition["ConditionExpression"] = "#version = :version"
                    condition["ExpressionAttributeValues"] = {":version": version}
                else:
                    condition["ConditionExpression"] = "attribute_not_exists(#version)"
            try:
                self.client.put_item(
                    TableName=self.table_name,
                    Item=self._item(key, merged, created, now, version + 1),
                    **condition,
                )
                return merged
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                    raise StoreUnavailable(f"dynamodb: {exc}") from exc
            except BotoCoreError as exc:
                raise StoreUnavailable(f"dynamodb: {type(exc).__name__}: {exc}") from exc
        raise StoreUnavailable(f"dynamodb: gave up after {ATTEMPTS} conflicting writes")

    def export(self, key: str) -> StoredUser | None:
        with _errors():
            item = self._get(key)
        if item is None or ATTRIBUTES not in item:
            return None
        return StoredUser(
            key=key,
            attributes=from_dynamo(item.get(ATTRIBUTES, {})),
            created=int(item.get("created", 0)),
            touched=int(item.get("touched", 0)),
        )

    def erase(self, key: str) -> bool:
        """Replace the user's item with a note of when they were erased, kept for a day
        (TTL): a write already under way then re-reads, finds the note and is dropped.
        The note holds no state, and exports and counts pass over it."""
        now = time.time()
        with _errors():
            old = self._get(key)
            version = int(old.get("version", 0)) if old else 0
            self.client.put_item(
                TableName=self.table_name,
                Item={
                    PARTITION_KEY: key,
                    ERASED_AT: Decimal(repr(now)),
                    "version": version + 1,
                    TTL_ATTRIBUTE: int(now) + DAY,
                },
            )
        return bool(old and ATTRIBUTES in old)

    def purge(self, days: int) -> int:
        """Sweep items untouched for ``days`` days (TTL does this too, within about two days)."""
        cutoff = int(time.time()) - days * DAY
        removed = 0
        scan: dict[str, Any] = {
            "TableName": self.table_name,
            "FilterExpression": "#touched < :cutoff",
            "ProjectionExpression": "#id",
            "ExpressionAttributeNames": {"#id": PARTITION_KEY, "#touched": "touched"},
            "ExpressionAttributeValues": {":cutoff": cutoff},
        }
        with _errors(), BatchWriter(self.table_name, self.client) as batch:
            while True:
                page = self.client.scan(**scan)
                for item in page.get("Items", []):
                    batch.delete_item(Key={PARTITION_KEY: item[PARTITION_KEY]})
                    removed += 1
                if "LastEvaluatedKey" not in page:
                    break
                scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        return removed

    def count(self) -> int:
        with _errors():
            count, scan = (
                0,
                {
                    "TableName": self.table_name,
                    "Select": "COUNT",
                    "FilterExpression": "attribute_exists(#attributes)",  # not erase notes
                    "ExpressionAttributeNames": {"#attributes": ATTRIBUTES},
                },
            )
            while True:
                page = self.client.scan(**scan)
                count += int(page.get("Count", 0))
                if "LastEvaluatedKey" not in page:
                    return count
                scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def create(self) -> None:
        """Create the table (on-demand billing) with TTL on ``expires_at``, and wait for it."""
        client = self.client
        with _errors():
            try:
                client.create_table(
                    TableName=self.table_name,
                    KeySchema=[{"AttributeName": PARTITION_KEY, "KeyType": "HASH"}],
                    AttributeDefinitions=[{"AttributeName": PARTITION_KEY, "AttributeType": "S"}],
                    BillingMode="PAY_PER_REQUEST",
                )
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") != "ResourceInUseException":
                    raise
            client.get_waiter("table_exists").wait(
                TableName=self.table_name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
            )
            ttl = client.describe_time_to_live(TableName=self.table_name)
            if ttl["TimeToLiveDescription"].get("TimeToLiveStatus") not in ("ENABLED", "ENABLING"):
                client.update_time_to_live(
                    TableName=self.table_name,
                    TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE},
                )

    def close(self) -> None:
        """Close the client's connection pool; a later call opens new connections."""
        self.client.close()

    def _touch(self, key: str, now: int) -> None:
        names = {"#id": PARTITION_KEY, "#touched": "touched"}
        updates, values = ["#touched = :now"], {":now": now}
        if self.retention_days > 0:
            names["#expires"] = TTL_ATTRIBUTE
            updates.append("#expires = :expires")
            values[":expires"] = now + self.retention_days * DAY
        self.client.update_item(
            TableName=self.table_name,
            Key={PARTITION_KEY: key},
            UpdateExpression="SET " + ", ".join(updates),
            ConditionExpression="attribute_exists(#id)",
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=values,
        )

    def _get(self, key: str) -> dict | None:
        response = self.client.get_item(
            TableName=self.table_name, Key={PARTITION_KEY: key}, ConsistentRead=True
        )
        return response.get("Item")

    def _item(self, key: str, attributes: dict, created: int, now: int, version: int) -> dict:
        item = {
            PARTITION_KEY: key,
            ATTRIBUTES: to_dynamo(attributes),
            "created": created,
            "touched": now,
            "version": version,
        }
        if self.retention_days > 0:
            item[TTL_ATTRIBUTE] = now + self.retention_days * DAY
        return item


def _erased_since(item: dict, started: float) -> bool:
    erased = item.get(ERASED_AT)
    return erased is not None and float(erased) >= started


def make_dynamodb_store(
    table: str, *, endpoint: str | None, retention_days: int, salt: str
) -> DynamoStore:
    """A :class:`DynamoStore` on ``table``, at ``endpoint`` if given (a local server)."""
    resource = boto3.resource("dynamodb", endpoint_url=endpoint, config=CLIENT_CONFIG)
    return DynamoStore(table, resource=resource, retention_days=retention_days, salt=salt)
