from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MoveOut")


@_attrs_define
class MoveOut:
    """
    Attributes:
        changed_on (datetime.date):
        provider_id (str):
        agreement_id (None | str):
        price_per_night (int):
        override_reasons (list[str] | None):
    """

    changed_on: datetime.date
    provider_id: str
    agreement_id: str | None
    price_per_night: int
    override_reasons: list[str] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_on = self.changed_on.isoformat()

        provider_id = self.provider_id

        agreement_id: str | None
        agreement_id = self.agreement_id

        price_per_night = self.price_per_night

        override_reasons: list[str] | None
        if isinstance(self.override_reasons, list):
            override_reasons = self.override_reasons

        else:
            override_reasons = self.override_reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_on": changed_on,
                "provider_id": provider_id,
                "agreement_id": agreement_id,
                "price_per_night": price_per_night,
                "override_reasons": override_reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed_on = datetime.date.fromisoformat(d.pop("changed_on"))

        provider_id = d.pop("provider_id")

        def _parse_agreement_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        agreement_id = _parse_agreement_id(d.pop("agreement_id"))

        price_per_night = d.pop("price_per_night")

        def _parse_override_reasons(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                override_reasons_type_0 = cast(list[str], data)

                return override_reasons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        override_reasons = _parse_override_reasons(d.pop("override_reasons"))

        move_out = cls(
            changed_on=changed_on,
            provider_id=provider_id,
            agreement_id=agreement_id,
            price_per_night=price_per_night,
            override_reasons=override_reasons,
        )

        move_out.additional_properties = d
        return move_out

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
