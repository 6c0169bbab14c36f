"""LKE's rules: the dwelling turnover state machine, the minimum-standard checklist, renovation deadlines and
lost rent, the void-day split, and the acquisition stage pipeline.

Pure: no I/O, no framework. Dates come in as arguments; the service layer loads the rows and calls the checks here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.contracts.codes import AcquisitionMethod, AcquisitionStage, DwellingOwner, DwellingStatus
from boligflyt.platform.errors import Conflict, RuleViolation

S = DwellingStatus


class Command(StrEnum):
    """What can happen to a dwelling in its turnover; each moves it from some statuses to one other."""

    GIVE_NOTICE = "give_notice"  # tenancy.notice_given
    WITHDRAW_NOTICE = "withdraw_notice"  # tenancy.notice_withdrawn
    END_TENANCY = "end_tenancy"  # tenancy.ended: the dwelling goes to LKE
    FAIL_INSPECTION = "fail_inspection"  # below the minimum standard: a renovation job is ordered
    PASS_INSPECTION = "pass_inspection"  # meets the standard, photographed, meter read
    START_RENOVATION = "start_renovation"
    COMPLETE_RENOVATION = "complete_renovation"  # joint inspection passed, photographed, meter read
    RESERVE = "reserve"  # allocation.decided
    RELEASE = "release"  # the reservation fell through
    LET = "let"  # tenancy.moved_in
    WITHDRAW = "withdraw"  # sold, lease ended, below standard, fire


# `let -> notice_given -> vacant -> inspected -> renovating -> ready -> reserved -> let`; withdrawn from anywhere.
TRANSITIONS: Mapping[Command, tuple[frozenset[DwellingStatus], DwellingStatus]] = {
    Command.GIVE_NOTICE: (frozenset({S.LET}), S.NOTICE_GIVEN),
    Command.WITHDRAW_NOTICE: (frozenset({S.NOTICE_GIVEN}), S.LET),
    # A tenancy can end without notice (eviction, need ended, expiry).
    Command.END_TENANCY: (frozenset({S.LET, S.NOTICE_GIVEN}), S.VACANT),
    Command.FAIL_INSPECTION: (frozenset({S.VACANT}), S.INSPECTED),
    Command.PASS_INSPECTION: (frozenset({S.VACANT}), S.READY),
    # A withdrawn (below standard) dwelling comes back through renovation.
    Command.START_RENOVATION: (frozenset({S.VACANT, S.INSPECTED, S.WITHDRAWN}), S.RENOVATING),
    Command.COMPLETE_RENOVATION: (frozenset({S.RENOVATING}), S.READY),
    Command.RESERVE: (frozenset({S.READY}), S.RESERVED),
    Command.RELEASE: (frozenset({S.RESERVED}), S.READY),
    Command.LET: (frozenset({S.READY, S.RESERVED}), S.LET),
    Command.WITHDRAW: (frozenset(set(S) - {S.WITHDRAWN}), S.WITHDRAWN),
}

# An inspection may be held before the key is returned (notice given) or once the dwelling is empty.
INSPECTABLE = frozenset({S.NOTICE_GIVEN, S.VACANT})
# Statuses in which a tenant lives in the dwelling.
OCCUPIED = frozenset({S.LET, S.NOTICE_GIVEN})


def allowed_from(command: Command) -> frozenset[DwellingStatus]:
    return TRANSITIONS[command][0]


def transition(current: DwellingStatus, command: Command, *, dwelling_id: str = "the dwelling") -> DwellingStatus:
    """The status after `command`, or a Conflict naming the current status and where the command is allowed."""
    sources, target = TRANSITIONS[command]
    if current not in sources:
        allowed = ", ".join(sorted(sources))
        raise Conflict(
            f"{dwelling_id} is {current}: cannot {command.value.replace('_', ' ')} (allowed when {allowed})",
            current_state=current.value,
            extra={"command": command.value, "allowed_from": sorted(sources)},
        )
    return target


def check_not_in_future(day: date, today: date, *, name: str, code: str) -> None:
    if day > today:
        raise RuleViolation(f"{name} cannot be in the future", code=code)


class Allocation(StrEnum):
    """What an allocation decision does to the dwelling it allocates."""

    ALREADY_RESERVED = "already_reserved"  # the same decision again
    RESERVE_NOW = "reserve_now"
    RESERVE_WHEN_READY = "reserve_when_ready"


# The committee allocates at its first meeting after the notice, often before the dwelling is ready.
ALLOCATABLE_BEFORE_READY = frozenset({S.NOTICE_GIVEN, S.VACANT, S.INSPECTED, S.RENOVATING})


def allocation(status: DwellingStatus, *, allocated_to_this_application: bool, dwelling_id: str) -> Allocation:
    if allocated_to_this_application and status is S.RESERVED:
        return Allocation.ALREADY_RESERVED
    if status is S.READY:
        return Allocation.RESERVE_NOW
    if status not in ALLOCATABLE_BEFORE_READY:
        raise Conflict(f"dwelling {dwelling_id} is {status}: it cannot be allocated", current_state=status.value)
    return Allocation.RESERVE_WHEN_READY


# --- Selling or withdrawing under a tenant ------------------------------------------------------------


def withdrawal_blockers(
    status: DwellingStatus,
    *,
    current_tenancy_id: str | None,
    signed_tenancy_ids: Collection[str],
    open_offer_ids: Collection[str],
    allocated_application_id: str | None,
) -> dict[str, list[str]]:
    """What Boligkontoret has promised on the dwelling (as LKE knows it from its events): a tenant living there, a
    contract signed, an offer waiting for its answer, or an allocation. Any of them stops a sale or withdrawal."""
    blockers: dict[str, list[str]] = {}
    tenancies = sorted({*([current_tenancy_id] if current_tenancy_id else []), *signed_tenancy_ids})
    if tenancies or status in OCCUPIED:
        blockers["active_tenancy"] = tenancies
    if open_offer_ids:
        blockers["open_offer"] = sorted(open_offer_ids)
    if allocated_application_id is not None or status is S.RESERVED:
        blockers["allocation"] = [allocated_application_id] if allocated_application_id else []
    return blockers


def check_can_withdraw(dwelling_id: str, blockers: Mapping[str, Sequence[str]]) -> None:
    if blockers:
        named = "; ".join(f"{what.replace('_', ' ')} {', '.join(ids)}".strip() for what, ids in blockers.items())
        raise Conflict(
            f"dwelling {dwelling_id} cannot be sold or withdrawn while Boligkontoret holds it: {named}",
            current_state="held_by_boligkontoret",
            extra={"blocking": {what: list(ids) for what, ids in blockers.items()}},
        )


# --- Dwelling facts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DwellingFacts:
    """The register's rules on one dwelling's attributes, checked on create, change and import alike."""

    owner: DwellingOwner
    rooms: int
    bedrooms: int
    floor_area_m2: int | None
    monthly_rent: int
    head_lease_end: date | None
    coop_board_approval: bool

    def problems(self) -> list[str]:
        found: list[str] = []
        if self.monthly_rent < 0:
            found.append("monthly_rent cannot be negative")
        if self.rooms < 1:
            found.append("rooms must be at least 1")
        if self.bedrooms < 0:
            found.append("bedrooms cannot be negative")
        if self.bedrooms > self.rooms:
            found.append("bedrooms cannot exceed rooms")
        if self.floor_area_m2 is not None and self.floor_area_m2 < 1:
            found.append("floor_area_m2 must be at least 1")
        if self.owner is DwellingOwner.PRIVATE_LEASE and self.head_lease_end is None:
            found.append("a privately leased dwelling needs head_lease_end")
        if self.owner is not DwellingOwner.PRIVATE_LEASE and self.head_lease_end is not None:
            found.append("head_lease_end is only for privately leased dwellings")
        if self.owner is DwellingOwner.HOUSING_COOP and not self.coop_board_approval:
            found.append("a dwelling in a housing co-op needs coop_board_approval (the board approves the tenant)")
        return found

    def check(self) -> None:
        found = self.problems()
        if found:
            raise RuleViolation("; ".join(found), code="invalid_dwelling", extra={"problems": found})


# Attributes a change may clear; every dwelling has a value for the others.
CLEARABLE = frozenset({"zone", "floor_area_m2", "head_lease_end"})


def check_clearing(changes: Mapping[str, object]) -> None:
    for name, value in changes.items():
        if value is None and name not in CLEARABLE:
            raise RuleViolation(f"{name} cannot be cleared", code="required_field", extra={"field": name})


def daily_rent(monthly_rent: int) -> int:
    """Rent per day in whole NOK: a year's rent over 365 days."""
    return round(monthly_rent * 12 / 365)


