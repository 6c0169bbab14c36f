"""The AsyncAPI document is valid AsyncAPI 3.0.0, by the official schema, and says what the catalogue says."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from boligflyt.contracts.envelope import SOURCE_PREFIX
from boligflyt.contracts.registry import specs, topics

Document = dict[str, Any]


@pytest.fixture(scope="module")
def document(contracts_dir: Path) -> Document:
    loaded: Document = yaml.safe_load((contracts_dir / "asyncapi.yaml").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(asyncapi_spec_schema: dict[str, Any]) -> Draft7Validator:
    # The official schema is draft-07 and bundles every definition under its own $id
    # (http://asyncapi.com/definitions/3.0.0/...); the registry finds them by crawling, and there is no
    # retrieval function, so a reference to anything not bundled fails instead of going to the network.
    resource = Resource.from_contents(asyncapi_spec_schema, default_specification=DRAFT7)
    registry: Registry[Any] = Registry().with_resource(asyncapi_spec_schema["$id"], resource).crawl()
    return Draft7Validator(asyncapi_spec_schema, registry=registry)


def errors(validator: Draft7Validator, document: Document) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message[:300]}" for error in validator.iter_errors(document)
    ]


def test_document_is_valid_asyncapi_3(validator: Draft7Validator, document: Document) -> None:
    assert document["asyncapi"] == "3.0.0"
    assert errors(validator, document) == []


def _set(path: str, value: Any) -> Callable[[Document], None]:
    *parents, last = path.split("/")

    def breaker(document: Document) -> None:
        node = document
        for part in parents:
            node = node[part]
        node[last] = value

    return breaker


def _delete(path: str) -> Callable[[Document], None]:
    *parents, last = path.split("/")

    def breaker(document: Document) -> None:
        node = document
        for part in parents:
            node = node[part]
        del node[last]

    return breaker


BROKEN = {
    "operation action is not send/receive": _set("operations/sendApplicationsEvents/action", "publish"),
    "channel address is not a string": _set("channels/applications/address", 42),
    "info has no version": _delete("info/version"),
    "kafka binding of an unknown version": _set("components/messages/OfferMade/bindings/kafka/bindingVersion", "9.9.9"),
    "kafka channel binding with negative partitions": _set("channels/maintenance/bindings/kafka/partitions", -1),
    "payload schema keyword of the wrong type": _set("components/schemas/OfferMade/properties/rank/minimum", "one"),
    "server without protocol": _delete("servers/development/protocol"),
}


@pytest.mark.parametrize("breaker", BROKEN.values(), ids=BROKEN.keys())
def test_validator_bites_on_a_broken_copy(
    validator: Draft7Validator, document: Document, breaker: Callable[[Document], None]
) -> None:
    broken = copy.deepcopy(document)
    breaker(broken)
    assert errors(validator, broken), "the official schema should refuse this document"


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _resolve(document: Document, ref: str) -> Any:
    assert ref.startswith("#/"), f"only local references are used: {ref}"
    node: Any = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, dict) and part in node, f"unresolvable $ref {ref}"
        node = node[part]
    return node


def test_every_reference_resolves(document: Document) -> None:
    # The JSON Schema checks the shape of a Reference Object, not that it points anywhere.
    references = list(_refs(document))
    assert references
    for ref in references:
        _resolve(document, ref)


def test_one_channel_per_topic_with_kafka_binding(document: Document) -> None:
    addresses = {channel["address"] for channel in document["channels"].values()}
    assert addresses == set(topics())
    for channel in document["channels"].values():
        kafka = channel["bindings"]["kafka"]
        assert kafka == {
            "topic": channel["address"],
            "partitions": 3,
            "replicas": 1,
            "bindingVersion": "0.5.0",
        }


def test_every_event_type_is_a_message_on_its_producers_channel(document: Document) -> None:
    messages = document["components"]["messages"]
    for spec in specs():
        channel = document["channels"][spec.producer]
        assert channel["address"] == spec.topic
        message = _resolve(document, channel["messages"][spec.model.__name__]["$ref"])
        assert message is messages[spec.model.__name__]
        assert message["name"] == spec.type
        assert message["contentType"] == "application/json"
        assert message["bindings"]["kafka"]["bindingVersion"] == "0.5.0"
        constants = message["headers"]["allOf"][1]["properties"]
        assert constants["ce_type"] == {"const": spec.type}
        assert constants["ce_source"] == {"const": SOURCE_PREFIX + spec.producer}
        example = message["examples"][0]
        assert example["headers"]["ce_partitionkey"] == example["payload"][spec.key_field]


def test_one_send_operation_per_channel_with_only_its_messages(document: Document) -> None:
    operations = document["operations"]
    assert len(operations) == len(document["channels"])
    for operation in operations.values():
        assert operation["action"] == "send"
        channel_ref = operation["channel"]["$ref"]
        channel = _resolve(document, channel_ref)
        for message in operation["messages"]:
            # AsyncAPI 3: an operation's messages must be messages of its channel.
            assert message["$ref"].startswith(channel_ref + "/messages/")
        assert len(operation["messages"]) == len(channel["messages"])


def test_headers_schema_names_the_cloudevents_headers(document: Document) -> None:
    headers = document["components"]["schemas"]["CloudEventsKafkaHeaders"]
    assert {
        "ce_id",
        "ce_source",
        "ce_type",
        "ce_specversion",
        "ce_time",
        "ce_subject",
        "ce_dataschema",
        "ce_partitionkey",
        "ce_traceparent",
        "content-type",
    } <= set(headers["properties"])
