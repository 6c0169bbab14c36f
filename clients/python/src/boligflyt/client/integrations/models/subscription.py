from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.paused_by import PausedBy
from ..models.subscription_status import SubscriptionStatus

T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        id (str):
        url (str):
        event_types (list[str]): The patterns as registered, in their full form.
        matched_event_types (list[str]): The catalogue's event types the patterns match now.
        description (None | str):
        status (SubscriptionStatus):
        paused_by (None | PausedBy): Who paused it: its owner, or the delivery worker.
        paused_reason (None | str): Why it was paused, e.g. the last delivery error.
        paused_at (datetime.datetime | None):
        previous_secret_expires_at (datetime.datetime | None): Until then deliveries are also signed with the secret
            before the last rotation.
        previous_secrets_expire_at (list[datetime.datetime]): Each secret rotated out and still signing, by its own
            expiry (newest first).
        retry_schedule_seconds (list[float] | None): Its own retry schedule; null: the default.
        timeout_seconds (float | None): Its own timeout; null: the default.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    url: str
    event_types: list[str]
    matched_event_types: list[str]
    description: str | None
    status: SubscriptionStatus
    paused_by: PausedBy | None
    paused_reason: str | None
    paused_at: datetime.datetime | None
    previous_secret_expires_at: datetime.datetime | None
    previous_secrets_expire_at: list[datetime.datetime]
    retry_schedule_seconds: list[float] | None
    timeout_seconds: float | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        event_types = self.event_types

        matched_event_types = self.matched_event_types

        description: str | None
        description = self.description

        status = self.status.value

        paused_by: str | None
        if isinstance(self.paused_by, PausedBy):
            paused_by = self.paused_by.value
        else:
            paused_by = self.paused_by

        paused_reason: str | None
        paused_reason = self.paused_reason

        paused_at: str | None
        if isinstance(self.paused_at, datetime.datetime):
            paused_at = self.paused_at.isoformat()
        else:
            paused_at = self.paused_at

        previous_secret_expires_at: str | None
        if isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        previous_secrets_expire_at = []
        for previous_secrets_expire_at_item_data in self.previous_secrets_expire_at:
            previous_secrets_expire_at_item = previous_secrets_expire_at_item_data.isoformat()
            previous_secrets_expire_at.append(previous_secrets_expire_at_item)

        retry_schedule_seconds: list[float] | None
        if isinstance(self.retry_schedule_seconds, list):
            retry_schedule_seconds = self.retry_schedule_seconds

        else:
            retry_schedule_seconds = self.retry_schedule_seconds

        timeout_seconds: float | None
        timeout_seconds = self.timeout_seconds

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "event_types": event_types,
                "matched_event_types": matched_event_types,
                "description": description,
                "status": status,
                "paused_by": paused_by,
                "paused_reason": paused_reason,
                "paused_at": paused_at,
                "previous_secret_expires_at": previous_secret_expires_at,
                "previous_secrets_expire_at": previous_secrets_expire_at,
                "retry_schedule_seconds": retry_schedule_seconds,
                "timeout_seconds": timeout_seconds,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        matched_event_types = cast(list[str], d.pop("matched_event_types"))

        def _parse_description(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        status = SubscriptionStatus(d.pop("status"))

        def _parse_paused_by(data: object) -> PausedBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paused_by_type_0 = PausedBy(data)

                return paused_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PausedBy, data)

        paused_by = _parse_paused_by(d.pop("paused_by"))

        def _parse_paused_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        paused_reason = _parse_paused_reason(d.pop("paused_reason"))

        def _parse_paused_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paused_at_type_0 = datetime.datetime.fromisoformat(data)

                return paused_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paused_at = _parse_paused_at(d.pop("paused_at"))

        def _parse_previous_secret_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previous_secret_expires_at"))

        previous_secrets_expire_at = []
        _previous_secrets_expire_at = d.pop("previous_secrets_expire_at")
        for previous_secrets_expire_at_item_data in _previous_secrets_expire_at:
            previous_secrets_expire_at_item = datetime.datetime.fromisoformat(previous_secrets_expire_at_item_data)

            previous_secrets_expire_at.append(previous_secrets_expire_at_item)

        def _parse_retry_schedule_seconds(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                retry_schedule_seconds_type_0 = cast(list[float], data)

                return retry_schedule_seconds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        retry_schedule_seconds = _parse_retry_schedule_seconds(d.pop("retry_schedule_seconds"))

        def _parse_timeout_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        timeout_seconds = _parse_timeout_seconds(d.pop("timeout_seconds"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        subscription = cls(
            id=id,
            url=url,
            event_types=event_types,
            matched_event_types=matched_event_types,
            description=description,
            status=status,
            paused_by=paused_by,
            paused_reason=paused_reason,
            paused_at=paused_at,
            previous_secret_expires_at=previous_secret_expires_at,
            previous_secrets_expire_at=previous_secrets_expire_at,
            retry_schedule_seconds=retry_schedule_seconds,
            timeout_seconds=timeout_seconds,
            created_at=created_at,
            updated_at=updated_at,
        )

        subscription.additional_properties = d
        return subscription

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
