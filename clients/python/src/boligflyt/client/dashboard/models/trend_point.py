from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrendPoint")


@_attrs_define
class TrendPoint:
    """The overview's trend lines at the end of one month (the last: the view's day).

    Attributes:
        month (str):
        day (datetime.date):
        stays_active (int):
        stays_over_90 (int):
        waiting_list (int):
        void_median (float | None):
        renovation_open (int):
        stuck_count (int):
    """

    month: str
    day: datetime.date
    stays_active: int
    stays_over_90: int
    waiting_list: int
    void_median: float | None
    renovation_open: int
    stuck_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        day = self.day.isoformat()

        stays_active = self.stays_active

        stays_over_90 = self.stays_over_90

        waiting_list = self.waiting_list

        void_median: float | None
        void_median = self.void_median

        renovation_open = self.renovation_open

        stuck_count = self.stuck_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "day": day,
                "stays_active": stays_active,
                "stays_over_90": stays_over_90,
                "waiting_list": waiting_list,
                "void_median": void_median,
                "renovation_open": renovation_open,
                "stuck_count": stuck_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = d.pop("month")

        day = datetime.date.fromisoformat(d.pop("day"))

        stays_active = d.pop("stays_active")

        stays_over_90 = d.pop("stays_over_90")

        waiting_list = d.pop("waiting_list")

        def _parse_void_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        void_median = _parse_void_median(d.pop("void_median"))

        renovation_open = d.pop("renovation_open")

        stuck_count = d.pop("stuck_count")

        trend_point = cls(
            month=month,
            day=day,
            stays_active=stays_active,
            stays_over_90=stays_over_90,
            waiting_list=waiting_list,
            void_median=void_median,
            renovation_open=renovation_open,
            stuck_count=stuck_count,
        )

        trend_point.additional_properties = d
        return trend_point

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
