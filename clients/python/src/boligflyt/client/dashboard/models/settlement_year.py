from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SettlementYear")


@_attrs_define
class SettlementYear:
    """
    Attributes:
        year (int):
        quota (int):
        settled (int):
        by_month (list[list[float | int]]):
    """

    year: int
    quota: int
    settled: int
    by_month: list[list[float | int]]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        quota = self.quota

        settled = self.settled

        by_month = []
        for by_month_item_data in self.by_month:
            by_month_item = []
            for by_month_item_item_data in by_month_item_data:
                by_month_item_item: float | int
                by_month_item_item = by_month_item_item_data
                by_month_item.append(by_month_item_item)

            by_month.append(by_month_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "quota": quota,
                "settled": settled,
                "by_month": by_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        quota = d.pop("quota")

        settled = d.pop("settled")

        by_month = []
        _by_month = d.pop("by_month")
        for by_month_item_data in _by_month:
            by_month_item = []
            _by_month_item = by_month_item_data
            for by_month_item_item_data in _by_month_item:

                def _parse_by_month_item_item(data: object) -> float | int:
                    return cast(float | int, data)

                by_month_item_item = _parse_by_month_item_item(by_month_item_item_data)

                by_month_item.append(by_month_item_item)

            by_month.append(by_month_item)

        settlement_year = cls(
            year=year,
            quota=quota,
            settled=settled,
            by_month=by_month,
        )

        settlement_year.additional_properties = d
        return settlement_year

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
