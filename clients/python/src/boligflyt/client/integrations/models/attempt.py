from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Attempt")


@_attrs_define
class Attempt:
    """
    Attributes:
        number (int):
        started_at (datetime.datetime):
        status_code (int | None): The receiver's answer; null when none came.
        error (None | str):
        latency_ms (int):
        retry_after_seconds (float | None): What the receiver's Retry-After asked for, if anything.
    """

    number: int
    started_at: datetime.datetime
    status_code: int | None
    error: str | None
    latency_ms: int
    retry_after_seconds: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        started_at = self.started_at.isoformat()

        status_code: int | None
        status_code = self.status_code

        error: str | None
        error = self.error

        latency_ms = self.latency_ms

        retry_after_seconds: float | None
        retry_after_seconds = self.retry_after_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "started_at": started_at,
                "status_code": status_code,
                "error": error,
                "latency_ms": latency_ms,
                "retry_after_seconds": retry_after_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        def _parse_error(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        latency_ms = d.pop("latency_ms")

        def _parse_retry_after_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        retry_after_seconds = _parse_retry_after_seconds(d.pop("retry_after_seconds"))

        attempt = cls(
            number=number,
            started_at=started_at,
            status_code=status_code,
            error=error,
            latency_ms=latency_ms,
            retry_after_seconds=retry_after_seconds,
        )

        attempt.additional_properties = d
        return attempt

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
