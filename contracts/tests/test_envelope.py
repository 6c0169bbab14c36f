"""Every event survives the wire (CloudEvents Kafka binary mode) and nothing invalid gets on or off it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from cloudevents.core.bindings.kafka import KafkaMessage, from_binary_event

from boligflyt.contracts.base import Event
from boligflyt.contracts.envelope import (
    SOURCE_PREFIX,
    ContractViolation,
    Envelope,
    from_wire,
    schema_url,
    to_wire,
)
from boligflyt.contracts.events.applications import ApplicationSubmitted, TenancySigned
from boligflyt.contracts.events.maintenance import RenovationCompleted
from boligflyt.contracts.events.temporary_housing import StayStarted
from boligflyt.contracts.examples import example_for, examples
from boligflyt.contracts.topics import topic_for

EXAMPLES = examples()
TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


@pytest.mark.parametrize("data", EXAMPLES, ids=[example.event_type for example in EXAMPLES])
def test_round_trip(data: Event) -> None:
    sent = Envelope(
        data=data,
        time=datetime(2015, 3, 16, 9, 30, tzinfo=UTC),
        subject=data.key,
        traceparent=TRACEPARENT,
    )
    wire = to_wire(sent)

    assert wire.topic == topic_for(data.producer)
    assert wire.key == str(getattr(data, data.key_field))
    assert wire.header("ce_specversion") == "1.0"
    assert wire.header("ce_type") == data.event_type
    assert wire.header("ce_source") == SOURCE_PREFIX + data.producer
    assert wire.header("ce_id") == sent.id
    assert wire.header("content-type") == "application/json"
    assert wire.header("ce_dataschema") == schema_url(data.event_type)
    assert wire.header("ce_partitionkey") == wire.key
    assert json.loads(wire.value) == data.model_dump(mode="json")

    received = from_wire(wire.key.encode(), wire.value, wire.headers)

    assert received.data == data
    assert type(received.data) is type(data)
    assert received.id == sent.id
    assert received.type == sent.type
    assert received.subject == sent.subject
    assert received.time == sent.time
    assert received.traceparent == TRACEPARENT
    assert received.key == sent.key


def test_every_event_type_has_an_example() -> None:
    from boligflyt.contracts.base import catalogue

    assert sorted(example.event_type for example in EXAMPLES) == sorted(catalogue())


@pytest.mark.parametrize("data", EXAMPLES, ids=[example.event_type for example in EXAMPLES])
@pytest.mark.parametrize("extras", [{}, {"subject": "a-subject", "traceparent": TRACEPARENT}], ids=["bare", "full"])
def test_the_consumer_reads_what_the_cloudevents_sdk_reads(data: Event, extras: dict[str, str]) -> None:
    """from_wire reads the ce_ headers itself (for speed); the SDK's own binding reads the same message alike."""
    wire = to_wire(Envelope(data=data, **extras))  # type: ignore[arg-type]
    ours = from_wire(wire.key, wire.value, wire.headers)
    sdk = from_binary_event(KafkaMessage(headers=dict(wire.headers), key=wire.key, value=wire.value))
    assert (ours.id, ours.type, ours.source, ours.subject) == (
        sdk.get_id(),
        sdk.get_type(),
        sdk.get_source(),
        sdk.get_subject(),
    )
    assert ours.time == sdk.get_time()
    assert ours.traceparent == sdk.get_extension("traceparent")
    assert ours.data.model_dump(mode="json") == sdk.get_data()


@pytest.mark.parametrize(
    ("header", "value", "why"),
    [
        ("ce_id", None, "no id"),
        ("ce_source", None, "no source"),
        ("ce_specversion", b"0.3", "specversion 0.3"),
        ("ce_time", b"last Tuesday", "not RFC 3339"),
        ("ce_time", b"2015-03-16T09:30:00", "no offset"),
        ("ce_id", b"\xff\xfe", "not UTF-8"),
    ],
)
def test_the_consumer_refuses_a_malformed_envelope(header: str, value: bytes | None, why: str) -> None:
    wire = to_wire(Envelope(data=example_for(ApplicationSubmitted.event_type)))
    headers = tuple((name, value if name == header else v) for name, v in wire.headers if name != header or value)
    with pytest.raises(ContractViolation, match=why):
        from_wire(wire.key, wire.value, headers)


