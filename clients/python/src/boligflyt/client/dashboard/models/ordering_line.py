from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrderingLine")


@_attrs_define
class OrderingLine:
    """
    Attributes:
        budget_line (str):
        reported (int):
        prioritised (int):
        ordered (int):
        delivered (int):
    """

    budget_line: str
    reported: int
    prioritised: int
    ordered: int
    delivered: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget_line = self.budget_line

        reported = self.reported

        prioritised = self.prioritised

        ordered = self.ordered

        delivered = self.delivered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget_line": budget_line,
                "reported": reported,
                "prioritised": prioritised,
                "ordered": ordered,
                "delivered": delivered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        budget_line = d.pop("budget_line")

        reported = d.pop("reported")

        prioritised = d.pop("prioritised")

        ordered = d.pop("ordered")

        delivered = d.pop("delivered")

        ordering_line = cls(
            budget_line=budget_line,
            reported=reported,
            prioritised=prioritised,
            ordered=ordered,
            delivered=delivered,
        )

        ordering_line.additional_properties = d
        return ordering_line

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
