from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CommitteeAllocationIn")


@_attrs_define
class CommitteeAllocationIn:
    """
    Attributes:
        dwelling_id (str):
        application_id (str):
        deviation_reason (None | str | Unset): Why the committee allocates to another household than the one proposed;
            required then.
    """

    dwelling_id: str
    application_id: str
    deviation_reason: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        dwelling_id = self.dwelling_id

        application_id = self.application_id

        deviation_reason: str | Unset | None
        if isinstance(self.deviation_reason, Unset):
            deviation_reason = UNSET
        else:
            deviation_reason = self.deviation_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dwelling_id": dwelling_id,
                "application_id": application_id,
            }
        )
        if deviation_reason is not UNSET:
            field_dict["deviation_reason"] = deviation_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dwelling_id = d.pop("dwelling_id")

        application_id = d.pop("application_id")

        def _parse_deviation_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deviation_reason = _parse_deviation_reason(d.pop("deviation_reason", UNSET))

        committee_allocation_in = cls(
            dwelling_id=dwelling_id,
            application_id=application_id,
            deviation_reason=deviation_reason,
        )

        return committee_allocation_in
