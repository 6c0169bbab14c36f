"""Reactions to LKE's events: the local list of dwellings that can be offered (DOMAIN.md §2, §5)."""

from __future__ import annotations

from boligflyt.applications import service
from boligflyt.contracts.codes import DwellingStatus
from boligflyt.contracts.envelope import Envelope
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
async def on_registered(envelope: Envelope, uow: UnitOfWork) -> None:
    event = envelope.data
    assert isinstance(event, DwellingRegistered)
    dwelling = await service.upsert_dwelling(uow, event, event.registered_on, event.status)
    dwelling.first_let = event.new_dwelling
    if event.status is DwellingStatus.READY:
        await service.dwelling_ready(uow, event.dwelling_id, event.registered_on, event.new_dwelling)


@handlers.on(DwellingChanged)
async def on_changed(envelope: Envelope, uow: UnitOfWork) -> None:
    event = envelope.data
    assert isinstance(event, DwellingChanged)
    await service.upsert_dwelling(uow, event, event.changed_on, None)


@handlers.on(DwellingReadyForLetting)
async def on_ready(envelope: Envelope, uow: UnitOfWork) -> None:
    event = envelope.data
    assert isinstance(event, DwellingReadyForLetting)
    await service.dwelling_ready(uow, event.dwelling_id, event.ready_on, event.first_let)


@handlers.on(DwellingReserved)
async def on_reserved(envelope: Envelope, uow: UnitOfWork) -> None:
    event = envelope.data
    assert isinstance(event, DwellingReserved)
    await service.dwelling_status(uow, event.dwelling_id, DwellingStatus.RESERVED, event.reserved_on)


@handlers.on(DwellingLet)
async def on_let(envelope: Envelope, uow: UnitOfWork) -> None:
    event = envelope.data
    assert isinstance(event, DwellingLet)
    await service.dwelling_status(uow, event.dwelling_id, DwellingStatus.LET, event.let_on)


@handlers.on(DwellingWithdrawn)
async def on_withdrawn(envelope: Envelope, uow: UnitOfWork) -> None:
    event = envelope.data
    assert isinstance(event, DwellingWithdrawn)
    await service.dwelling_status(uow, event.dwelling_id, DwellingStatus.WITHDRAWN, event.withdrawn_on)
