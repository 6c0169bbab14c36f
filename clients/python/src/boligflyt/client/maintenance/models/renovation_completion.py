from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payer import Payer
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.readiness import Readiness


T = TypeVar("T", bound="RenovationCompletion")


@_attrs_define
class RenovationCompletion:
    """
    Attributes:
        cost_hard_use (int): Renovation after hard use (oppussing), NOK.
        cost_age_wear (int): Wear from age (slitasje grunnet elde), NOK: LKE pays.
        joint_inspection_passed (bool): The joint inspection found the minimum standard met.
        readiness (Readiness): What is recorded when a dwelling is made ready for move-in: photographs and the meter
            reading.
        completed_on (datetime.date | None | Unset): Defaults to today.
        hard_use_paid_by (Payer | Unset):
        joint_inspection_note (None | str | Unset):
    """

    cost_hard_use: int
    cost_age_wear: int
    joint_inspection_passed: bool
    readiness: Readiness
    completed_on: datetime.date | Unset | None = UNSET
    hard_use_paid_by: Payer | Unset = UNSET
    joint_inspection_note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        cost_hard_use = self.cost_hard_use

        cost_age_wear = self.cost_age_wear

        joint_inspection_passed = self.joint_inspection_passed

        readiness = self.readiness.to_dict()

        completed_on: str | Unset | None
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        hard_use_paid_by: str | Unset = UNSET
        if not isinstance(self.hard_use_paid_by, Unset):
            hard_use_paid_by = self.hard_use_paid_by.value

        joint_inspection_note: str | Unset | None
        if isinstance(self.joint_inspection_note, Unset):
            joint_inspection_note = UNSET
        else:
            joint_inspection_note = self.joint_inspection_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cost_hard_use": cost_hard_use,
                "cost_age_wear": cost_age_wear,
                "joint_inspection_passed": joint_inspection_passed,
                "readiness": readiness,
            }
        )
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if hard_use_paid_by is not UNSET:
            field_dict["hard_use_paid_by"] = hard_use_paid_by
        if joint_inspection_note is not UNSET:
            field_dict["joint_inspection_note"] = joint_inspection_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness import Readiness

        d = dict(src_dict)
        cost_hard_use = d.pop("cost_hard_use")

        cost_age_wear = d.pop("cost_age_wear")

        joint_inspection_passed = d.pop("joint_inspection_passed")

        readiness = Readiness.from_dict(d.pop("readiness"))

        def _parse_completed_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        _hard_use_paid_by = d.pop("hard_use_paid_by", UNSET)
        hard_use_paid_by: Payer | Unset
        if isinstance(_hard_use_paid_by, Unset):
            hard_use_paid_by = UNSET
        else:
            hard_use_paid_by = Payer(_hard_use_paid_by)

        def _parse_joint_inspection_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        joint_inspection_note = _parse_joint_inspection_note(d.pop("joint_inspection_note", UNSET))

        renovation_completion = cls(
            cost_hard_use=cost_hard_use,
            cost_age_wear=cost_age_wear,
            joint_inspection_passed=joint_inspection_passed,
            readiness=readiness,
            completed_on=completed_on,
            hard_use_paid_by=hard_use_paid_by,
            joint_inspection_note=joint_inspection_note,
        )

        return renovation_completion
