from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.order_cancel_reason import OrderCancelReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelOrderIn")


@_attrs_define
class CancelOrderIn:
    """
    Attributes:
        reason (OrderCancelReason): Why an order to LKE was cancelled before it was delivered.
        note (None | str | Unset):
    """

    reason: OrderCancelReason
    note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        note: str | Unset | None
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = OrderCancelReason(d.pop("reason"))

        def _parse_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        cancel_order_in = cls(
            reason=reason,
            note=note,
        )

        return cancel_order_in
