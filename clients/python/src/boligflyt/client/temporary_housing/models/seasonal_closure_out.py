from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SeasonalClosureOut")


@_attrs_define
class SeasonalClosureOut:
    """
    Attributes:
        closed_from (str):
        closed_to (str):
        next_closed_from (datetime.date): The first closed day from today on (today while closed).
    """

    closed_from: str
    closed_to: str
    next_closed_from: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed_from = self.closed_from

        closed_to = self.closed_to

        next_closed_from = self.next_closed_from.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed_from": closed_from,
                "closed_to": closed_to,
                "next_closed_from": next_closed_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed_from = d.pop("closed_from")

        closed_to = d.pop("closed_to")

        next_closed_from = datetime.date.fromisoformat(d.pop("next_closed_from"))

        seasonal_closure_out = cls(
            closed_from=closed_from,
            closed_to=closed_to,
            next_closed_from=next_closed_from,
        )

        seasonal_closure_out.additional_properties = d
        return seasonal_closure_out

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
