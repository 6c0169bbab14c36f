from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.provider_kind import ProviderKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreement_out import AgreementOut


T = TypeVar("T", bound="ProviderOut")


@_attrs_define
class ProviderOut:
    """
    Attributes:
        provider_id (str):
        name (str):
        kind (ProviderKind): The kind of temporary-accommodation provider; private ones need a quality agreement.
        address (str):
        owner_operator (str):
        capacity (int | None):
        active (bool):
        occupied (int | Unset):  Default: 0.
        agreement_in_force (AgreementOut | None | Unset):
    """

    provider_id: str
    name: str
    kind: ProviderKind
    address: str
    owner_operator: str
    capacity: int | None
    active: bool
    occupied: int | Unset = 0
    agreement_in_force: AgreementOut | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_out import AgreementOut

        provider_id = self.provider_id

        name = self.name

        kind = self.kind.value

        address = self.address

        owner_operator = self.owner_operator

        capacity: int | None
        capacity = self.capacity

        active = self.active

        occupied = self.occupied

        agreement_in_force: dict[str, Any] | Unset | None
        if isinstance(self.agreement_in_force, Unset):
            agreement_in_force = UNSET
        elif isinstance(self.agreement_in_force, AgreementOut):
            agreement_in_force = self.agreement_in_force.to_dict()
        else:
            agreement_in_force = self.agreement_in_force

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_id": provider_id,
                "name": name,
                "kind": kind,
                "address": address,
                "owner_operator": owner_operator,
                "capacity": capacity,
                "active": active,
            }
        )
        if occupied is not UNSET:
            field_dict["occupied"] = occupied
        if agreement_in_force is not UNSET:
            field_dict["agreement_in_force"] = agreement_in_force

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_out import AgreementOut

        d = dict(src_dict)
        provider_id = d.pop("provider_id")

        name = d.pop("name")

        kind = ProviderKind(d.pop("kind"))

        address = d.pop("address")

        owner_operator = d.pop("owner_operator")

        def _parse_capacity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity = _parse_capacity(d.pop("capacity"))

        active = d.pop("active")

        occupied = d.pop("occupied", UNSET)

        def _parse_agreement_in_force(data: object) -> AgreementOut | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agreement_in_force_type_0 = AgreementOut.from_dict(data)

                return agreement_in_force_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgreementOut | None | Unset, data)

        agreement_in_force = _parse_agreement_in_force(d.pop("agreement_in_force", UNSET))

        provider_out = cls(
            provider_id=provider_id,
            name=name,
            kind=kind,
            address=address,
            owner_operator=owner_operator,
            capacity=capacity,
            active=active,
            occupied=occupied,
            agreement_in_force=agreement_in_force,
        )

        provider_out.additional_properties = d
        return provider_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
