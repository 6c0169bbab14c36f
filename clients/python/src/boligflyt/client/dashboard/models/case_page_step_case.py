from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.step_case import StepCase


T = TypeVar("T", bound="CasePageStepCase")


@_attrs_define
class CasePageStepCase:
    """
    Attributes:
        total (int):
        offset (int):
        limit (int):
        cases (list[StepCase]):
    """

    total: int
    offset: int
    limit: int
    cases: list[StepCase]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        offset = self.offset

        limit = self.limit

        cases = []
        for cases_item_data in self.cases:
            cases_item = cases_item_data.to_dict()
            cases.append(cases_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "offset": offset,
                "limit": limit,
                "cases": cases,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step_case import StepCase

        d = dict(src_dict)
        total = d.pop("total")

        offset = d.pop("offset")

        limit = d.pop("limit")

        cases = []
        _cases = d.pop("cases")
        for cases_item_data in _cases:
            cases_item = StepCase.from_dict(cases_item_data)

            cases.append(cases_item)

        case_page_step_case = cls(
            total=total,
            offset=offset,
            limit=limit,
            cases=cases,
        )

        case_page_step_case.additional_properties = d
        return case_page_step_case

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
