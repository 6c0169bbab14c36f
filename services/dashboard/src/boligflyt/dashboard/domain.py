"""The dashboard's read model as pure functions: event -> read-model changes, read model -> KPIs (DOMAIN.md §6).

The dashboard owns no data. Every event of the catalogue is turned by `project` into `Change`s: a keyed row of
one read-model table with the values the event sets. Changes merge into existing rows, so events of different
producers may arrive in any order across topics (a dwelling's status only moves to a later date, see `guard`).
The same changes are applied to the SQL tables (live projection, rebuild) and to an in-memory `ReadModel`
(KPIs "as of" a past day, replayed from the event log), so both give the same figures.

Dates are the domain's dates from the payloads; "as of" a day selects events by their CloudEvents time, up
to the end of that day in Larvik (`cutoff`).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from boligflyt.contracts.base import Event
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import ordering as o
from boligflyt.contracts.events import temporary_housing as t

LOCAL_ZONE = ZoneInfo("Europe/Oslo")
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
        "appealed_on": date,
        "left_on": date,
        "left_reason": str,
        "allocated_on": date,
        "allocated_dwelling_id": str,
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

    `first`: values set only where the row has none yet (the first decision of an application).
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


# --- Events: the date a fact happened, which agency said it, who and what it is about --------------------

AGENCY_OF_PRODUCER = {
    "applications": "boligkontoret",
    "temporary-housing": "nav",
    "maintenance": "lke",
    "ordering": "bestiller",
    "integrations": "integrations",
}


def short_name(event_type: str) -> str:
    """`no.larvik.boligflyt.stay.started.v1` -> `stay.started`."""
    return event_type.removeprefix("no.larvik.boligflyt.").rsplit(".v", 1)[0]


def event_date(data: Event) -> date | None:
    """The day the fact happened in the domain (its main date field)."""
    if isinstance(data, t.StayEnded):
        return data.end_date
    if isinstance(data, t.StayLimitApproaching | t.StayLimitExceeded):
        return data.start_date + timedelta(days=data.days_in_stay)
    if isinstance(data, a.TenancyEndingSoon):
        return data.end_date - timedelta(days=data.days_left)
    if isinstance(data, m.RenovationStarted):
        return data.started_on
    if isinstance(data, m.RenovationCompleted):
        return data.completed_on
    if isinstance(data, t.AgreementRenegotiationDue):
        return data.reminded_on
    for name in _date_fields(type(data)):
        value = getattr(data, name)
        if isinstance(value, date):
            return value
    return None


# What each event type has is known from its model; looked up once per type, since a replay asks for every event
# (and a missing attribute costs a pydantic __getattr__ and an exception each time).
@cache
def _date_fields(model: type[Event]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if info.annotation in (date, date | None))


@cache
def _has_field(model: type[Event], name: str) -> bool:
    return name in model.model_fields


def person_ref_of(data: Event) -> str | None:
    value = data.person_ref if _has_field(type(data), "person_ref") else None  # type: ignore[attr-defined]
    return value if isinstance(value, str) else None


def dwelling_id_of(data: Event) -> str | None:
    model = type(data)
    value = data.dwelling_id if _has_field(model, "dwelling_id") else None  # type: ignore[attr-defined]
    if isinstance(value, str):
        return value
    ids = data.dwelling_ids if _has_field(model, "dwelling_ids") else None  # type: ignore[attr-defined]
    if isinstance(ids, tuple) and ids:
        return str(ids[0])
    return None


# --- The projection: one event -> the changes to the read model --------------------------------------------


def project(data: Event, event_id: str) -> list[Change]:
    """The read-model changes of one event. Every event type of the catalogue has a branch."""
    c = Change
    match data:
        # Boligkontoret
        case a.ApplicationSubmitted():
            return [
                c(
                    "applications",
                    data.application_id,
                    {
                        "person_ref": data.person_ref,
                        "submitted_on": data.submitted_on,
                        "kind": data.kind.value,
                        "referrer": data.referrer.value,
                        "renewal": data.renewal_of_tenancy_id is not None,
                    },
                )
            ]
        case a.ApplicationDecided():
            return [
                c(
                    "applications",
                    data.application_id,
                    {
                        "person_ref": data.person_ref,
                        "decided_on": data.decided_on,
                        "outcome": data.outcome.value,
                        "kind": data.kind.value,
                    },
                    first={
                        "first_decided_on": data.decided_on,
                        # decided -> allocated counts from the approval (a refusal may be approved on appeal)
                        **({"approved_on": data.decided_on} if data.outcome.value == "approved" else {}),
                    },
                )
            ]
        case a.ApplicationAppealed():
            return [c("applications", data.application_id, {"appealed_on": data.appealed_on})]
        case a.ApplicationLeftList():
            return [
                c(
                    "applications",
                    data.application_id,
                    {"person_ref": data.person_ref, "left_on": data.left_on, "left_reason": data.reason.value},
                )
            ]
        case a.OfferMade():
            return [
                c(
                    "offers",
                    data.offer_id,
                    {
                        "application_id": data.application_id,
                        "dwelling_id": data.dwelling_id,
                        "person_ref": data.person_ref,
                        "rank": data.rank,
                        "offered_on": data.offered_on,
                        "answer_deadline": data.answer_deadline,
                    },
                )
            ]
        case a.OfferAnswered():
            return [
                c(
                    "offers",
                    data.offer_id,
                    {
                        "application_id": data.application_id,
                        "dwelling_id": data.dwelling_id,
                        "answer": data.answer.value,
                        "answered_on": data.answered_on,
                    },
                )
            ]
        case a.AllocationDecided():
            return [
                c(
                    "applications",
                    data.application_id,
                    {
                        "person_ref": data.person_ref,
                        "allocated_on": data.decided_on,
                        "allocated_dwelling_id": data.dwelling_id,
                    },
                )
            ]
        case a.TenancySigned():
            return [
                c(
                    "tenancies",
                    data.tenancy_id,
                    {
                        "application_id": data.application_id,
                        "dwelling_id": data.dwelling_id,
                        "person_ref": data.person_ref,
                        "contract_type": data.contract_type.value,
                        "signed_on": data.signed_on,
                        "start_date": data.start_date,
                        "contract_end_date": data.end_date,
                        "monthly_rent": data.monthly_rent,
                    },
                )
            ]
        case a.TenancyMovedIn():
            return [
                c(
                    "tenancies",
                    data.tenancy_id,
                    {
                        "application_id": data.application_id,
                        "dwelling_id": data.dwelling_id,
                        "person_ref": data.person_ref,
                        "move_in_date": data.move_in_date,
                        "first_let": data.first_let,
                    },
                ),
                c(
                    "applications",
                    data.application_id,
                    {"person_ref": data.person_ref, "moved_in_on": data.move_in_date, "tenancy_id": data.tenancy_id},
                ),
                _status(data.dwelling_id, "let", data.move_in_date),
            ]
        case a.TenancyNoticeGiven():
            return [
                c(
                    "tenancies",
                    data.tenancy_id,
                    {
                        "dwelling_id": data.dwelling_id,
                        "notice_given_on": data.given_on,
                        "move_out_date": data.move_out_date,
                        "notice_withdrawn_on": None,
                    },
                ),
                _status(data.dwelling_id, "notice_given", data.given_on),
            ]
        case a.TenancyNoticeWithdrawn():
            return [
                c(
                    "tenancies",
                    data.tenancy_id,
                    {"dwelling_id": data.dwelling_id, "notice_withdrawn_on": data.withdrawn_on},
                ),
                _status(data.dwelling_id, "let", data.withdrawn_on),
            ]
        case a.TenancyEndingSoon():
            return [
                c(
                    "tenancies",
                    data.tenancy_id,
                    {
                        "dwelling_id": data.dwelling_id,
                        "contract_end_date": data.end_date,
                        "ending_soon_on": event_date(data),
                    },
                )
            ]
        case a.TenancyRenewed():
            return [
                c(
                    "tenancies",
                    data.tenancy_id,
                    {
                        "dwelling_id": data.dwelling_id,
                        "renewed_on": data.renewed_on,
                        "contract_type": data.contract_type.value,
                        "contract_end_date": data.new_end_date,
                    },
                )
            ]
        case a.TenancyEnded():
            return [
                c(
                    "tenancies",
                    data.tenancy_id,
                    {"dwelling_id": data.dwelling_id, "end_date": data.end_date, "end_reason": data.reason.value},
                ),
                _status(data.dwelling_id, "vacant", data.end_date),
            ]
        # NAV
        case t.StayStarted():
            return [
                c(
                    "stays",
                    data.stay_id,
                    {
                        "person_ref": data.person_ref,
                        "start_date": data.start_date,
                        "under_30": data.under_30,
                        "single": data.single,
                        "new_enquiry": data.new_enquiry,
                        "adults": data.adults,
                        "children": data.children,
                        "provider_kind": data.provider_kind.value,
                        "price_per_night": data.price_per_night,
                    },
                ),
                c(
                    "stay_prices",
                    f"{data.stay_id}:start",
                    {"stay_id": data.stay_id, "from_date": data.start_date, "price_per_night": data.price_per_night},
                ),
            ]
        case t.AgreementRenegotiationDue():
            return [
                c(
                    "agreements",
                    data.agreement_id,
                    {
                        "provider_id": data.provider_id,
                        "valid_to": data.valid_to,
                        "renegotiate_by": data.renegotiate_by,
                        "reminded_on": data.reminded_on,
                    },
                )
            ]
        case t.StayProviderChanged():
            return [
                c(
                    "stays",
                    data.stay_id,
                    {"provider_kind": data.provider_kind.value, "price_per_night": data.price_per_night},
                ),
                c(
                    "stay_prices",
                    event_id,
                    {"stay_id": data.stay_id, "from_date": data.changed_on, "price_per_night": data.price_per_night},
                ),
            ]
        case t.StayApplicationLinked():
            return [c("stays", data.stay_id, {"application_id": data.application_id})]
        case t.StayLimitApproaching():
            return [
                c(
                    "stays",
                    data.stay_id,
                    {"dwelling_allocated": data.dwelling_allocated, "limit_approaching_on": event_date(data)},
                )
            ]
        case t.StayLimitExceeded():
            return [
                c(
                    "stays",
                    data.stay_id,
                    {"dwelling_allocated": data.dwelling_allocated, "limit_exceeded_on": event_date(data)},
                )
            ]
        case t.StayEnded():
            values: dict[str, Any] = {
                "person_ref": data.person_ref,
                "start_date": data.start_date,
                "end_date": data.end_date,
                "end_reason": data.reason.value,
                "nights": data.nights,
                "cost": data.cost,
                "tenancy_id": data.tenancy_id,
            }
            if data.application_id is not None:
                values["application_id"] = data.application_id
            return [c("stays", data.stay_id, values)]
        case t.SettlementQuotaAdopted():
            return [
                c(
                    "quotas",
                    data.quota_id,
                    {
                        "year": data.year,
                        "adopted_on": data.adopted_on,
                        "requested_persons": data.requested_persons,
                        "adopted_persons": data.adopted_persons,
                        "unaccompanied_minors": data.unaccompanied_minors,
                    },
                )
            ]
        case t.SettlementAnnounced():
            return [
                c(
                    "settlements",
                    data.settlement_id,
                    {
                        **_household(data),
                        "category": data.category.value,
                        "announced_on": data.announced_on,
                        "planned_on": data.planned_settlement_date,
                    },
                )
            ]
        case t.SettlementHousingOrdered():
            return [
                c(
                    "settlements",
                    data.settlement_id,
                    {
                        **_household(data),
                        "category": data.category.value,
                        "housing_ordered_on": data.ordered_on,
                        "needed_by": data.needed_by,
                    },
                )
            ]
        case t.SettlementCompleted():
            return [
                c(
                    "settlements",
                    data.settlement_id,
                    {
                        **_household(data),
                        "settled_on": data.settled_on,
                        "dwelling_id": data.dwelling_id,
                        "application_id": data.application_id,
                        "tenancy_id": data.tenancy_id,
                    },
                )
            ]
        # LKE
        case m.DwellingRegistered():
            return [
                c(
                    "dwellings",
                    data.dwelling_id,
                    {
                        **_dwelling_facts(data),
                        "registered_on": data.registered_on,
                        "new_dwelling": data.new_dwelling,
                    },
                ),
                _status(data.dwelling_id, data.status.value, data.registered_on),
            ]
        case m.DwellingChanged():
            return [c("dwellings", data.dwelling_id, _dwelling_facts(data))]
        case m.DwellingWithdrawn():
            return [
                c(
                    "dwellings",
                    data.dwelling_id,
                    {"withdrawn_on": data.withdrawn_on, "withdrawn_reason": data.reason.value},
                ),
                _status(data.dwelling_id, "withdrawn", data.withdrawn_on),
            ]
        case m.InspectionBooked():
            return [
                c(
                    "inspections",
                    data.inspection_id,
                    {
                        "dwelling_id": data.dwelling_id,
                        "tenancy_id": data.tenancy_id,
                        "trigger": data.trigger.value,
                        "booked_on": data.booked_on,
                        "planned_on": data.planned_on,
                    },
                )
            ]
        case m.InspectionCompleted():
            return [
                c(
                    "inspections",
                    data.inspection_id,
                    {
                        "dwelling_id": data.dwelling_id,
                        "trigger": data.trigger.value,
                        "inspected_on": data.inspected_on,
                        "meets_minimum_standard": data.meets_minimum_standard,
                        "renovation_needed": data.renovation_needed,
                    },
                    first={"booked_on": data.inspected_on},
                ),
                _status(data.dwelling_id, "inspected", data.inspected_on),
            ]
        case m.RenovationStarted():
            return [
                c(
                    "renovations",
                    data.job_id,
                    {
                        "dwelling_id": data.dwelling_id,
                        "kind": data.kind.value,
                        "ordered_on": data.ordered_on,
                        "started_on": data.started_on,
                        "due_date": data.due_date,
                        "daily_rent": data.daily_rent,
                    },
                ),
                _status(data.dwelling_id, "renovating", data.started_on),
            ]
        case m.RenovationCompleted():
            return [
                c(
                    "renovations",
                    data.job_id,
                    {
                        "dwelling_id": data.dwelling_id,
                        "started_on": data.started_on,
                        "due_date": data.due_date,
                        "completed_on": data.completed_on,
                        "days_late": data.days_late,
                        "daily_rent": data.daily_rent,
                        "lost_rent_owed": data.lost_rent_owed,
                        "cost_hard_use": data.cost_hard_use,
                        "cost_age_wear": data.cost_age_wear,
                    },
                )
            ]
        case m.DwellingReadyForLetting():
            return [
                c(
                    "readiness",
                    event_id,
                    {"dwelling_id": data.dwelling_id, "ready_on": data.ready_on, "first_let": data.first_let},
                ),
                _status(data.dwelling_id, "ready", data.ready_on),
            ]
        case m.DwellingReserved():
            return [_status(data.dwelling_id, "reserved", data.reserved_on)]
        case m.DwellingLet():
            return [_status(data.dwelling_id, "let", data.let_on)]
        case m.AcquisitionStageChanged():
            return [
                c(
                    "acquisitions",
                    data.project_id,
                    {
                        "order_id": data.order_id,
                        "method": data.method.value,
                        "stage": data.stage.value,
                        "stage_on": data.changed_on,
                        "dwellings_planned": data.dwellings_planned,
                        "expected_delivery_on": data.expected_delivery_on,
                    },
                    guard="stage_on",
                )
            ]
        case m.AcquisitionDelivered():
            return [
                c(
                    "acquisitions",
                    data.project_id,
                    {
                        "order_id": data.order_id,
                        "method": data.method.value,
                        "delivered_on": data.delivered_on,
                        "dwellings_delivered": len(data.dwelling_ids),
                        "cost": data.cost,
                    },
                )
            ]
        # The ordering function
        case o.NeedReported():
            return [
                c(
                    "needs",
                    data.need_id,
                    {
                        "reported_on": data.reported_on,
                        "reported_by": data.reported_by.value,
                        "target_group": data.target_group.value,
                        "dwellings": data.dwellings,
                    },
                )
            ]
        case o.NeedPrioritised():
            return [
                c(
                    "needs",
                    data.need_id,
                    {
                        "prioritised_on": data.prioritised_on,
                        "programme_year": data.programme_year,
                        "budget_line": data.budget_line.value,
                        "dwellings_prioritised": data.dwellings,
                    },
                )
            ]
        case o.NeedRejected():
            return [c("needs", data.need_id, {"rejected_on": data.rejected_on, "reject_reason": data.reason.value})]
        case o.OrderPlaced():
            return [
                c(
                    "orders",
                    data.order_id,
                    {
                        "placed_on": data.placed_on,
                        "programme_year": data.programme_year,
                        "budget_line": data.budget_line.value,
                        "budget_amount": data.budget_amount,
                        "target_group": data.target_group.value,
                        "dwellings": data.dwellings,
                        "due_date": data.due_date,
                    },
                ),
                *(
                    c("needs", need_id, {"order_id": data.order_id, "ordered_on": data.placed_on})
                    for need_id in data.need_ids
                ),
            ]
        case o.OrderFulfilled():
            order_values: dict[str, Any] = {
                "programme_year": data.programme_year,
                "budget_line": data.budget_line.value,
                "dwellings": data.dwellings_ordered,
                "dwellings_delivered": data.dwellings_delivered_total,
            }
            if data.order_closed:
                order_values["closed_on"] = data.fulfilled_on
            return [
                c("orders", data.order_id, order_values),
                c(
                    "deliveries",
                    event_id,
                    {
                        "order_id": data.order_id,
                        "fulfilled_on": data.fulfilled_on,
                        "dwellings": len(data.dwelling_ids),
                        "cost": data.cost,
                        "programme_year": data.programme_year,
                        "budget_line": data.budget_line.value,
                    },
                ),
            ]
        case o.OrderCancelled():
            return [
                c(
                    "orders",
                    data.order_id,
                    {
                        "cancelled_on": data.cancelled_on,
                        "cancel_reason": data.reason.value,
                        "programme_year": data.programme_year,
                        "budget_line": data.budget_line.value,
                    },
                )
            ]
        case o.BudgetFrameSet():
            return [
                c(
                    "budgets",
                    data.frame_id,
                    {
                        "year": data.year,
                        "budget_line": data.budget_line.value,
                        "amount": data.amount,
                        "set_on": data.set_on,
                    },
                    guard="set_on",
                )
            ]
    raise LookupError(f"the dashboard has no projection for {data.event_type}")


def _status(dwelling_id: str, status: str, on: date) -> Change:
    return Change("dwellings", dwelling_id, {"status": status, "status_on": on}, guard="status_on")


def _household(data: t.SettlementAnnounced | t.SettlementHousingOrdered | t.SettlementCompleted) -> dict[str, Any]:
    return {"quota_id": data.quota_id, "adults": data.adults, "children": data.children}


def _dwelling_facts(data: m.DwellingRegistered | m.DwellingChanged) -> dict[str, Any]:
    return {
        "owner": data.owner.value,
        "category": data.category.value,
        "bedrooms": data.bedrooms,
        "monthly_rent": data.monthly_rent,
        "area_code": data.area_code,
    }


# --- The in-memory read model (as-of replays, tests) and the window of events it holds --------------------


@dataclass
class ReadModel:
    """Every read-model table as rows by key."""

    tables: dict[str, dict[str, Row]] = field(default_factory=lambda: {name: {} for name in TABLES})
    _indexes: dict[tuple[str, str], dict[Any, list[Row]]] = field(default_factory=dict, repr=False, compare=False)

    def apply(self, changes: Iterable[Change]) -> None:
        for change in changes:
            rows = self.tables[change.table]
            row = merge(rows.get(change.key), change)
            if row is not None:
                rows[change.key] = row
                self._indexes.clear()

    def rows(self, table: str) -> list[Row]:
        return list(self.tables[table].values())

    def by(self, table: str, column: str, value: Any) -> list[Row]:
        """The rows of `table` whose `column` is `value` (an index built on first use, dropped on change)."""
        index = self._indexes.get((table, column))
        if index is None:
            index = defaultdict(list)
            for row in self.tables[table].values():
                index[row.get(column)].append(row)
            self._indexes[(table, column)] = index
        return index.get(value, [])


def cutoff(as_of: date) -> datetime:
    """The end of `as_of` in Larvik, as an aware instant: events before it count "as of" that day."""
    return datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=LOCAL_ZONE)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError("unreachable")


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return add_months(month_start(day), 1) - timedelta(days=1)


def months_back(as_of: date, count: int) -> list[date]:
    """The first days of the `count` months up to and including the month of `as_of`, oldest first."""
    first = month_start(as_of)
    return [add_months(first, -n) for n in range(count - 1, -1, -1)]


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


# --- KPI 1: temporary housing now -----------------------------------------------------------------------

STAY_LIMIT_DAYS = 90


def stay_active(stay: Row, as_of: date) -> bool:
    """A stay runs on `as_of` if it started by then and the person had not left (end_date is the leaving day)."""
    start, end = stay.get("start_date"), stay.get("end_date")
    return start is not None and start <= as_of and (end is None or end > as_of)


def nights_cost(stay: Row, prices: Sequence[Row], as_of: date) -> int:
    """Nights used up to `as_of` (the night of `as_of` not yet) x the price of each night's provider.

    `prices`: the stay's price rows (from its start and each change of provider)."""
    start: date = stay["start_date"]
    segments = sorted((p["from_date"], p["price_per_night"]) for p in prices if p["stay_id"] == stay["stay_id"])
    if not segments:
        segments = [(start, stay.get("price_per_night") or 0)]
    total = 0
    for index, (begin, price) in enumerate(segments):
        end = segments[index + 1][0] if index + 1 < len(segments) else as_of
        first, last = max(begin, start), min(end, as_of)
        if last > first:
            total += (last - first).days * int(price)
    return total


