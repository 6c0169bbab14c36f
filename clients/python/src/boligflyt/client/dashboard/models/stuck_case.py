from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StuckCase")


@_attrs_define
class StuckCase:
    """
    Attributes:
        rule (str):
        case_id (str):
        since (datetime.date):
        days (int):
        person_ref (None | str | Unset):
        dwelling_id (None | str | Unset):
    """

    rule: str
    case_id: str
    since: datetime.date
    days: int
    person_ref: str | Unset | None = UNSET
    dwelling_id: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        case_id = self.case_id

        since = self.since.isoformat()

        days = self.days

        person_ref: str | Unset | None
        if isinstance(self.person_ref, Unset):
            person_ref = UNSET
        else:
            person_ref = self.person_ref

        dwelling_id: str | Unset | None
        if isinstance(self.dwelling_id, Unset):
            dwelling_id = UNSET
        else:
            dwelling_id = self.dwelling_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "case_id": case_id,
                "since": since,
                "days": days,
            }
        )
        if person_ref is not UNSET:
            field_dict["person_ref"] = person_ref
        if dwelling_id is not UNSET:
            field_dict["dwelling_id"] = dwelling_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = d.pop("rule")

        case_id = d.pop("case_id")

        since = datetime.date.fromisoformat(d.pop("since"))

        days = d.pop("days")

        def _parse_person_ref(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_ref = _parse_person_ref(d.pop("person_ref", UNSET))

        def _parse_dwelling_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dwelling_id = _parse_dwelling_id(d.pop("dwelling_id", UNSET))

        stuck_case = cls(
            rule=rule,
            case_id=case_id,
            since=since,
            days=days,
            person_ref=person_ref,
            dwelling_id=dwelling_id,
        )

        stuck_case.additional_properties = d
        return stuck_case

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
