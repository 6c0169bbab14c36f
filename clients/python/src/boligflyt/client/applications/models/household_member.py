from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.household_member_relation import HouseholdMemberRelation
from ..types import UNSET, Unset

T = TypeVar("T", bound="HouseholdMember")


@_attrs_define
class HouseholdMember:
    """
    Attributes:
        name (str):
        relation (HouseholdMemberRelation):
        birth_year (int | None | Unset):
    """

    name: str
    relation: HouseholdMemberRelation
    birth_year: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        relation = self.relation.value

        birth_year: int | Unset | None
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "relation": relation,
            }
        )
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        relation = HouseholdMemberRelation(d.pop("relation"))

        def _parse_birth_year(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        household_member = cls(
            name=name,
            relation=relation,
            birth_year=birth_year,
        )

        return household_member
