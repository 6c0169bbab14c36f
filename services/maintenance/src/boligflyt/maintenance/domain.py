"""LKE's rules: the dwelling turnover state machine, the minimum-standard checklist, renovation deadlines and
lost rent, the void-day split, and the acquisition stage pipeline (DOMAIN.md §4.5, §4.6).

Pure: no I/O, no framework. Dates come in as arguments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def planned_inspection(notice_given_on: date, move_out_date: date, *, within_days: int = 7) -> date:
    """Before the key is returned: within a week of the notice, and no later than the move-out date."""
    return max(notice_given_on, min(notice_given_on + timedelta(days=within_days), move_out_date))


# --- Renovation jobs ------------------------------------------------------------------------------------

RENOVATION_MONTHS = 1


def default_due_date(ordered_on: date) -> date:
    """One month after ordering (L11526-11548): the same day next month, or that month's last day."""
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


def first_stage() -> AcquisitionStage:
    return STAGES[0]
