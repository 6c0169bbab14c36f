from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dwelling_status import DwellingStatus

T = TypeVar("T", bound="StatusChangeOut")


@_attrs_define
class StatusChangeOut:
    """
    Attributes:
        status (DwellingStatus): Where a dwelling is in its turnover between tenancies.
        entered_on (datetime.date):
        cause (str):
    """

    status: DwellingStatus
    entered_on: datetime.date
    cause: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        entered_on = self.entered_on.isoformat()

        cause = self.cause

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "entered_on": entered_on,
                "cause": cause,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = DwellingStatus(d.pop("status"))

        entered_on = datetime.date.fromisoformat(d.pop("entered_on"))

        cause = d.pop("cause")

        status_change_out = cls(
            status=status,
            entered_on=entered_on,
            cause=cause,
        )

        status_change_out.additional_properties = d
        return status_change_out

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
