"""Reactions to other services' events: LKE's acquisitions deliver orders; the waiting list feeds the signal."""

from __future__ import annotations

from boligflyt.contracts.events.applications import (
    AllocationDecided,
    ApplicationDecided,
    ApplicationLeftList,
    ApplicationSubmitted,
    TenancyMovedIn,
    TenancyRenewed,
)
from boligflyt.contracts.events.maintenance import (
    AcquisitionDelivered,
    AcquisitionStageChanged,
    DwellingChanged,
    DwellingReadyForLetting,
    DwellingRegistered,
)
from boligflyt.ordering import service
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers

handlers = EventHandlers()


@handlers.on(AcquisitionDelivered)
async def order_delivered(event: AcquisitionDelivered, uow: UnitOfWork) -> None:
    if event.order_id is None:  # LKE's own acquisitions, not ordered by us
        return
    assert uow.cause is not None
    await service.record_delivery(
        uow,
        event_id=uow.cause.id,
        order_id=event.order_id,
        project_id=event.project_id,
        delivered_on=event.delivered_on,
        dwelling_ids=event.dwelling_ids,
        cost=event.cost,
    )


@handlers.on(AcquisitionStageChanged)
async def order_progressed(event: AcquisitionStageChanged, uow: UnitOfWork) -> None:
    if event.order_id is None:
        return
    await service.record_acquisition_stage(
        uow, order_id=event.order_id, project_id=event.project_id, stage=event.stage, changed_on=event.changed_on
    )


@handlers.on(ApplicationSubmitted)
async def application_submitted(event: ApplicationSubmitted, uow: UnitOfWork) -> None:
    # Only renewals matter here: their approval does not put a household on the waiting list. Submitted and
    # decided share the application's key, so this always arrives first.
    if event.renewal_of_tenancy_id is not None:
        await service.record_renewal_application(uow, event.application_id)


@handlers.on(ApplicationDecided)
async def application_decided(event: ApplicationDecided, uow: UnitOfWork) -> None:
    await service.record_decision(
        uow,
        application_id=event.application_id,
        outcome=event.outcome,
        kind=event.kind,
        bedrooms=event.bedrooms_needed,
        on=event.decided_on,
    )


@handlers.on(TenancyRenewed)
async def tenancy_renewed(event: TenancyRenewed, uow: UnitOfWork) -> None:
    if event.application_id is not None:
        await service.leave_waiting_list(uow, event.application_id)


@handlers.on(AllocationDecided, ApplicationLeftList, TenancyMovedIn)
async def left_waiting_list(event: AllocationDecided | ApplicationLeftList | TenancyMovedIn, uow: UnitOfWork) -> None:
    await service.leave_waiting_list(uow, event.application_id)


@handlers.on(DwellingRegistered, DwellingChanged)
async def dwelling_known(event: DwellingRegistered | DwellingChanged, uow: UnitOfWork) -> None:
    await service.record_dwelling(uow, dwelling_id=event.dwelling_id, category=event.category, staffed=event.staffed)


@handlers.on(DwellingReadyForLetting)
async def dwelling_ready(event: DwellingReadyForLetting, uow: UnitOfWork) -> None:
    await service.record_ready(uow, dwelling_id=event.dwelling_id, ready_on=event.ready_on)