@dataclass(frozen=True)
class TemporaryHousing:
    active: int
    over_90_days: int
    median_days: float | None
    cost_so_far: int
    days: list[int]


def temporary_housing(model: ReadModel, as_of: date) -> TemporaryHousing:
    """KPI 1. "Over 90 days": on day 90 or later (day 90 is the breach, DOMAIN.md §4.3)."""
    active = [s for s in model.rows("stays") if stay_active(s, as_of)]
    days = sorted((as_of - s["start_date"]).days for s in active)
    return TemporaryHousing(
        active=len(active),
        over_90_days=sum(1 for d in days if d >= STAY_LIMIT_DAYS),
        median_days=median(days),
        cost_so_far=sum(nights_cost(s, model.by("stay_prices", "stay_id", s["stay_id"]), as_of) for s in active),
        days=days,
    )


# --- KPI 2: NAV's monthly situation report ----------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyReportRow:
    month: date
    persons: int
    under_30: int
    single: int
    new_enquiries: int


def monthly_report(model: ReadModel, months: Sequence[date]) -> list[MonthlyReportRow]:
    """KPI 2. Persons with a stay during the month (counted once), of them under 30 and single; new
    enquiries: stays started in the month by people NAV marks as new and with no earlier stay here."""
    stays = [s for s in model.rows("stays") if s.get("start_date") is not None]
    first_start: dict[str, date] = {}
    for stay in stays:
        ref = stay["person_ref"]
        first_start[ref] = min(first_start.get(ref, stay["start_date"]), stay["start_date"])
    report = []
    for first in months:
        last = month_end(first)
        during = [s for s in stays if s["start_date"] <= last and (s.get("end_date") is None or s["end_date"] > first)]
        persons: dict[str, Row] = {}
        for stay in sorted(during, key=lambda s: s["start_date"]):
            persons.setdefault(stay["person_ref"], stay)
        new = {
            s["person_ref"]
            for s in stays
            if first <= s["start_date"] <= last
            and s.get("new_enquiry")
            and first_start[s["person_ref"]] == s["start_date"]
        }
        report.append(
            MonthlyReportRow(
                month=first,
                persons=len(persons),
                under_30=sum(1 for s in persons.values() if s.get("under_30")),
                single=sum(1 for s in persons.values() if s.get("single")),
                new_enquiries=len(new),
            )
        )
    return report


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

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass(frozen=True)
class StepTimes:
    step: str
    cases: list[StepCase]

    @property
    def median_days(self) -> float | None:
        return median([c.days for c in self.cases])

    @property
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
        if moved is None or moved.get("move_in_date") is None:
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
                moved["move_in_date"],
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