# --- producer side: to_wire refuses what breaks the contract -------------------------------------------


def _constructed(model: type[Event], **changes: Any) -> Event:
    """A payload that skipped validation, as a buggy producer could build it."""
    fields = example_for(model.event_type).model_dump()
    fields.update(changes)
    return model.model_construct(**fields)


@pytest.mark.parametrize(
    ("model", "changes"),
    [
        (ApplicationSubmitted, {"adults": "two"}),
        (ApplicationSubmitted, {"children": -1}),
        (ApplicationSubmitted, {"person_ref": "12345678901"}),
        (ApplicationSubmitted, {"kind": "castle"}),
        (StayStarted, {"price_per_night": -600}),
        (StayStarted, {"start_date": "the eighth of January"}),
        (TenancySigned, {"end_date": date(2014, 1, 1)}),
        (RenovationCompleted, {"lost_rent_owed": 1}),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else repr(value),
)
def test_producer_refuses_invalid_payload(model: type[Event], changes: dict[str, Any]) -> None:
    with pytest.raises(ContractViolation):
        to_wire(Envelope(data=_constructed(model, **changes)))


def test_producer_refuses_a_payload_that_cannot_even_be_serialised() -> None:
    with pytest.raises(ContractViolation):
        to_wire(Envelope(data=_constructed(StayStarted, start_date=object())))


# --- consumer side: from_wire raises ContractViolation on anything off-contract ------------------------


def _wire_of(data: Event) -> tuple[bytes, bytes, tuple[tuple[str, bytes], ...]]:
    wire = to_wire(Envelope(data=data))
    return wire.key.encode(), wire.value, wire.headers


def _with_header(headers: tuple[tuple[str, bytes], ...], name: str, value: bytes) -> tuple[tuple[str, bytes], ...]:
    return tuple((n, value if n == name else v) for n, v in headers)


def test_consumer_refuses_a_body_that_is_not_json() -> None:
    key, _, headers = _wire_of(example_for(ApplicationSubmitted.event_type))
    with pytest.raises(ContractViolation):
        from_wire(key, b"{not json", headers)


def test_consumer_refuses_a_body_that_is_not_an_object() -> None:
    key, _, headers = _wire_of(example_for(ApplicationSubmitted.event_type))
    with pytest.raises(ContractViolation):
        from_wire(key, b"[1, 2, 3]", headers)


def test_consumer_refuses_an_unknown_event_type() -> None:
    key, value, headers = _wire_of(example_for(ApplicationSubmitted.event_type))
    unknown = _with_header(headers, "ce_type", b"no.larvik.boligflyt.application.teleported.v1")
    with pytest.raises(ContractViolation, match="unknown event type"):
        from_wire(key, value, unknown)


def test_consumer_refuses_a_message_without_cloudevents_headers() -> None:
    key, value, _ = _wire_of(example_for(ApplicationSubmitted.event_type))
    with pytest.raises(ContractViolation):
        from_wire(key, value, (("content-type", b"application/json"),))


def test_consumer_refuses_a_missing_required_field() -> None:
    data = example_for(ApplicationSubmitted.event_type)
    key, value, headers = _wire_of(data)
    body = json.loads(value)
    del body["person_ref"]
    with pytest.raises(ContractViolation, match="person_ref"):
        from_wire(key, json.dumps(body).encode(), headers)


def test_consumer_refuses_a_field_of_the_wrong_type() -> None:
    key, value, headers = _wire_of(example_for(StayStarted.event_type))
    body = json.loads(value)
    body["price_per_night"] = "six hundred"
    with pytest.raises(ContractViolation):
        from_wire(key, json.dumps(body).encode(), headers)


def test_consumer_tolerates_a_field_added_by_a_newer_producer() -> None:
    # Adding an optional field is compatible (contracts/README.md), so an older consumer must still read the event.
    data = example_for(StayStarted.event_type)
    key, value, headers = _wire_of(data)
    body = json.loads(value)
    body["some_optional_field_of_v1_1"] = "x"
    assert from_wire(key, json.dumps(body).encode(), headers).data == data


def test_producer_stays_strict_about_unknown_fields() -> None:
    data = example_for(StayStarted.event_type)
    with pytest.raises(ValueError):
        StayStarted.model_validate({**data.model_dump(), "unknown": 1})
