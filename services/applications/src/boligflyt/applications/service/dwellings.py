"""The dwellings LKE tells us about, kept from its events and from our own tenancy notices: the facts matching
needs; the letting round, which begins when a tenant gives notice (the dwelling is allocated at the first committee
meeting after it); the date LKE expects the dwelling ready, which the allocated household's move-in follows; and its
status. A withdrawn dwelling cancels its offer."""

from __future__ import annotations

from datetime import date

import structlog
from sqlalchemy import select

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationCommand, OfferState
from boligflyt.applications.letters import LetterKind
from boligflyt.applications.models import Application, Dwelling
from boligflyt.applications.ports import DwellingRegister, RegisterUnavailable
from boligflyt.applications.service.applications import write_letter
from boligflyt.applications.service.common import SYSTEM_ACTOR, move_application
from boligflyt.applications.service.offers import close_offer, open_offer
from boligflyt.applications.service.waiting_list import is_offerable, offerability
from boligflyt.contracts.codes import DwellingStatus
from boligflyt.contracts.events.applications import AllocationMoveInRescheduled
from boligflyt.contracts.events.maintenance import DwellingChanged, DwellingRegistered
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.pagination import PageRequest

log = structlog.get_logger(__name__)


async def upsert_dwelling(
    uow: UnitOfWork, facts: DwellingRegistered | DwellingChanged, on: date, status: DwellingStatus | None
) -> Dwelling:
    dwelling = await uow.session.get(Dwelling, facts.dwelling_id)
    if dwelling is None:
        first = status or DwellingStatus.VACANT
        dwelling = Dwelling(
            id=facts.dwelling_id,
            status=first.value,
            recommendation=[],
            # Registered empty (a new delivery, a vacancy in the register): its first letting round has begun.
            letting_round=1 if first in domain.TO_ALLOCATE else 0,
            first_let=False,
        )
        uow.session.add(dwelling)
    elif status is not None:
        dwelling.status = status.value
    dwelling.owner = facts.owner.value
    dwelling.category = facts.category.value
    dwelling.bedrooms = facts.bedrooms
    dwelling.accessible = facts.accessible
    dwelling.staffed = facts.staffed
    dwelling.monthly_rent = facts.monthly_rent
    dwelling.area_code = facts.area_code
    dwelling.coop_board_approval = facts.coop_board_approval
    # An event without the area keeps what LKE's register told us.
    dwelling.floor_area_m2 = facts.floor_area_m2 or dwelling.floor_area_m2
    dwelling.updated_on = on
    return dwelling


def _enter_status(dwelling: Dwelling, status: DwellingStatus, on: date) -> None:
    """Move the local copy to `status`, beginning a new letting round when the dwelling comes up for letting."""
    if domain.starts_letting_round(DwellingStatus(dwelling.status), status):
        dwelling.letting_round += 1  # everyone may be offered it again
        dwelling.recommendation = []
        dwelling.allocated_to = None
        dwelling.planned_move_in_on = None
    dwelling.status = status.value
    dwelling.updated_on = on


async def dwelling_registered(uow: UnitOfWork, event: DwellingRegistered) -> None:
    """A dwelling LKE registered; one registered ready (a new build, say) is ready for letting at once."""
    dwelling = await upsert_dwelling(uow, event, event.registered_on, event.status)
    dwelling.first_let = event.new_dwelling
    if event.status is DwellingStatus.READY:
        await dwelling_ready(uow, event.dwelling_id, event.registered_on, event.new_dwelling)


async def dwelling_ready(uow: UnitOfWork, dwelling_id: str, ready_on: date, first_let: bool) -> None:
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None:
        # LKE registers a dwelling before it is ready; a dwelling we never heard of has no facts to match.
        uow.audit("dwelling.ready_unknown", "dwelling", dwelling_id, reason="ready_for_letting before registered")
        return
    _enter_status(dwelling, DwellingStatus.READY, ready_on)
    dwelling.ready_on = ready_on
    dwelling.first_let = first_let
    dwelling.expected_ready_on = None
    await _move_in_follows(uow, dwelling, ready_on, ready_on)
    uow.audit("dwelling.ready", "dwelling", dwelling_id)