# --- KPI 7: ordering and budgets ----------------------------------------------------------------------------

UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class OrderingLine:
    budget_line: str
    reported: int
    prioritised: int
    ordered: int
    delivered: int


def ordering(model: ReadModel, as_of: date) -> list[OrderingLine]:
    """KPI 7. Needs per budget line (a need not yet prioritised has none): reported; prioritised;
    ordered (in an order that is not cancelled); delivered (its order has had a delivery)."""
    orders = model.tables["orders"]
    delivered_orders = {d["order_id"] for d in model.rows("deliveries") if d["fulfilled_on"] <= as_of}
    lines: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])

    def by(value: Any) -> bool:
        return value is not None and value <= as_of

    for need in model.rows("needs"):
        if not by(need.get("reported_on")) and not by(need.get("prioritised_on")):
            continue
        line = need.get("budget_line") if by(need.get("prioritised_on")) else None
        counts = lines[line or UNASSIGNED]
        counts[0] += 1
        if line:
            counts[1] += 1
        order = orders.get(need.get("order_id") or "")
        if order is not None and by(order.get("placed_on")) and not by(order.get("cancelled_on")):
            counts[2] += 1
            if order["order_id"] in delivered_orders:
                counts[3] += 1
    return [OrderingLine(line, *counts) for line, counts in sorted(lines.items())]


