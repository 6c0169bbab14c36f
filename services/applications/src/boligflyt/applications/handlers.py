"""Reactions to LKE's and NAV's events: the local list of dwellings to allocate, kept from LKE's register and its
inspections and renovations; and the stays in temporary housing of the households on the waiting list."""

from __future__ import annotations

from datetime import timedelta

from boligflyt.applications import service
from boligflyt.contracts.codes import DwellingStatus
from boligflyt.contracts.events.maintenance import (
    DwellingChanged,
    DwellingLet,
    DwellingReadyForLetting,
    DwellingRegistered,
    DwellingReserved,
    DwellingWithdrawn,
    InspectionCompleted,
    RenovationRescheduled,
    RenovationStarted,
)
from boligflyt.contracts.events.temporary_housing import (
    DepositGuaranteeDecided,
    StayApplicationLinked,
    StayEnded,
    StayLimitApproaching,
)
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers

handlers = EventHandlers()


@handlers.on(DwellingRegistered)
async def on_registered(event: DwellingRegistered, uow: UnitOfWork) -> None:
    await service.dwelling_registered(uow, event)


@handlers.on(DwellingChanged)
async def on_changed(event: DwellingChanged, uow: UnitOfWork) -> None:
    await service.upsert_dwelling(uow, event, event.changed_on, None)


@handlers.on(InspectionCompleted)
async def on_inspected(event: InspectionCompleted, uow: UnitOfWork) -> None:
    # A failed inspection of an empty dwelling leaves it inspected, awaiting its renovation's due date.
    status = DwellingStatus.INSPECTED if event.renovation_needed else None
    await service.expected_ready(uow, event.dwelling_id, event.renovation_due_date, event.inspected_on, status)


@handlers.on(RenovationStarted)
async def on_renovation_started(event: RenovationStarted, uow: UnitOfWork) -> None:
    await service.expected_ready(uow, event.dwelling_id, event.due_date, event.started_on, DwellingStatus.RENOVATING)


@handlers.on(RenovationRescheduled)
async def on_renovation_rescheduled(event: RenovationRescheduled, uow: UnitOfWork) -> None:
    await service.expected_ready(uow, event.dwelling_id, event.due_date, event.rescheduled_on)


@handlers.on(DwellingReadyForLetting)
async def on_ready(event: DwellingReadyForLetting, uow: UnitOfWork) -> None:
    await service.dwelling_ready(uow, event.dwelling_id, event.ready_on, event.first_let)


@handlers.on(DwellingReserved)
async def on_reserved(event: DwellingReserved, uow: UnitOfWork) -> None:
    await service.dwelling_status(uow, event.dwelling_id, DwellingStatus.RESERVED, event.reserved_on)


@handlers.on(DwellingLet)
async def on_let(event: DwellingLet, uow: UnitOfWork) -> None:
    await service.dwelling_status(uow, event.dwelling_id, DwellingStatus.LET, event.let_on)


@handlers.on(DwellingWithdrawn)
async def on_withdrawn(event: DwellingWithdrawn, uow: UnitOfWork) -> None:
    await service.dwelling_status(uow, event.dwelling_id, DwellingStatus.WITHDRAWN, event.withdrawn_on)


@handlers.on(StayApplicationLinked)
async def on_stay_linked(event: StayApplicationLinked, uow: UnitOfWork) -> None:
    await service.stay_linked(uow, event.application_id, event.stay_id, event.stay_start_date)


@handlers.on(StayLimitApproaching)
async def on_stay_limit_approaching(event: StayLimitApproaching, uow: UnitOfWork) -> None:
    await service.stay_limit_approaching(uow, event.stay_id, event.start_date + timedelta(days=event.days_in_stay))


@handlers.on(StayEnded)
async def on_stay_ended(event: StayEnded, uow: UnitOfWork) -> None:
    await service.stay_ended(uow, event.stay_id, event.end_date)


@handlers.on(DepositGuaranteeDecided)
async def on_guarantee_decided(event: DepositGuaranteeDecided, uow: UnitOfWork) -> None:
    await service.guarantee_decided(uow, event)
