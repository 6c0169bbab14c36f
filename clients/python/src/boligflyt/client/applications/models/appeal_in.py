from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppealIn")


@_attrs_define
class AppealIn:
    """
    Attributes:
        appealed_on (datetime.date | None | Unset): The day the appeal arrived; today if left out.
    """

    appealed_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        appealed_on: str | Unset | None
        if isinstance(self.appealed_on, Unset):
            appealed_on = UNSET
        elif isinstance(self.appealed_on, datetime.date):
            appealed_on = self.appealed_on.isoformat()
        else:
            appealed_on = self.appealed_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if appealed_on is not UNSET:
            field_dict["appealed_on"] = appealed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_appealed_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appealed_on_type_0 = datetime.date.fromisoformat(data)

                return appealed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        appealed_on = _parse_appealed_on(d.pop("appealed_on", UNSET))

        appeal_in = cls(
            appealed_on=appealed_on,
        )

        return appeal_in
