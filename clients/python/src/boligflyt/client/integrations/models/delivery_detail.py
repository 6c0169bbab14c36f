from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus

if TYPE_CHECKING:
    from ..models.attempt import Attempt


T = TypeVar("T", bound="DeliveryDetail")


@_attrs_define
class DeliveryDetail:
    """
    Attributes:
        id (str): The webhook-id header: the same on every retry of this delivery.
        seq (int): The subscription's order of deliveries.
        event_id (str):
        event_type (str):
        key (str): The event's key; deliveries of one key go out in order.
        status (DeliveryStatus):
        attempts (int): Attempts since the delivery was created or last redriven.
        next_attempt_at (datetime.datetime | None): When it is tried next (pending only).
        first_attempt_at (datetime.datetime | None):
        last_attempt_at (datetime.datetime | None):
        last_status_code (int | None):
        last_error (None | str):
        latency_ms (int | None): How long the last attempt took.
        succeeded_at (datetime.datetime | None):
        created_at (datetime.datetime): When the event was recorded for this subscription.
        replay_id (None | str): The replay that sent this event again; null for its own delivery.
        body (str): The request body exactly as sent (and signed): the CloudEvent in JSON.
        attempt_log (list[Attempt]): Every attempt, first to last.
    """

    id: str
    seq: int
    event_id: str
    event_type: str
    key: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime.datetime | None
    first_attempt_at: datetime.datetime | None
    last_attempt_at: datetime.datetime | None
    last_status_code: int | None
    last_error: str | None
    latency_ms: int | None
    succeeded_at: datetime.datetime | None
    created_at: datetime.datetime
    replay_id: str | None
    body: str
    attempt_log: list[Attempt]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        seq = self.seq

        event_id = self.event_id

        event_type = self.event_type

        key = self.key

        status = self.status.value

        attempts = self.attempts

        next_attempt_at: str | None
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        first_attempt_at: str | None
        if isinstance(self.first_attempt_at, datetime.datetime):
            first_attempt_at = self.first_attempt_at.isoformat()
        else:
            first_attempt_at = self.first_attempt_at

        last_attempt_at: str | None
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        last_status_code: int | None
        last_status_code = self.last_status_code

        last_error: str | None
        last_error = self.last_error

        latency_ms: int | None
        latency_ms = self.latency_ms

        succeeded_at: str | None
        if isinstance(self.succeeded_at, datetime.datetime):
            succeeded_at = self.succeeded_at.isoformat()
        else:
            succeeded_at = self.succeeded_at

        created_at = self.created_at.isoformat()

        replay_id: str | None
        replay_id = self.replay_id

        body = self.body

        attempt_log = []
        for attempt_log_item_data in self.attempt_log:
            attempt_log_item = attempt_log_item_data.to_dict()
            attempt_log.append(attempt_log_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "seq": seq,
                "event_id": event_id,
                "event_type": event_type,
                "key": key,
                "status": status,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "first_attempt_at": first_attempt_at,
                "last_attempt_at": last_attempt_at,
                "last_status_code": last_status_code,
                "last_error": last_error,
                "latency_ms": latency_ms,
                "succeeded_at": succeeded_at,
                "created_at": created_at,
                "replay_id": replay_id,
                "body": body,
                "attempt_log": attempt_log,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt import Attempt

        d = dict(src_dict)
        id = d.pop("id")

        seq = d.pop("seq")

        event_id = d.pop("event_id")

        event_type = d.pop("event_type")

        key = d.pop("key")

        status = DeliveryStatus(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_first_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_attempt_at = _parse_first_attempt_at(d.pop("first_attempt_at"))

        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        def _parse_last_error(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_latency_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        latency_ms = _parse_latency_ms(d.pop("latency_ms"))

        def _parse_succeeded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                succeeded_at_type_0 = datetime.datetime.fromisoformat(data)

                return succeeded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        succeeded_at = _parse_succeeded_at(d.pop("succeeded_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_replay_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        replay_id = _parse_replay_id(d.pop("replay_id"))

        body = d.pop("body")

        attempt_log = []
        _attempt_log = d.pop("attempt_log")
        for attempt_log_item_data in _attempt_log:
            attempt_log_item = Attempt.from_dict(attempt_log_item_data)

            attempt_log.append(attempt_log_item)

        delivery_detail = cls(
            id=id,
            seq=seq,
            event_id=event_id,
            event_type=event_type,
            key=key,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            first_attempt_at=first_attempt_at,
            last_attempt_at=last_attempt_at,
            last_status_code=last_status_code,
            last_error=last_error,
            latency_ms=latency_ms,
            succeeded_at=succeeded_at,
            created_at=created_at,
            replay_id=replay_id,
            body=body,
            attempt_log=attempt_log,
        )

        delivery_detail.additional_properties = d
        return delivery_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
