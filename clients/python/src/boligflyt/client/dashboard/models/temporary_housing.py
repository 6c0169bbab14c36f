from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TemporaryHousing")


@_attrs_define
class TemporaryHousing:
    """
    Attributes:
        active (int):
        over_90_days (int):
        median_days (float | None):
        cost_so_far (int):
        days (list[int]):
    """

    active: int
    over_90_days: int
    median_days: float | None
    cost_so_far: int
    days: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        over_90_days = self.over_90_days

        median_days: float | None
        median_days = self.median_days

        cost_so_far = self.cost_so_far

        days = self.days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "over_90_days": over_90_days,
                "median_days": median_days,
                "cost_so_far": cost_so_far,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        over_90_days = d.pop("over_90_days")

        def _parse_median_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days = _parse_median_days(d.pop("median_days"))

        cost_so_far = d.pop("cost_so_far")

        days = cast(list[int], d.pop("days"))

        temporary_housing = cls(
            active=active,
            over_90_days=over_90_days,
            median_days=median_days,
            cost_so_far=cost_so_far,
            days=days,
        )

        temporary_housing.additional_properties = d
        return temporary_housing

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
