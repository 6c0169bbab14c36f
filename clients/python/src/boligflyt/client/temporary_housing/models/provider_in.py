from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.provider_kind import ProviderKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProviderIn")


@_attrs_define
class ProviderIn:
    """
    Attributes:
        name (str):
        kind (ProviderKind): The kind of temporary-accommodation provider; private ones need a quality agreement.
        address (str):
        owner_operator (str): Who owns or runs the place.
        capacity (int | None | Unset): Places; null when not limited.
    """

    name: str
    kind: ProviderKind
    address: str
    owner_operator: str
    capacity: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        address = self.address

        owner_operator = self.owner_operator

        capacity: int | Unset | None
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "address": address,
                "owner_operator": owner_operator,
            }
        )
        if capacity is not UNSET:
            field_dict["capacity"] = capacity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = ProviderKind(d.pop("kind"))

        address = d.pop("address")

        owner_operator = d.pop("owner_operator")

        def _parse_capacity(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))

        provider_in = cls(
            name=name,
            kind=kind,
            address=address,
            owner_operator=owner_operator,
            capacity=capacity,
        )

        return provider_in
