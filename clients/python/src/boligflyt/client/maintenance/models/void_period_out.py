from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VoidPeriodOut")


@_attrs_define
class VoidPeriodOut:
    """
    Attributes:
        tenancy_ended_on (datetime.date):
        let_on (datetime.date | None): Null while the dwelling is still not let (counted to as_of).
        waiting_for_renovation (int):
        renovating (int):
        ready_not_let (int):
        total (int):
    """

    tenancy_ended_on: datetime.date
    let_on: datetime.date | None
    waiting_for_renovation: int
    renovating: int
    ready_not_let: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenancy_ended_on = self.tenancy_ended_on.isoformat()

        let_on: str | None
        if isinstance(self.let_on, datetime.date):
            let_on = self.let_on.isoformat()
        else:
            let_on = self.let_on

        waiting_for_renovation = self.waiting_for_renovation

        renovating = self.renovating

        ready_not_let = self.ready_not_let

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenancy_ended_on": tenancy_ended_on,
                "let_on": let_on,
                "waiting_for_renovation": waiting_for_renovation,
                "renovating": renovating,
                "ready_not_let": ready_not_let,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tenancy_ended_on = datetime.date.fromisoformat(d.pop("tenancy_ended_on"))

        def _parse_let_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                let_on_type_0 = datetime.date.fromisoformat(data)

                return let_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        let_on = _parse_let_on(d.pop("let_on"))

        waiting_for_renovation = d.pop("waiting_for_renovation")

        renovating = d.pop("renovating")

        ready_not_let = d.pop("ready_not_let")

        total = d.pop("total")

        void_period_out = cls(
            tenancy_ended_on=tenancy_ended_on,
            let_on=let_on,
            waiting_for_renovation=waiting_for_renovation,
            renovating=renovating,
            ready_not_let=ready_not_let,
            total=total,
        )

        void_period_out.additional_properties = d
        return void_period_out

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
