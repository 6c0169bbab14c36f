from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StageCase")


@_attrs_define
class StageCase:
    """
    Attributes:
        case_id (str):
        person_ref (None | str):
        dwelling_id (None | str):
        since (datetime.date):
    """

    case_id: str
    person_ref: str | None
    dwelling_id: str | None
    since: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        person_ref: str | None
        person_ref = self.person_ref

        dwelling_id: str | None
        dwelling_id = self.dwelling_id

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "person_ref": person_ref,
                "dwelling_id": dwelling_id,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        def _parse_person_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        person_ref = _parse_person_ref(d.pop("person_ref"))

        def _parse_dwelling_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        dwelling_id = _parse_dwelling_id(d.pop("dwelling_id"))

        since = datetime.date.fromisoformat(d.pop("since"))

        stage_case = cls(
            case_id=case_id,
            person_ref=person_ref,
            dwelling_id=dwelling_id,
            since=since,
        )

        stage_case.additional_properties = d
        return stage_case

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
