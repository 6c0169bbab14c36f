from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentRevokeIn")


@_attrs_define
class ConsentRevokeIn:
    """
    Attributes:
        revoked_on (datetime.date | None | Unset): The day consent was withdrawn; today if left out.
    """

    revoked_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        revoked_on: str | Unset | None
        if isinstance(self.revoked_on, Unset):
            revoked_on = UNSET
        elif isinstance(self.revoked_on, datetime.date):
            revoked_on = self.revoked_on.isoformat()
        else:
            revoked_on = self.revoked_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if revoked_on is not UNSET:
            field_dict["revoked_on"] = revoked_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_revoked_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_on_type_0 = datetime.date.fromisoformat(data)

                return revoked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        revoked_on = _parse_revoked_on(d.pop("revoked_on", UNSET))

        consent_revoke_in = cls(
            revoked_on=revoked_on,
        )

        return consent_revoke_in
