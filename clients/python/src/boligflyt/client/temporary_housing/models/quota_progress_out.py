from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quota_month_out import QuotaMonthOut


T = TypeVar("T", bound="QuotaProgressOut")


@_attrs_define
class QuotaProgressOut:
    """
    Attributes:
        year (int):
        adopted_persons (int):
        settled_persons (int):
        months (list[QuotaMonthOut]):
    """

    year: int
    adopted_persons: int
    settled_persons: int
    months: list[QuotaMonthOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        adopted_persons = self.adopted_persons

        settled_persons = self.settled_persons

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "adopted_persons": adopted_persons,
                "settled_persons": settled_persons,
                "months": months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quota_month_out import QuotaMonthOut

        d = dict(src_dict)
        year = d.pop("year")

        adopted_persons = d.pop("adopted_persons")

        settled_persons = d.pop("settled_persons")

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = QuotaMonthOut.from_dict(months_item_data)

            months.append(months_item)

        quota_progress_out = cls(
            year=year,
            adopted_persons=adopted_persons,
            settled_persons=settled_persons,
            months=months,
        )

        quota_progress_out.additional_properties = d
        return quota_progress_out

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
