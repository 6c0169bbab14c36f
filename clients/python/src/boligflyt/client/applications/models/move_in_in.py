from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MoveInIn")


@_attrs_define
class MoveInIn:
    """
    Attributes:
        move_in_date (datetime.date | None | Unset): The day the tenant moved in: not before the contract starts, at
            most 7 days after today. Left out: the contract's start.
    """

    move_in_date: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        move_in_date: str | Unset | None
        if isinstance(self.move_in_date, Unset):
            move_in_date = UNSET
        elif isinstance(self.move_in_date, datetime.date):
            move_in_date = self.move_in_date.isoformat()
        else:
            move_in_date = self.move_in_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if move_in_date is not UNSET:
            field_dict["move_in_date"] = move_in_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_move_in_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                move_in_date_type_0 = datetime.date.fromisoformat(data)

                return move_in_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        move_in_date = _parse_move_in_date(d.pop("move_in_date", UNSET))

        move_in_in = cls(
            move_in_date=move_in_date,
        )

        return move_in_in
