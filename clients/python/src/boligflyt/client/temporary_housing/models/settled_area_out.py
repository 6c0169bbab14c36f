from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SettledAreaOut")


@_attrs_define
class SettledAreaOut:
    """
    Attributes:
        year (int):
        area_code (str): The dwelling's area; `unknown` when NAV does not know it.
        households (int):
        persons (int):
    """

    year: int
    area_code: str
    households: int
    persons: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        area_code = self.area_code

        households = self.households

        persons = self.persons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "area_code": area_code,
                "households": households,
                "persons": persons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        area_code = d.pop("area_code")

        households = d.pop("households")

        persons = d.pop("persons")

        settled_area_out = cls(
            year=year,
            area_code=area_code,
            households=households,
            persons=persons,
        )

        settled_area_out.additional_properties = d
        return settled_area_out

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
