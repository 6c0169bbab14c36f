"""Refugee settlement: quotas, announced households, the housing order, move-in, the establishment phase."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import SettlementCategory
from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page, where_given
from boligflyt.temporary_housing import domain, models, schemas
from boligflyt.temporary_housing.ports import (
    HousingOrderRequest,
    HousingOrders,
)
from boligflyt.temporary_housing.service.tasks import add_task


def quota_out(row: models.Quota) -> schemas.QuotaOut:
    return schemas.QuotaOut(
        quota_id=row.id,
        year=row.year,
        state=row.state,
        requested_persons=row.requested_persons,
        requested_on=row.requested_on,
        adopted_persons=row.adopted_persons,
        unaccompanied_minors=row.unaccompanied_minors,
        adopted_on=row.adopted_on,
    )


async def request_quota(database: Database, actor: str, body: schemas.QuotaIn) -> models.Quota:
    async with database.unit_of_work(actor) as uow:
        quota = models.Quota(
            id=new_id("quota"),
            year=body.year,
            state="requested",
            requested_persons=body.requested_persons,
            requested_on=body.requested_on,
            unaccompanied_minors=0,
        )
        uow.session.add(quota)
        uow.audit("quota.requested", "quota", quota.id, detail={"year": body.year})
        await uow.commit()
    return quota


async def adopt_quota(database: Database, actor: str, quota_id: str, body: schemas.QuotaAdoptIn) -> models.Quota:
    async with database.unit_of_work(actor) as uow:
        quota = await get_or_404(uow.session, models.Quota, quota_id, what="quota")
        domain.check_quota_requested(quota.state)
        quota.state = "adopted"
        quota.adopted_persons = body.adopted_persons
        quota.unaccompanied_minors = body.unaccompanied_minors
        quota.adopted_on = body.adopted_on
        uow.record(
            ev.SettlementQuotaAdopted(
                quota_id=quota.id,
                year=quota.year,
                adopted_on=body.adopted_on,
                requested_persons=quota.requested_persons,
                adopted_persons=body.adopted_persons,
                unaccompanied_minors=body.unaccompanied_minors,
            )
        )
        uow.audit("quota.adopted", "quota", quota.id, detail={"adopted_persons": body.adopted_persons})
        await uow.commit()
    return quota


async def settlement_by_application(
    session: AsyncSession, application_id: str, *, lock: bool = False
) -> models.Settlement | None:
    query = select(models.Settlement).where(models.Settlement.application_id == application_id)
    row: models.Settlement | None = await session.scalar(query.with_for_update() if lock else query)
    return row


async def checklist_of(session: AsyncSession, settlement_id: str) -> domain.Checklist:
    items = await session.execute(
        select(models.ChecklistItem.item, models.ChecklistItem.done_on).where(
            models.ChecklistItem.settlement_id == settlement_id
        )
    )
    return domain.Checklist({item: done_on for item, done_on in items})


async def settlement_out(session: AsyncSession, row: models.Settlement, today: date) -> schemas.SettlementOut:
    checklist = await checklist_of(session, row.id)
    status = domain.deadline_status(row.settlement_deadline, today, row.settled_on) if row.settlement_deadline else None
    return schemas.SettlementOut(
        settlement_id=row.id,
        quota_id=row.quota_id,
        state=row.state,
        adults=row.adults,
        children=row.children,
        category=row.category,
        origin=row.origin,
        announced_on=row.announced_on,
        residence_permit_on=row.residence_permit_on,
        settlement_deadline=row.settlement_deadline,
        days_left=status.days_left if status else None,
        deadline_met=status.met if status else None,
        planned_settlement_date=row.planned_settlement_date,
        bedrooms_needed=row.bedrooms_needed,
        accessible_needed=row.accessible_needed,
        ordered_on=row.ordered_on,
        need_id=row.need_id,
        application_id=row.application_id,
        dwelling_id=row.dwelling_id,
        tenancy_id=row.tenancy_id,
        settled_on=row.settled_on,
        area_code=row.area_code,
        establishment_ends_on=row.establishment_ends_on,
        checklist_done=checklist.done,
        checklist_missing=checklist.missing,
    )


# --- Reading -------------------------------------------------------------------------------------------------


async def list_quotas(database: Database, year: int | None) -> list[schemas.QuotaOut]:
    query = where_given(select(models.Quota).order_by(models.Quota.year, models.Quota.id), (models.Quota.year, year))
    async with database.sessions() as session:
        return [quota_out(row) for row in await session.scalars(query)]


async def read_quota(database: Database, quota_id: str) -> schemas.QuotaOut:
    async with database.sessions() as session:
        return quota_out(await get_or_404(session, models.Quota, quota_id, what="quota"))


async def list_settlements(
    database: Database,
    page: PageRequest,
    today: date,
    *,
    state: domain.SettlementState | None,
    quota_id: str | None,
) -> tuple[list[schemas.SettlementOut], int]:
    query = where_given(
        select(models.Settlement).order_by(models.Settlement.announced_on, models.Settlement.id),
        (models.Settlement.state, state),
        (models.Settlement.quota_id, quota_id),
    )
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
        return [await settlement_out(session, row, today) for row in rows], total


async def read_settlement(database: Database, settlement_id: str, today: date) -> schemas.SettlementOut:
    async with database.sessions() as session:
        row = await get_or_404(session, models.Settlement, settlement_id, what="settlement")
        return await settlement_out(session, row, today)


async def settlement_by_area(database: Database, year: int | None) -> schemas.SettlementByAreaOut:
    """Settled households and persons per year and area: is settlement spread across the municipality's areas?"""
    query = select(
        models.Settlement.settled_on, models.Settlement.area_code, models.Settlement.adults, models.Settlement.children
    ).where(models.Settlement.settled_on.is_not(None))
    async with database.sessions() as session:
        rows = (await session.execute(query)).all()
    settled = [(on, area, adults + children) for on, area, adults, children in rows if year in (None, on.year)]
    return schemas.SettlementByAreaOut(
        year=year, areas=[schemas.SettledAreaOut(**vars(a)) for a in domain.settled_by_area(settled)]
    )


