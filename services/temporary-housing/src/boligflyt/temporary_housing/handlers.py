"""NAV's reactions to Boligkontoret's events: each runs in the inbox's unit of work, so it happens once."""

from __future__ import annotations

from boligflyt.contracts.codes import OfferAnswer
from boligflyt.contracts.envelope import Envelope
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    ApplicationDecided,
    ApplicationLeftList,
    ApplicationSubmitted,
    OfferAnswered,
    TenancyMovedIn,
)
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers
from boligflyt.temporary_housing import service

handlers = EventHandlers()


@handlers.on(ApplicationSubmitted)
async def application_submitted(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, ApplicationSubmitted)
    await service.on_application_submitted(
        uow, data.application_id, data.person_ref, data.submitted_on, data.referrer_case_ref
    )


@handlers.on(ApplicationDecided)
async def application_decided(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, ApplicationDecided)
    await service.on_application_decided(uow, data.application_id, data.outcome.value)


@handlers.on(ApplicationLeftList)
async def application_left_list(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, ApplicationLeftList)
    await service.on_application_decided(uow, data.application_id, "left_list")


@handlers.on(AllocationDecided)
async def allocation_decided(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, AllocationDecided)
    await service.on_allocation(uow, data.application_id, data.person_ref, data.dwelling_id, data.decided_on)


@handlers.on(TenancyMovedIn)
async def tenancy_moved_in(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, TenancyMovedIn)
    await service.on_moved_in(
        uow, data.tenancy_id, data.application_id, data.person_ref, data.dwelling_id, data.move_in_date
    )


@handlers.on(OfferAnswered)
async def offer_answered(envelope: Envelope, uow: UnitOfWork) -> None:
    data = envelope.data
    assert isinstance(data, OfferAnswered)
    if data.answer is OfferAnswer.DECLINED:
        await service.on_offer_declined(uow, data.offer_id, data.application_id, data.answered_on)
