from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuotaIn")


@_attrs_define
class QuotaIn:
    """
    Attributes:
        year (int):
        requested_persons (int | None | Unset):
        requested_on (datetime.date | None | Unset):
    """

    year: int
    requested_persons: int | Unset | None = UNSET
    requested_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        requested_persons: int | Unset | None
        if isinstance(self.requested_persons, Unset):
            requested_persons = UNSET
        else:
            requested_persons = self.requested_persons

        requested_on: str | Unset | None
        if isinstance(self.requested_on, Unset):
            requested_on = UNSET
        elif isinstance(self.requested_on, datetime.date):
            requested_on = self.requested_on.isoformat()
        else:
            requested_on = self.requested_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
            }
        )
        if requested_persons is not UNSET:
            field_dict["requested_persons"] = requested_persons
        if requested_on is not UNSET:
            field_dict["requested_on"] = requested_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        def _parse_requested_persons(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requested_persons = _parse_requested_persons(d.pop("requested_persons", UNSET))

        def _parse_requested_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_on_type_0 = datetime.date.fromisoformat(data)

                return requested_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        requested_on = _parse_requested_on(d.pop("requested_on", UNSET))

        quota_in = cls(
            year=year,
            requested_persons=requested_persons,
            requested_on=requested_on,
        )

        return quota_in
