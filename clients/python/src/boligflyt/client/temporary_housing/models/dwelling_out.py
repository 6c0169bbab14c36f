from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DwellingOut")


@_attrs_define
class DwellingOut:
    """The allocated or offered dwelling as NAV sees it: where and how big, never the address.

    Attributes:
        dwelling_id (str):
        area_code (None | str):
        bedrooms (int | None):
    """

    dwelling_id: str
    area_code: str | None
    bedrooms: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dwelling_id = self.dwelling_id

        area_code: str | None
        area_code = self.area_code

        bedrooms: int | None
        bedrooms = self.bedrooms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dwelling_id": dwelling_id,
                "area_code": area_code,
                "bedrooms": bedrooms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dwelling_id = d.pop("dwelling_id")

        def _parse_area_code(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        area_code = _parse_area_code(d.pop("area_code"))

        def _parse_bedrooms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms"))

        dwelling_out = cls(
            dwelling_id=dwelling_id,
            area_code=area_code,
            bedrooms=bedrooms,
        )

        dwelling_out.additional_properties = d
        return dwelling_out

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
