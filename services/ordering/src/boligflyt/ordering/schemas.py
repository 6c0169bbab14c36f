"""The Ordering API's request and response bodies."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

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
from boligflyt.contracts.fields import Id
from boligflyt.ordering.domain import NeedState, OrderState, ServiceNeeds
from boligflyt.platform.plausible import BusinessDate

# Whole NOK; a trillion is far past any housing budget and well inside a 64-bit column.
MAX_NOK = 1_000_000_000_000
Amount = Annotated[int, Field(ge=0, le=MAX_NOK, json_schema_extra={"x-unit": "NOK"})]
# One order's amount goes to LKE (order.placed), which keeps it in a 32-bit column: two billion NOK is far past any
# order of dwellings and inside it.
MAX_ORDER_NOK = 2_000_000_000
OrderAmount = Annotated[int, Field(ge=0, le=MAX_ORDER_NOK, json_schema_extra={"x-unit": "NOK"})]
# Dwellings in one need, one prioritisation or one order.
MAX_DWELLINGS = 500

Justification = Field(
    min_length=1,
    max_length=4000,
    description="Why, in the unit's words. Never names, national ids or health details of persons: the need is "
    "about dwellings for a group, not about a person.",
)


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NeedIn(_Body):
    """A housing need reported by a service unit. NAV Intro's refugee housing orders come here."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "quantity": 3,
                    "dwelling_type": "ordinary",
                    "bedrooms": 3,
                    "accessible": False,
                    "target_group": "refugees",
                    "service_needs": "none",
                    "wanted_by": "2015-06-01",
                    "justification": "Planned settlement of three families in June (quota 2015).",
                    "source_ref": "set-2015-0004",
                    "reported_by": "nav_intro",
                }
            ]
        },
    )

    quantity: int = Field(ge=1, le=MAX_DWELLINGS, description="How many dwellings are needed.")
    dwelling_type: DwellingCategory = Field(description="The kind of dwelling (LKE's register categories).")
    target_group: TargetGroup = Field(description="Who the dwellings are for (a coarse code, no personal data).")
    service_needs: ServiceNeeds = Field(
        default=ServiceNeeds.NONE,
        description="Services the dwellings need: none, follow_up (ambulant), staff_base, staffed (bemannet).",
    )
    wanted_by: BusinessDate | None = Field(default=None, description="When the dwellings are needed, if known.")
    justification: str = Justification
    source_ref: Id | None = Field(
        default=None,
        description="The reporting unit's own reference, e.g. NAV Intro's settlement_id. Re-sending a need with "
        "the same source_ref returns the need already reported (200) instead of a second one.",
    )
    bedrooms: int | None = Field(default=None, ge=0, le=10, description="Bedrooms per dwelling, if specified.")
    accessible: bool = Field(default=False, description="The dwellings must be accessible (universally designed).")
    reported_by: ReportingService | None = Field(
        default=None,
        description="The unit reporting. nav may say nav or nav_intro (default nav_intro); boligkontoret reports "
        "as boligkontoret; bestiller reports on behalf of any unit and must say which.",
    )


class NeedOut(BaseModel):
    need_id: str
    state: NeedState
    origin: str = Field(description="api, or unmet_need_signal for a suggestion from the waiting list.")
    reported_by: ReportingService
    target_group: TargetGroup
    dwelling_type: DwellingCategory
    quantity: int
    bedrooms: int | None
    accessible: bool
    service_needs: ServiceNeeds
    wanted_by: date | None
    justification: str
    source_ref: str | None
    reported_on: date
    programme_year: int | None
    budget_line: BudgetLine | None
    dwellings_prioritised: int | None
    prioritised_on: date | None
    rejected_on: date | None
    reject_reason: NeedRejectReason | None
    decision_note: str | None
    order_id: str | None


class PrioritiseIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"programme_year": 2015, "budget_line": "refugee_dwellings", "dwellings": 3}]},
    )

    programme_year: int = Field(ge=2000, le=2100, description="The housing programme year.")
    budget_line: BudgetLine = Field(description="The budget frame that is to finance it (must be set for the year).")
    dwellings: int | None = Field(
        default=None, ge=1, le=MAX_DWELLINGS, description="Dwellings prioritised; default all reported."
    )
    note: str | None = Field(default=None, max_length=4000, description="The committee's note.")


class RejectIn(_Body):
    reason: NeedRejectReason
    note: str | None = Field(default=None, max_length=4000, description="The committee's note.")


class ConfirmSuggestionIn(_Body):
    quantity: int | None = Field(default=None, ge=1, le=MAX_DWELLINGS, description="Adjust the suggested quantity.")
    target_group: TargetGroup | None = Field(default=None, description="Adjust the suggested target group.")
    note: str | None = Field(default=None, max_length=4000)


class DismissSuggestionIn(_Body):
    note: str = Field(min_length=1, max_length=4000, description="Why the suggestion is not taken up.")


