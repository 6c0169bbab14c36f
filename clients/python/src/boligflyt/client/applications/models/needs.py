from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Needs")


@_attrs_define
class Needs:
    """
    Attributes:
        bedrooms (int | None | Unset): Bedrooms needed beyond the norm, for a documented need; the norm (allocation
            rules § 12) is computed from the household and is the least: a single or a couple fits a studio, children share.
        accessible (bool | Unset):  Default: False.
        staffed (bool | Unset):  Default: False.
        areas (list[str] | Unset): Neighbourhood codes wished for; empty means anywhere.
    """

    bedrooms: int | Unset | None = UNSET
    accessible: bool | Unset = False
    staffed: bool | Unset = False
    areas: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bedrooms: int | Unset | None
        if isinstance(self.bedrooms, Unset):
            bedrooms = UNSET
        else:
            bedrooms = self.bedrooms

        accessible = self.accessible

        staffed = self.staffed

        areas: list[str] | Unset = UNSET
        if not isinstance(self.areas, Unset):
            areas = self.areas

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if accessible is not UNSET:
            field_dict["accessible"] = accessible
        if staffed is not UNSET:
            field_dict["staffed"] = staffed
        if areas is not UNSET:
            field_dict["areas"] = areas

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_bedrooms(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms", UNSET))

        accessible = d.pop("accessible", UNSET)

        staffed = d.pop("staffed", UNSET)

        areas = cast(list[str], d.pop("areas", UNSET))

        needs = cls(
            bedrooms=bedrooms,
            accessible=accessible,
            staffed=staffed,
            areas=areas,
        )

        return needs
