"""Reactions to other services' events: LKE's acquisitions deliver orders; the waiting list feeds the signal."""

from __future__ import annotations

from boligflyt.contracts.envelope import Envelope
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
async def order_delivered(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, AcquisitionDelivered)
    if data.order_id is None:  # LKE's own acquisitions, not ordered by us
        return
    await service.record_delivery(
        uow,
        event_id=envelope.id,
        order_id=data.order_id,
        project_id=data.project_id,
        delivered_on=data.delivered_on,
        dwelling_ids=data.dwelling_ids,
        cost=data.cost,
    )


@handlers.on(AcquisitionStageChanged)
async def order_progressed(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, AcquisitionStageChanged)
    if data.order_id is None:
        return
    await service.record_acquisition_stage(
        uow, order_id=data.order_id, project_id=data.project_id, stage=data.stage, changed_on=data.changed_on
    )


@handlers.on(ApplicationSubmitted)
async def application_submitted(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, ApplicationSubmitted)
    # Only renewals matter here: their approval does not put a household on the waiting list. Submitted and
    # decided share the application's key, so this always arrives first.
    if data.renewal_of_tenancy_id is not None:
        await service.record_renewal_application(uow, data.application_id)


@handlers.on(ApplicationDecided)
async def application_decided(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, ApplicationDecided)
    await service.record_decision(
        uow,
        application_id=data.application_id,
        outcome=data.outcome,
        kind=data.kind,
        bedrooms=data.bedrooms_needed,
        on=data.decided_on,
    )


@handlers.on(TenancyRenewed)
async def tenancy_renewed(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, TenancyRenewed)
    if data.application_id is not None:
        await service.leave_waiting_list(uow, data.application_id)


@handlers.on(AllocationDecided, ApplicationLeftList, TenancyMovedIn)
async def left_waiting_list(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, AllocationDecided | ApplicationLeftList | TenancyMovedIn)
    await service.leave_waiting_list(uow, data.application_id)


@handlers.on(DwellingRegistered, DwellingChanged)
async def dwelling_known(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, DwellingRegistered | DwellingChanged)
    await service.record_dwelling(uow, dwelling_id=data.dwelling_id, category=data.category, staffed=data.staffed)


@handlers.on(DwellingReadyForLetting)
async def dwelling_ready(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, DwellingReadyForLetting)
    await service.record_ready(uow, dwelling_id=data.dwelling_id, ready_on=data.ready_on)
