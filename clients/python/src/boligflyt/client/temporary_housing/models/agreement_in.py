from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgreementIn")


@_attrs_define
class AgreementIn:
    """
    Attributes:
        valid_from (datetime.date):
        valid_to (datetime.date): The last day the agreement applies (at most 2 years after valid_from).
        price_per_night (int): NOK per night actually used.
        address (None | str | Unset): The one address it covers; the provider's by default.
        excludes_families_with_children (bool | Unset): Always true: law and policy; false is refused
            (agreement_exclusions_fixed). Default: True.
        excludes_under_18 (bool | Unset): Always true: law and policy; false is refused (agreement_exclusions_fixed).
            Default: True.
    """

    valid_from: datetime.date
    valid_to: datetime.date
    price_per_night: int
    address: str | Unset | None = UNSET
    excludes_families_with_children: bool | Unset = True
    excludes_under_18: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()

        price_per_night = self.price_per_night

        address: str | Unset | None
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        excludes_families_with_children = self.excludes_families_with_children

        excludes_under_18 = self.excludes_under_18

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "valid_from": valid_from,
                "valid_to": valid_to,
                "price_per_night": price_per_night,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if excludes_families_with_children is not UNSET:
            field_dict["excludes_families_with_children"] = excludes_families_with_children
        if excludes_under_18 is not UNSET:
            field_dict["excludes_under_18"] = excludes_under_18

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))

        price_per_night = d.pop("price_per_night")

        def _parse_address(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        excludes_families_with_children = d.pop("excludes_families_with_children", UNSET)

        excludes_under_18 = d.pop("excludes_under_18", UNSET)

        agreement_in = cls(
            valid_from=valid_from,
            valid_to=valid_to,
            price_per_night=price_per_night,
            address=address,
            excludes_families_with_children=excludes_families_with_children,
            excludes_under_18=excludes_under_18,
        )

        return agreement_in
