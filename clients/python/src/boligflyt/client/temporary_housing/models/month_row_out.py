from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonthRowOut")


@_attrs_define
class MonthRowOut:
    """
    Attributes:
        month (str):
        persons (int):
        under_30 (int):
        singles (int):
        children_with_singles (int):
        new_enquiries (int):
        nights (int):
        cost (int):
    """

    month: str
    persons: int
    under_30: int
    singles: int
    children_with_singles: int
    new_enquiries: int
    nights: int
    cost: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        persons = self.persons

        under_30 = self.under_30

        singles = self.singles

        children_with_singles = self.children_with_singles

        new_enquiries = self.new_enquiries

        nights = self.nights

        cost = self.cost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "persons": persons,
                "under_30": under_30,
                "singles": singles,
                "children_with_singles": children_with_singles,
                "new_enquiries": new_enquiries,
                "nights": nights,
                "cost": cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = d.pop("month")

        persons = d.pop("persons")

        under_30 = d.pop("under_30")

        singles = d.pop("singles")

        children_with_singles = d.pop("children_with_singles")

        new_enquiries = d.pop("new_enquiries")

        nights = d.pop("nights")

        cost = d.pop("cost")

        month_row_out = cls(
            month=month,
            persons=persons,
            under_30=under_30,
            singles=singles,
            children_with_singles=children_with_singles,
            new_enquiries=new_enquiries,
            nights=nights,
            cost=cost,
        )

        month_row_out.additional_properties = d
        return month_row_out

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
