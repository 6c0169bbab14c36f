from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Void")


@_attrs_define
class Void:
    """
    Attributes:
        dwelling_id (str):
        ended_tenancy_id (str):
        end_date (datetime.date):
        let_tenancy_id (str):
        let_date (datetime.date):
        waiting (int):
        renovating (int):
        ready (int):
        days (int):
    """

    dwelling_id: str
    ended_tenancy_id: str
    end_date: datetime.date
    let_tenancy_id: str
    let_date: datetime.date
    waiting: int
    renovating: int
    ready: int
    days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dwelling_id = self.dwelling_id

        ended_tenancy_id = self.ended_tenancy_id

        end_date = self.end_date.isoformat()

        let_tenancy_id = self.let_tenancy_id

        let_date = self.let_date.isoformat()

        waiting = self.waiting

        renovating = self.renovating

        ready = self.ready

        days = self.days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dwelling_id": dwelling_id,
                "ended_tenancy_id": ended_tenancy_id,
                "end_date": end_date,
                "let_tenancy_id": let_tenancy_id,
                "let_date": let_date,
                "waiting": waiting,
                "renovating": renovating,
                "ready": ready,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dwelling_id = d.pop("dwelling_id")

        ended_tenancy_id = d.pop("ended_tenancy_id")

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        let_tenancy_id = d.pop("let_tenancy_id")

        let_date = datetime.date.fromisoformat(d.pop("let_date"))

        waiting = d.pop("waiting")

        renovating = d.pop("renovating")

        ready = d.pop("ready")

        days = d.pop("days")

        void = cls(
            dwelling_id=dwelling_id,
            ended_tenancy_id=ended_tenancy_id,
            end_date=end_date,
            let_tenancy_id=let_tenancy_id,
            let_date=let_date,
            waiting=waiting,
            renovating=renovating,
            ready=ready,
            days=days,
        )

        void.additional_properties = d
        return void

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
