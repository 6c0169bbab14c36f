from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetUse")


@_attrs_define
class BudgetUse:
    """
    Attributes:
        year (int):
        budget_line (str):
        frame (int):
        ordered (int):
        delivered_cost (int):
        used_share (float | None):
    """

    year: int
    budget_line: str
    frame: int
    ordered: int
    delivered_cost: int
    used_share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        budget_line = self.budget_line

        frame = self.frame

        ordered = self.ordered

        delivered_cost = self.delivered_cost

        used_share: float | None
        used_share = self.used_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "budget_line": budget_line,
                "frame": frame,
                "ordered": ordered,
                "delivered_cost": delivered_cost,
                "used_share": used_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        budget_line = d.pop("budget_line")

        frame = d.pop("frame")

        ordered = d.pop("ordered")

        delivered_cost = d.pop("delivered_cost")

        def _parse_used_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        used_share = _parse_used_share(d.pop("used_share"))

        budget_use = cls(
            year=year,
            budget_line=budget_line,
            frame=frame,
            ordered=ordered,
            delivered_cost=delivered_cost,
            used_share=used_share,
        )

        budget_use.additional_properties = d
        return budget_use

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
