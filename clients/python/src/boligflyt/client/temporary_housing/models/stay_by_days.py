from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StayByDays")


@_attrs_define
class StayByDays:
    """
    Attributes:
        stay_id (str):
        person_ref (str):
        provider_id (str):
        state (str):
        start_date (datetime.date):
        days_in_stay (int):
        limit_date (datetime.date):
        over_limit (bool):
        blocking_reason (None | str):
        application_id (None | str):
    """

    stay_id: str
    person_ref: str
    provider_id: str
    state: str
    start_date: datetime.date
    days_in_stay: int
    limit_date: datetime.date
    over_limit: bool
    blocking_reason: str | None
    application_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stay_id = self.stay_id

        person_ref = self.person_ref

        provider_id = self.provider_id

        state = self.state

        start_date = self.start_date.isoformat()

        days_in_stay = self.days_in_stay

        limit_date = self.limit_date.isoformat()

        over_limit = self.over_limit

        blocking_reason: str | None
        blocking_reason = self.blocking_reason

        application_id: str | None
        application_id = self.application_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stay_id": stay_id,
                "person_ref": person_ref,
                "provider_id": provider_id,
                "state": state,
                "start_date": start_date,
                "days_in_stay": days_in_stay,
                "limit_date": limit_date,
                "over_limit": over_limit,
                "blocking_reason": blocking_reason,
                "application_id": application_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stay_id = d.pop("stay_id")

        person_ref = d.pop("person_ref")

        provider_id = d.pop("provider_id")

        state = d.pop("state")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        days_in_stay = d.pop("days_in_stay")

        limit_date = datetime.date.fromisoformat(d.pop("limit_date"))

        over_limit = d.pop("over_limit")

        def _parse_blocking_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        blocking_reason = _parse_blocking_reason(d.pop("blocking_reason"))

        def _parse_application_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        application_id = _parse_application_id(d.pop("application_id"))

        stay_by_days = cls(
            stay_id=stay_id,
            person_ref=person_ref,
            provider_id=provider_id,
            state=state,
            start_date=start_date,
            days_in_stay=days_in_stay,
            limit_date=limit_date,
            over_limit=over_limit,
            blocking_reason=blocking_reason,
            application_id=application_id,
        )

        stay_by_days.additional_properties = d
        return stay_by_days

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
