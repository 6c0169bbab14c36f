from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AbsenceOut")


@_attrs_define
class AbsenceOut:
    """
    Attributes:
        first_night (datetime.date):
        returned_on (datetime.date):
        nights (int):
        belongings_left (bool):
    """

    first_night: datetime.date
    returned_on: datetime.date
    nights: int
    belongings_left: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_night = self.first_night.isoformat()

        returned_on = self.returned_on.isoformat()

        nights = self.nights

        belongings_left = self.belongings_left

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first_night": first_night,
                "returned_on": returned_on,
                "nights": nights,
                "belongings_left": belongings_left,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_night = datetime.date.fromisoformat(d.pop("first_night"))

        returned_on = datetime.date.fromisoformat(d.pop("returned_on"))

        nights = d.pop("nights")

        belongings_left = d.pop("belongings_left")

        absence_out = cls(
            first_night=first_night,
            returned_on=returned_on,
            nights=nights,
            belongings_left=belongings_left,
        )

        absence_out.additional_properties = d
        return absence_out

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
