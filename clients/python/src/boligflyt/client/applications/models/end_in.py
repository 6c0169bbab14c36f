from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tenancy_end_reason import TenancyEndReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndIn")


@_attrs_define
class EndIn:
    """
    Attributes:
        reason (TenancyEndReason): Why a tenancy ended (a contract that falls away without notice when the need ends has
            its own reason).
        end_date (datetime.date | None | Unset):
    """

    reason: TenancyEndReason
    end_date: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        end_date: str | Unset | None
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = TenancyEndReason(d.pop("reason"))

        def _parse_end_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        end_in = cls(
            reason=reason,
            end_date=end_date,
        )

        return end_in
