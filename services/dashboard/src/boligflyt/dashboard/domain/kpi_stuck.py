"""Stuck cases (KPI 9): every case in a state longer than its rule's threshold, which coordinators may change; and
the § 9-2 risks: contracts Boligkontoret escalated as past their end, neither renewed nor given notice."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .kpi_flow import on_waiting_list
from .kpi_stays import stay_active
from .measures import add_months
from .read_model import ReadModel

# --- KPI 9: stuck cases ------------------------------------------------------------------------------------

# rule -> default threshold in days ("in state S longer than D days")
STUCK_RULES: dict[str, int] = {
    "stay_without_allocation": 75,
    "approved_without_offer": 90,
    "offer_unanswered": 0,
    "vacant_without_renovation": 7,
    "renovation_overdue": 0,
    "ready_not_let": 14,
    "notice_without_inspection": 7,
}


@dataclass(frozen=True)
class StuckCase:
    rule: str
    case_id: str
    since: date
    days: int
    person_ref: str | None = None
    dwelling_id: str | None = None


def stuck_cases(model: ReadModel, as_of: date, thresholds: Mapping[str, int] | None = None) -> list[StuckCase]:
    """KPI 9: every case in a state longer than its rule's threshold (days after `since`, strictly more)."""
    limits = {**STUCK_RULES, **(thresholds or {})}
    found: list[StuckCase] = []

    def check(rule: str, case_id: str, since: date | None, person: Any = None, dwelling: Any = None) -> None:
        if since is None or since > as_of:
            return
        days = (as_of - since).days
        if days > limits[rule]:
            found.append(StuckCase(rule, case_id, since, days, person, dwelling))

    apps = model.tables["applications"]
    allocated_people = {
        r.get("person_ref"): r["allocated_on"]
        for r in apps.values()
        if r.get("allocated_on") and r["allocated_on"] <= as_of
    }
    for stay in model.rows("stays"):
        if not stay_active(stay, as_of):
            continue
        app = apps.get(stay.get("application_id") or "")
        allocated = (app is not None and app.get("allocated_on") is not None and app["allocated_on"] <= as_of) or (
            stay.get("person_ref") in allocated_people
            and allocated_people[stay.get("person_ref")] >= stay["start_date"]
        )
        if not allocated and not stay.get("dwelling_allocated"):
            check("stay_without_allocation", stay["stay_id"], stay["start_date"], stay.get("person_ref"))
    offers = model.rows("offers")
    offered_apps = {o["application_id"] for o in offers if o.get("offered_on") and o["offered_on"] <= as_of}
    for app in apps.values():
        if on_waiting_list(app, as_of) and app["application_id"] not in offered_apps and not app.get("allocated_on"):
            check("approved_without_offer", app["application_id"], app["decided_on"], app.get("person_ref"))
    for offer in offers:
        answered = offer.get("answered_on")
        if offer.get("answer_deadline") and (answered is None or answered > as_of):
            check(
                "offer_unanswered",
                offer["offer_id"],
                offer["answer_deadline"],
                offer.get("person_ref"),
                offer.get("dwelling_id"),
            )
    tenancies = model.rows("tenancies")
    renovations = model.rows("renovations")
    readiness = model.rows("readiness")
    for tenancy in tenancies:
        end, dwelling = tenancy.get("end_date"), tenancy.get("dwelling_id")
        if end is None or end > as_of:
            continue
        relet = any(
            r.get("move_in_date") and end <= r["move_in_date"] <= as_of
            for r in model.by("tenancies", "dwelling_id", dwelling)
        )
        started = any(
            j.get("started_on")
            and j["started_on"] <= as_of
            and j["started_on"] >= (tenancy.get("notice_given_on") or end)
            for j in model.by("renovations", "dwelling_id", dwelling)
        )
        ready = any(end <= r["ready_on"] <= as_of for r in model.by("readiness", "dwelling_id", dwelling))
        if not relet and not started and not ready:
            check("vacant_without_renovation", str(dwelling), end, None, dwelling)
    for job in renovations:
        if (
            job.get("started_on")
            and job["started_on"] <= as_of
            and (job.get("completed_on") is None or job["completed_on"] > as_of)
        ):
            check("renovation_overdue", job["job_id"], job.get("due_date"), None, job.get("dwelling_id"))
    latest_ready: dict[str, date] = {}
    for row in readiness:
        if row["ready_on"] <= as_of:
            latest_ready[row["dwelling_id"]] = max(
                latest_ready.get(row["dwelling_id"], row["ready_on"]), row["ready_on"]
            )
    for dwelling, ready_on in latest_ready.items():
        let_after = any(
            r.get("move_in_date") and ready_on <= r["move_in_date"] <= as_of
            for r in model.by("tenancies", "dwelling_id", dwelling)
        )
        if not let_after:
            check("ready_not_let", dwelling, ready_on, None, dwelling)
    for tenancy in tenancies:
        given = tenancy.get("notice_given_on")
        if given is None or given > as_of:
            continue
        withdrawn = tenancy.get("notice_withdrawn_on")
        if withdrawn is not None and withdrawn <= as_of:
            continue
        booked = any(
            i.get("booked_on") and given <= i["booked_on"] <= as_of
            for i in model.by("inspections", "dwelling_id", tenancy.get("dwelling_id"))
        )
        if not booked:
            check("notice_without_inspection", tenancy["tenancy_id"], given, None, tenancy.get("dwelling_id"))
    return sorted(found, key=lambda s: (s.rule, -s.days, s.case_id))


# --- Husleieloven § 9-2: contracts past their end, unresolved ---------------------------------------------


@dataclass(frozen=True)
class TenancyRisk:
    """A time-limited contract past its end with neither a renewal nor a notice (Boligkontoret's escalation)."""

    tenancy_id: str
    dwelling_id: str | None
    end_date: date
    escalated_on: date
    days_past_end: int
    expiry_notice_deadline: date


def tenancy_risks(model: ReadModel, as_of: date) -> list[TenancyRisk]:
    """Escalated contracts not resolved as of the day: not renewed past the escalated end, no notice standing, not
    ended. Longest past its end first. The deadline for notice of expiry is three months after the end."""
    found: list[TenancyRisk] = []
    for tenancy in model.rows("tenancies"):
        end, escalated_on = tenancy.get("escalated_end_date"), tenancy.get("escalated_on")
        if end is None or escalated_on is None or escalated_on > as_of:
            continue
        renewed = tenancy.get("renewed_on")
        if renewed is not None and renewed <= as_of and tenancy.get("contract_end_date") != end:
            continue
        notice, withdrawn = tenancy.get("notice_given_on"), tenancy.get("notice_withdrawn_on")
        if notice is not None and notice <= as_of and (withdrawn is None or withdrawn > as_of):
            continue
        ended = tenancy.get("end_date")
        if ended is not None and ended <= as_of:
            continue
        found.append(
            TenancyRisk(
                tenancy["tenancy_id"],
                tenancy.get("dwelling_id"),
                end,
                escalated_on,
                (as_of - end).days,
                add_months(end, 3),
            )
        )
    return sorted(found, key=lambda r: (-r.days_past_end, r.tenancy_id))
