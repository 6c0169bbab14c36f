"""Inspections against the minimum standard: the checklist LKE adopts, booking an inspection and recording its
condition report (a pass on an empty dwelling makes it ready, a fail orders a renovation job)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import DwellingStatus, InspectionTrigger, RenovationKind
from boligflyt.contracts.events.maintenance import InspectionBooked, InspectionCompleted
from boligflyt.maintenance import domain
from boligflyt.maintenance.domain import Command
from boligflyt.maintenance.models import ChecklistItem, Dwelling, Inspection
from boligflyt.maintenance.schemas import ChecklistIn, InspectionBook, InspectionResult
from boligflyt.maintenance.service.dwellings import get_dwelling, make_ready, move, status_of
from boligflyt.maintenance.service.renovation import cancel_if_ordered, open_job, order_job
from boligflyt.platform.db import Database, UnitOfWork, get_or_404, read_or_404
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given

S = DwellingStatus


# --- The checklist --------------------------------------------------------------------------------------


async def active_checklist(session: AsyncSession) -> list[ChecklistItem]:
    """The adopted checklist; the default minimum standard until LKE configures its own."""
    items = (await session.execute(select(ChecklistItem).order_by(ChecklistItem.position))).scalars().all()
    if items:
        return [item for item in items if item.active]
    return [
        ChecklistItem(code=code, title=title, position=i, active=True)
        for i, (code, title) in enumerate(domain.DEFAULT_CHECKLIST)
    ]


async def read_checklist(database: Database) -> list[ChecklistItem]:
    async with database.sessions() as session:
        return await active_checklist(session)


async def set_checklist(database: Database, actor: str, body: ChecklistIn) -> list[ChecklistItem]:
    codes = [item.code for item in body.items]
    domain.check_checklist_codes(codes)
    async with database.unit_of_work(actor) as uow:
        existing = {item.code: item for item in (await uow.session.execute(select(ChecklistItem))).scalars()}
        for item in existing.values():
            item.active = False
        for position, entry in enumerate(body.items):
            adopted = existing.get(entry.code)
            if adopted is None:
                uow.session.add(ChecklistItem(code=entry.code, title=entry.title, position=position, active=True))
            else:
                adopted.title, adopted.position, adopted.active = entry.title, position, True
        uow.audit("checklist.set", "checklist", "minimum_standard", detail={"items": codes})
        await uow.commit()
        return await active_checklist(uow.session)


# --- Reading inspections --------------------------------------------------------------------------------


async def read_inspection(database: Database, inspection_id: str) -> Inspection:
    return await read_or_404(database, Inspection, inspection_id, what="inspection")


async def list_inspections(
    database: Database, page: PageRequest, *, dwelling_id: str | None = None, status: str | None = None
) -> tuple[list[Inspection], int]:
    query = select(Inspection).order_by(Inspection.planned_on, Inspection.id)
    return await read_page(
        database, where_given(query, (Inspection.dwelling_id, dwelling_id), (Inspection.status, status)), page
    )


# --- Booking --------------------------------------------------------------------------------------------


def book(
    uow: UnitOfWork,
    dwelling: Dwelling,
    trigger: InspectionTrigger,
    booked_on: date,
    planned_on: date,
    tenancy_id: str | None = None,
) -> Inspection:
    inspection = Inspection(
        id=new_id("insp"),
        dwelling_id=dwelling.id,
        trigger=trigger.value,
        tenancy_id=tenancy_id,
        booked_on=booked_on,
        planned_on=planned_on,
        status="booked",
    )
    uow.session.add(inspection)
    uow.record(
        InspectionBooked(
            dwelling_id=dwelling.id,
            inspection_id=inspection.id,
            booked_on=booked_on,
            planned_on=planned_on,
            trigger=trigger,
            tenancy_id=tenancy_id,
        )
    )
    uow.audit("inspection.booked", "inspection", inspection.id, detail={"dwelling_id": dwelling.id})
    return inspection


async def book_inspection(
    database: Database, actor: str, dwelling_id: str, body: InspectionBook, today: date
) -> Inspection:
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        domain.check_booking(status_of(dwelling), body.planned_on, today, dwelling_id=dwelling.id)
        inspection = book(uow, dwelling, body.trigger, today, body.planned_on)
        await uow.commit()
    return inspection


# --- The condition report -------------------------------------------------------------------------------


async def complete_inspection(
    database: Database, actor: str, inspection_id: str, body: InspectionResult, today: date, now: datetime
) -> Inspection:
    inspected_on = body.inspected_on or today
    domain.check_not_in_future(inspected_on, today, name="inspected_on", code="inspected_in_future")
    async with database.unit_of_work(actor) as uow:
        # Locked: two people recording the same result at once must not both succeed.
        inspection = await get_or_404(uow.session, Inspection, inspection_id, what="inspection", lock=True)
        dwelling = await get_dwelling(uow.session, inspection.dwelling_id, lock=True)
        status = status_of(dwelling)
        meets = domain.inspection_result(
            inspection.status,
            status,
            [item.code for item in await active_checklist(uow.session)],
            [domain.ChecklistResult(a.item, a.passed, a.note) for a in body.results],
            readiness_given=body.readiness is not None,
            inspection_id=inspection.id,
            dwelling_id=dwelling.id,
        )
        inspection.status = "completed"
        inspection.inspected_on = inspected_on
        inspection.meets_minimum_standard = meets
        inspection.inspector = body.inspector
        inspection.results = [a.model_dump() for a in body.results]
        job = None if meets else await open_job(uow.session, dwelling.id)
        if not meets and job is None:
            failed = "; ".join(f"{a.item}: {a.note}" for a in body.results if not a.passed)
            job = order_job(
                uow,
                dwelling,
                RenovationKind.BETWEEN_TENANCIES,
                body.renovation_scope or f"Bring to the minimum standard ({failed})",
                inspected_on,
                body.renovation_due_date,
                body.estimated_cost,
                inspection.id,
            )
            inspection.renovation_job_id = job.id
        uow.record(
            InspectionCompleted(
                dwelling_id=dwelling.id,
                inspection_id=inspection.id,
                inspected_on=inspected_on,
                trigger=InspectionTrigger(inspection.trigger),
                meets_minimum_standard=meets,
                renovation_needed=not meets,
                renovation_due_date=job.due_date if job is not None else None,
            )
        )
        uow.audit("inspection.completed", "inspection", inspection.id, detail={"meets_minimum_standard": meets})
        if meets:
            if status is S.VACANT and body.readiness is not None:
                move(uow, dwelling, Command.PASS_INSPECTION, inspected_on, now, "ready")
                make_ready(uow, dwelling, body.readiness, inspected_on)
                cancel_if_ordered(uow, await open_job(uow.session, dwelling.id), "the dwelling passed inspection")
        elif status is S.VACANT:
            move(uow, dwelling, Command.FAIL_INSPECTION, inspected_on, now, "inspected")
        await uow.commit()
    return inspection
