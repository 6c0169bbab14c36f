from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DismissSuggestionIn")


@_attrs_define
class DismissSuggestionIn:
    """
    Attributes:
        note (str): Why the suggestion is not taken up.
    """

    note: str

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note = d.pop("note")

        dismiss_suggestion_in = cls(
            note=note,
        )

        return dismiss_suggestion_in
