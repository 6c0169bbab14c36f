from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.settlement_out_checklist_done import SettlementOutChecklistDone


T = TypeVar("T", bound="SettlementOut")


@_attrs_define
class SettlementOut:
    """
    Attributes:
        settlement_id (str):
        quota_id (None | str):
        state (str):
        adults (int):
        children (int):
        category (str):
        origin (str):
        announced_on (datetime.date):
        planned_settlement_date (datetime.date | None):
        bedrooms_needed (int | None):
        accessible_needed (bool):
        ordered_on (datetime.date | None):
        need_id (None | str):
        application_id (None | str):
        dwelling_id (None | str):
        tenancy_id (None | str):
        settled_on (datetime.date | None):
        establishment_ends_on (datetime.date | None):
        residence_permit_on (datetime.date | None | Unset):
        settlement_deadline (datetime.date | None | Unset): 3 months after the residence permit, 6 for an unaccompanied
            minor.
        days_left (int | None | Unset): Until the settlement deadline, while the household waits (negative: past it).
        deadline_met (bool | None | Unset): Once settled: on or before the deadline.
        area_code (None | str | Unset): The area of the dwelling the household settled in.
        checklist_done (SettlementOutChecklistDone | Unset):
        checklist_missing (list[str] | Unset):
    """

    settlement_id: str
    quota_id: str | None
    state: str
    adults: int
    children: int
    category: str
    origin: str
    announced_on: datetime.date
    planned_settlement_date: datetime.date | None
    bedrooms_needed: int | None
    accessible_needed: bool
    ordered_on: datetime.date | None
    need_id: str | None
    application_id: str | None
    dwelling_id: str | None
    tenancy_id: str | None
    settled_on: datetime.date | None
    establishment_ends_on: datetime.date | None
    residence_permit_on: datetime.date | Unset | None = UNSET
    settlement_deadline: datetime.date | Unset | None = UNSET
    days_left: int | Unset | None = UNSET
    deadline_met: bool | Unset | None = UNSET
    area_code: str | Unset | None = UNSET
    checklist_done: SettlementOutChecklistDone | Unset = UNSET
    checklist_missing: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        settlement_id = self.settlement_id

        quota_id: str | None
        quota_id = self.quota_id

        state = self.state

        adults = self.adults

        children = self.children

        category = self.category

        origin = self.origin

        announced_on = self.announced_on.isoformat()

        planned_settlement_date: str | None
        if isinstance(self.planned_settlement_date, datetime.date):
            planned_settlement_date = self.planned_settlement_date.isoformat()
        else:
            planned_settlement_date = self.planned_settlement_date

        bedrooms_needed: int | None
        bedrooms_needed = self.bedrooms_needed

        accessible_needed = self.accessible_needed

        ordered_on: str | None
        if isinstance(self.ordered_on, datetime.date):
            ordered_on = self.ordered_on.isoformat()
        else:
            ordered_on = self.ordered_on

        need_id: str | None
        need_id = self.need_id

        application_id: str | None
        application_id = self.application_id

        dwelling_id: str | None
        dwelling_id = self.dwelling_id

        tenancy_id: str | None
        tenancy_id = self.tenancy_id

        settled_on: str | None
        if isinstance(self.settled_on, datetime.date):
            settled_on = self.settled_on.isoformat()
        else:
            settled_on = self.settled_on

        establishment_ends_on: str | None
        if isinstance(self.establishment_ends_on, datetime.date):
            establishment_ends_on = self.establishment_ends_on.isoformat()
        else:
            establishment_ends_on = self.establishment_ends_on

        residence_permit_on: str | Unset | None
        if isinstance(self.residence_permit_on, Unset):
            residence_permit_on = UNSET
        elif isinstance(self.residence_permit_on, datetime.date):
            residence_permit_on = self.residence_permit_on.isoformat()
        else:
            residence_permit_on = self.residence_permit_on

        settlement_deadline: str | Unset | None
        if isinstance(self.settlement_deadline, Unset):
            settlement_deadline = UNSET
        elif isinstance(self.settlement_deadline, datetime.date):
            settlement_deadline = self.settlement_deadline.isoformat()
        else:
            settlement_deadline = self.settlement_deadline

        days_left: int | Unset | None
        if isinstance(self.days_left, Unset):
            days_left = UNSET
        else:
            days_left = self.days_left

        deadline_met: bool | Unset | None
        if isinstance(self.deadline_met, Unset):
            deadline_met = UNSET
        else:
            deadline_met = self.deadline_met

        area_code: str | Unset | None
        if isinstance(self.area_code, Unset):
            area_code = UNSET
        else:
            area_code = self.area_code

        checklist_done: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checklist_done, Unset):
            checklist_done = self.checklist_done.to_dict()

        checklist_missing: list[str] | Unset = UNSET
        if not isinstance(self.checklist_missing, Unset):
            checklist_missing = self.checklist_missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "settlement_id": settlement_id,
                "quota_id": quota_id,
                "state": state,
                "adults": adults,
                "children": children,
                "category": category,
                "origin": origin,
                "announced_on": announced_on,
                "planned_settlement_date": planned_settlement_date,
                "bedrooms_needed": bedrooms_needed,
                "accessible_needed": accessible_needed,
                "ordered_on": ordered_on,
                "need_id": need_id,
                "application_id": application_id,
                "dwelling_id": dwelling_id,
                "tenancy_id": tenancy_id,
                "settled_on": settled_on,
                "establishment_ends_on": establishment_ends_on,
            }
        )
        if residence_permit_on is not UNSET:
            field_dict["residence_permit_on"] = residence_permit_on
        if settlement_deadline is not UNSET:
            field_dict["settlement_deadline"] = settlement_deadline
        if days_left is not UNSET:
            field_dict["days_left"] = days_left
        if deadline_met is not UNSET:
            field_dict["deadline_met"] = deadline_met
        if area_code is not UNSET:
            field_dict["area_code"] = area_code
        if checklist_done is not UNSET:
            field_dict["checklist_done"] = checklist_done
        if checklist_missing is not UNSET:
            field_dict["checklist_missing"] = checklist_missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.settlement_out_checklist_done import SettlementOutChecklistDone

        d = dict(src_dict)
        settlement_id = d.pop("settlement_id")

        def _parse_quota_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        quota_id = _parse_quota_id(d.pop("quota_id"))

        state = d.pop("state")

        adults = d.pop("adults")

        children = d.pop("children")

        category = d.pop("category")

        origin = d.pop("origin")

        announced_on = datetime.date.fromisoformat(d.pop("announced_on"))

        def _parse_planned_settlement_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_settlement_date_type_0 = datetime.date.fromisoformat(data)

                return planned_settlement_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_settlement_date = _parse_planned_settlement_date(d.pop("planned_settlement_date"))

        def _parse_bedrooms_needed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bedrooms_needed = _parse_bedrooms_needed(d.pop("bedrooms_needed"))

        accessible_needed = d.pop("accessible_needed")

        def _parse_ordered_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ordered_on_type_0 = datetime.date.fromisoformat(data)

                return ordered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ordered_on = _parse_ordered_on(d.pop("ordered_on"))

        def _parse_need_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        need_id = _parse_need_id(d.pop("need_id"))

        def _parse_application_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        application_id = _parse_application_id(d.pop("application_id"))

        def _parse_dwelling_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        dwelling_id = _parse_dwelling_id(d.pop("dwelling_id"))

        def _parse_tenancy_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        tenancy_id = _parse_tenancy_id(d.pop("tenancy_id"))

        def _parse_settled_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_on_type_0 = datetime.date.fromisoformat(data)

                return settled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        settled_on = _parse_settled_on(d.pop("settled_on"))

        def _parse_establishment_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                establishment_ends_on_type_0 = datetime.date.fromisoformat(data)

                return establishment_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        establishment_ends_on = _parse_establishment_ends_on(d.pop("establishment_ends_on"))

        def _parse_residence_permit_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                residence_permit_on_type_0 = datetime.date.fromisoformat(data)

                return residence_permit_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        residence_permit_on = _parse_residence_permit_on(d.pop("residence_permit_on", UNSET))

        def _parse_settlement_deadline(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settlement_deadline_type_0 = datetime.date.fromisoformat(data)

                return settlement_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        settlement_deadline = _parse_settlement_deadline(d.pop("settlement_deadline", UNSET))

        def _parse_days_left(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_left = _parse_days_left(d.pop("days_left", UNSET))

        def _parse_deadline_met(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        deadline_met = _parse_deadline_met(d.pop("deadline_met", UNSET))

        def _parse_area_code(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        area_code = _parse_area_code(d.pop("area_code", UNSET))

        _checklist_done = d.pop("checklist_done", UNSET)
        checklist_done: SettlementOutChecklistDone | Unset
        if isinstance(_checklist_done, Unset):
            checklist_done = UNSET
        else:
            checklist_done = SettlementOutChecklistDone.from_dict(_checklist_done)

        checklist_missing = cast(list[str], d.pop("checklist_missing", UNSET))

        settlement_out = cls(
            settlement_id=settlement_id,
            quota_id=quota_id,
            state=state,
            adults=adults,
            children=children,
            category=category,
            origin=origin,
            announced_on=announced_on,
            planned_settlement_date=planned_settlement_date,
            bedrooms_needed=bedrooms_needed,
            accessible_needed=accessible_needed,
            ordered_on=ordered_on,
            need_id=need_id,
            application_id=application_id,
            dwelling_id=dwelling_id,
            tenancy_id=tenancy_id,
            settled_on=settled_on,
            establishment_ends_on=establishment_ends_on,
            residence_permit_on=residence_permit_on,
            settlement_deadline=settlement_deadline,
            days_left=days_left,
            deadline_met=deadline_met,
            area_code=area_code,
            checklist_done=checklist_done,
            checklist_missing=checklist_missing,
        )

        settlement_out.additional_properties = d
        return settlement_out

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