class FrameIn(_Body):
    amount: Amount = Field(description="The frame in NOK.", examples=[30_000_000])
    set_on: BusinessDate | None = Field(default=None, description="The day adopted or revised; default today.")


class ProgrammeIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"year": 2015, "frames": {"service_needs": 12_000_000}}]},
    )

    year: int = Field(ge=2000, le=2100)
    frames: dict[BudgetLine, Amount] | None = Field(
        default=None,
        description="Frames in NOK per budget line. Lines left out get the standard frames: Boligløft 30 MNOK "
        "refugee_dwellings + 30 MNOK disadvantaged_dwellings, LKE's refugee loan frame 30 MNOK; service_needs "
        "has no standard frame (the economic plan sets it).",
    )


class FrameOut(BaseModel):
    frame_id: str
    year: int
    budget_line: BudgetLine
    amount: int
    committed: int = Field(description="Estimated cost of open orders not yet delivered, in NOK.")
    spent: int = Field(description="What deliveries cost, in NOK.")
    available: int = Field(description="amount - committed - spent; negative when over.")
    set_on: date


class ProgrammeOut(BaseModel):
    year: int
    frames: list[FrameOut]


class OverCommitApproval(_Body):
    justification: str = Field(
        min_length=10, max_length=4000, description="Why the frame may be exceeded (recorded and audited)."
    )


class OrderIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "need_ids": ["need-0a1b2c3d4e5f"],
                    "dwellings": 3,
                    "estimated_cost": 9_000_000,
                    "due_date": "2015-12-01",
                    "bedrooms": 3,
                }
            ]
        },
    )

    need_ids: list[Id] = Field(min_length=1, max_length=100, description="Prioritised needs the order covers.")
    dwellings: int = Field(
        ge=1, le=MAX_DWELLINGS, description="Dwellings ordered (at most the needs' prioritised dwellings)."
    )
    estimated_cost: OrderAmount = Field(description="Estimated cost in NOK: committed to the budget frame.")
    due_date: BusinessDate = Field(description="The day the dwellings are wanted by.")
    supplier: Supplier = Field(default=Supplier.LKE, description="lke, or lkbs after competition.")
    competition_ref: Id | None = Field(
        default=None,
        description=(
            "The competition that chose LKBS; required when supplier is lkbs (a foundation of its own, which the "
            "municipality may not order from without a competition: the housing plan 2015-2020, part 1)."
        ),
    )
    dwelling_type: DwellingCategory | None = Field(default=None, description="Default: the first need's type.")
    bedrooms: int | None = Field(default=None, ge=0, le=10)
    accessible: bool | None = Field(default=None, description="Default: any covered need asks for it.")
    staffed: bool | None = Field(default=None, description="Default: any covered need needs staff or a staff base.")
    preferred_method: AcquisitionMethod | None = None
    over_commit_approval: OverCommitApproval | None = Field(
        default=None, description="Place the order even if it takes the frame past its amount."
    )


class CancelOrderIn(_Body):
    reason: OrderCancelReason
    note: str | None = Field(default=None, max_length=4000)


class OrderOut(BaseModel):
    order_id: str
    state: OrderState
    overdue: bool = Field(description="Open and past its due date (computed from today's date).")
    supplier: Supplier
    need_ids: list[str]
    programme_year: int
    budget_line: BudgetLine
    target_group: TargetGroup
    dwelling_type: DwellingCategory
    dwellings: int
    dwellings_delivered: int
    delivered_dwelling_ids: list[str]
    bedrooms: int | None
    accessible: bool
    staffed: bool
    preferred_method: AcquisitionMethod | None
    estimated_cost: int
    commitment_remaining: int
    spent: int
    placed_on: date
    due_date: date
    accepted_on: date | None
    closed_on: date | None
    cancelled_on: date | None
    cancel_reason: OrderCancelReason | None
    project_id: str | None
    acquisition_stage: str | None
    over_commit_justification: str | None


class SignalSettingsIn(_Body):
    period_days: int = Field(ge=0, le=730, description="How long the gap must last before a need is suggested.")
    window_days: int = Field(ge=1, le=730, description="Supply counts dwellings that became ready this far back.")
    min_gap: int = Field(ge=1, le=1000, description="The smallest gap (households) that counts.")


class DemandOut(BaseModel):
    kind: str = Field(description="The kind of dwelling applied for: rental, care, staffed.")
    waiting: int = Field(description="Approved households on the waiting list for this kind.")
    ready_in_window: int = Field(description="Dwellings of this kind that became ready within the window.")
    gap: int
    gap_since: date | None
    evaluated_on: date | None


class UnmetNeedOut(BaseModel):
    settings: SignalSettingsIn
    demand: list[DemandOut]


class ReportLine(BaseModel):
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


class ProgrammeReport(BaseModel):
    year: int
    as_of: date
    lines: list[ReportLine]
    needs_reported_in_year: int = Field(description="Needs reported this calendar year (any state).")
    needs_rejected_in_year: int
