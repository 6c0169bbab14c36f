"""NAV's events (producer `temporary-housing`): stays, provider agreements and refugee settlement."""

from __future__ import annotations

from typing import Any

from boligflyt.contracts.events import temporary_housing as t

from ..events import event_date
from ..tables import Change
from .base import Projections

projections = Projections()


@projections.on(t.StayStarted)
def stay_started(data: t.StayStarted, event_id: str) -> list[Change]:
    values: dict[str, Any] = {
        "person_ref": data.person_ref,
        "start_date": data.start_date,
        "under_30": data.under_30,
        "single": data.single,
        "new_enquiry": data.new_enquiry,
        "adults": data.adults,
        "children": data.children,
        "provider_kind": data.provider_kind.value,
        "price_per_night": data.price_per_night,
    }
    # NAV's limit date as NAV set it when the stay started; a stay.started from before NAV stated it leaves the
    # date to the stay's limit events.
    if data.limit_date is not None:
        values["limit_date"] = data.limit_date
    return [
        Change("stays", data.stay_id, values),
        Change(
            "stay_prices",
            f"{data.stay_id}:start",
            {"stay_id": data.stay_id, "from_date": data.start_date, "price_per_night": data.price_per_night},
        ),
    ]


@projections.on(t.AgreementRenegotiationDue)
def agreement_renegotiation_due(data: t.AgreementRenegotiationDue, event_id: str) -> list[Change]:
    return [
        Change(
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


@projections.on(t.StayProviderChanged)
def stay_provider_changed(data: t.StayProviderChanged, event_id: str) -> list[Change]:
    return [
        Change(
            "stays",
            data.stay_id,
            {"provider_kind": data.provider_kind.value, "price_per_night": data.price_per_night},
        ),
        Change(
            "stay_prices",
            event_id,
            {"stay_id": data.stay_id, "from_date": data.changed_on, "price_per_night": data.price_per_night},
        ),
    ]


@projections.on(t.StayApplicationLinked)
def stay_application_linked(data: t.StayApplicationLinked, event_id: str) -> list[Change]:
    return [Change("stays", data.stay_id, {"application_id": data.application_id})]


@projections.on(t.StayLimitApproaching)
def stay_limit_approaching(data: t.StayLimitApproaching, event_id: str) -> list[Change]:
    return [
        Change(
            "stays",
            data.stay_id,
            {"dwelling_allocated": data.dwelling_allocated, "limit_approaching_on": event_date(data)},
            first={"limit_date": data.limit_date},
        )
    ]


@projections.on(t.StayLimitExceeded)
def stay_limit_exceeded(data: t.StayLimitExceeded, event_id: str) -> list[Change]:
    return [
        Change(
            "stays",
            data.stay_id,
            {"dwelling_allocated": data.dwelling_allocated, "limit_exceeded_on": event_date(data)},
            first={"limit_date": data.limit_date},
        )
    ]


@projections.on(t.StayEnded)
def stay_ended(data: t.StayEnded, event_id: str) -> list[Change]:
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
    return [Change("stays", data.stay_id, values)]


@projections.on(t.SettlementQuotaAdopted)
def settlement_quota_adopted(data: t.SettlementQuotaAdopted, event_id: str) -> list[Change]:
    return [
        Change(
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


@projections.on(t.SettlementAnnounced)
def settlement_announced(data: t.SettlementAnnounced, event_id: str) -> list[Change]:
    return [
        Change(
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


@projections.on(t.SettlementHousingOrdered)
def settlement_housing_ordered(data: t.SettlementHousingOrdered, event_id: str) -> list[Change]:
    return [
        Change(
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


@projections.on(t.SettlementCompleted)
def settlement_completed(data: t.SettlementCompleted, event_id: str) -> list[Change]:
    return [
        Change(
            "settlements",
            data.settlement_id,
            {
                **_household(data),
                "settled_on": data.settled_on,
                "dwelling_id": data.dwelling_id,
                "area_code": data.area_code,
                "application_id": data.application_id,
                "tenancy_id": data.tenancy_id,
            },
        )
    ]


def _household(data: t.SettlementAnnounced | t.SettlementHousingOrdered | t.SettlementCompleted) -> dict[str, Any]:
    return {"quota_id": data.quota_id, "adults": data.adults, "children": data.children}


@projections.on(t.DepositGuaranteeDecided)
def deposit_guarantee_decided(data: t.DepositGuaranteeDecided, event_id: str) -> list[Change]:
    """NAV's guarantee for the household's deposit, granted or refused: one of the gates before the contract. A later
    decision (a grant after an appeal) replaces an earlier one."""
    return [
        Change(
            "applications",
            data.application_id,
            {
                "person_ref": data.person_ref,
                "deposit_guarantee": data.decision.value,
                "deposit_guarantee_on": data.decided_on,
            },
        )
    ]
