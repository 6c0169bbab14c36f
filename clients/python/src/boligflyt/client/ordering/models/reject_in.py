from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.need_reject_reason import NeedRejectReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="RejectIn")


@_attrs_define
class RejectIn:
    """
    Attributes:
        reason (NeedRejectReason): Why the needs committee did not take a reported need into the housing programme.
        note (None | str | Unset): The committee's note.
    """

    reason: NeedRejectReason
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
        reason = NeedRejectReason(d.pop("reason"))

        def _parse_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        reject_in = cls(
            reason=reason,
            note=note,
        )

        return reject_in
