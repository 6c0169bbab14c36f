from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stay_end_reason import StayEndReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndIn")


@_attrs_define
class EndIn:
    """
    Attributes:
        end_date (datetime.date): The day the person left (the last night is the night before); at most 7 days after
            today.
        reason (StayEndReason): How a temporary stay ended.
        tenancy_id (None | str | Unset):
        belongings_left (bool | Unset): The person left belongings behind at the provider. Default: False.
    """

    end_date: datetime.date
    reason: StayEndReason
    tenancy_id: str | Unset | None = UNSET
    belongings_left: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date.isoformat()

        reason = self.reason.value

        tenancy_id: str | Unset | None
        if isinstance(self.tenancy_id, Unset):
            tenancy_id = UNSET
        else:
            tenancy_id = self.tenancy_id

        belongings_left = self.belongings_left

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end_date": end_date,
                "reason": reason,
            }
        )
        if tenancy_id is not UNSET:
            field_dict["tenancy_id"] = tenancy_id
        if belongings_left is not UNSET:
            field_dict["belongings_left"] = belongings_left

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        reason = StayEndReason(d.pop("reason"))

        def _parse_tenancy_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tenancy_id = _parse_tenancy_id(d.pop("tenancy_id", UNSET))

        belongings_left = d.pop("belongings_left", UNSET)

        end_in = cls(
            end_date=end_date,
            reason=reason,
            tenancy_id=tenancy_id,
            belongings_left=belongings_left,
        )

        return end_in
