from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stay_cause import StayCause
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_in import PersonIn


T = TypeVar("T", bound="StayIn")


@_attrs_define
class StayIn:
    """
    Attributes:
        person (PersonIn):
        cause (StayCause): Why the person needs temporary accommodation: the cause codes of NAV's monthly situation
            report.

            The codes are the categories of NAV's own situation report; they are coarse on purpose.
        decision_date (datetime.date): The date of the decision (vedtak) under sosialtjenesteloven § 27.
        provider_id (str):
        start_date (datetime.date): The first night.
        adults (int | Unset):  Default: 1.
        children (int | Unset):  Default: 0.
        planned_end_date (datetime.date | None | Unset): The day the person is planned to leave; without it the stay is
            planned up to its limit date (3 months). A provider's seasonal closure within the planned stay refuses the
            placement.
        override_justification (None | str | Unset): Why the person is placed although the checks refuse it (not for a
            fixed refusal: a private provider and a family with children or someone under 18, or a seasonal closure).
        price_per_night (int | None | Unset): Only when there is no valid agreement (an override): the price agreed,
            NOK.
        known_earlier_stay (bool | Unset): The person had a stay before NAV's records here. Default: False.
        adviser (None | str | Unset): The NAV adviser who follows the person (their tasks); the one placing them by
            default.
    """

    person: PersonIn
    cause: StayCause
    decision_date: datetime.date
    provider_id: str
    start_date: datetime.date
    adults: int | Unset = 1
    children: int | Unset = 0
    planned_end_date: datetime.date | Unset | None = UNSET
    override_justification: str | Unset | None = UNSET
    price_per_night: int | Unset | None = UNSET
    known_earlier_stay: bool | Unset = False
    adviser: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        person = self.person.to_dict()

        cause = self.cause.value

        decision_date = self.decision_date.isoformat()

        provider_id = self.provider_id

        start_date = self.start_date.isoformat()

        adults = self.adults

        children = self.children

        planned_end_date: str | Unset | None
        if isinstance(self.planned_end_date, Unset):
            planned_end_date = UNSET
        elif isinstance(self.planned_end_date, datetime.date):
            planned_end_date = self.planned_end_date.isoformat()
        else:
            planned_end_date = self.planned_end_date

        override_justification: str | Unset | None
        if isinstance(self.override_justification, Unset):
            override_justification = UNSET
        else:
            override_justification = self.override_justification

        price_per_night: int | Unset | None
        if isinstance(self.price_per_night, Unset):
            price_per_night = UNSET
        else:
            price_per_night = self.price_per_night

        known_earlier_stay = self.known_earlier_stay

        adviser: str | Unset | None
        if isinstance(self.adviser, Unset):
            adviser = UNSET
        else:
            adviser = self.adviser

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person": person,
                "cause": cause,
                "decision_date": decision_date,
                "provider_id": provider_id,
                "start_date": start_date,
            }
        )
        if adults is not UNSET:
            field_dict["adults"] = adults
        if children is not UNSET:
            field_dict["children"] = children
        if planned_end_date is not UNSET:
            field_dict["planned_end_date"] = planned_end_date
        if override_justification is not UNSET:
            field_dict["override_justification"] = override_justification
        if price_per_night is not UNSET:
            field_dict["price_per_night"] = price_per_night
        if known_earlier_stay is not UNSET:
            field_dict["known_earlier_stay"] = known_earlier_stay
        if adviser is not UNSET:
            field_dict["adviser"] = adviser

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_in import PersonIn

        d = dict(src_dict)
        person = PersonIn.from_dict(d.pop("person"))

        cause = StayCause(d.pop("cause"))

        decision_date = datetime.date.fromisoformat(d.pop("decision_date"))

        provider_id = d.pop("provider_id")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        adults = d.pop("adults", UNSET)

        children = d.pop("children", UNSET)

        def _parse_planned_end_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_date_type_0 = datetime.date.fromisoformat(data)

                return planned_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_end_date = _parse_planned_end_date(d.pop("planned_end_date", UNSET))

        def _parse_override_justification(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override_justification = _parse_override_justification(d.pop("override_justification", UNSET))

        def _parse_price_per_night(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price_per_night = _parse_price_per_night(d.pop("price_per_night", UNSET))

        known_earlier_stay = d.pop("known_earlier_stay", UNSET)

        def _parse_adviser(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adviser = _parse_adviser(d.pop("adviser", UNSET))

        stay_in = cls(
            person=person,
            cause=cause,
            decision_date=decision_date,
            provider_id=provider_id,
            start_date=start_date,
            adults=adults,
            children=children,
            planned_end_date=planned_end_date,
            override_justification=override_justification,
            price_per_night=price_per_night,
            known_earlier_stay=known_earlier_stay,
            adviser=adviser,
        )

        return stay_in
