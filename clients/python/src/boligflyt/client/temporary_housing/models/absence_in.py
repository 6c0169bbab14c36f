from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AbsenceIn")


@_attrs_define
class AbsenceIn:
    """
    Attributes:
        first_night (datetime.date):
        returned_on (datetime.date):
        belongings_left (bool | Unset):  Default: False.
    """

    first_night: datetime.date
    returned_on: datetime.date
    belongings_left: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        first_night = self.first_night.isoformat()

        returned_on = self.returned_on.isoformat()

        belongings_left = self.belongings_left

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_night": first_night,
                "returned_on": returned_on,
            }
        )
        if belongings_left is not UNSET:
            field_dict["belongings_left"] = belongings_left

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_night = datetime.date.fromisoformat(d.pop("first_night"))

        returned_on = datetime.date.fromisoformat(d.pop("returned_on"))

        belongings_left = d.pop("belongings_left", UNSET)

        absence_in = cls(
            first_night=first_night,
            returned_on=returned_on,
            belongings_left=belongings_left,
        )

        return absence_in
