"""LKE's reactions to other services' events: each runs one use case inside the inbox transaction.

Dates come from the events themselves (a vacancy starts on the tenancy's end date, not when the event
arrives), so a late or redriven event is recorded on the day it happened.
"""

from __future__ import annotations

from boligflyt.contracts.events.applications import (
    AllocationDecided,
    OfferAnswered,
    OfferMade,
    TenancyEnded,
    TenancyMovedIn,
    TenancyNoticeGiven,
    TenancyNoticeWithdrawn,
    TenancySigned,
)
from boligflyt.contracts.events.ordering import OrderPlaced
from boligflyt.maintenance import service
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers

handlers = EventHandlers()


@handlers.on(TenancyNoticeGiven)
async def notice_given(event: TenancyNoticeGiven, uow: UnitOfWork) -> None:
    await service.on_notice_given(uow, event)


@handlers.on(TenancyNoticeWithdrawn)
async def notice_withdrawn(event: TenancyNoticeWithdrawn, uow: UnitOfWork) -> None:
    await service.on_notice_withdrawn(uow, event)


@handlers.on(TenancyEnded)
async def tenancy_ended(event: TenancyEnded, uow: UnitOfWork) -> None:
    await service.on_tenancy_ended(uow, event)


@handlers.on(AllocationDecided)
async def allocation_decided(event: AllocationDecided, uow: UnitOfWork) -> None:
    await service.on_allocation_decided(uow, event)


@handlers.on(TenancyMovedIn)
async def moved_in(event: TenancyMovedIn, uow: UnitOfWork) -> None:
    await service.on_moved_in(uow, event)


@handlers.on(OrderPlaced)
async def order_placed(event: OrderPlaced, uow: UnitOfWork) -> None:
    await service.on_order_placed(uow, event)


@handlers.on(OfferMade)
async def offer_made(event: OfferMade, uow: UnitOfWork) -> None:
    await service.on_offer_made(uow, event)


@handlers.on(OfferAnswered)
async def offer_answered(event: OfferAnswered, uow: UnitOfWork) -> None:
    await service.on_offer_answered(uow, event)


@handlers.on(TenancySigned)
async def tenancy_signed(event: TenancySigned, uow: UnitOfWork) -> None:
    await service.on_tenancy_signed(uow, event)
