"""The CloudEvents 1.0 envelope and its Kafka binary-mode mapping (ce_* headers, JSON body, key = id)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cloudevents.core.bindings.kafka import to_binary_event
from cloudevents.core.v1.event import CloudEvent
from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from boligflyt.contracts.base import Event, catalogue
from boligflyt.contracts.topics import topic_for

SOURCE_PREFIX = "/boligflyt/"
# Where the system serves its contracts (the integrations service, no token): schemas at `<base>/schemas/<type>.json`
# and the AsyncAPI document at `<base>/asyncapi.yaml`. A deployment sets its own base
# (BOLIGFLYT_CONTRACTS_BASE_URL); this default is the local embedded system's, where the checked-in documents
# resolve as they are. Generating never reads the environment, so the checked-in files do not depend on it.
DEFAULT_CONTRACTS_BASE_URL = "http://127.0.0.1:8000/integrations/v1/contracts"


class ContractViolation(ValueError):
    """A message or payload does not match the event catalogue."""


@dataclass(frozen=True)
class Envelope:
    """One event as it travels: CloudEvents attributes around a validated payload."""

    data: Event
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    time: datetime = field(default_factory=lambda: datetime.now(UTC))
    subject: str | None = None
    traceparent: str | None = None

    @property
    def type(self) -> str:
        return self.data.event_type

    @property
    def source(self) -> str:
        return SOURCE_PREFIX + self.data.producer

    @property
    def topic(self) -> str:
        return topic_for(self.data.producer)

    @property
    def key(self) -> str:
        return self.data.key


@dataclass(frozen=True)
class WireMessage:
    """What goes on the bus: topic, key, value and headers, ready for any transport."""

    topic: str
    key: str
    value: bytes
    headers: tuple[tuple[str, bytes], ...]

    def header(self, name: str) -> str | None:
        for header_name, value in self.headers:
            if header_name == name:
                return value.decode()
        return None


def schema_url(event_type: str, contracts_base_url: str = DEFAULT_CONTRACTS_BASE_URL) -> str:
    """The `dataschema` of an event type (and its schema's `$id`) under a deployment's contracts base URL."""
    return f"{contracts_base_url.rstrip('/')}/schemas/{event_type}.json"


def validate(data: Event) -> Event:
    """Re-validate a payload against its contract; a model built with model_construct is caught here."""
    try:
        # warnings=False: a model_construct'ed payload with wrong types warns on dump; validation reports it.
        return type(data).model_validate(data.model_dump(mode="json", warnings=False))
    except (ValidationError, PydanticSerializationError) as exc:
        raise ContractViolation(f"{data.event_type}: {exc}") from exc


def to_wire(envelope: Envelope, contracts_base_url: str = DEFAULT_CONTRACTS_BASE_URL) -> WireMessage:
    """Producer side: validate and map to Kafka binary mode; `dataschema` under the deployment's contracts URL."""
    data = validate(envelope.data)
    attributes: dict[str, Any] = {
        "id": envelope.id,
        "source": envelope.source,
        "type": envelope.type,
        "time": envelope.time,
        "datacontenttype": "application/json",
        "dataschema": schema_url(envelope.type, contracts_base_url),
        "partitionkey": envelope.key,
    }
    if envelope.subject:
        attributes["subject"] = envelope.subject
    if envelope.traceparent:
        attributes["traceparent"] = envelope.traceparent
    message = to_binary_event(CloudEvent(attributes=attributes, data=data.model_dump(mode="json")))
    header_map = dict(message.headers)
    if envelope.traceparent:
        # The CloudEvents extension travels as ce_traceparent; W3C tooling (OpenTelemetry) reads plain traceparent.
        header_map["traceparent"] = envelope.traceparent.encode()
    headers = tuple(sorted(header_map.items()))
    return WireMessage(topic=envelope.topic, key=envelope.key, value=message.value, headers=headers)


# Attributes every CloudEvent carries (CloudEvents 1.0: id, source, specversion, type), and those read besides.
REQUIRED_ATTRIBUTES = ("id", "source", "specversion", "type")
READ_ATTRIBUTES = tuple((name, f"ce_{name}") for name in (*REQUIRED_ATTRIBUTES, "time", "subject", "traceparent"))


def _attributes(header_map: dict[str, bytes]) -> dict[str, str]:
    """The CloudEvents attributes a consumer uses, from a binary-mode Kafka message's `ce_*` headers (UTF-8).

    Read here rather than through the SDK's `from_binary_event`, which was 60 % of parsing an event (19 of 31
    µs; the dashboard's replay of a million events is mostly parsing, docs/benchmarks.md). The SDK still writes
    every message (`to_wire`), and contracts/tests/test_envelope.py holds this reading to the SDK's.
    """
    try:
        attributes = {
            name: value.decode() for name, header in READ_ATTRIBUTES if (value := header_map.get(header)) is not None
        }
    except UnicodeDecodeError as exc:
        raise ContractViolation(f"malformed CloudEvent: a ce_ header is not UTF-8 ({exc})") from exc
    missing = [name for name in REQUIRED_ATTRIBUTES if not attributes.get(name)]
    if missing:
        raise ContractViolation(f"malformed CloudEvent: no {', '.join(missing)}")
    if attributes["specversion"] != "1.0":
        raise ContractViolation(f"malformed CloudEvent: specversion {attributes['specversion']}, expected 1.0")
    return attributes


def _time(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ContractViolation(f"malformed CloudEvent: time {text!r} is not RFC 3339") from exc
    if moment.tzinfo is None:
        raise ContractViolation(f"malformed CloudEvent: time {text!r} has no offset")
    return moment


def from_wire(key: bytes | str | None, value: bytes, headers: tuple[tuple[str, bytes], ...]) -> Envelope:
    """Consumer side: parse and validate against the catalogue, or raise ContractViolation."""
    header_map = dict(headers)
    if "ce_type" not in header_map:
        raise ContractViolation("not a CloudEvents binary-mode message: no ce_type header")
    attributes = _attributes(header_map)
    event_type = attributes["type"]
    model = catalogue().get(event_type)
    if model is None:
        raise ContractViolation(f"unknown event type {event_type}")
    try:
        # Tolerant reader: fields this consumer's version of the model does not know are dropped, because
        # adding an optional field is a compatible change (contracts/README.md). Producers stay strict
        # (`extra="forbid"`, `validate`).
        data = model.model_validate_json(value, extra="ignore")
    except ValidationError as exc:
        raise ContractViolation(f"{event_type}: {exc}") from exc
    return Envelope(
        data=data,
        id=attributes["id"],
        time=_time(attributes.get("time")),
        subject=attributes.get("subject"),
        traceparent=attributes.get("traceparent"),
    )
