from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.inspection_trigger import InspectionTrigger
from ..types import UNSET, Unset

T = TypeVar("T", bound="InspectionBook")


@_attrs_define
class InspectionBook:
    """
    Attributes:
        planned_on (datetime.date): The day it is to take place.
        trigger (InspectionTrigger | Unset): What an inspection (befaring) is for; LKE holds over 700 a year.
    """

    planned_on: datetime.date
    trigger: InspectionTrigger | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        planned_on = self.planned_on.isoformat()

        trigger: str | Unset = UNSET
        if not isinstance(self.trigger, Unset):
            trigger = self.trigger.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "planned_on": planned_on,
            }
        )
        if trigger is not UNSET:
            field_dict["trigger"] = trigger

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        _trigger = d.pop("trigger", UNSET)
        trigger: InspectionTrigger | Unset
        if isinstance(_trigger, Unset):
            trigger = UNSET
        else:
            trigger = InspectionTrigger(_trigger)

        inspection_book = cls(
            planned_on=planned_on,
            trigger=trigger,
        )

        return inspection_book
