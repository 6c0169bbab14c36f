from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MoveIn")


@_attrs_define
class MoveIn:
    """
    Attributes:
        provider_id (str):
        changed_on (datetime.date): The first night at the new provider.
        override_justification (None | str | Unset):
        price_per_night (int | None | Unset): Only without a valid agreement, NOK.
    """

    provider_id: str
    changed_on: datetime.date
    override_justification: str | Unset | None = UNSET
    price_per_night: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        changed_on = self.changed_on.isoformat()

        override_justification: str | Unset | None
        if isinstance(self.override_justification, Unset):
            override_justification = UNSET
        else:
            override_justification = self.override_justification

        price_per_night: int | Unset | None
        if isinstance(self.price_per_night, Unset):
            price_per_night = UNSET
        else:
            price_per_night = self.price_per_night

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider_id": provider_id,
                "changed_on": changed_on,
            }
        )
        if override_justification is not UNSET:
            field_dict["override_justification"] = override_justification
        if price_per_night is not UNSET:
            field_dict["price_per_night"] = price_per_night

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider_id = d.pop("provider_id")

        changed_on = datetime.date.fromisoformat(d.pop("changed_on"))

        def _parse_override_justification(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override_justification = _parse_override_justification(d.pop("override_justification", UNSET))

        def _parse_price_per_night(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price_per_night = _parse_price_per_night(d.pop("price_per_night", UNSET))

        move_in = cls(
            provider_id=provider_id,
            changed_on=changed_on,
            override_justification=override_justification,
            price_per_night=price_per_night,
        )

        return move_in
