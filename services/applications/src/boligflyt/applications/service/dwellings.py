"""The dwellings LKE tells us about, kept from its events: the facts matching needs, whether a dwelling is ready
for letting (each time starting a new letting round), and its status; a withdrawn dwelling cancels its offer."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from boligflyt.applications.domain import ApplicationCommand, OfferState
from boligflyt.applications.models import Application, Dwelling
from boligflyt.applications.service.common import move_application
from boligflyt.applications.service.offers import close_offer, open_offer
from boligflyt.applications.service.waiting_list import is_offerable, offerability
from boligflyt.contracts.codes import DwellingStatus
from boligflyt.contracts.events.maintenance import DwellingChanged, DwellingRegistered
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.pagination import PageRequest


async def upsert_dwelling(
    uow: UnitOfWork, facts: DwellingRegistered | DwellingChanged, on: date, status: DwellingStatus | None
) -> Dwelling:
    dwelling = await uow.session.get(Dwelling, facts.dwelling_id)
    if dwelling is None:
        dwelling = Dwelling(
            id=facts.dwelling_id,
            status=(status or DwellingStatus.VACANT).value,
            recommendation=[],
            letting_round=0,
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
    dwelling.updated_on = on
    return dwelling


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
    dwelling.status = DwellingStatus.READY.value
    dwelling.ready_on = ready_on
    dwelling.first_let = first_let
    dwelling.allocated_to = None
    dwelling.recommendation = []
    dwelling.letting_round += 1  # a new letting round: everyone may be offered it again
    dwelling.updated_on = ready_on
    uow.audit("dwelling.ready", "dwelling", dwelling_id)


async def dwelling_status(uow: UnitOfWork, dwelling_id: str, status: DwellingStatus, on: date) -> None:
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None:
        return
    dwelling.status = status.value
    dwelling.updated_on = on
    if status is DwellingStatus.WITHDRAWN:
        pending = await open_offer(uow.session, dwelling_id)
        if pending is not None and await close_offer(uow, pending, OfferState.CANCELLED, on):
            application = await uow.session.get(Application, pending.application_id)
            assert application is not None
            move_application(uow, application, ApplicationCommand.OFFER_CANCELLED)
            uow.audit("offer.cancelled", "offer", pending.id, reason="the dwelling was withdrawn from letting")
    uow.audit(f"dwelling.{status.value}", "dwelling", dwelling_id)


async def list_dwellings(
    database: Database, page: PageRequest, *, offerable: bool | None = None
) -> tuple[list[tuple[Dwelling, bool]], int]:
    """The dwellings by id, each with whether it can be offered now; only those that can (or cannot)."""
    async with database.sessions() as session:
        dwellings = list((await session.scalars(select(Dwelling).order_by(Dwelling.id))).all())
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
