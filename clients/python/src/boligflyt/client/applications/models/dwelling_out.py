from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DwellingOut")


@_attrs_define
class DwellingOut:
    """
    Attributes:
        id (str):
        owner (str):
        category (str):
        bedrooms (int):
        accessible (bool):
        staffed (bool):
        monthly_rent (int):
        area_code (None | str):
        status (str):
        ready_on (datetime.date | None):
        offerable (bool):
        allocated_to (None | str):
        notice_given_on (datetime.date | None): The tenant's notice, when the dwelling is coming vacant.
        expected_ready_on (datetime.date | None): When LKE expects it ready, while it is not yet.
        planned_move_in_on (datetime.date | None): The allocated household's planned move-in.
    """

    id: str
    owner: str
    category: str
    bedrooms: int
    accessible: bool
    staffed: bool
    monthly_rent: int
    area_code: str | None
    status: str
    ready_on: datetime.date | None
    offerable: bool
    allocated_to: str | None
    notice_given_on: datetime.date | None
    expected_ready_on: datetime.date | None
    planned_move_in_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        owner = self.owner

        category = self.category

        bedrooms = self.bedrooms

        accessible = self.accessible

        staffed = self.staffed

        monthly_rent = self.monthly_rent

        area_code: str | None
        area_code = self.area_code

        status = self.status

        ready_on: str | None
        if isinstance(self.ready_on, datetime.date):
            ready_on = self.ready_on.isoformat()
        else:
            ready_on = self.ready_on

        offerable = self.offerable

        allocated_to: str | None
        allocated_to = self.allocated_to

        notice_given_on: str | None
        if isinstance(self.notice_given_on, datetime.date):
            notice_given_on = self.notice_given_on.isoformat()
        else:
            notice_given_on = self.notice_given_on

        expected_ready_on: str | None
        if isinstance(self.expected_ready_on, datetime.date):
            expected_ready_on = self.expected_ready_on.isoformat()
        else:
            expected_ready_on = self.expected_ready_on

        planned_move_in_on: str | None
        if isinstance(self.planned_move_in_on, datetime.date):
            planned_move_in_on = self.planned_move_in_on.isoformat()
        else:
            planned_move_in_on = self.planned_move_in_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "category": category,
                "bedrooms": bedrooms,
                "accessible": accessible,
                "staffed": staffed,
                "monthly_rent": monthly_rent,
                "area_code": area_code,
                "status": status,
                "ready_on": ready_on,
                "offerable": offerable,
                "allocated_to": allocated_to,
                "notice_given_on": notice_given_on,
                "expected_ready_on": expected_ready_on,
                "planned_move_in_on": planned_move_in_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        owner = d.pop("owner")

        category = d.pop("category")

        bedrooms = d.pop("bedrooms")

        accessible = d.pop("accessible")

        staffed = d.pop("staffed")

        monthly_rent = d.pop("monthly_rent")

        def _parse_area_code(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        area_code = _parse_area_code(d.pop("area_code"))

        status = d.pop("status")

        def _parse_ready_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ready_on_type_0 = datetime.date.fromisoformat(data)

                return ready_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ready_on = _parse_ready_on(d.pop("ready_on"))

        offerable = d.pop("offerable")

        def _parse_allocated_to(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        allocated_to = _parse_allocated_to(d.pop("allocated_to"))

        def _parse_notice_given_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notice_given_on_type_0 = datetime.date.fromisoformat(data)

                return notice_given_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        notice_given_on = _parse_notice_given_on(d.pop("notice_given_on"))

        def _parse_expected_ready_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_ready_on_type_0 = datetime.date.fromisoformat(data)

                return expected_ready_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_ready_on = _parse_expected_ready_on(d.pop("expected_ready_on"))

        def _parse_planned_move_in_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_move_in_on_type_0 = datetime.date.fromisoformat(data)

                return planned_move_in_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_move_in_on = _parse_planned_move_in_on(d.pop("planned_move_in_on"))

        dwelling_out = cls(
            id=id,
            owner=owner,
            category=category,
            bedrooms=bedrooms,
            accessible=accessible,
            staffed=staffed,
            monthly_rent=monthly_rent,
            area_code=area_code,
            status=status,
            ready_on=ready_on,
            offerable=offerable,
            allocated_to=allocated_to,
            notice_given_on=notice_given_on,
            expected_ready_on=expected_ready_on,
            planned_move_in_on=planned_move_in_on,
        )

        dwelling_out.additional_properties = d
        return dwelling_out

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
