"""Renovation jobs between tenancies: ordering (by hand or on a failed inspection), changing, starting and
completing one, with the lost rent a late job owes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import RenovationKind
from boligflyt.contracts.events.maintenance import RenovationCompleted, RenovationRescheduled, RenovationStarted
from boligflyt.maintenance import domain
from boligflyt.maintenance.domain import OPEN_JOB, Command
from boligflyt.maintenance.models import Dwelling, RenovationJob
from boligflyt.maintenance.schemas import RenovationChange, RenovationCompletion, RenovationOrder, RenovationStart
from boligflyt.maintenance.service.dwellings import get_dwelling, jsonable, make_ready, move, status_of
from boligflyt.platform.db import Database, UnitOfWork, get_or_404, read_or_404
from boligflyt.platform.errors import Conflict
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given

WHAT = "renovation job"


async def open_job(session: AsyncSession, dwelling_id: str) -> RenovationJob | None:
    query = select(RenovationJob).where(RenovationJob.dwelling_id == dwelling_id, RenovationJob.status.in_(OPEN_JOB))
    return (await session.execute(query)).scalars().first()


async def read_job(database: Database, job_id: str) -> RenovationJob:
    return await read_or_404(database, RenovationJob, job_id, what=WHAT)


async def list_jobs(
    database: Database,
    page: PageRequest,
    today: date,
    *,
    dwelling_id: str | None = None,
    status: str | None = None,
    overdue: bool = False,
) -> tuple[list[RenovationJob], int]:
    query = select(RenovationJob).order_by(RenovationJob.due_date, RenovationJob.id)
    if overdue:
        query = query.where(RenovationJob.status.in_(OPEN_JOB), RenovationJob.due_date < today)
    return await read_page(
        database,
        where_given(query, (RenovationJob.dwelling_id, dwelling_id), (RenovationJob.status, status)),
        page,
    )


def order_job(
    uow: UnitOfWork,
    dwelling: Dwelling,
    kind: RenovationKind,
    scope: str,
    ordered_on: date,
    due_date: date | None,
    estimated_cost: int | None,
    inspection_id: str | None = None,
) -> RenovationJob:
    domain.check_due_date(due_date, ordered_on)
    job = RenovationJob(
        id=new_id("job"),
        dwelling_id=dwelling.id,
        inspection_id=inspection_id,
        kind=kind.value,
        status="ordered",
        scope=scope,
        ordered_on=ordered_on,
        due_date=due_date or domain.default_due_date(ordered_on),
        due_date_agreed=due_date is not None,
        urgent=dwelling.allocated_no_fixed_address,
        estimated_cost=estimated_cost,
        daily_rent=domain.daily_rent(dwelling.monthly_rent),
    )
    uow.session.add(job)
    uow.audit(
        "renovation.ordered",
        "renovation_job",
        job.id,
        detail={"dwelling_id": dwelling.id, "due_date": job.due_date.isoformat(), "scope": scope},
    )
    return job


def reschedule(uow: UnitOfWork, job: RenovationJob, due_date: date, on: date) -> None:
    """Move the job's completion date, and say so: the household waiting for the dwelling moves in later."""
    if due_date == job.due_date:
        return
    uow.record(
        RenovationRescheduled(
            dwelling_id=job.dwelling_id,
            job_id=job.id,
            rescheduled_on=on,
            previous_due_date=job.due_date,
            due_date=due_date,
        )
    )
    job.due_date = due_date


def cancel_if_ordered(uow: UnitOfWork, job: RenovationJob | None, reason: str) -> None:
    """An ordered job not started yet is not needed any more; a started one goes on."""
    if job is not None and job.status == "ordered":
        job.status = "cancelled"
        uow.audit("renovation.cancelled", "renovation_job", job.id, reason=reason)


async def order_renovation(
    database: Database, actor: str, dwelling_id: str, body: RenovationOrder, today: date
) -> RenovationJob:
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        domain.check_renovation_order(
            status_of(dwelling), withdrawn_permanently=dwelling.withdrawn_permanently, dwelling_id=dwelling.id
        )
        existing = await open_job(uow.session, dwelling.id)
        if existing is not None:
            raise Conflict(
                f"dwelling {dwelling.id} has an open renovation job {existing.id}", current_state=existing.status
            )
        job = order_job(uow, dwelling, body.kind, body.scope, today, body.due_date, body.estimated_cost)
        await uow.commit()
    return job


