"""The read model's tables and how a change to one of their rows merges into it.

The dashboard owns no data. Every event of the catalogue is turned into `Change`s: a keyed row of one read-model
table with the values the event sets. Changes merge into existing rows, so events of different producers may
arrive in any order across topics (a dwelling's status only moves to a later date, see `guard`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Row = dict[str, Any]

# --- The read-model tables: name -> columns (the first is the primary key) ------------------------------
# The SQL tables in models.py are generated from this, so the in-memory and the SQL read model cannot drift.

TABLES: dict[str, dict[str, type]] = {
    "agreements": {
        "agreement_id": str,
        "provider_id": str,
        "valid_to": date,
        "renegotiate_by": date,
        "reminded_on": date,
    },
    "stays": {
        "stay_id": str,
        "person_ref": str,
        "start_date": date,
        "end_date": date,
        "end_reason": str,
        "under_30": bool,
        "single": bool,
        "new_enquiry": bool,
        "adults": int,
        "children": int,
        "provider_kind": str,
        "price_per_night": int,
        "nights": int,
        "cost": int,
        "application_id": str,
        "tenancy_id": str,
        "dwelling_allocated": bool,
        "limit_approaching_on": date,
        "limit_exceeded_on": date,
        "limit_date": date,  # NAV's: the day the stay breaches its limit for temporary housing
    },
    "stay_prices": {"price_id": str, "stay_id": str, "from_date": date, "price_per_night": int},
    "applications": {
        "application_id": str,
        "person_ref": str,
        "submitted_on": date,
        "kind": str,
        "referrer": str,
        "renewal": bool,
        "first_decided_on": date,
        "approved_on": date,
        "decided_on": date,
        "outcome": str,
        "able_to_buy_on": date,  # refused: the household can buy with a start-up loan or rent-to-own
        "appealed_on": date,
        "documents_missing": int,  # documents still missing at Boligkontoret's last completeness check
        "meeting_on": date,  # the committee meeting whose case list holds the application
        "left_on": date,
        "left_reason": str,
        "allocated_on": date,
        "allocated_dwelling_id": str,
        "planned_move_in_on": date,
        "deposit_guarantee": str,
        "deposit_guarantee_on": date,
        "moved_in_on": date,
        "tenancy_id": str,
    },
    "offers": {
        "offer_id": str,
        "application_id": str,
        "dwelling_id": str,
        "person_ref": str,
        "rank": int,
        "offered_on": date,
        "answer_deadline": date,
        "answer": str,
        "answered_on": date,
    },
    "tenancies": {
        "tenancy_id": str,
        "application_id": str,
        "dwelling_id": str,
        "person_ref": str,
        "contract_type": str,
        "signed_on": date,
        "start_date": date,
        "contract_end_date": date,
        "monthly_rent": int,
        "move_in_date": date,
        "first_let": bool,
        "notice_given_on": date,
        "move_out_date": date,
        "notice_withdrawn_on": date,
        "end_date": date,
        "end_reason": str,
        "renewed_on": date,
        "ending_soon_on": date,
        # Husleieloven § 9-2: the end the contract ran past unresolved, and the day Boligkontoret escalated it.
        "escalated_end_date": date,
        "escalated_on": date,
    },
    "dwellings": {
        "dwelling_id": str,
        "owner": str,
        "category": str,
        "bedrooms": int,
        "monthly_rent": int,
        "area_code": str,
        "registered_on": date,
        "new_dwelling": bool,
        "status": str,
        "status_on": date,
        "withdrawn_on": date,
        "withdrawn_reason": str,
    },
    "inspections": {
        "inspection_id": str,
        "dwelling_id": str,
        "tenancy_id": str,
        "trigger": str,
        "booked_on": date,
        "planned_on": date,
        "inspected_on": date,
        "meets_minimum_standard": bool,
        "renovation_needed": bool,
    },
    "renovations": {
        "job_id": str,
        "dwelling_id": str,
        "kind": str,
        "ordered_on": date,
        "started_on": date,
        "due_date": date,
        "completed_on": date,
        "days_late": int,
        "daily_rent": int,
        "lost_rent_owed": int,
        "cost_hard_use": int,
        "cost_age_wear": int,
    },
    "readiness": {"ready_id": str, "dwelling_id": str, "ready_on": date, "first_let": bool},
    "needs": {
        "need_id": str,
        "reported_on": date,
        "reported_by": str,
        "target_group": str,
        "dwellings": int,
        "prioritised_on": date,
        "programme_year": int,
        "budget_line": str,
        "dwellings_prioritised": int,
        "rejected_on": date,
        "reject_reason": str,
        "order_id": str,
        "ordered_on": date,
    },
    "orders": {
        "order_id": str,
        "placed_on": date,
        "programme_year": int,
        "budget_line": str,
        "budget_amount": int,
        "target_group": str,
        "dwellings": int,
        "due_date": date,
        "dwellings_delivered": int,
        "closed_on": date,
        "cancelled_on": date,
        "cancel_reason": str,
    },
    "deliveries": {
        "delivery_id": str,
        "order_id": str,
        "fulfilled_on": date,
        "dwellings": int,
        "cost": int,
        "programme_year": int,
        "budget_line": str,
    },
    "budgets": {"frame_id": str, "year": int, "budget_line": str, "amount": int, "set_on": date},
    "quotas": {
        "quota_id": str,
        "year": int,
        "adopted_on": date,
        "requested_persons": int,
        "adopted_persons": int,
        "unaccompanied_minors": int,
    },
    "settlements": {
        "settlement_id": str,
        "quota_id": str,
        "adults": int,
        "children": int,
        "category": str,
        "announced_on": date,
        "planned_on": date,
        "housing_ordered_on": date,
        "needed_by": date,
        "settled_on": date,
        "dwelling_id": str,
        "area_code": str,  # the dwelling's area, as NAV's settlement.completed names it
        "application_id": str,
        "tenancy_id": str,
    },
    "acquisitions": {
        "project_id": str,
        "order_id": str,
        "method": str,
        "stage": str,
        "stage_on": date,
        "dwellings_planned": int,
        "expected_delivery_on": date,
        "delivered_on": date,
        "dwellings_delivered": int,
        "cost": int,
    },
}


def primary_key(table: str) -> str:
    return next(iter(TABLES[table]))


@dataclass(frozen=True)
class Change:
    """Set `values` on the row `key` of `table`, creating it if missing.

    `first`: values set only where the row has none yet (an application's first decision, the limit date of a
    stay NAV's stay.started did not give one).
    `guard`: a date column; the change applies only if it is not older than the row's (dwelling status).
    """

    table: str
    key: str
    values: Mapping[str, Any] = field(default_factory=dict)
    first: Mapping[str, Any] = field(default_factory=dict)
    guard: str | None = None


def merge(existing: Row | None, change: Change) -> Row | None:
    """The row after the change; None when the change does not apply (an older status)."""
    row: Row = dict(existing) if existing else {primary_key(change.table): change.key}
    if change.guard and existing is not None:
        old, new = existing.get(change.guard), change.values.get(change.guard)
        if old is not None and new is not None and new < old:
            return None
    row.update(change.values)
    for name, value in change.first.items():
        if row.get(name) is None:
            row[name] = value
    return row
