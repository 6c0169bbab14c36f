"""LKE's events (producer `maintenance`): the stock of dwellings, inspections, renovation and acquisitions."""

from __future__ import annotations

from typing import Any

from boligflyt.contracts.events import maintenance as m

from ..tables import Change
from .base import Projections, dwelling_status

projections = Projections()


@projections.on(m.DwellingRegistered)
def dwelling_registered(data: m.DwellingRegistered, event_id: str) -> list[Change]:
    return [
        Change(
            "dwellings",
            data.dwelling_id,
            {
                **_dwelling_facts(data),
                "registered_on": data.registered_on,
                "new_dwelling": data.new_dwelling,
            },
        ),
        dwelling_status(data.dwelling_id, data.status.value, data.registered_on),
    ]


@projections.on(m.DwellingChanged)
def dwelling_changed(data: m.DwellingChanged, event_id: str) -> list[Change]:
    return [Change("dwellings", data.dwelling_id, _dwelling_facts(data))]


@projections.on(m.DwellingWithdrawn)
def dwelling_withdrawn(data: m.DwellingWithdrawn, event_id: str) -> list[Change]:
    return [
        Change(
            "dwellings",
            data.dwelling_id,
            {"withdrawn_on": data.withdrawn_on, "withdrawn_reason": data.reason.value},
        ),
        dwelling_status(data.dwelling_id, "withdrawn", data.withdrawn_on),
    ]


@projections.on(m.InspectionBooked)
def inspection_booked(data: m.InspectionBooked, event_id: str) -> list[Change]:
    return [
        Change(
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


@projections.on(m.InspectionCompleted)
def inspection_completed(data: m.InspectionCompleted, event_id: str) -> list[Change]:
    return [
        Change(
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
        dwelling_status(data.dwelling_id, "inspected", data.inspected_on),
    ]


@projections.on(m.RenovationStarted)
def renovation_started(data: m.RenovationStarted, event_id: str) -> list[Change]:
    return [
        Change(
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
        dwelling_status(data.dwelling_id, "renovating", data.started_on),
    ]


@projections.on(m.RenovationRescheduled)
def renovation_rescheduled(data: m.RenovationRescheduled, event_id: str) -> list[Change]:
    """An agreed new date: the job is late only after it (as LKE's agreement with Boligkontoret counts it)."""
    return [Change("renovations", data.job_id, {"dwelling_id": data.dwelling_id, "due_date": data.due_date})]


@projections.on(m.RenovationCompleted)
def renovation_completed(data: m.RenovationCompleted, event_id: str) -> list[Change]:
    return [
        Change(
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


@projections.on(m.DwellingReadyForLetting)
def dwelling_ready_for_letting(data: m.DwellingReadyForLetting, event_id: str) -> list[Change]:
    return [
        Change(
            "readiness",
            event_id,
            {"dwelling_id": data.dwelling_id, "ready_on": data.ready_on, "first_let": data.first_let},
        ),
        dwelling_status(data.dwelling_id, "ready", data.ready_on),
    ]


@projections.on(m.DwellingReserved)
def dwelling_reserved(data: m.DwellingReserved, event_id: str) -> list[Change]:
    return [dwelling_status(data.dwelling_id, "reserved", data.reserved_on)]


@projections.on(m.DwellingLet)
def dwelling_let(data: m.DwellingLet, event_id: str) -> list[Change]:
    return [dwelling_status(data.dwelling_id, "let", data.let_on)]


@projections.on(m.AcquisitionStageChanged)
def acquisition_stage_changed(data: m.AcquisitionStageChanged, event_id: str) -> list[Change]:
    return [
        Change(
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


@projections.on(m.AcquisitionDelivered)
def acquisition_delivered(data: m.AcquisitionDelivered, event_id: str) -> list[Change]:
    return [
        Change(
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


def _dwelling_facts(data: m.DwellingRegistered | m.DwellingChanged) -> dict[str, Any]:
    return {
        "owner": data.owner.value,
        "category": data.category.value,
        "bedrooms": data.bedrooms,
        "monthly_rent": data.monthly_rent,
        "area_code": data.area_code,
    }
