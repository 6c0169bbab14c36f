from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.settled_area_out import SettledAreaOut


T = TypeVar("T", bound="SettlementByAreaOut")


@_attrs_define
class SettlementByAreaOut:
    """
    Attributes:
        year (int | None):
        areas (list[SettledAreaOut]):
    """

    year: int | None
    areas: list[SettledAreaOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year: int | None
        year = self.year

        areas = []
        for areas_item_data in self.areas:
            areas_item = areas_item_data.to_dict()
            areas.append(areas_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "areas": areas,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.settled_area_out import SettledAreaOut

        d = dict(src_dict)

        def _parse_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        year = _parse_year(d.pop("year"))

        areas = []
        _areas = d.pop("areas")
        for areas_item_data in _areas:
            areas_item = SettledAreaOut.from_dict(areas_item_data)

            areas.append(areas_item)

        settlement_by_area_out = cls(
            year=year,
            areas=areas,
        )

        settlement_by_area_out.additional_properties = d
        return settlement_by_area_out

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
