from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.meeting_case_out import MeetingCaseOut


T = TypeVar("T", bound="MeetingOut")


@_attrs_define
class MeetingOut:
    """
    Attributes:
        id (str):
        meeting_date (datetime.date):
        case_list_freezes_on (datetime.date):
        case_list_frozen (bool):
        cases (list[MeetingCaseOut] | Unset):
    """

    id: str
    meeting_date: datetime.date
    case_list_freezes_on: datetime.date
    case_list_frozen: bool
    cases: list[MeetingCaseOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        meeting_date = self.meeting_date.isoformat()

        case_list_freezes_on = self.case_list_freezes_on.isoformat()

        case_list_frozen = self.case_list_frozen

        cases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cases, Unset):
            cases = []
            for cases_item_data in self.cases:
                cases_item = cases_item_data.to_dict()
                cases.append(cases_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "meeting_date": meeting_date,
                "case_list_freezes_on": case_list_freezes_on,
                "case_list_frozen": case_list_frozen,
            }
        )
        if cases is not UNSET:
            field_dict["cases"] = cases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.meeting_case_out import MeetingCaseOut

        d = dict(src_dict)
        id = d.pop("id")

        meeting_date = datetime.date.fromisoformat(d.pop("meeting_date"))

        case_list_freezes_on = datetime.date.fromisoformat(d.pop("case_list_freezes_on"))

        case_list_frozen = d.pop("case_list_frozen")

        _cases = d.pop("cases", UNSET)
        cases: list[MeetingCaseOut] | Unset = UNSET
        if _cases is not UNSET:
            cases = []
            for cases_item_data in _cases:
                cases_item = MeetingCaseOut.from_dict(cases_item_data)

                cases.append(cases_item)

        meeting_out = cls(
            id=id,
            meeting_date=meeting_date,
            case_list_freezes_on=case_list_freezes_on,
            case_list_frozen=case_list_frozen,
            cases=cases,
        )

        meeting_out.additional_properties = d
        return meeting_out

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
