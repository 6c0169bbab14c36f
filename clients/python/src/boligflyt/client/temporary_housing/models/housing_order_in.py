from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HousingOrderIn")


@_attrs_define
class HousingOrderIn:
    """
    Attributes:
        needed_by (datetime.date | None | Unset): Defaults to the planned settlement date.
        bedrooms_needed (int | None | Unset):
    """

    needed_by: datetime.date | Unset | None = UNSET
    bedrooms_needed: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        needed_by: str | Unset | None
        if isinstance(self.needed_by, Unset):
            needed_by = UNSET
        elif isinstance(self.needed_by, datetime.date):
            needed_by = self.needed_by.isoformat()
        else:
            needed_by = self.needed_by

        bedrooms_needed: int | Unset | None
        if isinstance(self.bedrooms_needed, Unset):
            bedrooms_needed = UNSET
        else:
            bedrooms_needed = self.bedrooms_needed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if needed_by is not UNSET:
            field_dict["needed_by"] = needed_by
        if bedrooms_needed is not UNSET:
            field_dict["bedrooms_needed"] = bedrooms_needed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_needed_by(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                needed_by_type_0 = datetime.date.fromisoformat(data)

                return needed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        needed_by = _parse_needed_by(d.pop("needed_by", UNSET))

        def _parse_bedrooms_needed(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms_needed = _parse_bedrooms_needed(d.pop("bedrooms_needed", UNSET))

        housing_order_in = cls(
            needed_by=needed_by,
            bedrooms_needed=bedrooms_needed,
        )

        return housing_order_in
