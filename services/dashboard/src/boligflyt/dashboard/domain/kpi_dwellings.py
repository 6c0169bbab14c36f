"""LKE's figures: the days a dwelling stands empty between tenancies (KPI 5) and renovation (KPI 6)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pydantic import computed_field

from .measures import median, month_start
from .read_model import ReadModel
from .tables import Row

# --- KPI 5: re-let time (void days, HouseMark) -------------------------------------------------------------


@dataclass(frozen=True)
class Void:
    dwelling_id: str
    ended_tenancy_id: str
    end_date: date
    let_tenancy_id: str
    let_date: date
    waiting: int
    renovating: int
    ready: int

    @computed_field  # type: ignore[prop-decorator]  # a figure of the JSON API too
    @property
    def days(self) -> int:
        return self.waiting + self.renovating + self.ready


def voids(model: ReadModel, as_of: date) -> list[Void]:
    """KPI 5. For every re-let by `as_of`: calendar days from the previous tenancy's end date to the new
    tenancy's start in the same dwelling, the end date not counted (ends Sunday, next starts Monday: 0).
    First lets are excluded. The days E+1 .. S-1 are split at the renovation start and the ready date:
    waiting for renovation, renovating, ready but not let."""
    found = []
    for let in model.rows("tenancies"):
        start = let.get("move_in_date")
        if start is None or start > as_of or let.get("first_let"):
            continue
        dwelling = let.get("dwelling_id")
        ended = [
            r
            for r in model.by("tenancies", "dwelling_id", dwelling)
            if r is not let and r.get("end_date") is not None and r["end_date"] <= start and r["end_date"] <= as_of
        ]
        if not ended:
            continue  # nothing to measure from: not a re-let we know the end of
        previous = max(ended, key=lambda r: r["end_date"])
        end: date = previous["end_date"]
        prior_start = previous.get("move_in_date") or previous.get("start_date") or date.min
        first_day = end + timedelta(days=1)

        def clamp(day: date | None, *, _first: date = first_day, _start: date = start) -> date:
            return _start if day is None else min(max(day, _first), _start)

        jobs = [
            j
            for j in model.by("renovations", "dwelling_id", dwelling)
            if j.get("started_on") is not None and prior_start < j["started_on"] < start
        ]
        renovation_start = min((j["started_on"] for j in jobs), default=None)
        after = renovation_start or prior_start
        ready_days = [
            r["ready_on"] for r in model.by("readiness", "dwelling_id", dwelling) if after <= r["ready_on"] < start
        ]
        ready_day = min(ready_days, default=None)
        if ready_day is None and jobs and all(j.get("completed_on") for j in jobs):
            ready_day = max(j["completed_on"] for j in jobs) + timedelta(days=1)
        ready_at = clamp(ready_day)
        renovating_at = min(clamp(renovation_start) if renovation_start else ready_at, ready_at)
        if start <= end:
            waiting = renovating = ready = 0
        else:
            waiting = (renovating_at - first_day).days
            renovating = (ready_at - renovating_at).days
            ready = (start - ready_at).days
        found.append(
            Void(str(dwelling), previous["tenancy_id"], end, let["tenancy_id"], start, waiting, renovating, ready)
        )
    return sorted(found, key=lambda v: (v.let_date, v.dwelling_id))


@dataclass(frozen=True)
class VoidSummary:
    period: date  # first day of the month the voids were re-let in
    relets: int
    total_days: int
    median_days: float | None
    waiting: int
    renovating: int
    ready: int

    @computed_field  # type: ignore[prop-decorator]  # a figure of the JSON API too
    @property
    def average_days(self) -> float | None:
        return self.total_days / self.relets if self.relets else None


def void_summary(found: Sequence[Void], months: Sequence[date]) -> list[VoidSummary]:
    """Voids counted in the month they were re-let."""
    result = []
    for first in months:
        in_month = [v for v in found if month_start(v.let_date) == first]
        result.append(
            VoidSummary(
                period=first,
                relets=len(in_month),
                total_days=sum(v.days for v in in_month),
                median_days=median([v.days for v in in_month]),
                waiting=sum(v.waiting for v in in_month),
                renovating=sum(v.renovating for v in in_month),
                ready=sum(v.ready for v in in_month),
            )
        )
    return result


# --- KPI 6: renovation -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenovationKpi:
    open_jobs: int
    overdue_jobs: int
    median_duration_days: float | None
    lost_rent_owed: int  # completed late jobs
    lost_rent_accruing: int  # open jobs past their due date, up to as_of
    late_jobs: list[Row]

    @computed_field  # type: ignore[prop-decorator]  # a figure of the JSON API too
    @property
    def lost_rent_total(self) -> int:
        return self.lost_rent_owed + self.lost_rent_accruing


def renovation(model: ReadModel, as_of: date) -> RenovationKpi:
    """KPI 6. Open: started by `as_of`, not completed by then. Overdue: open and past its due date.
    Lost rent owed by LKE: daily rent x days late (completed jobs: as reported; open ones: so far)."""
    jobs = [j for j in model.rows("renovations") if j.get("started_on") is not None and j["started_on"] <= as_of]
    done = [j for j in jobs if j.get("completed_on") is not None and j["completed_on"] <= as_of]
    open_jobs = [j for j in jobs if j not in done]
    overdue = [j for j in open_jobs if j.get("due_date") is not None and j["due_date"] < as_of]
    accruing = sum((as_of - j["due_date"]).days * int(j.get("daily_rent") or 0) for j in overdue)
    late = [j for j in done if (j.get("days_late") or 0) > 0] + overdue
    return RenovationKpi(
        open_jobs=len(open_jobs),
        overdue_jobs=len(overdue),
        median_duration_days=median([(j["completed_on"] - j["started_on"]).days for j in done]),
        lost_rent_owed=sum(int(j.get("lost_rent_owed") or 0) for j in done),
        lost_rent_accruing=accruing,
        late_jobs=sorted(late, key=lambda j: j["job_id"]),
    )
