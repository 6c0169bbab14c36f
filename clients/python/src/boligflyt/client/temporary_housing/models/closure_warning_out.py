from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClosureWarningOut")


@_attrs_define
class ClosureWarningOut:
    """An open stay that would still be at the provider when it closes for the season: move the person first.

    Attributes:
        stay_id (str):
        provider_id (str):
        closes_on (datetime.date):
        reopens_on (datetime.date):
        expected_leaving_day (datetime.date): The stay's planned end, else its limit date.
    """

    stay_id: str
    provider_id: str
    closes_on: datetime.date
    reopens_on: datetime.date
    expected_leaving_day: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stay_id = self.stay_id

        provider_id = self.provider_id

        closes_on = self.closes_on.isoformat()

        reopens_on = self.reopens_on.isoformat()

        expected_leaving_day = self.expected_leaving_day.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stay_id": stay_id,
                "provider_id": provider_id,
                "closes_on": closes_on,
                "reopens_on": reopens_on,
                "expected_leaving_day": expected_leaving_day,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stay_id = d.pop("stay_id")

        provider_id = d.pop("provider_id")

        closes_on = datetime.date.fromisoformat(d.pop("closes_on"))

        reopens_on = datetime.date.fromisoformat(d.pop("reopens_on"))

        expected_leaving_day = datetime.date.fromisoformat(d.pop("expected_leaving_day"))

        closure_warning_out = cls(
            stay_id=stay_id,
            provider_id=provider_id,
            closes_on=closes_on,
            reopens_on=reopens_on,
            expected_leaving_day=expected_leaving_day,
        )

        closure_warning_out.additional_properties = d
        return closure_warning_out

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
