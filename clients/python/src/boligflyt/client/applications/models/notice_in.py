from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.notice_party import NoticeParty
from ..types import UNSET, Unset

T = TypeVar("T", bound="NoticeIn")


@_attrs_define
class NoticeIn:
    """
    Attributes:
        given_by (NoticeParty): Who gave the notice to quit (oppsigelse).
        move_out_date (datetime.date):
        given_on (datetime.date | None | Unset): Not before the tenancy started; today by default.
    """

    given_by: NoticeParty
    move_out_date: datetime.date
    given_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_by = self.given_by.value

        move_out_date = self.move_out_date.isoformat()

        given_on: str | Unset | None
        if isinstance(self.given_on, Unset):
            given_on = UNSET
        elif isinstance(self.given_on, datetime.date):
            given_on = self.given_on.isoformat()
        else:
            given_on = self.given_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_by": given_by,
                "move_out_date": move_out_date,
            }
        )
        if given_on is not UNSET:
            field_dict["given_on"] = given_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_by = NoticeParty(d.pop("given_by"))

        move_out_date = datetime.date.fromisoformat(d.pop("move_out_date"))

        def _parse_given_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                given_on_type_0 = datetime.date.fromisoformat(data)

                return given_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        given_on = _parse_given_on(d.pop("given_on", UNSET))

        notice_in = cls(
            given_by=given_by,
            move_out_date=move_out_date,
            given_on=given_on,
        )

        return notice_in
