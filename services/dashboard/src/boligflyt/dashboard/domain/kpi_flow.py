"""The applicant's path from need to move-in: the waiting list (KPI 3), the time between steps (KPI 4) and the
cases standing in each stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from pydantic import computed_field

from .kpi_stays import stay_active
from .measures import add_months, median
from .read_model import ReadModel
from .tables import Row

# --- KPI 3: waiting list (KOSTRA) --------------------------------------------------------------------------


def on_waiting_list(application: Row, as_of: date) -> bool:
    """Approved, decided by `as_of`, not moved in and not off the list by then; renewals never stand on it."""
    if application.get("outcome") != "approved" or application.get("renewal"):
        return False
    decided, moved, left = application.get("decided_on"), application.get("moved_in_on"), application.get("left_on")
    return (
        decided is not None and decided <= as_of and (moved is None or moved > as_of) and (left is None or left > as_of)
    )


def waiting_list(model: ReadModel, as_of: date) -> list[Row]:
    return sorted((r for r in model.rows("applications") if on_waiting_list(r, as_of)), key=lambda r: r["decided_on"])


# --- KPI 4: time between steps ----------------------------------------------------------------------------

BUCKETS = ("<1w", "1w-1m", "1-3m", "3-6m", ">6m")
STEPS = (
    "submitted_decided",
    "decided_allocated",
    "allocated_moved_in",
    "stay_moved_in",
    "notice_ready",
)


def bucket(start: date, end: date) -> str:
    """Calendar buckets: under 7 days; under 1 month; under 3 months; under 6 months; 6 months or more."""
    if end < start + timedelta(days=7):
        return BUCKETS[0]
    for months, name in ((1, BUCKETS[1]), (3, BUCKETS[2]), (6, BUCKETS[3])):
        if end < add_months(start, months):
            return name
    return BUCKETS[4]


@dataclass(frozen=True)
class StepCase:
    case_id: str
    person_ref: str | None
    dwelling_id: str | None
    start: date
    end: date

    @computed_field  # type: ignore[prop-decorator]  # a figure of the JSON API too
    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass(frozen=True)
class StepTimes:
    step: str
    cases: list[StepCase]

    @computed_field  # type: ignore[prop-decorator]  # a figure of the JSON API too
    @cached_property  # a page asks more than once; the cases never change
    def median_days(self) -> float | None:
        return median([c.days for c in self.cases])

    @computed_field  # type: ignore[prop-decorator]  # a figure of the JSON API too
    @cached_property
    def buckets(self) -> dict[str, int]:
        counts = dict.fromkeys(BUCKETS, 0)
        for case in self.cases:
            counts[bucket(case.start, case.end)] += 1
        return counts

    def in_bucket(self, name: str) -> list[StepCase]:
        return [c for c in self.cases if bucket(c.start, c.end) == name]


def step_times(model: ReadModel, as_of: date) -> dict[str, StepTimes]:
    """KPI 4: each pair of steps that both happened by `as_of`, first decision to first move-in."""
    cases: dict[str, list[StepCase]] = {step: [] for step in STEPS}

    def add(step: str, case_id: str, person: str | None, dwelling: str | None, start: Any, end: Any) -> None:
        if start is not None and end is not None and start <= end <= as_of:
            cases[step].append(StepCase(case_id, person, dwelling, start, end))

    applications = model.tables["applications"]
    for app in applications.values():
        ref, dwelling = app.get("person_ref"), app.get("allocated_dwelling_id")
        add("submitted_decided", app["application_id"], ref, None, app.get("submitted_on"), app.get("first_decided_on"))
        add("decided_allocated", app["application_id"], ref, dwelling, app.get("approved_on"), app.get("allocated_on"))
        add("allocated_moved_in", app["application_id"], ref, dwelling, app.get("allocated_on"), app.get("moved_in_on"))
    tenancies = model.tables["tenancies"]
    for stay in model.rows("stays"):
        start = stay.get("start_date")
        if start is None:
            continue
        moved: Row | None = tenancies.get(stay.get("tenancy_id") or "")
        # A stay whose person is not known yet matches no one's move-in (not every tenancy without a person).
        if (moved is None or moved.get("move_in_date") is None) and stay.get("person_ref") is not None:
            moved = next(
                (
                    r
                    for r in sorted(
                        model.by("tenancies", "person_ref", stay.get("person_ref")),
                        key=lambda r: r.get("move_in_date") or date.max,
                    )
                    if r.get("move_in_date") is not None and r["move_in_date"] >= start
                ),
                None,
            )
        if moved is not None:
            add(
                "stay_moved_in",
                stay["stay_id"],
                stay.get("person_ref"),
                moved.get("dwelling_id"),
                start,
                moved.get("move_in_date"),
            )
    for tenancy in model.rows("tenancies"):
        given = tenancy.get("notice_given_on")
        if given is None or tenancy.get("notice_withdrawn_on") is not None:
            continue
        ready = next(
            (
                r
                for r in sorted(
                    model.by("readiness", "dwelling_id", tenancy.get("dwelling_id")), key=lambda r: r["ready_on"]
                )
                if r["ready_on"] >= given
            ),
            None,
        )
        if ready is not None:
            add("notice_ready", tenancy["tenancy_id"], None, tenancy.get("dwelling_id"), given, ready["ready_on"])
    return {step: StepTimes(step, sorted(found, key=lambda c: c.end)) for step, found in cases.items()}


STAGES = ("in_temporary_housing", "submitted", "waiting_list", "allocated", "moved_in")


@dataclass(frozen=True)
class StageCase:
    case_id: str
    person_ref: str | None
    dwelling_id: str | None
    since: date


def stage_cases(model: ReadModel, as_of: date) -> dict[str, list[StageCase]]:
    """The cases standing in each stage from need to move-in on `as_of` (the flow page and its drill-down)."""
    apps = model.rows("applications")

    def by(date_: Any) -> bool:
        return date_ is not None and date_ <= as_of

    def not_yet(date_: Any) -> bool:
        return date_ is None or date_ > as_of

    def case(row: Row, key: str, since: str, dwelling: str | None = None) -> StageCase:
        return StageCase(row[key], row.get("person_ref"), row.get(dwelling) if dwelling else None, row[since])

    open_apps = [r for r in apps if not_yet(r.get("left_on")) and not_yet(r.get("moved_in_on"))]
    found = {
        "in_temporary_housing": [
            case(s, "stay_id", "start_date") for s in model.rows("stays") if stay_active(s, as_of)
        ],
        "submitted": [
            case(r, "application_id", "submitted_on")
            for r in open_apps
            if by(r.get("submitted_on")) and not_yet(r.get("decided_on"))
        ],
        "waiting_list": [
            case(r, "application_id", "decided_on")
            for r in apps
            if on_waiting_list(r, as_of) and not_yet(r.get("allocated_on"))
        ],
        "allocated": [
            case(r, "application_id", "allocated_on", "allocated_dwelling_id")
            for r in open_apps
            if by(r.get("allocated_on"))
        ],
        "moved_in": [
            case(r, "application_id", "moved_in_on", "allocated_dwelling_id") for r in apps if by(r.get("moved_in_on"))
        ],
    }
    return {stage: sorted(cases, key=lambda c: (c.since, c.case_id)) for stage, cases in found.items()}


def stage_counts(model: ReadModel, as_of: date) -> dict[str, int]:
    return {stage: len(cases) for stage, cases in stage_cases(model, as_of).items()}
