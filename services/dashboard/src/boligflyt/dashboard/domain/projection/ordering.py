"""The ordering function's events (producer `ordering`): needs, orders, deliveries and budget frames."""

from __future__ import annotations

from typing import Any

from boligflyt.contracts.events import ordering as o

from ..tables import Change
from .base import Projections

projections = Projections()


@projections.on(o.NeedReported)
def need_reported(data: o.NeedReported, event_id: str) -> list[Change]:
    return [
        Change(
            "needs",
            data.need_id,
            {
                "reported_on": data.reported_on,
                "reported_by": data.reported_by.value,
                "target_group": data.target_group.value,
                "dwellings": data.dwellings,
            },
        )
    ]


@projections.on(o.NeedPrioritised)
def need_prioritised(data: o.NeedPrioritised, event_id: str) -> list[Change]:
    return [
        Change(
            "needs",
            data.need_id,
            {
                "prioritised_on": data.prioritised_on,
                "programme_year": data.programme_year,
                "budget_line": data.budget_line.value,
                "dwellings_prioritised": data.dwellings,
            },
        )
    ]


@projections.on(o.NeedRejected)
def need_rejected(data: o.NeedRejected, event_id: str) -> list[Change]:
    return [Change("needs", data.need_id, {"rejected_on": data.rejected_on, "reject_reason": data.reason.value})]


@projections.on(o.OrderPlaced)
def order_placed(data: o.OrderPlaced, event_id: str) -> list[Change]:
    return [
        Change(
            "orders",
            data.order_id,
            {
                "placed_on": data.placed_on,
                "programme_year": data.programme_year,
                "budget_line": data.budget_line.value,
                "budget_amount": data.budget_amount,
                "target_group": data.target_group.value,
                "dwellings": data.dwellings,
                "due_date": data.due_date,
            },
        ),
        *(
            Change("needs", need_id, {"order_id": data.order_id, "ordered_on": data.placed_on})
            for need_id in data.need_ids
        ),
    ]


@projections.on(o.OrderFulfilled)
def order_fulfilled(data: o.OrderFulfilled, event_id: str) -> list[Change]:
    order_values: dict[str, Any] = {
        "programme_year": data.programme_year,
        "budget_line": data.budget_line.value,
        "dwellings": data.dwellings_ordered,
        "dwellings_delivered": data.dwellings_delivered_total,
    }
    if data.order_closed:
        order_values["closed_on"] = data.fulfilled_on
    return [
        Change("orders", data.order_id, order_values),
        Change(
            "deliveries",
            event_id,
            {
                "order_id": data.order_id,
                "fulfilled_on": data.fulfilled_on,
                "dwellings": len(data.dwelling_ids),
                "cost": data.cost,
                "programme_year": data.programme_year,
                "budget_line": data.budget_line.value,
            },
        ),
    ]


@projections.on(o.OrderCancelled)
def order_cancelled(data: o.OrderCancelled, event_id: str) -> list[Change]:
    return [
        Change(
            "orders",
            data.order_id,
            {
                "cancelled_on": data.cancelled_on,
                "cancel_reason": data.reason.value,
                "programme_year": data.programme_year,
                "budget_line": data.budget_line.value,
            },
        )
    ]


@projections.on(o.BudgetFrameSet)
def budget_frame_set(data: o.BudgetFrameSet, event_id: str) -> list[Change]:
    return [
        Change(
            "budgets",
            data.frame_id,
            {
                "year": data.year,
                "budget_line": data.budget_line.value,
                "amount": data.amount,
                "set_on": data.set_on,
            },
            guard="set_on",
        )
    ]
