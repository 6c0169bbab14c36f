from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuotaMonthOut")


@_attrs_define
class QuotaMonthOut:
    """
    Attributes:
        month (str):
        settled_persons (int):
        settled_cumulative (int):
        expected_cumulative (int):
        behind_by (int):
    """

    month: str
    settled_persons: int
    settled_cumulative: int
    expected_cumulative: int
    behind_by: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        settled_persons = self.settled_persons

        settled_cumulative = self.settled_cumulative

        expected_cumulative = self.expected_cumulative

        behind_by = self.behind_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "settled_persons": settled_persons,
                "settled_cumulative": settled_cumulative,
                "expected_cumulative": expected_cumulative,
                "behind_by": behind_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = d.pop("month")

        settled_persons = d.pop("settled_persons")

        settled_cumulative = d.pop("settled_cumulative")

        expected_cumulative = d.pop("expected_cumulative")

        behind_by = d.pop("behind_by")

        quota_month_out = cls(
            month=month,
            settled_persons=settled_persons,
            settled_cumulative=settled_cumulative,
            expected_cumulative=expected_cumulative,
            behind_by=behind_by,
        )

        quota_month_out.additional_properties = d
        return quota_month_out

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