@dataclass(frozen=True)
class BudgetUse:
    year: int
    budget_line: str
    frame: int
    ordered: int  # budget amounts of orders placed and not cancelled
    delivered_cost: int

    @property
    def used_share(self) -> float | None:
        return self.ordered / self.frame if self.frame else None


def budget_use(model: ReadModel, as_of: date) -> list[BudgetUse]:
    """KPI 7. The frame used per year and line: set aside by orders, and paid for deliveries."""
    keys: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for frame in model.rows("budgets"):
        if frame.get("set_on") is not None and frame["set_on"] <= as_of:
            keys[(frame["year"], frame["budget_line"])][0] += int(frame["amount"])
    for order in model.rows("orders"):
        if order.get("placed_on") is None or order["placed_on"] > as_of:
            continue
        if order.get("cancelled_on") is not None and order["cancelled_on"] <= as_of:
            continue
        keys[(order["programme_year"], order["budget_line"])][1] += int(order.get("budget_amount") or 0)
    for delivery in model.rows("deliveries"):
        if delivery["fulfilled_on"] <= as_of:
            keys[(delivery["programme_year"], delivery["budget_line"])][2] += int(delivery["cost"])
    return [BudgetUse(year, line, *values) for (year, line), values in sorted(keys.items())]


# --- KPI 8: refugee settlement -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SettlementYear:
    year: int
    quota: int
    settled: int
    by_month: list[tuple[int, int, float]]  # (month, settled cumulative, even spread cumulative)


