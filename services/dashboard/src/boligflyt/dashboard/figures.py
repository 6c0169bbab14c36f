"""What each page and each `/v1` endpoint shows, computed once: the HTML page and the JSON answer render the same
objects, so the two cannot disagree. Each is drawn once per log position, day and clock (`service.figure`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from boligflyt.dashboard import domain, reports, service
from boligflyt.platform.db import Database


@dataclass(frozen=True)
class TrendPoint:
    """The overview's trend lines at the end of one month (the last: the view's day)."""

    month: str  # YYYY-MM
    day: date
    stays_active: int
    stays_over_90: int
    waiting_list: int
    void_median: float | None  # re-lets of that month
    renovation_open: int
    stuck_count: int


@dataclass(frozen=True)
class Overview:
    view: service.View
    kpis: domain.Kpis
    trend: list[TrendPoint]  # the last 12 months
    void_months: list[domain.VoidSummary]
    void_median: float | None  # re-lets of the last 365 days


@dataclass(frozen=True)
class StepSummary:
    """One step's times without its cases (those come a page at a time): what the flow page shows."""

    step: str
    cases: int
    median_days: float | None
    buckets: dict[str, int]


@dataclass(frozen=True)
class Flow:
    view: service.View
    stages: dict[str, int]
    steps: dict[str, StepSummary]


@dataclass(frozen=True)
class ReportFigures:
    view: service.View
    report: reports.Report
    stay_days: list[int] | None  # nav-monthly: days in temporary housing of each running stay
    void_months: list[domain.VoidSummary] | None  # relet-times: the last 12 months


@dataclass(frozen=True)
class DwellingFigures:
    view: service.View
    dwelling: dict[str, Any] | None
    voids: list[domain.Void]


async def overview(database: Database, view: service.View) -> Overview:
    limits = await service.thresholds(database)
    if view.clock is service.Clock.business:
        # One figure: the day's KPIs and the twelve month ends, drawn together from the live model.
        def compute(model: domain.ReadModel, day: date) -> Overview:
            ends = [min(domain.month_end(first), day) for first in domain.months_back(day, 12)]
            months = [domain.kpis(model, end, limits) for end in ends]
            return _overview(view, months[-1], months)

        return await service.figure(database, view, ("overview", tuple(sorted(limits.items()))), compute)
    return _overview(view, await service.kpis_in(database, view), await service.trend(database, view, 12, limits))


def _overview(view: service.View, kpis: domain.Kpis, months: list[domain.Kpis]) -> Overview:
    recent = [v for v in kpis.voids if (view.day - v.let_date).days < 365]
    void_months = domain.void_summary(kpis.voids, domain.months_back(view.day, 12))
    trend = [
        TrendPoint(
            month.as_of.strftime("%Y-%m"),
            month.as_of,
            month.temporary_housing.active,
            month.temporary_housing.over_90_days,
            month.waiting_list,
            voids.median_days,
            month.renovation.open_jobs,
            len(month.stuck),
        )
        for month, voids in zip(months, void_months, strict=True)
    ]
    return Overview(view, kpis, trend, void_months, domain.median([v.days for v in recent]))


async def flow(database: Database, view: service.View) -> Flow:
    def compute(model: domain.ReadModel, day: date) -> Flow:
        steps = {
            name: StepSummary(name, len(times.cases), times.median_days, times.buckets)
            for name, times in domain.step_times(model, day).items()
        }
        return Flow(view, domain.stage_counts(model, day), steps)

    return await service.figure(database, view, "flow", compute)


C = TypeVar("C")

# A drill-down shows its cases a page at a time: a page's cost does not grow with the number of cases.
CASES_PER_PAGE = 200
MAX_CASES_PER_PAGE = 1000


@dataclass(frozen=True)
class CasePage(Generic[C]):
    total: int
    offset: int
    limit: int
    cases: list[C]


async def step_cases(
    database: Database, view: service.View, step: str, bucket: str | None, offset: int = 0, limit: int = CASES_PER_PAGE
) -> CasePage[domain.StepCase]:
    def compute(model: domain.ReadModel, day: date) -> list[domain.StepCase]:
        times = domain.step_times(model, day)[step]
        return times.in_bucket(bucket) if bucket else times.cases

    cases = await service.figure(database, view, ("step", step, bucket), compute)
    return CasePage(len(cases), offset, limit, cases[offset : offset + limit])


async def stage_cases(
    database: Database, view: service.View, stage: str, offset: int = 0, limit: int = CASES_PER_PAGE
) -> CasePage[domain.StageCase]:
    cases = (await service.figure(database, view, "stages", domain.stage_cases))[stage]
    return CasePage(len(cases), offset, limit, cases[offset : offset + limit])


async def report(database: Database, view: service.View, name: str) -> ReportFigures:
    def compute(model: domain.ReadModel, day: date) -> ReportFigures:
        stay_days = domain.temporary_housing(model, day).days if name == "nav-monthly" else None
        void_months = (
            domain.void_summary(domain.voids(model, day), domain.months_back(day, 12))
            if name == "relet-times"
            else None
        )
        return ReportFigures(view, reports.REPORTS[name](model, day), stay_days, void_months)

    return await service.figure(database, view, ("report", name), compute)


async def dwelling(database: Database, view: service.View, dwelling_id: str) -> DwellingFigures:
    voids = await service.figure(database, view, "voids", domain.voids)
    model, _ = await service.read_model(database, None, view.day)  # the dwelling's row as known now
    found = [v for v in voids if v.dwelling_id == dwelling_id]
    return DwellingFigures(view, model.tables["dwellings"].get(dwelling_id), found)
