from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OwnershipCheck")


@_attrs_define
class OwnershipCheck:
    """The rent-to-own / startlån assessment every application and renewal gets first (§ 8).

    Attributes:
        able_to_buy (bool): The household could buy with startlån or rent-to-own.
        note (None | str | Unset):
    """

    able_to_buy: bool
    note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        able_to_buy = self.able_to_buy

        note: str | Unset | None
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "able_to_buy": able_to_buy,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        able_to_buy = d.pop("able_to_buy")

        def _parse_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        ownership_check = cls(
            able_to_buy=able_to_buy,
            note=note,
        )

        return ownership_check
