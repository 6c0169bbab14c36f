"""LKE's reactions to other services' events: each runs one use case inside the inbox transaction.

Dates come from the events themselves (a vacancy starts on the tenancy's end date, not when the event
arrives), so a late or redriven event is recorded on the day it happened.
"""

from __future__ import annotations

from datetime import UTC, datetime

from boligflyt.contracts.envelope import Envelope
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    TenancyEnded,
    TenancyMovedIn,
    TenancyNoticeGiven,
    TenancyNoticeWithdrawn,
)
from boligflyt.contracts.events.ordering import OrderPlaced
from boligflyt.maintenance import service
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers

handlers = EventHandlers()


def _now() -> datetime:
    return datetime.now(UTC)


@handlers.on(TenancyNoticeGiven)
async def notice_given(envelope: Envelope, uow: UnitOfWork) -> None:
    assert isinstance(envelope.data, TenancyNoticeGiven)
    await service.on_notice_given(uow, envelope.data, _now())


@handlers.on(TenancyNoticeWithdrawn)
async def notice_withdrawn(envelope: Envelope, uow: UnitOfWork) -> None:
    assert isinstance(envelope.data, TenancyNoticeWithdrawn)
    await service.on_notice_withdrawn(uow, envelope.data, _now())


@handlers.on(TenancyEnded)
async def tenancy_ended(envelope: Envelope, uow: UnitOfWork) -> None:
    assert isinstance(envelope.data, TenancyEnded)
    await service.on_tenancy_ended(uow, envelope.data, _now())


@handlers.on(AllocationDecided)
async def allocation_decided(envelope: Envelope, uow: UnitOfWork) -> None:
    assert isinstance(envelope.data, AllocationDecided)
    await service.on_allocation_decided(uow, envelope.data, _now())


@handlers.on(TenancyMovedIn)
async def moved_in(envelope: Envelope, uow: UnitOfWork) -> None:
    assert isinstance(envelope.data, TenancyMovedIn)
    await service.on_moved_in(uow, envelope.data, _now())


@handlers.on(OrderPlaced)
async def order_placed(envelope: Envelope, uow: UnitOfWork) -> None:
    assert isinstance(envelope.data, OrderPlaced)
    await service.on_order_placed(uow, envelope.data)
