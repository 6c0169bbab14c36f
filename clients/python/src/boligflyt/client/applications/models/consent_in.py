from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_in_scope_item import ConsentInScopeItem

T = TypeVar("T", bound="ConsentIn")


@_attrs_define
class ConsentIn:
    """
    Attributes:
        signed_on (datetime.date): The day the applicant signed the written consent; not after today.
        scope (list[ConsentInScopeItem]):
    """

    signed_on: datetime.date
    scope: list[ConsentInScopeItem]

    def to_dict(self) -> dict[str, Any]:
        signed_on = self.signed_on.isoformat()

        scope = []
        for scope_item_data in self.scope:
            scope_item = scope_item_data.value
            scope.append(scope_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "signed_on": signed_on,
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        scope = []
        _scope = d.pop("scope")
        for scope_item_data in _scope:
            scope_item = ConsentInScopeItem(scope_item_data)

            scope.append(scope_item)

        consent_in = cls(
            signed_on=signed_on,
            scope=scope,
        )

        return consent_in
