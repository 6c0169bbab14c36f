from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.renovation_kind import RenovationKind

T = TypeVar("T", bound="RenovationJobOut")


@_attrs_define
class RenovationJobOut:
    """
    Attributes:
        id (str):
        dwelling_id (str):
        inspection_id (None | str):
        kind (RenovationKind): Why a renovation job was opened.
        status (str):
        scope (str):
        ordered_on (datetime.date):
        due_date (datetime.date):
        due_date_agreed (bool):
        urgent (bool):
        estimated_cost (int | None):
        started_on (datetime.date | None):
        completed_on (datetime.date | None):
        actual_cost (int | None):
        cost_hard_use (int | None):
        cost_age_wear (int | None):
        hard_use_paid_by (None | str):
        joint_inspection_on (datetime.date | None):
        daily_rent (int):
        days_late (int): So far, for an open job.
        lost_rent_owed (int): daily_rent x days_late, owed by LKE.
    """

    id: str
    dwelling_id: str
    inspection_id: str | None
    kind: RenovationKind
    status: str
    scope: str
    ordered_on: datetime.date
    due_date: datetime.date
    due_date_agreed: bool
    urgent: bool
    estimated_cost: int | None
    started_on: datetime.date | None
    completed_on: datetime.date | None
    actual_cost: int | None
    cost_hard_use: int | None
    cost_age_wear: int | None
    hard_use_paid_by: str | None
    joint_inspection_on: datetime.date | None
    daily_rent: int
    days_late: int
    lost_rent_owed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        dwelling_id = self.dwelling_id

        inspection_id: str | None
        inspection_id = self.inspection_id

        kind = self.kind.value

        status = self.status

        scope = self.scope

        ordered_on = self.ordered_on.isoformat()

        due_date = self.due_date.isoformat()

        due_date_agreed = self.due_date_agreed

        urgent = self.urgent

        estimated_cost: int | None
        estimated_cost = self.estimated_cost

        started_on: str | None
        if isinstance(self.started_on, datetime.date):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        completed_on: str | None
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        actual_cost: int | None
        actual_cost = self.actual_cost

        cost_hard_use: int | None
        cost_hard_use = self.cost_hard_use

        cost_age_wear: int | None
        cost_age_wear = self.cost_age_wear

        hard_use_paid_by: str | None
        hard_use_paid_by = self.hard_use_paid_by

        joint_inspection_on: str | None
        if isinstance(self.joint_inspection_on, datetime.date):
            joint_inspection_on = self.joint_inspection_on.isoformat()
        else:
            joint_inspection_on = self.joint_inspection_on

        daily_rent = self.daily_rent

        days_late = self.days_late

        lost_rent_owed = self.lost_rent_owed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "dwelling_id": dwelling_id,
                "inspection_id": inspection_id,
                "kind": kind,
                "status": status,
                "scope": scope,
                "ordered_on": ordered_on,
                "due_date": due_date,
                "due_date_agreed": due_date_agreed,
                "urgent": urgent,
                "estimated_cost": estimated_cost,
                "started_on": started_on,
                "completed_on": completed_on,
                "actual_cost": actual_cost,
                "cost_hard_use": cost_hard_use,
                "cost_age_wear": cost_age_wear,
                "hard_use_paid_by": hard_use_paid_by,
                "joint_inspection_on": joint_inspection_on,
                "daily_rent": daily_rent,
                "days_late": days_late,
                "lost_rent_owed": lost_rent_owed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        dwelling_id = d.pop("dwelling_id")

        def _parse_inspection_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        inspection_id = _parse_inspection_id(d.pop("inspection_id"))

        kind = RenovationKind(d.pop("kind"))

        status = d.pop("status")

        scope = d.pop("scope")

        ordered_on = datetime.date.fromisoformat(d.pop("ordered_on"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        due_date_agreed = d.pop("due_date_agreed")

        urgent = d.pop("urgent")

        def _parse_estimated_cost(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        estimated_cost = _parse_estimated_cost(d.pop("estimated_cost"))

        def _parse_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.date.fromisoformat(data)

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        started_on = _parse_started_on(d.pop("started_on"))

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_actual_cost(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actual_cost = _parse_actual_cost(d.pop("actual_cost"))

        def _parse_cost_hard_use(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cost_hard_use = _parse_cost_hard_use(d.pop("cost_hard_use"))

        def _parse_cost_age_wear(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cost_age_wear = _parse_cost_age_wear(d.pop("cost_age_wear"))

        def _parse_hard_use_paid_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        hard_use_paid_by = _parse_hard_use_paid_by(d.pop("hard_use_paid_by"))

        def _parse_joint_inspection_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joint_inspection_on_type_0 = datetime.date.fromisoformat(data)

                return joint_inspection_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        joint_inspection_on = _parse_joint_inspection_on(d.pop("joint_inspection_on"))

        daily_rent = d.pop("daily_rent")

        days_late = d.pop("days_late")

        lost_rent_owed = d.pop("lost_rent_owed")

        renovation_job_out = cls(
            id=id,
            dwelling_id=dwelling_id,
            inspection_id=inspection_id,
            kind=kind,
            status=status,
            scope=scope,
            ordered_on=ordered_on,
            due_date=due_date,
            due_date_agreed=due_date_agreed,
            urgent=urgent,
            estimated_cost=estimated_cost,
            started_on=started_on,
            completed_on=completed_on,
            actual_cost=actual_cost,
            cost_hard_use=cost_hard_use,
            cost_age_wear=cost_age_wear,
            hard_use_paid_by=hard_use_paid_by,
            joint_inspection_on=joint_inspection_on,
            daily_rent=daily_rent,
            days_late=days_late,
            lost_rent_owed=lost_rent_owed,
        )

        renovation_job_out.additional_properties = d
        return renovation_job_out

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
