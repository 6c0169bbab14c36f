from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.target_group import TargetGroup
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfirmSuggestionIn")


@_attrs_define
class ConfirmSuggestionIn:
    """
    Attributes:
        quantity (int | None | Unset): Adjust the suggested quantity.
        target_group (None | TargetGroup | Unset): Adjust the suggested target group.
        note (None | str | Unset):
    """

    quantity: int | Unset | None = UNSET
    target_group: TargetGroup | Unset | None = UNSET
    note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        quantity: int | Unset | None
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        target_group: str | Unset | None
        if isinstance(self.target_group, Unset):
            target_group = UNSET
        elif isinstance(self.target_group, TargetGroup):
            target_group = self.target_group.value
        else:
            target_group = self.target_group

        note: str | Unset | None
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if target_group is not UNSET:
            field_dict["target_group"] = target_group
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_quantity(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_target_group(data: object) -> TargetGroup | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_group_type_0 = TargetGroup(data)

                return target_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TargetGroup | Unset, data)

        target_group = _parse_target_group(d.pop("target_group", UNSET))

        def _parse_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        confirm_suggestion_in = cls(
            quantity=quantity,
            target_group=target_group,
            note=note,
        )

        return confirm_suggestion_in
