"""Reactions to Boligkontoret's tenancy and allocation events, inside the inbox's unit of work.

Days come from the events (a vacancy starts on the tenancy's end date, not when the event arrives), so a late or
redriven event is recorded on the day it happened; only the technical timestamps come from the service's clock.
"""

from __future__ import annotations

from sqlalchemy import select

from boligflyt.contracts.codes import DwellingStatus, InspectionTrigger
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
from boligflyt.contracts.events.maintenance import DwellingLet
from boligflyt.maintenance import domain
from boligflyt.maintenance.domain import Allocation, Command
from boligflyt.maintenance.models import Inspection
from boligflyt.maintenance.service.dwellings import get_dwelling, move, reserve, status_of
from boligflyt.maintenance.service.inspections import book
from boligflyt.maintenance.service.renovation import cancel_if_ordered, open_job, reschedule
from boligflyt.platform.db import UnitOfWork


async def on_notice_given(uow: UnitOfWork, event: TenancyNoticeGiven) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    move(uow, dwelling, Command.GIVE_NOTICE, event.given_on, uow.clock.now(), "notice_given")
    dwelling.current_tenancy_id = event.tenancy_id
    planned = domain.planned_inspection(event.given_on, event.move_out_date)
    book(uow, dwelling, InspectionTrigger.MOVE_OUT_NOTICE, event.given_on, planned, event.tenancy_id)


async def on_notice_withdrawn(uow: UnitOfWork, event: TenancyNoticeWithdrawn) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    move(uow, dwelling, Command.WITHDRAW_NOTICE, event.withdrawn_on, uow.clock.now(), "notice_withdrawn")
    booked = select(Inspection).where(Inspection.dwelling_id == dwelling.id, Inspection.status == "booked")
    for inspection in (await uow.session.execute(booked)).scalars():
        inspection.status = "cancelled"
        uow.audit("inspection.cancelled", "inspection", inspection.id, reason="notice withdrawn")
    cancel_if_ordered(uow, await open_job(uow.session, dwelling.id), "notice withdrawn")


async def on_tenancy_ended(uow: UnitOfWork, event: TenancyEnded) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    move(uow, dwelling, Command.END_TENANCY, event.end_date, uow.clock.now(), "vacant")
    dwelling.current_tenancy_id = None
    dwelling.signed_tenancy_ids = [t for t in dwelling.signed_tenancy_ids or [] if t != event.tenancy_id]
    job = await open_job(uow.session, dwelling.id)
    if job is not None and not job.due_date_agreed:
        # Ordered before the key was returned: LKE's month runs from the day it can get in.
        reschedule(uow, job, max(job.due_date, domain.default_due_date(event.end_date)), event.end_date)
    booked = select(Inspection.id).where(Inspection.dwelling_id == dwelling.id, Inspection.status == "booked")
    if (await uow.session.execute(booked)).first() is not None or job is not None:
        return  # the notice's inspection is still to come, or it failed and the renovation job is waiting
    held = select(Inspection.id).where(
        Inspection.dwelling_id == dwelling.id,
        Inspection.tenancy_id == event.tenancy_id,
        Inspection.status == "completed",
    )
    # Passed before the key was returned: the condition report before the next move-in is still to be made.
    # Ended without a notice we saw (eviction, need ended): the move-out inspection is booked now.
    trigger = InspectionTrigger.MOVE_IN if (await uow.session.execute(held)).first() else InspectionTrigger.MOVE_OUT
    book(uow, dwelling, trigger, event.end_date, event.end_date, event.tenancy_id)


async def on_allocation_decided(uow: UnitOfWork, event: AllocationDecided) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    if status_of(dwelling) is DwellingStatus.WITHDRAWN:
        # LKE sold or withdrew it first; Boligkontoret hears dwelling.withdrawn and refuses the contract.
        uow.audit(
            "dwelling.allocation_after_withdrawal",
            "dwelling",
            dwelling.id,
            detail={"application": event.application_id},
        )
        return
    outcome = domain.allocation(
        status_of(dwelling),
        allocated_to_this_application=dwelling.allocated_application_id == event.application_id,
        dwelling_id=dwelling.id,
    )
    if outcome is Allocation.ALREADY_RESERVED:
        return
    dwelling.allocated_application_id = event.application_id
    if outcome is Allocation.RESERVE_NOW:
        reserve(uow, dwelling, event.application_id, event.decided_on, uow.clock.now())
        return
    # Reserved the day it becomes ready; a household with no fixed address makes the renovation urgent.
    dwelling.allocated_no_fixed_address = event.no_fixed_address
    uow.audit(
        "dwelling.allocated_early",
        "dwelling",
        dwelling.id,
        detail={"application_id": event.application_id, "no_fixed_address": event.no_fixed_address},
    )
    job = await open_job(uow.session, dwelling.id)
    if job is not None and event.no_fixed_address and not job.urgent:
        job.urgent = True
        uow.audit(
            "renovation.urgent", "renovation_job", job.id, reason="allocated to a household with no fixed address"
        )


async def on_offer_made(uow: UnitOfWork, event: OfferMade) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    if event.offer_id not in (dwelling.open_offer_ids or []):
        dwelling.open_offer_ids = [*(dwelling.open_offer_ids or []), event.offer_id]


async def on_offer_answered(uow: UnitOfWork, event: OfferAnswered) -> None:
    # Accepted: the allocation (allocation.decided) holds the dwelling from here on.
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    dwelling.open_offer_ids = [o for o in dwelling.open_offer_ids or [] if o != event.offer_id]


async def on_tenancy_signed(uow: UnitOfWork, event: TenancySigned) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    if event.tenancy_id not in (dwelling.signed_tenancy_ids or []):
        dwelling.signed_tenancy_ids = [*(dwelling.signed_tenancy_ids or []), event.tenancy_id]


async def on_moved_in(uow: UnitOfWork, event: TenancyMovedIn) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    move(uow, dwelling, Command.LET, event.move_in_date, uow.clock.now(), "let")
    dwelling.ever_let = True
    dwelling.current_tenancy_id = event.tenancy_id
    dwelling.allocated_application_id = None
    dwelling.allocated_no_fixed_address = False
    uow.record(DwellingLet(dwelling_id=dwelling.id, let_on=event.move_in_date, tenancy_id=event.tenancy_id))
