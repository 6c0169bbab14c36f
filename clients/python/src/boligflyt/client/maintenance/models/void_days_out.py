from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.void_period_out import VoidPeriodOut


T = TypeVar("T", bound="VoidDaysOut")


@_attrs_define
class VoidDaysOut:
    """
    Attributes:
        dwelling_id (str):
        as_of (datetime.date):
        periods (list[VoidPeriodOut]):
    """

    dwelling_id: str
    as_of: datetime.date
    periods: list[VoidPeriodOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dwelling_id = self.dwelling_id

        as_of = self.as_of.isoformat()

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dwelling_id": dwelling_id,
                "as_of": as_of,
                "periods": periods,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.void_period_out import VoidPeriodOut

        d = dict(src_dict)
        dwelling_id = d.pop("dwelling_id")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = VoidPeriodOut.from_dict(periods_item_data)

            periods.append(periods_item)

        void_days_out = cls(
            dwelling_id=dwelling_id,
            as_of=as_of,
            periods=periods,
        )

        void_days_out.additional_properties = d
        return void_days_out

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
