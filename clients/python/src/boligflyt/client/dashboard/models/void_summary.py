from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VoidSummary")


@_attrs_define
class VoidSummary:
    """
    Attributes:
        period (datetime.date):
        relets (int):
        total_days (int):
        median_days (float | None):
        waiting (int):
        renovating (int):
        ready (int):
        average_days (float | None):
    """

    period: datetime.date
    relets: int
    total_days: int
    median_days: float | None
    waiting: int
    renovating: int
    ready: int
    average_days: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.isoformat()

        relets = self.relets

        total_days = self.total_days

        median_days: float | None
        median_days = self.median_days

        waiting = self.waiting

        renovating = self.renovating

        ready = self.ready

        average_days: float | None
        average_days = self.average_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "relets": relets,
                "total_days": total_days,
                "median_days": median_days,
                "waiting": waiting,
                "renovating": renovating,
                "ready": ready,
                "average_days": average_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = datetime.date.fromisoformat(d.pop("period"))

        relets = d.pop("relets")

        total_days = d.pop("total_days")

        def _parse_median_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days = _parse_median_days(d.pop("median_days"))

        waiting = d.pop("waiting")

        renovating = d.pop("renovating")

        ready = d.pop("ready")

        def _parse_average_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_days = _parse_average_days(d.pop("average_days"))

        void_summary = cls(
            period=period,
            relets=relets,
            total_days=total_days,
            median_days=median_days,
            waiting=waiting,
            renovating=renovating,
            ready=ready,
            average_days=average_days,
        )

        void_summary.additional_properties = d
        return void_summary

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
