"""The central ordering function's rules: needs, budget frames, orders to LKE, the unmet-need signal.

Pure: no I/O, no framework. Dates and amounts come in as arguments; errors are the platform's domain errors.

Budget arithmetic (Boligløft, in Boligplan for Larvik kommune 2015-2020, part 1): a frame is one budget line in
one year. An order *commits* its estimated cost to its frame when it is placed. A delivery *releases* the share of
that commitment that belongs to the dwellings delivered and *spends* what the delivery actually cost. Cancelling an
order releases exactly what is still committed. A frame is *used* by what is committed plus what is spent;
committing past the frame is refused unless someone approves it with a written justification.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.contracts.codes import (
    AcquisitionStage,
    ApplicationKind,
    BudgetLine,
    DwellingCategory,
    ReportingService,
    Supplier,
    TargetGroup,
)
from boligflyt.platform.errors import Conflict, RuleViolation

# --- Needs ---------------------------------------------------------------------------------------------------


class NeedState(StrEnum):
    """`reported -> prioritised -> ordered -> delivered | rejected`, plus the unmet-need signal's
    `suggested` (waiting for a coordinator to confirm it as reported, or dismiss it)."""

    SUGGESTED = "suggested"
    REPORTED = "reported"
    PRIORITISED = "prioritised"
    ORDERED = "ordered"
    DELIVERED = "delivered"
    REJECTED = "rejected"
    DISMISSED = "dismissed"


NEED_TRANSITIONS: Mapping[NeedState, frozenset[NeedState]] = {
    NeedState.SUGGESTED: frozenset({NeedState.REPORTED, NeedState.DISMISSED}),
    NeedState.REPORTED: frozenset({NeedState.PRIORITISED, NeedState.REJECTED}),
    NeedState.PRIORITISED: frozenset({NeedState.ORDERED, NeedState.REJECTED}),
    # Back to prioritised when its order is cancelled: the need still stands and may be ordered again.
    NeedState.ORDERED: frozenset({NeedState.DELIVERED, NeedState.PRIORITISED}),
    NeedState.DELIVERED: frozenset(),
    NeedState.REJECTED: frozenset(),
    NeedState.DISMISSED: frozenset(),
}


def need_transition(current: NeedState, target: NeedState, *, need_id: str) -> NeedState:
    """The new state, or a 409 naming the current one."""
    if target not in NEED_TRANSITIONS[current]:
        raise Conflict(f"need {need_id} is {current}: it cannot become {target}", current_state=current)
    return target


class ServiceNeeds(StrEnum):
    """What services the dwellings need besides the dwelling itself (financed in the economic plan: the housing
    plan's measure 10.1)."""

    NONE = "none"
    FOLLOW_UP = "follow_up"  # ambulant follow-up in an ordinary dwelling
    STAFF_BASE = "staff_base"  # co-located dwellings with a staff base
    STAFFED = "staffed"  # staffed around the clock (bemannet)


def is_staffed(service_needs: ServiceNeeds) -> bool:
    """The contract's `staffed`: the dwellings need staff or a staff base."""
    return service_needs in (ServiceNeeds.STAFF_BASE, ServiceNeeds.STAFFED)


# Which reporting services an agency's token may report for. The ordering function reports on behalf of the
# units that have no system of their own (care services, child welfare, psychiatry team: the development
# programme's annual report for 2013).
REPORTERS_BY_AGENCY: Mapping[str, frozenset[ReportingService]] = {
    "nav": frozenset({ReportingService.NAV, ReportingService.NAV_INTRO}),
    "boligkontoret": frozenset({ReportingService.BOLIGKONTORET}),
    "bestiller": frozenset(ReportingService),
}
DEFAULT_REPORTER: Mapping[str, ReportingService] = {
    "nav": ReportingService.NAV_INTRO,
    "boligkontoret": ReportingService.BOLIGKONTORET,
}


def reporting_service(agency: str, requested: ReportingService | None) -> ReportingService:
    """Who the need is reported by: what the caller asked for, if its agency may report for that service."""
    allowed = REPORTERS_BY_AGENCY.get(agency, frozenset())
    chosen = requested or DEFAULT_REPORTER.get(agency)
    if chosen is None:
        raise RuleViolation(
            f"agency {agency} must say which service reports the need (reported_by)", code="reported_by_required"
        )
    if chosen not in allowed:
        raise RuleViolation(
            f"agency {agency} may not report needs for {chosen}",
            code="reporter_not_allowed",
            extra={"allowed_reported_by": sorted(allowed)},
        )
    return chosen


def source_key(reported_by: ReportingService, source_ref: str | None) -> str | None:
    """What makes a re-sent report the same need: the sender's family and its own reference."""
    if source_ref is None:
        return None
    # NAV social and NAV Intro are one sender: the same settlement must not become two needs.
    family = "nav" if reported_by in (ReportingService.NAV, ReportingService.NAV_INTRO) else str(reported_by)
    return f"{family}:{source_ref}"


# Refugee lines finance refugee dwellings only (Boligløft and the council's decision on settling refugees).
REFUGEE_LINES = frozenset({BudgetLine.REFUGEE_DWELLINGS, BudgetLine.LKE_REFUGEE_LOAN_FRAME})


def check_line_fits(target_group: TargetGroup, budget_line: BudgetLine) -> None:
    if budget_line in REFUGEE_LINES and target_group is not TargetGroup.REFUGEES:
        raise RuleViolation(
            f"budget line {budget_line} finances refugee dwellings only, not {target_group}",
            code="line_not_for_target_group",
        )
    if budget_line is BudgetLine.DISADVANTAGED_DWELLINGS and target_group is TargetGroup.REFUGEES:
        raise RuleViolation(
            "refugee dwellings are financed from refugee_dwellings or lke_refugee_loan_frame",
            code="line_not_for_target_group",
        )


def check_prioritised_dwellings(reported: int, prioritised: int) -> None:
    if not 1 <= prioritised <= reported:
        raise RuleViolation(
            f"between 1 and {reported} dwellings can be prioritised (the need reports {reported})",
            code="dwellings_out_of_range",
        )


# --- Budget frames -------------------------------------------------------------------------------------------

# Boligløft 60 MNOK a year: 30 for refugee dwellings, 30 for other disadvantaged; LKE's loan frame up to 30 MNOK
# a year (the council's decision on settling refugees, 2014-2016). Service-need dwellings are set in each year's
# economic plan: no default.
STANDARD_FRAMES: Mapping[BudgetLine, int] = {
    BudgetLine.REFUGEE_DWELLINGS: 30_000_000,
    BudgetLine.DISADVANTAGED_DWELLINGS: 30_000_000,
    BudgetLine.LKE_REFUGEE_LOAN_FRAME: 30_000_000,
}


def frame_id(year: int, line: BudgetLine) -> str:
    return f"frame-{year}-{line}"


class OverCommitment(RuleViolation):
    """Committing this much would take the frame past its amount; carries the numbers."""

    def __init__(self, frame: Frame, requested: int) -> None:
        shortfall = frame.shortfall(requested)
        super().__init__(
            f"committing NOK {requested} would exceed the frame of NOK {frame.amount} by NOK {shortfall} "
            f"(committed {frame.committed}, spent {frame.spent}, available {frame.available}); "
            "approve the over-commitment with a justification to place it anyway",
            code="frame_exceeded",
            title="Budget frame exceeded",
            extra={
                "frame_amount": frame.amount,
                "committed": frame.committed,
                "spent": frame.spent,
                "available": frame.available,
                "requested": requested,
                "shortfall": shortfall,
            },
        )
        self.shortfall = shortfall


@dataclass(frozen=True)
class Frame:
    """What a budget frame holds: its amount, what orders have committed and what deliveries have spent."""

    amount: int
    committed: int = 0
    spent: int = 0

    def __post_init__(self) -> None:
        if self.amount < 0 or self.committed < 0 or self.spent < 0:
            raise ValueError("a frame's amounts are never negative")

    @property
    def used(self) -> int:
        return self.committed + self.spent

    @property
    def available(self) -> int:
        """May be negative after an approved over-commitment or a delivery dearer than estimated."""
        return self.amount - self.used

    def fits(self, requested: int) -> bool:
        return self.used + requested <= self.amount

    def shortfall(self, requested: int) -> int:
        """How far committing `requested` would take the frame past its amount (0 when it fits)."""
        return max(0, self.used + requested - self.amount)

    def commit(self, requested: int, *, approved: bool = False) -> Frame:
        """Commit an order's estimated cost; past the frame only when approved."""
        if requested < 0:
            raise ValueError("cannot commit a negative amount")
        if not approved and not self.fits(requested):
            raise OverCommitment(self, requested)
        return replace(self, committed=self.committed + requested)

    def release(self, amount: int) -> Frame:
        """Give back commitment (a cancelled order's remainder)."""
        if not 0 <= amount <= self.committed:
            raise ValueError(f"cannot release {amount} of {self.committed} committed")
        return replace(self, committed=self.committed - amount)

    def spend(self, released: int, cost: int) -> Frame:
        """A delivery: its share of the commitment is released and what it cost is spent."""
        if cost < 0:
            raise ValueError("a cost is never negative")
        return replace(self.release(released), spent=self.spent + cost)


def revise_frame(frame: Frame, amount: int) -> Frame:
    """A new amount from the strategy document; what is committed and spent stays. It may now be over."""
    if amount < 0:
        raise RuleViolation("a frame amount is never negative", code="negative_amount")
    return replace(frame, amount=amount)


def check_over_commit_justification(justification: str | None) -> str:
    text = (justification or "").strip()
    if len(text) < 10:
        raise RuleViolation(
            "an approved over-commitment needs a justification of at least 10 characters",
            code="justification_required",
        )
    return text


# --- Orders --------------------------------------------------------------------------------------------------


class OrderState(StrEnum):
    """`placed -> accepted -> in_progress -> delivered(partially) -> closed | cancelled`."""

    PLACED = "placed"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    PARTLY_DELIVERED = "partly_delivered"
    CLOSED = "closed"
    CANCELLED = "cancelled"


OPEN_ORDER_STATES = frozenset(
    {OrderState.PLACED, OrderState.ACCEPTED, OrderState.IN_PROGRESS, OrderState.PARTLY_DELIVERED}
)

ORDER_TRANSITIONS: Mapping[OrderState, frozenset[OrderState]] = {
    # LKE may deliver a purchase before telling us it started: any open order can take a delivery.
    OrderState.PLACED: frozenset(
        {
            OrderState.ACCEPTED,
            OrderState.IN_PROGRESS,
            OrderState.PARTLY_DELIVERED,
            OrderState.CLOSED,
            OrderState.CANCELLED,
        }
    ),
    OrderState.ACCEPTED: frozenset(
        {OrderState.IN_PROGRESS, OrderState.PARTLY_DELIVERED, OrderState.CLOSED, OrderState.CANCELLED}
    ),
    OrderState.IN_PROGRESS: frozenset({OrderState.PARTLY_DELIVERED, OrderState.CLOSED, OrderState.CANCELLED}),
    OrderState.PARTLY_DELIVERED: frozenset({OrderState.PARTLY_DELIVERED, OrderState.CLOSED, OrderState.CANCELLED}),
    OrderState.CLOSED: frozenset(),
    OrderState.CANCELLED: frozenset(),
}


def order_transition(current: OrderState, target: OrderState, *, order_id: str) -> OrderState:
    if target not in ORDER_TRANSITIONS[current]:
        raise Conflict(f"order {order_id} is {current}: it cannot become {target}", current_state=current)
    return target


@dataclass(frozen=True)
class PrioritisedNeed:
    """What an order needs to know of each need it covers."""

    need_id: str
    state: NeedState
    target_group: TargetGroup
    programme_year: int | None
    budget_line: BudgetLine | None
    dwellings_prioritised: int | None


@dataclass(frozen=True)
class OrderBasis:
    """The year, line, target group and dwellings the covered needs share."""

    programme_year: int
    budget_line: BudgetLine
    target_group: TargetGroup
    dwellings_prioritised: int


def order_basis(needs: Iterable[PrioritisedNeed]) -> OrderBasis:
    """One order covers prioritised needs of one year, one budget line and one target group."""
    needs = list(needs)
    if not needs:
        raise RuleViolation("an order covers at least one need", code="no_needs")
    for need in needs:
        if need.state is not NeedState.PRIORITISED:
            raise Conflict(
                f"need {need.need_id} is {need.state}: only prioritised needs can be ordered",
                current_state=need.state,
            )
    years = {n.programme_year for n in needs}
    lines = {n.budget_line for n in needs}
    groups = {n.target_group for n in needs}
    if len(years) > 1 or len(lines) > 1:
        raise RuleViolation(
            "the needs of one order must be prioritised into the same programme year and budget line",
            code="needs_on_different_lines",
        )
    if len(groups) > 1:
        raise RuleViolation("the needs of one order must be for the same target group", code="mixed_target_groups")
    year, line = years.pop(), lines.pop()
    assert year is not None and line is not None  # a prioritised need has both
    return OrderBasis(
        programme_year=year,
        budget_line=line,
        target_group=groups.pop(),
        dwellings_prioritised=sum(n.dwellings_prioritised or 0 for n in needs),
    )


def check_order_dwellings(requested: int, basis: OrderBasis) -> None:
    if not 1 <= requested <= basis.dwellings_prioritised:
        raise RuleViolation(
            f"an order for these needs may cover 1 to {basis.dwellings_prioritised} dwellings, not {requested}",
            code="dwellings_out_of_range",
        )


def check_distinct_needs(need_ids: Iterable[str]) -> None:
    need_ids = list(need_ids)
    if len(set(need_ids)) != len(need_ids):
        raise RuleViolation("need_ids must not repeat a need", code="duplicate_needs")


def check_supplier(supplier: Supplier, competition_ref: str | None) -> None:
    # LKBS is a foundation of its own: the municipality may not order from it without a competition first.
    if supplier is Supplier.LKBS and competition_ref is None:
        raise RuleViolation("orders to LKBS require a competition first (competition_ref)", code="competition_required")


def check_due_date(placed_on: date, due_date: date) -> None:
    if due_date < placed_on:
        raise RuleViolation("due_date cannot be before the day the order is placed", code="due_before_placed")


def is_overdue(state: OrderState, due_date: date, today: date) -> bool:
    """An open order past its due date. Computed on read: always true to the clock, nothing to keep in step."""
    return state in OPEN_ORDER_STATES and today > due_date


def state_for_stage(current: OrderState, stage: AcquisitionStage) -> OrderState | None:
    """What LKE's project moving to `stage` does to its order: accepted when the project opens, in progress after
    that; None when the order is past that already (or closed)."""
    target = OrderState.ACCEPTED if stage is AcquisitionStage.IDENTIFIED else OrderState.IN_PROGRESS
    if current in (OrderState.PLACED, OrderState.ACCEPTED) and target in ORDER_TRANSITIONS[current]:
        return target
    return None


@dataclass(frozen=True)
class DeliveryPlan:
    """What one acquisition.delivered does to an order."""

    new_dwelling_ids: tuple[str, ...]
    released: int  # the share of the order's commitment this delivery takes off the frame
    cost: int  # what is spent on the frame
    delivered_total: int
    closes: bool


def plan_delivery(
    *,
    order_id: str,
    state: OrderState,
    dwellings_ordered: int,
    delivered_dwelling_ids: Iterable[str],
    commitment_remaining: int,
    dwelling_ids: Iterable[str],
    cost: int,
) -> DeliveryPlan | None:
    """The effect of a delivery, or None when it brings nothing new (every dwelling already counted).

    Exactly once per dwelling: a delivery that repeats dwellings already delivered on the order (a re-sent event
    with a new id) counts only the new ones, and charges only their share of its cost. The commitment is released
    per dwelling (integer NOK, rounded down) and the last delivery releases what is left, so the releases of an
    order always add up to exactly what it committed.
    """
    if state not in OPEN_ORDER_STATES:
        raise Conflict(f"order {order_id} is {state}: it takes no deliveries", current_state=state)
    already = set(delivered_dwelling_ids)
    incoming = list(dict.fromkeys(dwelling_ids))
    new = tuple(d for d in incoming if d not in already)
    if not new:
        return None
    share_of_cost = cost if len(new) == len(incoming) else cost * len(new) // len(incoming)
    delivered_total = len(already) + len(new)
    remaining_dwellings = dwellings_ordered - len(already)
    closes = delivered_total >= dwellings_ordered
    released = commitment_remaining if closes else commitment_remaining * len(new) // remaining_dwellings
    return DeliveryPlan(
        new_dwelling_ids=new, released=released, cost=share_of_cost, delivered_total=delivered_total, closes=closes
    )


# --- The unmet-need signal ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignalSettings:
    """When waiting-list demand for a kind of dwelling outgrows supply long enough to suggest a need."""

    period_days: int = 30  # the gap must last this long
    window_days: int = 90  # supply: dwellings of the kind that became ready in this many days back
    min_gap: int = 1  # the gap must be at least this many households

    def __post_init__(self) -> None:
        if self.period_days < 0 or self.window_days < 1 or self.min_gap < 1:
            raise ValueError("period_days >= 0, window_days >= 1 and min_gap >= 1")


def supply_kind(category: DwellingCategory | None, staffed: bool) -> ApplicationKind | None:
    """Which kind of application a ready dwelling meets; None for NAV's temporary-accommodation units."""
    if category is DwellingCategory.TEMPORARY_ACCOMMODATION:
        return None
    if category in (DwellingCategory.CARE, DwellingCategory.DEMENTIA_GROUP_HOME):
        return ApplicationKind.CARE
    if staffed or category is DwellingCategory.STAFFED:
        return ApplicationKind.STAFFED
    return ApplicationKind.RENTAL


# What a suggested need is for, by the kind of dwelling the waiting households applied for.
SUGGESTION_FOR_KIND: Mapping[ApplicationKind, tuple[DwellingCategory, TargetGroup, ServiceNeeds]] = {
    ApplicationKind.RENTAL: (DwellingCategory.ORDINARY, TargetGroup.ECONOMICALLY_DISADVANTAGED, ServiceNeeds.NONE),
    ApplicationKind.CARE: (DwellingCategory.CARE, TargetGroup.ELDERLY, ServiceNeeds.FOLLOW_UP),
    ApplicationKind.STAFFED: (DwellingCategory.STAFFED, TargetGroup.DISABILITY, ServiceNeeds.STAFFED),
}


@dataclass(frozen=True)
class SignalStep:
    gap: int
    gap_since: date | None
    suggest: bool


def evaluate_signal(
    *,
    today: date,
    waiting: int,
    ready_in_window: int,
    gap_since: date | None,
    open_suggestion: bool,
    settings: SignalSettings,
) -> SignalStep:
    """Demand (approved households waiting) against supply (dwellings that became ready in the window).

    The gap has to hold every day for `period_days` before a need is suggested, and only one suggestion per kind
    is open at a time, so a job that runs twice a day suggests nothing twice.
    """
    gap = waiting - ready_in_window
    if gap < settings.min_gap:
        return SignalStep(gap=gap, gap_since=None, suggest=False)
    since = gap_since or today
    lasted = today - since >= timedelta(days=settings.period_days)
    return SignalStep(gap=gap, gap_since=since, suggest=lasted and not open_suggestion)