# --- The minimum-standard checklist ---------------------------------------------------------------------

DEFAULT_CHECKLIST: tuple[tuple[str, str], ...] = (
    ("fire_safety", "Fire safety and smoke detectors"),
    ("electrical", "Electrical installation"),
    ("kitchen", "Kitchen"),
    ("bathroom", "Bathroom"),
    ("surfaces", "Walls, floors and ceilings"),
    ("cleaning", "Cleaning"),
    ("keys", "Keys"),
)


def check_checklist_codes(codes: Sequence[str]) -> None:
    if len(set(codes)) != len(codes):
        raise RuleViolation("each checklist item code must appear once", code="duplicate_item")


@dataclass(frozen=True)
class ChecklistResult:
    item: str
    passed: bool
    note: str | None = None


def assess(checklist: Sequence[str], results: Sequence[ChecklistResult]) -> bool:
    """Whether the dwelling meets the minimum standard; every item answered once, a failed one explained."""
    given = [result.item for result in results]
    problems: list[str] = []
    duplicates = sorted({item for item in given if given.count(item) > 1})
    if duplicates:
        problems.append(f"items answered twice: {', '.join(duplicates)}")
    unknown = sorted(set(given) - set(checklist))
    if unknown:
        problems.append(f"items not on the checklist: {', '.join(unknown)}")
    missing = [item for item in checklist if item not in given]
    if missing:
        problems.append(f"items not answered: {', '.join(missing)}")
    unexplained = [r.item for r in results if not r.passed and not (r.note and r.note.strip())]
    if unexplained:
        problems.append(f"a failed item needs a note: {', '.join(unexplained)}")
    if problems:
        raise RuleViolation("; ".join(problems), code="checklist_incomplete", extra={"problems": problems})
    return all(result.passed for result in results)