# --- NAV's decisions -----------------------------------------------------------------------------------------


async def announce_settlement(database: Database, actor: str, body: schemas.SettlementIn) -> models.Settlement:
    domain.check_residence_permit(body.residence_permit_on, body.announced_on)
    async with database.unit_of_work(actor) as uow:
        if body.quota_id is not None:
            await get_or_404(uow.session, models.Quota, body.quota_id, what="quota")
        row = models.Settlement(
            id=new_id("set"),
            quota_id=body.quota_id,
            state=domain.SettlementState.ANNOUNCED.value,
            adults=body.adults,
            children=body.children,
            category=body.category.value,
            origin=body.origin.value,
            announced_on=body.announced_on,
            residence_permit_on=body.residence_permit_on,
            settlement_deadline=domain.settlement_deadline(body.residence_permit_on, body.category)
            if body.residence_permit_on
            else None,
            planned_settlement_date=body.planned_settlement_date,
            bedrooms_needed=body.bedrooms_needed,
            accessible_needed=body.accessible_needed,
        )
        uow.session.add(row)
        uow.record(
            ev.SettlementAnnounced(
                settlement_id=row.id,
                quota_id=row.quota_id,
                adults=row.adults,
                children=row.children,
                announced_on=row.announced_on,
                planned_settlement_date=row.planned_settlement_date,
                category=body.category,
                origin=body.origin,
            )
        )
        uow.audit("settlement.announced", "settlement", row.id)
        await uow.commit()
    return row


async def order_housing(
    database: Database,
    actor: str,
    settlement_id: str,
    body: schemas.HousingOrderIn,
    *,
    today: date,
    orders: HousingOrders,
) -> models.Settlement:
    async with database.sessions() as session:
        row = await get_or_404(session, models.Settlement, settlement_id, what="settlement")
    domain.settlement_transition(domain.SettlementState(row.state), domain.SettlementState.HOUSING_ORDERED)
    needed_by = domain.housing_needed_by(body.needed_by, row.planned_settlement_date, today)
    bedrooms = body.bedrooms_needed or row.bedrooms_needed or domain.default_bedrooms(row.adults, row.children)
    request = HousingOrderRequest(
        settlement_id=row.id,
        adults=row.adults,
        children=row.children,
        category=row.category,
        bedrooms_needed=bedrooms,
        accessible_needed=row.accessible_needed,
        needed_by=needed_by,
        ordered_on=today,
    )
    need_id = await orders.order_housing(request)
    async with database.unit_of_work(actor) as uow:
        row = await get_or_404(uow.session, models.Settlement, settlement_id, what="settlement", lock=True)
        row.state = domain.settlement_transition(
            domain.SettlementState(row.state), domain.SettlementState.HOUSING_ORDERED
        ).value
        row.ordered_on = today
        row.need_id = need_id
        row.bedrooms_needed = bedrooms
        uow.record(
            ev.SettlementHousingOrdered(
                settlement_id=row.id,
                quota_id=row.quota_id,
                adults=row.adults,
                children=row.children,
                ordered_on=today,
                needed_by=needed_by,
                category=SettlementCategory(row.category),
                bedrooms_needed=bedrooms,
                accessible_needed=row.accessible_needed,
            )
        )
        uow.audit("settlement.housing_ordered", "settlement", row.id, detail={"need_id": need_id})
        await uow.commit()
    return row


async def link_settlement_application(
    database: Database, actor: str, settlement_id: str, application_id: str
) -> models.Settlement:
    async with database.unit_of_work(actor) as uow:
        row = await get_or_404(uow.session, models.Settlement, settlement_id, what="settlement", lock=True)
        domain.check_settlement_application(row.application_id, application_id)
        row.application_id = application_id
        uow.audit("settlement.application_linked", "settlement", row.id, detail={"application_id": application_id})
        await uow.commit()
    return row