async def dwelling_status(uow: UnitOfWork, dwelling_id: str, status: DwellingStatus, on: date) -> None:
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None:
        return
    _enter_status(dwelling, status, on)
    if status is DwellingStatus.WITHDRAWN:
        await _cancel_pending_offer(uow, dwelling_id, on, "the dwelling was withdrawn from letting")
    uow.audit(f"dwelling.{status.value}", "dwelling", dwelling_id)


async def _cancel_pending_offer(uow: UnitOfWork, dwelling_id: str, on: date, reason: str) -> None:
    """The offer standing on the dwelling is cancelled; its household is back on the waiting list."""
    pending = await open_offer(uow.session, dwelling_id)
    if pending is not None and await close_offer(uow, pending, OfferState.CANCELLED, on):
        application = await uow.session.get(Application, pending.application_id)
        assert application is not None
        move_application(uow, application, ApplicationCommand.OFFER_CANCELLED)
        uow.audit("offer.cancelled", "offer", pending.id, reason=reason)


async def notice_given(uow: UnitOfWork, dwelling_id: str, given_on: date, move_out_date: date) -> None:
    """The tenant gave notice: the dwelling comes vacant and goes on the next committee meeting's list, expected
    ready no sooner than the move-out (LKE's inspection and renovation tell us more)."""
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None:
        return
    _enter_status(dwelling, DwellingStatus.NOTICE_GIVEN, given_on)
    dwelling.notice_given_on = given_on
    dwelling.expected_ready_on = move_out_date
    uow.audit("dwelling.coming_vacant", "dwelling", dwelling_id, detail={"move_out_date": move_out_date.isoformat()})


async def notice_withdrawn(uow: UnitOfWork, dwelling_id: str, on: date) -> None:
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None:
        return
    await _cancel_pending_offer(uow, dwelling_id, on, "the tenant withdrew the notice")
    dwelling.status = DwellingStatus.LET.value
    dwelling.notice_given_on = None
    dwelling.expected_ready_on = None
    dwelling.recommendation = []
    dwelling.updated_on = on


async def tenancy_ended(uow: UnitOfWork, dwelling_id: str, end_date: date) -> None:
    """The key is back: LKE inspects now if it has not yet."""
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None or DwellingStatus(dwelling.status) not in (DwellingStatus.LET, DwellingStatus.NOTICE_GIVEN):
        return
    _enter_status(dwelling, DwellingStatus.VACANT, end_date)
    dwelling.expected_ready_on = max(dwelling.expected_ready_on or end_date, end_date)


async def expected_ready(
    uow: UnitOfWork, dwelling_id: str, expected_on: date | None, on: date, status: DwellingStatus | None = None
) -> None:
    """LKE's inspection or renovation moved the day the dwelling is expected ready; the move-in follows it."""
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None or DwellingStatus(dwelling.status) not in domain.COMING_VACANT:
        return
    if status is not None and status is not DwellingStatus(dwelling.status):
        _enter_status(dwelling, status, on)
    if expected_on is not None:
        dwelling.expected_ready_on = expected_on
        await _move_in_follows(uow, dwelling, expected_on, on)


