from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsentOut")


@_attrs_define
class ConsentOut:
    """
    Attributes:
        id (str):
        signed_on (datetime.date):
        scope (list[str]):
        revoked_on (datetime.date | None):
    """

    id: str
    signed_on: datetime.date
    scope: list[str]
    revoked_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        signed_on = self.signed_on.isoformat()

        scope = self.scope

        revoked_on: str | None
        if isinstance(self.revoked_on, datetime.date):
            revoked_on = self.revoked_on.isoformat()
        else:
            revoked_on = self.revoked_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "signed_on": signed_on,
                "scope": scope,
                "revoked_on": revoked_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        scope = cast(list[str], d.pop("scope"))

        def _parse_revoked_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_on_type_0 = datetime.date.fromisoformat(data)

                return revoked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        revoked_on = _parse_revoked_on(d.pop("revoked_on"))

        consent_out = cls(
            id=id,
            signed_on=signed_on,
            scope=scope,
            revoked_on=revoked_on,
        )

        consent_out.additional_properties = d
        return consent_out

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
