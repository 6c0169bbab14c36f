from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.month_row_out import MonthRowOut


T = TypeVar("T", bound="MonthlyReportOut")


@_attrs_define
class MonthlyReportOut:
    """
    Attributes:
        as_of (datetime.date):
        definitions (list[str]): What each figure counts, as the report states it.
        months (list[MonthRowOut]):
    """

    as_of: datetime.date
    definitions: list[str]
    months: list[MonthRowOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        definitions = self.definitions

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "definitions": definitions,
                "months": months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.month_row_out import MonthRowOut

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        definitions = cast(list[str], d.pop("definitions"))

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = MonthRowOut.from_dict(months_item_data)

            months.append(months_item)

        monthly_report_out = cls(
            as_of=as_of,
            definitions=definitions,
            months=months,
        )

        monthly_report_out.additional_properties = d
        return monthly_report_out

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