async def _move_in_follows(uow: UnitOfWork, dwelling: Dwelling, ready_by: date, on: date) -> None:
    """A slipping renovation moves the move-in of the household the dwelling is allocated or offered to; the
    household gets a letter and NAV an event."""
    pending = None if dwelling.allocated_to is not None else await open_offer(uow.session, dwelling.id)
    if dwelling.allocated_to is not None:
        application_id, planned = dwelling.allocated_to, dwelling.planned_move_in_on
    elif pending is not None:
        application_id, planned = pending.application_id, pending.expected_move_in_on
    else:
        return
    new_date = domain.move_in_follows(planned, ready_by)
    if new_date is None or planned is None:
        return
    if pending is not None:
        pending.expected_move_in_on = new_date
    else:
        dwelling.planned_move_in_on = new_date
    application = await uow.session.get(Application, application_id)
    assert application is not None
    uow.record(
        AllocationMoveInRescheduled(
            application_id=application.id,
            dwelling_id=dwelling.id,
            person_ref=application.person_ref,
            rescheduled_on=on,
            previous_move_in_on=planned,
            planned_move_in_on=new_date,
        )
    )
    await write_letter(
        uow, application, LetterKind.MOVE_IN_RESCHEDULED, on, dwelling=dwelling, previous=planned, planned=new_date
    )
    uow.audit(
        "allocation.move_in_rescheduled",
        "dwelling",
        dwelling.id,
        detail={"application_id": application.id, "from": planned.isoformat(), "to": new_date.isoformat()},
    )


async def list_dwellings(
    database: Database,
    page: PageRequest,
    *,
    offerable: bool | None = None,
    status: DwellingStatus | None = None,
    allocated_to: str | None = None,
) -> tuple[list[tuple[Dwelling, bool]], int]:
    """The dwellings by id, each with whether it can be offered now; only those that can (or cannot), of a status,
    or allocated to an application."""
    query = select(Dwelling).order_by(Dwelling.id)
    if status is not None:
        query = query.where(Dwelling.status == status.value)
    if allocated_to is not None:
        query = query.where(Dwelling.allocated_to == allocated_to)
    async with database.sessions() as session:
        dwellings = list((await session.scalars(query)).all())
        can_offer = await offerability(session, dwellings)
    rows = [(dwelling, can_offer[dwelling.id]) for dwelling in dwellings]
    if offerable is not None:
        rows = [row for row in rows if row[1] is offerable]
    return rows[page.offset : page.offset + page.limit], len(rows)


async def get_dwelling(database: Database, dwelling_id: str) -> tuple[Dwelling, bool]:
    """The dwelling, and whether it can be offered now."""
    async with database.sessions() as session:
        dwelling = await get_or_404(session, Dwelling, dwelling_id, what="dwelling")
        return dwelling, await is_offerable(session, dwelling)


# Dwellings described per run: the register is asked one dwelling at a time, and a first run after an import of
# the whole stock should not hold the job for long.
DESCRIBE_PER_RUN = 200


async def describe_dwellings(database: Database, register: DwellingRegister) -> int:
    """Ask LKE's register for the address and size of dwellings a letter could name and we cannot yet (the address
    never comes on the bus). Each answer is stored in its own transaction, after the call; a failing register is
    asked again on the next run. Returns the number of dwellings described."""
    async with database.sessions() as session:
        ids = (
            await session.scalars(
                select(Dwelling.id)
                .where(Dwelling.address.is_(None), Dwelling.status != DwellingStatus.WITHDRAWN.value)
                .order_by(Dwelling.id)
                .limit(DESCRIBE_PER_RUN)
            )
        ).all()
    described = 0
    for dwelling_id in ids:
        try:
            description = await register.describe(dwelling_id)
        except RegisterUnavailable as exc:
            log.warning("dwelling.describe_failed", dwelling_id=dwelling_id, error=exc.detail)
            return described
        if description is None:
            continue
        async with database.unit_of_work(SYSTEM_ACTOR) as uow:
            dwelling = await uow.session.get(Dwelling, dwelling_id)
            if dwelling is None:
                continue
            dwelling.address = description.address
            dwelling.rooms = description.rooms
            dwelling.floor_area_m2 = description.floor_area_m2 or dwelling.floor_area_m2
            await uow.commit()
        described += 1
    return described