def settlement(model: ReadModel, as_of: date) -> list[SettlementYear]:
    """KPI 8. Persons settled (adults + children of completed settlements) against the adopted quota of the
    year, and per month cumulatively against an even spread (quota x month / 12)."""
    quotas: dict[int, int] = defaultdict(int)
    for quota in model.rows("quotas"):
        if quota.get("adopted_on") is not None and quota["adopted_on"] <= as_of:
            quotas[quota["year"]] += int(quota["adopted_persons"])
    settled: dict[int, list[int]] = defaultdict(lambda: [0] * 12)
    for row in model.rows("settlements"):
        day = row.get("settled_on")
        if day is not None and day <= as_of:
            settled[day.year][day.month - 1] += int(row.get("adults") or 0) + int(row.get("children") or 0)
    result = []
    for year in sorted(set(quotas) | set(settled)):
        months, running = [], 0
        for index, count in enumerate(settled[year]):
            running += count
            months.append((index + 1, running, quotas[year] * (index + 1) / 12))
        result.append(SettlementYear(year, quotas[year], running, months))
    return result


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


# --- The overview: every KPI as of a day --------------------------------------------------------------------


@dataclass(frozen=True)
class Kpis:
    as_of: date
    temporary_housing: TemporaryHousing
    waiting_list: int
    steps: dict[str, StepTimes]
    voids: list[Void]
    renovation: RenovationKpi
    ordering: list[OrderingLine]
    budgets: list[BudgetUse]
    settlement: list[SettlementYear]
    stuck: list[StuckCase]

    def summary(self) -> dict[str, Any]:
        """The figures as plain values, to compare two read models (live vs rebuilt, live vs as-of)."""
        void_days = [v.days for v in self.voids]
        return {
            "as_of": self.as_of.isoformat(),
            "stays_active": self.temporary_housing.active,
            "stays_over_90": self.temporary_housing.over_90_days,
            "stays_median_days": self.temporary_housing.median_days,
            "stays_cost": self.temporary_housing.cost_so_far,
            "waiting_list": self.waiting_list,
            "steps": {k: (v.median_days, v.buckets) for k, v in self.steps.items()},
            "voids": [(v.dwelling_id, v.days, v.waiting, v.renovating, v.ready) for v in self.voids],
            "void_median": median(void_days),
            "renovation": (
                self.renovation.open_jobs,
                self.renovation.overdue_jobs,
                self.renovation.median_duration_days,
                self.renovation.lost_rent_total,
            ),
            "ordering": [(o.budget_line, o.reported, o.prioritised, o.ordered, o.delivered) for o in self.ordering],
            "budgets": [(b.year, b.budget_line, b.frame, b.ordered, b.delivered_cost) for b in self.budgets],
            "settlement": [(s.year, s.quota, s.settled) for s in self.settlement],
            "stuck": [(s.rule, s.case_id, s.days) for s in self.stuck],
        }


def kpis(model: ReadModel, as_of: date, thresholds: Mapping[str, int] | None = None) -> Kpis:
    return Kpis(
        as_of=as_of,
        temporary_housing=temporary_housing(model, as_of),
        waiting_list=len(waiting_list(model, as_of)),
        steps=step_times(model, as_of),
        voids=voids(model, as_of),
        renovation=renovation(model, as_of),
        ordering=ordering(model, as_of),
        budgets=budget_use(model, as_of),
        settlement=settlement(model, as_of),
        stuck=stuck_cases(model, as_of, thresholds),
    )
