from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TerminationIn")


@_attrs_define
class TerminationIn:
    """
    Attributes:
        terminated_on (datetime.date): The first day the agreement no longer applies.
        reason (str):
    """

    terminated_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        terminated_on = self.terminated_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "terminated_on": terminated_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        terminated_on = datetime.date.fromisoformat(d.pop("terminated_on"))

        reason = d.pop("reason")

        termination_in = cls(
            terminated_on=terminated_on,
            reason=reason,
        )

        return termination_in
