from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgreementOut")


@_attrs_define
class AgreementOut:
    """
    Attributes:
        agreement_id (str):
        provider_id (str):
        address (str):
        valid_from (datetime.date):
        valid_to (datetime.date):
        renegotiation_deadline (datetime.date):
        price_per_night (int):
        excludes_families_with_children (bool):
        excludes_under_18 (bool):
        terminated_on (datetime.date | None):
        termination_reason (None | str):
    """

    agreement_id: str
    provider_id: str
    address: str
    valid_from: datetime.date
    valid_to: datetime.date
    renegotiation_deadline: datetime.date
    price_per_night: int
    excludes_families_with_children: bool
    excludes_under_18: bool
    terminated_on: datetime.date | None
    termination_reason: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id = self.agreement_id

        provider_id = self.provider_id

        address = self.address

        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()

        renegotiation_deadline = self.renegotiation_deadline.isoformat()

        price_per_night = self.price_per_night

        excludes_families_with_children = self.excludes_families_with_children

        excludes_under_18 = self.excludes_under_18

        terminated_on: str | None
        if isinstance(self.terminated_on, datetime.date):
            terminated_on = self.terminated_on.isoformat()
        else:
            terminated_on = self.terminated_on

        termination_reason: str | None
        termination_reason = self.termination_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "provider_id": provider_id,
                "address": address,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "renegotiation_deadline": renegotiation_deadline,
                "price_per_night": price_per_night,
                "excludes_families_with_children": excludes_families_with_children,
                "excludes_under_18": excludes_under_18,
                "terminated_on": terminated_on,
                "termination_reason": termination_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        provider_id = d.pop("provider_id")

        address = d.pop("address")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))

        renegotiation_deadline = datetime.date.fromisoformat(d.pop("renegotiation_deadline"))

        price_per_night = d.pop("price_per_night")

        excludes_families_with_children = d.pop("excludes_families_with_children")

        excludes_under_18 = d.pop("excludes_under_18")

        def _parse_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_on_type_0 = datetime.date.fromisoformat(data)

                return terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on"))

        def _parse_termination_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        termination_reason = _parse_termination_reason(d.pop("termination_reason"))

        agreement_out = cls(
            agreement_id=agreement_id,
            provider_id=provider_id,
            address=address,
            valid_from=valid_from,
            valid_to=valid_to,
            renegotiation_deadline=renegotiation_deadline,
            price_per_night=price_per_night,
            excludes_families_with_children=excludes_families_with_children,
            excludes_under_18=excludes_under_18,
            terminated_on=terminated_on,
            termination_reason=termination_reason,
        )

        agreement_out.additional_properties = d
        return agreement_out

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
