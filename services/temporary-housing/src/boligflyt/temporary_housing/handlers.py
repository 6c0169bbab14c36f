"""NAV's reactions to Boligkontoret's events (and to LKE's dwelling events, for the areas households settle in):
each runs in the inbox's unit of work, so it happens once."""

from __future__ import annotations

from boligflyt.contracts.codes import OfferAnswer
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    AllocationMoveInRescheduled,
    ApplicationDecided,
    ApplicationLeftList,
    ApplicationSubmitted,
    OfferAnswered,
    TenancyMovedIn,
)
from boligflyt.contracts.events.maintenance import DwellingChanged, DwellingRegistered
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers
from boligflyt.temporary_housing import service

handlers = EventHandlers()


@handlers.on(ApplicationSubmitted)
async def application_submitted(event: ApplicationSubmitted, uow: UnitOfWork) -> None:
    await service.on_application_submitted(
        uow, event.application_id, event.person_ref, event.submitted_on, event.referrer_case_ref
    )


@handlers.on(ApplicationDecided)
async def application_decided(event: ApplicationDecided, uow: UnitOfWork) -> None:
    await service.on_application_decided(uow, event.application_id, event.outcome.value)


@handlers.on(ApplicationLeftList)
async def application_left_list(event: ApplicationLeftList, uow: UnitOfWork) -> None:
    await service.on_application_decided(uow, event.application_id, "left_list")


@handlers.on(AllocationDecided)
async def allocation_decided(event: AllocationDecided, uow: UnitOfWork) -> None:
    await service.on_allocation(
        uow, event.application_id, event.person_ref, event.dwelling_id, event.decided_on, event.planned_move_in_on
    )


@handlers.on(AllocationMoveInRescheduled)
async def move_in_rescheduled(event: AllocationMoveInRescheduled, uow: UnitOfWork) -> None:
    await service.on_move_in_rescheduled(uow, event.person_ref, event.dwelling_id, event.planned_move_in_on)


@handlers.on(TenancyMovedIn)
async def tenancy_moved_in(event: TenancyMovedIn, uow: UnitOfWork) -> None:
    await service.on_moved_in(
        uow, event.tenancy_id, event.application_id, event.person_ref, event.dwelling_id, event.move_in_date
    )


@handlers.on(OfferAnswered)
async def offer_answered(event: OfferAnswered, uow: UnitOfWork) -> None:
    if event.answer is OfferAnswer.DECLINED:
        await service.on_offer_declined(uow, event.offer_id, event.application_id, event.answered_on)


@handlers.on(DwellingRegistered)
async def dwelling_registered(event: DwellingRegistered, uow: UnitOfWork) -> None:
    await service.on_dwelling_area(uow, event.dwelling_id, event.area_code)


@handlers.on(DwellingChanged)
async def dwelling_changed(event: DwellingChanged, uow: UnitOfWork) -> None:
    await service.on_dwelling_area(uow, event.dwelling_id, event.area_code)
