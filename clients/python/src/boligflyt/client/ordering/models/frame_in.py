from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FrameIn")


@_attrs_define
class FrameIn:
    """
    Attributes:
        amount (int): The frame in NOK.
        set_on (datetime.date | None | Unset): The day adopted or revised; default today.
    """

    amount: int
    set_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        set_on: str | Unset | None
        if isinstance(self.set_on, Unset):
            set_on = UNSET
        elif isinstance(self.set_on, datetime.date):
            set_on = self.set_on.isoformat()
        else:
            set_on = self.set_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
            }
        )
        if set_on is not UNSET:
            field_dict["set_on"] = set_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_set_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                set_on_type_0 = datetime.date.fromisoformat(data)

                return set_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        set_on = _parse_set_on(d.pop("set_on", UNSET))

        frame_in = cls(
            amount=amount,
            set_on=set_on,
        )

        return frame_in
