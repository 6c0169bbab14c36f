from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuotaOut")


@_attrs_define
class QuotaOut:
    """
    Attributes:
        quota_id (str):
        year (int):
        state (str):
        requested_persons (int | None):
        requested_on (datetime.date | None):
        adopted_persons (int | None):
        unaccompanied_minors (int):
        adopted_on (datetime.date | None):
    """

    quota_id: str
    year: int
    state: str
    requested_persons: int | None
    requested_on: datetime.date | None
    adopted_persons: int | None
    unaccompanied_minors: int
    adopted_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quota_id = self.quota_id

        year = self.year

        state = self.state

        requested_persons: int | None
        requested_persons = self.requested_persons

        requested_on: str | None
        if isinstance(self.requested_on, datetime.date):
            requested_on = self.requested_on.isoformat()
        else:
            requested_on = self.requested_on

        adopted_persons: int | None
        adopted_persons = self.adopted_persons

        unaccompanied_minors = self.unaccompanied_minors

        adopted_on: str | None
        if isinstance(self.adopted_on, datetime.date):
            adopted_on = self.adopted_on.isoformat()
        else:
            adopted_on = self.adopted_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quota_id": quota_id,
                "year": year,
                "state": state,
                "requested_persons": requested_persons,
                "requested_on": requested_on,
                "adopted_persons": adopted_persons,
                "unaccompanied_minors": unaccompanied_minors,
                "adopted_on": adopted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quota_id = d.pop("quota_id")

        year = d.pop("year")

        state = d.pop("state")

        def _parse_requested_persons(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        requested_persons = _parse_requested_persons(d.pop("requested_persons"))

        def _parse_requested_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_on_type_0 = datetime.date.fromisoformat(data)

                return requested_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        requested_on = _parse_requested_on(d.pop("requested_on"))

        def _parse_adopted_persons(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        adopted_persons = _parse_adopted_persons(d.pop("adopted_persons"))

        unaccompanied_minors = d.pop("unaccompanied_minors")

        def _parse_adopted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adopted_on_type_0 = datetime.date.fromisoformat(data)

                return adopted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        adopted_on = _parse_adopted_on(d.pop("adopted_on"))

        quota_out = cls(
            quota_id=quota_id,
            year=year,
            state=state,
            requested_persons=requested_persons,
            requested_on=requested_on,
            adopted_persons=adopted_persons,
            unaccompanied_minors=unaccompanied_minors,
            adopted_on=adopted_on,
        )

        quota_out.additional_properties = d
        return quota_out

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
