"""Reactions to LKE's events: the local list of dwellings that can be offered, kept from LKE's register."""

from __future__ import annotations

from boligflyt.applications import service
from boligflyt.contracts.codes import DwellingStatus
from boligflyt.contracts.events.maintenance import (
    DwellingChanged,
    DwellingLet,
    DwellingReadyForLetting,
    DwellingRegistered,
    DwellingReserved,
    DwellingWithdrawn,
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
