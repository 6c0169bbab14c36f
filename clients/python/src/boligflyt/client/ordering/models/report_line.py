from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.budget_line import BudgetLine

T = TypeVar("T", bound="ReportLine")


@_attrs_define
class ReportLine:
    """
    Attributes:
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's Boligløft, LKE's loan
            frame, the economic plan).
        frame_amount (int | None):
        committed (int):
        spent (int):
        available (int | None):
        needs_prioritised (int):
        dwellings_prioritised (int):
        needs_ordered (int):
        needs_delivered (int):
        orders (int):
        orders_open (int):
        orders_overdue (int):
        orders_cancelled (int):
        dwellings_ordered (int):
        dwellings_delivered (int):
    """

    budget_line: BudgetLine
    frame_amount: int | None
    committed: int
    spent: int
    available: int | None
    needs_prioritised: int
    dwellings_prioritised: int
    needs_ordered: int
    needs_delivered: int
    orders: int
    orders_open: int
    orders_overdue: int
    orders_cancelled: int
    dwellings_ordered: int
    dwellings_delivered: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget_line = self.budget_line.value

        frame_amount: int | None
        frame_amount = self.frame_amount

        committed = self.committed

        spent = self.spent

        available: int | None
        available = self.available

        needs_prioritised = self.needs_prioritised

        dwellings_prioritised = self.dwellings_prioritised

        needs_ordered = self.needs_ordered

        needs_delivered = self.needs_delivered

        orders = self.orders

        orders_open = self.orders_open

        orders_overdue = self.orders_overdue

        orders_cancelled = self.orders_cancelled

        dwellings_ordered = self.dwellings_ordered

        dwellings_delivered = self.dwellings_delivered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget_line": budget_line,
                "frame_amount": frame_amount,
                "committed": committed,
                "spent": spent,
                "available": available,
                "needs_prioritised": needs_prioritised,
                "dwellings_prioritised": dwellings_prioritised,
                "needs_ordered": needs_ordered,
                "needs_delivered": needs_delivered,
                "orders": orders,
                "orders_open": orders_open,
                "orders_overdue": orders_overdue,
                "orders_cancelled": orders_cancelled,
                "dwellings_ordered": dwellings_ordered,
                "dwellings_delivered": dwellings_delivered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        budget_line = BudgetLine(d.pop("budget_line"))

        def _parse_frame_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        frame_amount = _parse_frame_amount(d.pop("frame_amount"))

        committed = d.pop("committed")

        spent = d.pop("spent")

        def _parse_available(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        available = _parse_available(d.pop("available"))

        needs_prioritised = d.pop("needs_prioritised")

        dwellings_prioritised = d.pop("dwellings_prioritised")

        needs_ordered = d.pop("needs_ordered")

        needs_delivered = d.pop("needs_delivered")

        orders = d.pop("orders")

        orders_open = d.pop("orders_open")

        orders_overdue = d.pop("orders_overdue")

        orders_cancelled = d.pop("orders_cancelled")

        dwellings_ordered = d.pop("dwellings_ordered")

        dwellings_delivered = d.pop("dwellings_delivered")

        report_line = cls(
            budget_line=budget_line,
            frame_amount=frame_amount,
            committed=committed,
            spent=spent,
            available=available,
            needs_prioritised=needs_prioritised,
            dwellings_prioritised=dwellings_prioritised,
            needs_ordered=needs_ordered,
            needs_delivered=needs_delivered,
            orders=orders,
            orders_open=orders_open,
            orders_overdue=orders_overdue,
            orders_cancelled=orders_cancelled,
            dwellings_ordered=dwellings_ordered,
            dwellings_delivered=dwellings_delivered,
        )

        report_line.additional_properties = d
        return report_line

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
