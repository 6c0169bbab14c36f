"""NAV's reactions to Boligkontoret's events (and to LKE's dwelling events, for the areas households settle in):
each runs in the inbox's unit of work, so it happens once."""

from __future__ import annotations

from boligflyt.contracts.codes import OfferAnswer
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    AllocationMoveInRescheduled,
    ApplicationAppealed,
    ApplicationCompletenessChecked,
    ApplicationDecided,
    ApplicationLeftList,
    ApplicationListedForMeeting,
    ApplicationSubmitted,
    OfferAnswered,
    OfferMade,
    TenancyMovedIn,
)
from boligflyt.contracts.events.maintenance import DwellingChanged, DwellingRegistered
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers
from boligflyt.temporary_housing import service
from boligflyt.temporary_housing.settings import task_rules

handlers = EventHandlers()


@handlers.on(ApplicationSubmitted)
async def application_submitted(event: ApplicationSubmitted, uow: UnitOfWork) -> None:
    await service.on_application_submitted(
        uow, event.application_id, event.person_ref, event.submitted_on, event.referrer_case_ref
    )
    await service.on_case_submitted(uow, event, task_rules())


@handlers.on(ApplicationCompletenessChecked)
async def completeness_checked(event: ApplicationCompletenessChecked, uow: UnitOfWork) -> None:
    await service.on_completeness_checked(uow, event, task_rules())


@handlers.on(ApplicationListedForMeeting)
async def listed_for_meeting(event: ApplicationListedForMeeting, uow: UnitOfWork) -> None:
    await service.on_listed_for_meeting(uow, event, task_rules())


@handlers.on(ApplicationAppealed)
async def application_appealed(event: ApplicationAppealed, uow: UnitOfWork) -> None:
    await service.on_case_appealed(uow, event, task_rules())


@handlers.on(OfferMade)
async def offer_made(event: OfferMade, uow: UnitOfWork) -> None:
    await service.on_case_offer_made(uow, event, task_rules())


@handlers.on(ApplicationDecided)
async def application_decided(event: ApplicationDecided, uow: UnitOfWork) -> None:
    await service.on_application_decided(uow, event.application_id, event.outcome.value)
    await service.on_case_decided(uow, event, task_rules())


@handlers.on(ApplicationLeftList)
async def application_left_list(event: ApplicationLeftList, uow: UnitOfWork) -> None:
    await service.on_application_decided(uow, event.application_id, "left_list")
    await service.on_case_left_list(uow, event, task_rules())


@handlers.on(AllocationDecided)
async def allocation_decided(event: AllocationDecided, uow: UnitOfWork) -> None:
    await service.on_allocation(
        uow, event.application_id, event.person_ref, event.dwelling_id, event.decided_on, event.planned_move_in_on
    )
    await service.on_case_allocated(uow, event, task_rules())


@handlers.on(AllocationMoveInRescheduled)
async def move_in_rescheduled(event: AllocationMoveInRescheduled, uow: UnitOfWork) -> None:
    await service.on_move_in_rescheduled(uow, event.person_ref, event.dwelling_id, event.planned_move_in_on)
    await service.on_case_move_in_rescheduled(uow, event, task_rules())


@handlers.on(TenancyMovedIn)
async def tenancy_moved_in(event: TenancyMovedIn, uow: UnitOfWork) -> None:
    await service.on_moved_in(
        uow, event.tenancy_id, event.application_id, event.person_ref, event.dwelling_id, event.move_in_date
    )
    await service.on_case_moved_in(uow, event, task_rules())


@handlers.on(OfferAnswered)
async def offer_answered(event: OfferAnswered, uow: UnitOfWork) -> None:
    if event.answer is OfferAnswer.DECLINED:
        await service.on_offer_declined(uow, event.offer_id, event.application_id, event.answered_on)
    await service.on_case_offer_answered(uow, event, task_rules())


@handlers.on(DwellingRegistered)
async def dwelling_registered(event: DwellingRegistered, uow: UnitOfWork) -> None:
    await service.on_dwelling_area(uow, event.dwelling_id, event.area_code)


@handlers.on(DwellingChanged)
async def dwelling_changed(event: DwellingChanged, uow: UnitOfWork) -> None:
    await service.on_dwelling_area(uow, event.dwelling_id, event.area_code)
