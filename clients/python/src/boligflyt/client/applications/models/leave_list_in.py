from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.leave_list_in_reason import LeaveListInReason

T = TypeVar("T", bound="LeaveListIn")


@_attrs_define
class LeaveListIn:
    """
    Attributes:
        reason (LeaveListInReason):
    """

    reason: LeaveListInReason

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = LeaveListInReason(d.pop("reason"))

        leave_list_in = cls(
            reason=reason,
        )

        return leave_list_in