async def settle(
    uow: UnitOfWork,
    row: models.Settlement,
    tenancy_id: str,
    dwelling_id: str,
    settled_on: date,
    application_id: str,
) -> None:
    row.state = domain.settlement_transition(
        domain.SettlementState(row.state), domain.SettlementState.ESTABLISHMENT
    ).value
    row.tenancy_id = tenancy_id
    row.dwelling_id = dwelling_id
    row.settled_on = settled_on
    row.establishment_ends_on = domain.establishment_ends_on(settled_on)
    dwelling = await uow.session.get(models.DwellingArea, dwelling_id)
    row.area_code = dwelling.area_code if dwelling else None
    uow.record(
        ev.SettlementCompleted(
            settlement_id=row.id,
            quota_id=row.quota_id,
            adults=row.adults,
            children=row.children,
            settled_on=settled_on,
            application_id=application_id,
            tenancy_id=tenancy_id,
            dwelling_id=dwelling_id,
            establishment_ends_on=row.establishment_ends_on,
            area_code=row.area_code,
        )
    )
    uow.audit("settlement.completed", "settlement", row.id, detail={"settled_on": settled_on.isoformat()})


async def tick_checklist(database: Database, actor: str, settlement_id: str, body: schemas.ChecklistIn) -> None:
    domain.check_checklist_item(body.item)
    async with database.unit_of_work(actor) as uow:
        row = await get_or_404(uow.session, models.Settlement, settlement_id, what="settlement", lock=True)
        domain.check_checklist_open(domain.SettlementState(row.state))
        if await uow.session.get(models.ChecklistItem, (row.id, body.item)) is None:
            uow.session.add(
                models.ChecklistItem(settlement_id=row.id, item=body.item, done_on=body.done_on, done_by=actor)
            )
            uow.audit("settlement.checklist_ticked", "settlement", row.id, detail={"item": body.item})
        await uow.commit()


async def finish_establishment(database: Database, actor: str, settlement_id: str, today: date) -> models.Settlement:
    async with database.unit_of_work(actor) as uow:
        row = await get_or_404(uow.session, models.Settlement, settlement_id, what="settlement", lock=True)
        row.state = domain.settlement_transition(domain.SettlementState(row.state), domain.SettlementState.DONE).value
        uow.audit("settlement.establishment_done", "settlement", row.id, detail={"on": today.isoformat()})
        await uow.commit()
    return row


async def close_establishment_phases(database: Database, today: date) -> int:
    """At the end of the 3-month establishment phase: done if the checklist is complete, else a task (once)."""
    async with database.sessions() as session:
        due = list(
            await session.scalars(
                select(models.Settlement.id).where(
                    models.Settlement.state == domain.SettlementState.ESTABLISHMENT.value,
                    models.Settlement.establishment_ends_on <= today,
                )
            )
        )
    changed = 0
    for settlement_id in due:
        try:
            async with database.unit_of_work("job:establishment") as uow:
                row = await get_or_404(uow.session, models.Settlement, settlement_id, what="settlement", lock=True)
                if row.state != domain.SettlementState.ESTABLISHMENT.value:
                    continue
                missing = (await checklist_of(uow.session, row.id)).missing
                key = f"establishment_incomplete:{row.id}"
                if not missing:
                    row.state = domain.settlement_transition(
                        domain.SettlementState(row.state), domain.SettlementState.DONE
                    ).value
                    uow.audit("settlement.establishment_done", "settlement", row.id, detail={"on": today.isoformat()})
                elif await uow.session.scalar(select(models.Task.id).where(models.Task.dedupe_key == key)) is None:
                    add_task(
                        uow,
                        "establishment_incomplete",
                        "settlement",
                        row.id,
                        dedupe_key=key,
                        due_on=today,
                        description=f"The establishment phase ended on {row.establishment_ends_on} with "
                        f"{len(missing)} checklist items open.",
                        detail={"missing": missing},
                    )
                else:
                    continue
                await uow.commit()
                changed += 1
        except IntegrityError:
            pass
    return changed


async def quota_progress(database: Database, year: int) -> schemas.QuotaProgressOut:
    async with database.sessions() as session:
        quotas = list(
            await session.scalars(
                select(models.Quota).where(models.Quota.year == year, models.Quota.state == "adopted")
            )
        )
        settled = list(
            await session.scalars(select(models.Settlement).where(models.Settlement.settled_on.is_not(None)))
        )
    adopted = sum(q.adopted_persons or 0 for q in quotas)
    households = [
        domain.SettledHousehold(s.settled_on, s.adults + s.children) for s in settled if s.settled_on is not None
    ]
    months = domain.quota_progress(year, adopted, households)
    return schemas.QuotaProgressOut(
        year=year,
        adopted_persons=adopted,
        settled_persons=months[-1].settled_cumulative,
        months=[schemas.QuotaMonthOut(**vars(m)) for m in months],
    )
