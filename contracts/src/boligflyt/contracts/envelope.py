"""The CloudEvents 1.0 envelope and its Kafka binary-mode mapping (ce_* headers, JSON body, key = id)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cloudevents.core.bindings.kafka import KafkaMessage, from_binary_event, to_binary_event
from cloudevents.core.v1.event import CloudEvent
from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from boligflyt.contracts.base import Event, catalogue
from boligflyt.contracts.topics import topic_for

SOURCE_PREFIX = "/boligflyt/"
SCHEMA_BASE = "https://boligflyt.larvik.kommune.no/contracts/schemas/"


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


def schema_url(event_type: str) -> str:
    return f"{SCHEMA_BASE}{event_type}.json"


def validate(data: Event) -> Event:
    """Re-validate a payload against its contract; a model built with model_construct is caught here."""
    try:
        # warnings=False: a model_construct'ed payload with wrong types warns on dump; validation reports it.
        return type(data).model_validate(data.model_dump(mode="json", warnings=False))
    except (ValidationError, PydanticSerializationError) as exc:
        raise ContractViolation(f"{data.event_type}: {exc}") from exc


def _known_fields(model: type[Event], raw: object) -> object:
    """Tolerant reader: drop fields this consumer's version of the model does not know.

    DOMAIN.md §5: adding an optional field is a compatible change, so a consumer built against the older
    model must still accept the event. Producers stay strict (`extra="forbid"` in `validate`).
    """
    if isinstance(raw, dict):
        return {name: value for name, value in raw.items() if name in model.model_fields}
    return raw


def to_wire(envelope: Envelope) -> WireMessage:
    """Producer side: validate and map to Kafka binary mode."""
    data = validate(envelope.data)
    attributes: dict[str, Any] = {
        "id": envelope.id,
        "source": envelope.source,
        "type": envelope.type,
        "time": envelope.time,
        "datacontenttype": "application/json",
        "dataschema": schema_url(envelope.type),
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


def from_wire(key: bytes | str | None, value: bytes, headers: tuple[tuple[str, bytes], ...]) -> Envelope:
    """Consumer side: parse and validate against the catalogue, or raise ContractViolation."""
    header_map = dict(headers)
    if "ce_type" not in header_map:
        raise ContractViolation("not a CloudEvents binary-mode message: no ce_type header")
    try:
        cloud_event = from_binary_event(KafkaMessage(headers=header_map, key=key, value=value))
    except Exception as exc:  # the SDK raises several kinds; all mean the envelope is malformed
        raise ContractViolation(f"malformed CloudEvent: {exc}") from exc
    event_type = cloud_event.get_type()
    model = catalogue().get(event_type)
    if model is None:
        raise ContractViolation(f"unknown event type {event_type}")
    raw = cloud_event.get_data()
    if isinstance(raw, bytes | str):
        try:
            raw = json.loads(raw)
        except ValueError as exc:
            raise ContractViolation(f"{event_type}: body is not JSON") from exc
    try:
        data = model.model_validate(_known_fields(model, raw))
    except ValidationError as exc:
        raise ContractViolation(f"{event_type}: {exc}") from exc
    time = cloud_event.get_time() or datetime.now(UTC)
    traceparent = cloud_event.get_extension("traceparent")
    return Envelope(
        data=data,
        id=cloud_event.get_id(),
        time=time,
        subject=cloud_event.get_subject(),
        traceparent=str(traceparent) if traceparent else None,
    )
