from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.provider_kind import ProviderKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreement_out import AgreementOut
    from ..models.closure_warning_out import ClosureWarningOut
    from ..models.seasonal_closure_out import SeasonalClosureOut


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
        needs_quality_agreement (bool | Unset): False for a municipal emergency unit, which is used without a quality
            agreement. Default: True.
        seasonal_closure (None | SeasonalClosureOut | Unset):
        closure_warnings (list[ClosureWarningOut] | Unset): Open stays that would still be here when the provider next
            closes.
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
    needs_quality_agreement: bool | Unset = True
    seasonal_closure: SeasonalClosureOut | Unset | None = UNSET
    closure_warnings: list[ClosureWarningOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_out import AgreementOut
        from ..models.seasonal_closure_out import SeasonalClosureOut

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

        needs_quality_agreement = self.needs_quality_agreement

        seasonal_closure: dict[str, Any] | Unset | None
        if isinstance(self.seasonal_closure, Unset):
            seasonal_closure = UNSET
        elif isinstance(self.seasonal_closure, SeasonalClosureOut):
            seasonal_closure = self.seasonal_closure.to_dict()
        else:
            seasonal_closure = self.seasonal_closure

        closure_warnings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.closure_warnings, Unset):
            closure_warnings = []
            for closure_warnings_item_data in self.closure_warnings:
                closure_warnings_item = closure_warnings_item_data.to_dict()
                closure_warnings.append(closure_warnings_item)

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
        if needs_quality_agreement is not UNSET:
            field_dict["needs_quality_agreement"] = needs_quality_agreement
        if seasonal_closure is not UNSET:
            field_dict["seasonal_closure"] = seasonal_closure
        if closure_warnings is not UNSET:
            field_dict["closure_warnings"] = closure_warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_out import AgreementOut
        from ..models.closure_warning_out import ClosureWarningOut
        from ..models.seasonal_closure_out import SeasonalClosureOut

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

        needs_quality_agreement = d.pop("needs_quality_agreement", UNSET)

        def _parse_seasonal_closure(data: object) -> SeasonalClosureOut | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                seasonal_closure_type_0 = SeasonalClosureOut.from_dict(data)

                return seasonal_closure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeasonalClosureOut | Unset, data)

        seasonal_closure = _parse_seasonal_closure(d.pop("seasonal_closure", UNSET))

        _closure_warnings = d.pop("closure_warnings", UNSET)
        closure_warnings: list[ClosureWarningOut] | Unset = UNSET
        if _closure_warnings is not UNSET:
            closure_warnings = []
            for closure_warnings_item_data in _closure_warnings:
                closure_warnings_item = ClosureWarningOut.from_dict(closure_warnings_item_data)

                closure_warnings.append(closure_warnings_item)

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
            needs_quality_agreement=needs_quality_agreement,
            seasonal_closure=seasonal_closure,
            closure_warnings=closure_warnings,
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
