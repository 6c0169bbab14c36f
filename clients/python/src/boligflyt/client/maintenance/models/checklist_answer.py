from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChecklistAnswer")


@_attrs_define
class ChecklistAnswer:
    """
    Attributes:
        item (str): A checklist item code.
        passed (bool):
        note (None | str | Unset): Required when the item failed.
    """

    item: str
    passed: bool
    note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        item = self.item

        passed = self.passed

        note: str | Unset | None
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "item": item,
                "passed": passed,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item = d.pop("item")

        passed = d.pop("passed")

        def _parse_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        checklist_answer = cls(
            item=item,
            passed=passed,
            note=note,
        )

        return checklist_answer