def check_booking(status: DwellingStatus, planned_on: date, today: date, *, dwelling_id: str) -> None:
    if status not in INSPECTABLE:
        raise Conflict(
            f"dwelling {dwelling_id} is {status}: an inspection is booked on notice or while vacant",
            current_state=status.value,
        )
    if planned_on < today:
        raise RuleViolation("planned_on cannot be in the past", code="planned_in_past")


def inspection_result(
    inspection_status: str,
    dwelling_status: DwellingStatus,
    checklist: Sequence[str],
    results: Sequence[ChecklistResult],
    *,
    readiness_given: bool,
    inspection_id: str,
    dwelling_id: str,
) -> bool:
    """Whether the dwelling meets the minimum standard, if this result may be recorded: the inspection is still
    booked, the dwelling on notice or empty, and one passing while empty (it becomes ready) has its readiness."""
    if inspection_status != "booked":
        raise Conflict(f"inspection {inspection_id} is {inspection_status}", current_state=inspection_status)
    if dwelling_status not in INSPECTABLE:
        raise Conflict(
            f"dwelling {dwelling_id} is {dwelling_status}: it is inspected on notice or while vacant",
            current_state=dwelling_status.value,
        )
    meets = assess(checklist, results)
    if meets and dwelling_status is S.VACANT and not readiness_given:
        raise RuleViolation(
            "a dwelling that passes while empty becomes ready for letting: record photographs and the meter "
            "reading (readiness)",
            code="readiness_missing",
        )
    return meets


def planned_inspection(notice_given_on: date, move_out_date: date, *, within_days: int = 7) -> date:
    """Before the key is returned: within a week of the notice, and no later than the move-out date."""
    return max(notice_given_on, min(notice_given_on + timedelta(days=within_days), move_out_date))


# --- Renovation jobs ------------------------------------------------------------------------------------