async def change_renovation(
    database: Database, actor: str, job_id: str, body: RenovationChange, today: date
) -> RenovationJob:
    """Agree a new due date (extraordinary work), or restate scope and estimate, while the job is open."""
    async with database.unit_of_work(actor) as uow:
        job = await get_or_404(uow.session, RenovationJob, job_id, what=WHAT, lock=True)
        domain.check_job_open(job.status, job_id=job.id)
        changes = body.model_dump(exclude_unset=True, exclude_none=True, exclude={"reason"})
        if "due_date" in changes:
            domain.check_due_date(body.due_date, job.ordered_on)
            job.due_date_agreed = True
            assert body.due_date is not None
            reschedule(uow, job, body.due_date, today)
        for name, value in changes.items():
            if name != "due_date":
                setattr(job, name, value)
        uow.audit("renovation.changed", "renovation_job", job.id, reason=body.reason, detail=jsonable(changes))
        await uow.commit()
    return job


async def start_renovation(
    database: Database, actor: str, job_id: str, body: RenovationStart, today: date, now: datetime
) -> RenovationJob:
    started_on = body.started_on or today
    async with database.unit_of_work(actor) as uow:
        job = await get_or_404(uow.session, RenovationJob, job_id, what=WHAT, lock=True)
        domain.check_start(job.status, job.ordered_on, started_on, today, job_id=job.id)
        dwelling = await get_dwelling(uow.session, job.dwelling_id, lock=True)
        domain.check_not_withdrawn_for_good(
            status_of(dwelling), withdrawn_permanently=dwelling.withdrawn_permanently, dwelling_id=dwelling.id
        )
        move(uow, dwelling, Command.START_RENOVATION, started_on, now, "renovating")
        job.status = "started"
        job.started_on = started_on
        job.daily_rent = domain.daily_rent(dwelling.monthly_rent)
        uow.record(
            RenovationStarted(
                dwelling_id=dwelling.id,
                job_id=job.id,
                kind=RenovationKind(job.kind),
                ordered_on=job.ordered_on,
                started_on=started_on,
                due_date=job.due_date,
                daily_rent=job.daily_rent,
            )
        )
        await uow.commit()
    return job


async def complete_renovation(
    database: Database, actor: str, job_id: str, body: RenovationCompletion, today: date, now: datetime
) -> RenovationJob:
    completed_on = body.completed_on or today
    async with database.unit_of_work(actor) as uow:
        job = await get_or_404(uow.session, RenovationJob, job_id, what=WHAT, lock=True)
        domain.check_completion(
            job.status,
            job.started_on,
            completed_on,
            today,
            joint_inspection_passed=body.joint_inspection_passed,
            job_id=job.id,
        )
        assert job.started_on is not None
        dwelling = await get_dwelling(uow.session, job.dwelling_id, lock=True)
        move(uow, dwelling, Command.COMPLETE_RENOVATION, completed_on, now, "ready")
        late = domain.days_late(job.due_date, completed_on)
        job.status = "completed"
        job.completed_on = completed_on
        job.cost_hard_use = body.cost_hard_use
        job.cost_age_wear = body.cost_age_wear
        job.hard_use_paid_by = body.hard_use_paid_by.value
        job.joint_inspection_on = completed_on
        job.joint_inspection_note = body.joint_inspection_note
        job.days_late = late
        job.lost_rent_owed = domain.lost_rent(job.daily_rent, late)
        uow.record(
            RenovationCompleted(
                dwelling_id=dwelling.id,
                job_id=job.id,
                started_on=job.started_on,
                completed_on=completed_on,
                due_date=job.due_date,
                days_late=late,
                daily_rent=job.daily_rent,
                lost_rent_owed=job.lost_rent_owed,
                cost_hard_use=body.cost_hard_use,
                cost_age_wear=body.cost_age_wear,
                meets_minimum_standard=True,
            )
        )
        uow.audit(
            "renovation.completed",
            "renovation_job",
            job.id,
            detail={"days_late": late, "lost_rent_owed": job.lost_rent_owed, "hard_use_paid_by": job.hard_use_paid_by},
        )
        make_ready(uow, dwelling, body.readiness, completed_on)
        await uow.commit()
    return job
