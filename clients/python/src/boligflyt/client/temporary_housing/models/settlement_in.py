from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.settlement_category import SettlementCategory
from ..models.settlement_origin import SettlementOrigin
from ..types import UNSET, Unset

T = TypeVar("T", bound="SettlementIn")


@_attrs_define
class SettlementIn:
    """
    Attributes:
        adults (int):
        children (int):
        category (SettlementCategory): The composition of a refugee household to settle: it decides the dwelling needed.
        origin (SettlementOrigin): Where the refugees come from; it decides which preparation routine NAV Intro follows.
        announced_on (datetime.date):
        quota_id (None | str | Unset):
        residence_permit_on (datetime.date | None | Unset): The day the residence permit was granted: the national
            settlement deadline runs from it (3 months, 6 for an unaccompanied minor).
        planned_settlement_date (datetime.date | None | Unset):
        bedrooms_needed (int | None | Unset):
        accessible_needed (bool | Unset):  Default: False.
    """

    adults: int
    children: int
    category: SettlementCategory
    origin: SettlementOrigin
    announced_on: datetime.date
    quota_id: str | Unset | None = UNSET
    residence_permit_on: datetime.date | Unset | None = UNSET
    planned_settlement_date: datetime.date | Unset | None = UNSET
    bedrooms_needed: int | Unset | None = UNSET
    accessible_needed: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        adults = self.adults

        children = self.children

        category = self.category.value

        origin = self.origin.value

        announced_on = self.announced_on.isoformat()

        quota_id: str | Unset | None
        if isinstance(self.quota_id, Unset):
            quota_id = UNSET
        else:
            quota_id = self.quota_id

        residence_permit_on: str | Unset | None
        if isinstance(self.residence_permit_on, Unset):
            residence_permit_on = UNSET
        elif isinstance(self.residence_permit_on, datetime.date):
            residence_permit_on = self.residence_permit_on.isoformat()
        else:
            residence_permit_on = self.residence_permit_on

        planned_settlement_date: str | Unset | None
        if isinstance(self.planned_settlement_date, Unset):
            planned_settlement_date = UNSET
        elif isinstance(self.planned_settlement_date, datetime.date):
            planned_settlement_date = self.planned_settlement_date.isoformat()
        else:
            planned_settlement_date = self.planned_settlement_date

        bedrooms_needed: int | Unset | None
        if isinstance(self.bedrooms_needed, Unset):
            bedrooms_needed = UNSET
        else:
            bedrooms_needed = self.bedrooms_needed

        accessible_needed = self.accessible_needed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adults": adults,
                "children": children,
                "category": category,
                "origin": origin,
                "announced_on": announced_on,
            }
        )
        if quota_id is not UNSET:
            field_dict["quota_id"] = quota_id
        if residence_permit_on is not UNSET:
            field_dict["residence_permit_on"] = residence_permit_on
        if planned_settlement_date is not UNSET:
            field_dict["planned_settlement_date"] = planned_settlement_date
        if bedrooms_needed is not UNSET:
            field_dict["bedrooms_needed"] = bedrooms_needed
        if accessible_needed is not UNSET:
            field_dict["accessible_needed"] = accessible_needed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adults = d.pop("adults")

        children = d.pop("children")

        category = SettlementCategory(d.pop("category"))

        origin = SettlementOrigin(d.pop("origin"))

        announced_on = datetime.date.fromisoformat(d.pop("announced_on"))

        def _parse_quota_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quota_id = _parse_quota_id(d.pop("quota_id", UNSET))

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

        def _parse_planned_settlement_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_settlement_date_type_0 = datetime.date.fromisoformat(data)

                return planned_settlement_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_settlement_date = _parse_planned_settlement_date(d.pop("planned_settlement_date", UNSET))

        def _parse_bedrooms_needed(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms_needed = _parse_bedrooms_needed(d.pop("bedrooms_needed", UNSET))

        accessible_needed = d.pop("accessible_needed", UNSET)

        settlement_in = cls(
            adults=adults,
            children=children,
            category=category,
            origin=origin,
            announced_on=announced_on,
            quota_id=quota_id,
            residence_permit_on=residence_permit_on,
            planned_settlement_date=planned_settlement_date,
            bedrooms_needed=bedrooms_needed,
            accessible_needed=accessible_needed,
        )

        return settlement_in