RENOVATION_MONTHS = 1
# A job's statuses: ordered -> started -> completed, or cancelled while ordered.
OPEN_JOB = ("ordered", "started")
# Renovation is ordered between tenancies, or for a dwelling withdrawn (below standard) to come back.
RENOVATION_ORDERABLE = frozenset({S.NOTICE_GIVEN, S.VACANT, S.INSPECTED, S.WITHDRAWN})


def check_renovation_order(status: DwellingStatus, *, withdrawn_permanently: bool, dwelling_id: str) -> None:
    if status not in RENOVATION_ORDERABLE or (withdrawn_permanently and status is S.WITHDRAWN):
        raise Conflict(
            f"dwelling {dwelling_id} is {status}: renovation is ordered between tenancies or while withdrawn "
            "(not permanently)",
            current_state=status.value,
        )


def check_due_date(due_date: date | None, ordered_on: date) -> None:
    if due_date is not None and due_date < ordered_on:
        raise RuleViolation("the due date cannot be before the order date", code="due_before_ordered")


def check_job_open(job_status: str, *, job_id: str) -> None:
    if job_status not in OPEN_JOB:
        raise Conflict(f"renovation job {job_id} is {job_status}: only an open job changes", current_state=job_status)


def check_start(job_status: str, ordered_on: date, started_on: date, today: date, *, job_id: str) -> None:
    if job_status != "ordered":
        raise Conflict(f"renovation job {job_id} is {job_status}: only an ordered job starts", current_state=job_status)
    if started_on < ordered_on or started_on > today:
        raise RuleViolation("started_on must be between the order date and today", code="invalid_start")


def check_not_withdrawn_for_good(status: DwellingStatus, *, withdrawn_permanently: bool, dwelling_id: str) -> None:
    if withdrawn_permanently and status is S.WITHDRAWN:
        raise Conflict(f"dwelling {dwelling_id} is withdrawn for good", current_state=status.value)


def check_completion(
    job_status: str,
    started_on: date | None,
    completed_on: date,
    today: date,
    *,
    joint_inspection_passed: bool,
    job_id: str,
) -> None:
    if job_status != "started":
        raise Conflict(
            f"renovation job {job_id} is {job_status}: only a started job is completed", current_state=job_status
        )
    assert started_on is not None  # a started job has its start day
    if completed_on < started_on or completed_on > today:
        raise RuleViolation("completed_on must be between the start and today", code="invalid_completion")
    if not joint_inspection_passed:
        raise RuleViolation(
            "the joint inspection did not find the minimum standard met: the job stays open",
            code="joint_inspection_failed",
        )


