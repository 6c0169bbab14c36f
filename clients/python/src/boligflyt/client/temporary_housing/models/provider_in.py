from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.provider_kind import ProviderKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seasonal_closure_in import SeasonalClosureIn


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
        seasonal_closure (None | SeasonalClosureIn | Unset): Closed every year for a season (the campsite: 05-01 to
            07-31).
    """

    name: str
    kind: ProviderKind
    address: str
    owner_operator: str
    capacity: int | Unset | None = UNSET
    seasonal_closure: SeasonalClosureIn | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.seasonal_closure_in import SeasonalClosureIn

        name = self.name

        kind = self.kind.value

        address = self.address

        owner_operator = self.owner_operator

        capacity: int | Unset | None
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        seasonal_closure: dict[str, Any] | Unset | None
        if isinstance(self.seasonal_closure, Unset):
            seasonal_closure = UNSET
        elif isinstance(self.seasonal_closure, SeasonalClosureIn):
            seasonal_closure = self.seasonal_closure.to_dict()
        else:
            seasonal_closure = self.seasonal_closure

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
        if seasonal_closure is not UNSET:
            field_dict["seasonal_closure"] = seasonal_closure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seasonal_closure_in import SeasonalClosureIn

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

        def _parse_seasonal_closure(data: object) -> SeasonalClosureIn | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                seasonal_closure_type_0 = SeasonalClosureIn.from_dict(data)

                return seasonal_closure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeasonalClosureIn | Unset, data)

        seasonal_closure = _parse_seasonal_closure(d.pop("seasonal_closure", UNSET))

        provider_in = cls(
            name=name,
            kind=kind,
            address=address,
            owner_operator=owner_operator,
            capacity=capacity,
            seasonal_closure=seasonal_closure,
        )

        return provider_in
