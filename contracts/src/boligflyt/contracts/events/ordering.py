"""Events of the central ordering function (producer `ordering`): needs, budget frames, orders to LKE.

Keys: a need's events by `need_id`, an order's by `order_id`, a budget frame's by `frame_id`.

Beyond the minimum set the catalogue started with (docs/domain.md, "Events"):
- `need.rejected`: a need can end in `rejected`; without it a rejected need would count as waiting
  for prioritisation forever in KPI 7.
- `dwelling_category` (optional) on `need.reported` and `order.placed`: the kind of dwelling in LKE's register
  vocabulary (care, staffed, transitional...), so LKE's acquisition project knows what to provide.
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import Field, model_validator

from boligflyt.contracts.base import Event, event
from boligflyt.contracts.codes import (
    AcquisitionMethod,
    BudgetLine,
    DwellingCategory,
    NeedRejectReason,
    OrderCancelReason,
    ReportingService,
    Supplier,
    TargetGroup,
)
from boligflyt.contracts.fields import (
    Count,
    DwellingId,
    FrameId,
    Id,
    NeedId,
    Nok,
    OrderId,
    ProjectId,
    UniqueTuple,
    Year,
)

PRODUCER = "ordering"


@event("need.reported", producer=PRODUCER, key="need_id")
class NeedReported(Event):
    """A municipal service reported a housing need (dwellings for a target group) to the ordering function.

    Consumers: the dashboard (KPI 7 needs reported per budget line).
    """

    need_id: NeedId
    reported_on: date = Field(description="The day the need was reported.")
    reported_by: ReportingService = Field(description="The service that reported it.")
    target_group: TargetGroup = Field(description="Who the dwellings are for.")
    dwellings: int = Field(ge=1, description="Dwellings needed.")
    bedrooms: Count | None = Field(default=None, description="Bedrooms per dwelling, if specified.")
    dwelling_category: DwellingCategory | None = Field(
        default=None, description="The kind of dwelling needed (LKE's register categories), if specified."
    )
    accessible: bool = Field(default=False, description="The dwellings must be accessible.")
    staffed: bool = Field(default=False, description="The dwellings need staff or a staff base.")
    needed_by: date | None = Field(default=None, description="When the dwellings are needed, if known.")
    source_ref: Id | None = Field(
        default=None,
        description="The reporting service's own reference, e.g. NAV Intro's settlement_id for an order.",
    )


@event("need.prioritised", producer=PRODUCER, key="need_id")
class NeedPrioritised(Event):
    """The needs committee took a need into the yearly housing programme on a budget line.

    Consumers: the dashboard (KPI 7 needs prioritised per budget line).
    """

    need_id: NeedId
    prioritised_on: date = Field(description="The day the committee prioritised it.")
    programme_year: Year = Field(description="The housing programme year it is prioritised into.")
    budget_line: BudgetLine = Field(description="The budget frame that finances it.")
    dwellings: int = Field(ge=1, description="Dwellings prioritised (may be fewer than reported).")


@event("need.rejected", producer=PRODUCER, key="need_id")
class NeedRejected(Event):
    """The needs committee did not take a reported need into the housing programme.

    Consumers: the dashboard (KPI 7).
    """

    need_id: NeedId
    rejected_on: date = Field(description="The day of the committee's decision.")
    reason: NeedRejectReason = Field(description="Why.")


@event("order.placed", producer=PRODUCER, key="order_id")
class OrderPlaced(Event):
    """An order for dwellings was placed with LKE (or, after competition, LKBS) on a budget line.

    Consumers: maintenance opens an acquisition project for it; the dashboard (KPI 7 ordered).
    """

    order_id: OrderId
    need_ids: UniqueTuple[NeedId] = Field(min_length=1, description="The prioritised needs the order covers.")
    placed_on: date = Field(description="The day the order was placed.")
    supplier: Supplier = Field(description="Who the order is placed with.")
    programme_year: Year = Field(description="The housing programme year.")
    budget_line: BudgetLine = Field(description="The budget frame that finances it.")
    budget_amount: Nok = Field(description="The amount set aside for the order, in NOK.")
    target_group: TargetGroup = Field(description="Who the dwellings are for.")
    dwellings: int = Field(ge=1, description="Dwellings ordered.")
    bedrooms: Count | None = Field(default=None, description="Bedrooms per dwelling, if specified.")
    dwelling_category: DwellingCategory | None = Field(
        default=None, description="The kind of dwelling ordered (LKE's register categories), if specified."
    )
    accessible: bool = Field(default=False, description="The dwellings must be accessible.")
    staffed: bool = Field(default=False, description="The dwellings need staff or a staff base.")
    preferred_method: AcquisitionMethod | None = Field(
        default=None,
        description="How the ordering function prefers the dwellings provided, if it has a view.",
    )
    due_date: date = Field(description="The day the dwellings are wanted by.")

    @model_validator(mode="after")
    def check_due_after_placed(self) -> Self:
        if self.due_date < self.placed_on:
            raise ValueError("due_date cannot be before placed_on")
        return self


@event("order.fulfilled", producer=PRODUCER, key="order_id")
class OrderFulfilled(Event):
    """Dwellings were delivered against an order; the order closes when all are delivered.

    Raised once per delivery, so a partly delivered order has several. Consumers: the dashboard (KPI 7
    delivered and budget used).
    """

    order_id: OrderId
    project_id: ProjectId | None = Field(default=None, description="The acquisition project that delivered.")
    fulfilled_on: date = Field(description="The day of the delivery.")
    dwelling_ids: UniqueTuple[DwellingId] = Field(min_length=1, description="The dwellings of this delivery.")
    dwellings_delivered_total: int = Field(ge=1, description="Dwellings delivered on the order so far.")
    dwellings_ordered: int = Field(ge=1, description="Dwellings ordered.")
    programme_year: Year = Field(description="The housing programme year of the order.")
    budget_line: BudgetLine = Field(description="The budget frame charged.")
    cost: Nok = Field(description="What this delivery cost, in NOK (charged to the budget line).")
    order_closed: bool = Field(description="The order is closed: fully delivered, or closed as partly delivered.")

    @model_validator(mode="after")
    def check_counts(self) -> Self:
        if self.dwellings_delivered_total < len(self.dwelling_ids):
            raise ValueError("dwellings_delivered_total cannot be less than this delivery")
        if self.dwellings_delivered_total >= self.dwellings_ordered and not self.order_closed:
            raise ValueError("an order with every dwelling delivered is closed")
        return self


@event("order.cancelled", producer=PRODUCER, key="order_id")
class OrderCancelled(Event):
    """An order was cancelled before it was (fully) delivered.

    Consumers: the dashboard (KPI 7). Maintenance does not react to it yet: LKE's acquisition project for the
    order goes on until LKE moves it on through its own API.
    """

    order_id: OrderId
    cancelled_on: date = Field(description="The day it was cancelled.")
    reason: OrderCancelReason = Field(description="Why.")
    programme_year: Year = Field(description="The housing programme year of the order.")
    budget_line: BudgetLine = Field(description="The budget frame that is released.")


@event("budget.frame_set", producer=PRODUCER, key="frame_id")
class BudgetFrameSet(Event):
    """A budget frame for one budget line and year was set (or revised) in the strategy document.

    A revision carries the same frame_id and the new amount. Consumers: the dashboard (KPI 7 frame used).
    """

    frame_id: FrameId
    year: Year = Field(description="The budget year.")
    budget_line: BudgetLine = Field(description="The budget line.")
    amount: Nok = Field(description="The frame in NOK.")
    set_on: date = Field(description="The day the frame was adopted or revised.")
