from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.budget_line import BudgetLine

T = TypeVar("T", bound="FrameOut")


@_attrs_define
class FrameOut:
    """
    Attributes:
        frame_id (str):
        year (int):
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's Boligløft, LKE's loan
            frame, the economic plan).
        amount (int):
        committed (int): Estimated cost of open orders not yet delivered, in NOK.
        spent (int): What deliveries cost, in NOK.
        available (int): amount - committed - spent; negative when over.
        set_on (datetime.date):
    """

    frame_id: str
    year: int
    budget_line: BudgetLine
    amount: int
    committed: int
    spent: int
    available: int
    set_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        frame_id = self.frame_id

        year = self.year

        budget_line = self.budget_line.value

        amount = self.amount

        committed = self.committed

        spent = self.spent

        available = self.available

        set_on = self.set_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "frame_id": frame_id,
                "year": year,
                "budget_line": budget_line,
                "amount": amount,
                "committed": committed,
                "spent": spent,
                "available": available,
                "set_on": set_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        frame_id = d.pop("frame_id")

        year = d.pop("year")

        budget_line = BudgetLine(d.pop("budget_line"))

        amount = d.pop("amount")

        committed = d.pop("committed")

        spent = d.pop("spent")

        available = d.pop("available")

        set_on = datetime.date.fromisoformat(d.pop("set_on"))

        frame_out = cls(
            frame_id=frame_id,
            year=year,
            budget_line=budget_line,
            amount=amount,
            committed=committed,
            spent=spent,
            available=available,
            set_on=set_on,
        )

        frame_out.additional_properties = d
        return frame_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
