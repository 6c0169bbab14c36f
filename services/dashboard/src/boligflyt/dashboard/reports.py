"""The coordinators' reports as tables (columns, rows): rendered as HTML and exported as CSV alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from boligflyt.dashboard import domain
from boligflyt.platform.spreadsheet import csv_document


@dataclass(frozen=True)
class Report:
    name: str
    columns: list[str]
    rows: list[list[Any]]

    def csv(self) -> str:
        # Ids and codes come from other services' events: neutralised all the same, as every export is.
        return csv_document(self.columns, self.rows)


def nav_monthly(model: domain.ReadModel, as_of: date) -> Report:
    """Counted by NAV's definitions (`boligflyt.contracts.situation_report.DEFINITIONS`); under 30 as NAV stated it
    when each stay started."""
    rows = domain.monthly_report(model, domain.months_back(as_of, 12), as_of)
    return Report(
        "nav-monthly",
        ["month", "persons", "under_30", "singles", "children_with_singles", "new_enquiries"],
        [
            [r.month.strftime("%Y-%m"), r.persons, r.under_30, r.singles, r.children_with_singles, r.new_enquiries]
            for r in rows
        ],
    )


def waiting_list(model: domain.ReadModel, as_of: date) -> Report:
    rows = domain.waiting_list(model, as_of)
    return Report(
        "waiting-list",
        ["application_id", "person_ref", "kind", "decided_on", "days_waiting", "offered"],
        [
            [
                r["application_id"],
                r.get("person_ref"),
                r.get("kind"),
                r["decided_on"],
                (as_of - r["decided_on"]).days,
                bool(model.by("offers", "application_id", r["application_id"])),
            ]
            for r in rows
        ],
    )


def relet_times(model: domain.ReadModel, as_of: date) -> Report:
    found = domain.voids(model, as_of)
    return Report(
        "relet-times",
        [
            "dwelling_id",
            "ended_tenancy_id",
            "end_date",
            "let_tenancy_id",
            "let_date",
            "void_days",
            "waiting",
            "renovating",
            "ready",
        ],
        [
            [
                v.dwelling_id,
                v.ended_tenancy_id,
                v.end_date,
                v.let_tenancy_id,
                v.let_date,
                v.days,
                v.waiting,
                v.renovating,
                v.ready,
            ]
            for v in found
        ],
    )


def renovation(model: domain.ReadModel, as_of: date) -> Report:
    rows = []
    for job in sorted(model.rows("renovations"), key=lambda j: j["job_id"]):
        if job.get("started_on") is None or job["started_on"] > as_of:
            continue
        completed = job.get("completed_on") if job.get("completed_on") and job["completed_on"] <= as_of else None
        due = job.get("due_date")
        late = (completed - due).days if completed and due else (as_of - due).days if due else 0
        late = max(0, late)
        rows.append(
            [
                job["job_id"],
                job.get("dwelling_id"),
                job["started_on"],
                due,
                completed,
                late,
                job.get("daily_rent"),
                late * int(job.get("daily_rent") or 0),
                "completed" if completed else "open",
            ]
        )
    return Report(
        "renovation",
        [
            "job_id",
            "dwelling_id",
            "started_on",
            "due_date",
            "completed_on",
            "days_late",
            "daily_rent",
            "lost_rent",
            "state",
        ],
        rows,
    )


def ordering(model: domain.ReadModel, as_of: date) -> Report:
    return Report(
        "ordering",
        ["budget_line", "needs_reported", "prioritised", "ordered", "delivered"],
        [[o.budget_line, o.reported, o.prioritised, o.ordered, o.delivered] for o in domain.ordering(model, as_of)],
    )


def budgets(model: domain.ReadModel, as_of: date) -> Report:
    return Report(
        "budgets",
        ["year", "budget_line", "frame", "ordered", "delivered_cost", "share_ordered"],
        [
            [
                b.year,
                b.budget_line,
                b.frame,
                b.ordered,
                b.delivered_cost,
                None if b.used_share is None else round(b.used_share, 3),
            ]
            for b in domain.budget_use(model, as_of)
        ],
    )


def settlement(model: domain.ReadModel, as_of: date) -> Report:
    rows = []
    for year in domain.settlement(model, as_of):
        for month, settled, even in year.by_month:
            rows.append([year.year, month, year.quota, settled, round(even, 1)])
    return Report("settlement", ["year", "month", "quota", "settled_cumulative", "even_spread_cumulative"], rows)


def husbanken(model: domain.ReadModel, as_of: date) -> Report:
    """Husbanken's half-year and annual figures: dwellings acquired per budget line and what they cost, and the
    households referred to buying with a start-up loan or rent-to-own (the loans are the loan office's figures)."""
    return Report(
        "husbanken",
        ["year", "period", "budget_line", "dwellings_acquired", "acquisition_cost", "referred_to_buying"],
        [
            [
                f.year,
                f"H{f.half}" if f.half else "year",
                f.budget_line,
                f.dwellings_acquired,
                f.acquisition_cost,
                f.referred_to_buying,
            ]
            for f in domain.husbanken(model, as_of)
        ],
    )


def settlement_areas(model: domain.ReadModel, as_of: date) -> Report:
    return Report(
        "settlement-areas",
        ["year", "area_code", "households", "persons"],
        [[a.year, a.area_code, a.households, a.persons] for a in domain.settlement_by_area(model, as_of)],
    )


def four_monthly(model: domain.ReadModel, as_of: date) -> Report:
    """The report to the council each four months (January-April, May-August, September-December): the KPIs at
    each period's end (the last: `as_of`) against the plan's goals: nobody over 3 months in temporary housing,
    vacant dwellings re-let without needless delay, settlement against the year's quota."""
    rows = []
    for start in _four_month_periods(as_of, 3):
        end = min(domain.add_months(start, 4) - timedelta(days=1), as_of)
        stays = domain.temporary_housing(model, end)
        relets = [v.days for v in domain.voids(model, end) if start <= v.let_date <= end]
        year = next((y for y in domain.settlement(model, end) if y.year == end.year), None)
        rows.append(
            [
                f"{start.year}-T{(start.month - 1) // 4 + 1}",
                end,
                stays.active,
                stays.over_90_days,
                0,  # the goal: nobody over 3 months
                len(domain.waiting_list(model, end)),
                len(relets),
                domain.median(relets),
                year.settled if year else 0,
                year.quota if year else 0,
            ]
        )
    return Report(
        "four-monthly",
        [
            "period",
            "as_of",
            "in_temporary_housing",
            "over_90_days",
            "goal_over_90_days",
            "waiting_list",
            "relets",
            "relet_median_days",
            "settled_this_year",
            "quota_this_year",
        ],
        rows,
    )


def _four_month_periods(as_of: date, count: int) -> list[date]:
    """The first days of the last `count` four-month periods, the last the one `as_of` falls in, oldest first."""
    first = date(as_of.year, (as_of.month - 1) // 4 * 4 + 1, 1)
    return [domain.add_months(first, -4 * n) for n in reversed(range(count))]


REPORTS: dict[str, Callable[[domain.ReadModel, date], Report]] = {
    "four-monthly": four_monthly,
    "nav-monthly": nav_monthly,
    "waiting-list": waiting_list,
    "relet-times": relet_times,
    "renovation": renovation,
    "ordering": ordering,
    "budgets": budgets,
    "husbanken": husbanken,
    "settlement": settlement,
    "settlement-areas": settlement_areas,
}