def default_due_date(ordered_on: date) -> date:
    """One month after ordering (LKE's renovation deadline): the same day next month, or that month's last day."""
    year, month = divmod(ordered_on.month - 1 + RENOVATION_MONTHS, 12)
    year, month = ordered_on.year + year, month + 1
    for day in (ordered_on.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def days_late(due_date: date, completed_or_today: date) -> int:
    return max(0, (completed_or_today - due_date).days)


def lost_rent(daily: int, late: int) -> int:
    """What LKE owes Boligkontoret for a late job: daily rent x days late."""
    return daily * late


def lateness(
    job_status: str,
    due_date: date,
    daily: int,
    today: date,
    *,
    settled_late: int | None,
    settled_owed: int | None,
) -> tuple[int, int]:
    """A job's days late and the lost rent owed: as settled when completed, nothing when cancelled, and for an
    open job so far, up to today."""
    if job_status == "completed":
        return settled_late or 0, settled_owed or 0
    if job_status == "cancelled":
        return 0, 0
    late = days_late(due_date, today)
    return late, lost_rent(daily, late)


# --- The void-day split ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    status: DwellingStatus
    on: date


@dataclass(frozen=True)
class VoidPeriod:
    """One void: from a tenancy's end to the next let (HouseMark: the end date not counted)."""

    tenancy_ended_on: date
    let_on: date | None  # None: not let yet, counted up to the as-of date
    waiting_for_renovation: int
    renovating: int
    ready_not_let: int

    @property
    def total(self) -> int:
        return self.waiting_for_renovation + self.renovating + self.ready_not_let


_BUCKET = {
    S.VACANT: "waiting",
    S.INSPECTED: "waiting",
    S.RENOVATING: "renovating",
    S.READY: "ready",
    S.RESERVED: "ready",
}


def void_periods(history: Sequence[StatusChange], as_of: date) -> list[VoidPeriod]:
    """Every void in a dwelling's status history (in the order the changes happened), split by day.

    Day d of a void (the day after the tenancy ended up to the day before the next let) counts in the bucket
    of the status the dwelling was in at the end of day d: vacant or inspected -> waiting for renovation,
    renovating -> renovating, ready or reserved -> ready but not let. A withdrawal ends the void uncounted.
    As of a past day, a void let after it counts as still open up to that day.
    """
    periods: list[VoidPeriod] = []
    index = 0
    while index < len(history):
        if history[index].status is not S.VACANT:
            index += 1
            continue
        start = index
        end = start + 1
        while end < len(history) and history[end].status not in (S.LET, S.WITHDRAWN, S.VACANT):
            end += 1
        closing = history[end] if end < len(history) else None
        if closing is not None and closing.status is not S.LET:
            index = end  # withdrawn (or a second vacancy without a let): no re-let to count
            continue
        ended_on = history[start].on
        if ended_on > as_of:
            break  # not yet vacant as of that day
        let_on = closing.on if closing is not None and closing.on <= as_of else None
        stop = let_on if let_on is not None else as_of + timedelta(days=1)
        counts = {"waiting": 0, "renovating": 0, "ready": 0}
        first_day = ended_on + timedelta(days=1)
        # Each status holds from its day until the next change (dates never run backwards in the history).
        segments: list[tuple[date, DwellingStatus]] = []
        for change in history[start:end]:
            on = max(change.on, segments[-1][0]) if segments else change.on
            segments.append((on, change.status))
        for position, (since, status) in enumerate(segments):
            until = segments[position + 1][0] if position + 1 < len(segments) else stop
            days = (min(until, stop) - max(since, first_day)).days
            if days > 0:
                counts[_BUCKET.get(status, "waiting")] += days
        periods.append(VoidPeriod(ended_on, let_on, counts["waiting"], counts["renovating"], counts["ready"]))
        index = end + 1 if closing is not None else len(history)
    return periods


# --- Acquisitions ---------------------------------------------------------------------------------------

STAGES: tuple[AcquisitionStage, ...] = tuple(AcquisitionStage)
PURCHASES = frozenset(
    {
        AcquisitionMethod.BUY_EXISTING,
        AcquisitionMethod.BUY_NEW_PROJECT,
        AcquisitionMethod.BUY_IN_COOP,
        AcquisitionMethod.LEASE_IN,
    }
)


def check_stage_move(method: AcquisitionMethod, current: AcquisitionStage, target: AcquisitionStage) -> None:
    """Forward one stage at a time when building; purchases and leases may skip straight to taken over."""
    position = {stage: i for i, stage in enumerate(STAGES)}
    if position[target] <= position[current]:
        raise Conflict(
            f"the project is at {current}: it cannot go back or stay at {target}",
            current_state=current.value,
        )
    skips = method in PURCHASES and target is AcquisitionStage.TAKEN_OVER
    if not skips and position[target] != position[current] + 1:
        expected = STAGES[position[current] + 1]
        raise Conflict(
            f"the project is at {current}: a {method} project goes on to {expected}, not {target}",
            current_state=current.value,
            extra={"next_stage": expected.value},
        )


def can_deliver(method: AcquisitionMethod, stage: AcquisitionStage) -> bool:
    """Dwellings are taken over when built (completed) or, for purchases and leases, at any stage."""
    return method in PURCHASES or stage in (AcquisitionStage.COMPLETED, AcquisitionStage.TAKEN_OVER)


def check_delivery(method: AcquisitionMethod, stage: AcquisitionStage, *, project_id: str) -> None:
    if not can_deliver(method, stage):
        raise Conflict(
            f"project {project_id} is at {stage}: a {method} project delivers once completed",
            current_state=stage.value,
        )


def check_delivered_refs(refs: Sequence[str]) -> None:
    if len(set(refs)) != len(refs):
        raise RuleViolation("each delivered dwelling needs its own external_ref", code="duplicate_external_ref")


def first_stage() -> AcquisitionStage:
    return STAGES[0]
