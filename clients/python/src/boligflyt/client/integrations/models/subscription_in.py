from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionIn")


@_attrs_define
class SubscriptionIn:
    """
    Attributes:
        url (str): Where to POST each event (https in production).
        event_types (list[str]): Event type patterns; `*` matches any characters. Short forms drop the
            `no.larvik.boligflyt.` prefix. Every type they match must be granted by the token's `events:read:<pattern>`
            scopes.
        description (None | str | Unset):
        retry_schedule_seconds (list[float] | None | Unset): Seconds to wait after each failed attempt (growing; within
            the operator's bounds). None: the operator's default schedule.
        timeout_seconds (float | None | Unset): How long one POST may take, within the operator's bounds (by default
            15-30 s).
    """

    url: str
    event_types: list[str]
    description: str | Unset | None = UNSET
    retry_schedule_seconds: list[float] | Unset | None = UNSET
    timeout_seconds: float | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = self.event_types

        description: str | Unset | None
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        retry_schedule_seconds: list[float] | Unset | None
        if isinstance(self.retry_schedule_seconds, Unset):
            retry_schedule_seconds = UNSET
        elif isinstance(self.retry_schedule_seconds, list):
            retry_schedule_seconds = self.retry_schedule_seconds

        else:
            retry_schedule_seconds = self.retry_schedule_seconds

        timeout_seconds: float | Unset | None
        if isinstance(self.timeout_seconds, Unset):
            timeout_seconds = UNSET
        else:
            timeout_seconds = self.timeout_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "event_types": event_types,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if retry_schedule_seconds is not UNSET:
            field_dict["retry_schedule_seconds"] = retry_schedule_seconds
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_description(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_retry_schedule_seconds(data: object) -> list[float] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                retry_schedule_seconds_type_0 = cast(list[float], data)

                return retry_schedule_seconds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        retry_schedule_seconds = _parse_retry_schedule_seconds(d.pop("retry_schedule_seconds", UNSET))

        def _parse_timeout_seconds(data: object) -> float | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        timeout_seconds = _parse_timeout_seconds(d.pop("timeout_seconds", UNSET))

        subscription_in = cls(
            url=url,
            event_types=event_types,
            description=description,
            retry_schedule_seconds=retry_schedule_seconds,
            timeout_seconds=timeout_seconds,
        )

        return subscription_in
