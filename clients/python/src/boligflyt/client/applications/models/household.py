from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Household")


@_attrs_define
class Household:
    """
    Attributes:
        adults (int):
        children (int | Unset):  Default: 0.
        children_needing_own_bedroom (int | Unset):  Default: 0.
    """

    adults: int
    children: int | Unset = 0
    children_needing_own_bedroom: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        adults = self.adults

        children = self.children

        children_needing_own_bedroom = self.children_needing_own_bedroom

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adults": adults,
            }
        )
        if children is not UNSET:
            field_dict["children"] = children
        if children_needing_own_bedroom is not UNSET:
            field_dict["children_needing_own_bedroom"] = children_needing_own_bedroom

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adults = d.pop("adults")

        children = d.pop("children", UNSET)

        children_needing_own_bedroom = d.pop("children_needing_own_bedroom", UNSET)

        household = cls(
            adults=adults,
            children=children,
            children_needing_own_bedroom=children_needing_own_bedroom,
        )

        return household
