from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MeetingIn")


@_attrs_define
class MeetingIn:
    """
    Attributes:
        meeting_date (datetime.date):
    """

    meeting_date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        meeting_date = self.meeting_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "meeting_date": meeting_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        meeting_date = datetime.date.fromisoformat(d.pop("meeting_date"))

        meeting_in = cls(
            meeting_date=meeting_date,
        )

        return meeting_in
