from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.budget_line import BudgetLine
from ..types import UNSET, Unset

T = TypeVar("T", bound="PrioritiseIn")


@_attrs_define
class PrioritiseIn:
    """
    Attributes:
        programme_year (int): The housing programme year.
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's Boligløft, LKE's loan
            frame, the economic plan).
        dwellings (int | None | Unset): Dwellings prioritised; default all reported.
        note (None | str | Unset): The committee's note.
    """

    programme_year: int
    budget_line: BudgetLine
    dwellings: int | Unset | None = UNSET
    note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        programme_year = self.programme_year

        budget_line = self.budget_line.value

        dwellings: int | Unset | None
        if isinstance(self.dwellings, Unset):
            dwellings = UNSET
        else:
            dwellings = self.dwellings

        note: str | Unset | None
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "programme_year": programme_year,
                "budget_line": budget_line,
            }
        )
        if dwellings is not UNSET:
            field_dict["dwellings"] = dwellings
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        programme_year = d.pop("programme_year")

        budget_line = BudgetLine(d.pop("budget_line"))

        def _parse_dwellings(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dwellings = _parse_dwellings(d.pop("dwellings", UNSET))

        def _parse_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        prioritise_in = cls(
            programme_year=programme_year,
            budget_line=budget_line,
            dwellings=dwellings,
            note=note,
        )

        return prioritise_in
