"""LKE's use cases: each changes state, records its events and audit rows, and commits once.

Functions taking a `UnitOfWork` run inside a transaction someone else commits (an API use case below, or the
inbox consumer for event handlers); the others open and commit their own.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import (
    AcquisitionMethod,
    AcquisitionStage,
    DwellingCategory,
    DwellingOwner,
    DwellingStatus,
    InspectionTrigger,
    RenovationKind,
)
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    TenancyEnded,
    TenancyMovedIn,
    TenancyNoticeGiven,
    TenancyNoticeWithdrawn,
)
from boligflyt.contracts.events.maintenance import (
    AcquisitionDelivered,
    AcquisitionStageChanged,
    DwellingChanged,
    DwellingLet,
    DwellingReadyForLetting,
    DwellingRegistered,
    DwellingReserved,
    DwellingWithdrawn,
    InspectionBooked,
    InspectionCompleted,
    RenovationCompleted,
    RenovationStarted,
)
from boligflyt.contracts.events.ordering import OrderPlaced
from boligflyt.maintenance import domain
from boligflyt.maintenance.domain import Command
from boligflyt.maintenance.models import (
    AcquisitionProject,
    ChecklistItem,
    Dwelling,
    IdempotencyRecord,
    Inspection,
    RenovationJob,
    StatusChange,
)
from boligflyt.maintenance.schemas import (
    AcquisitionOpen,
    ChecklistIn,
    Delivery,
    DwellingCreate,
    DwellingFields,
    DwellingSyncRow,
    DwellingUpdate,
    InspectionBook,
    InspectionResult,
    Readiness,
    RejectedRow,
    RenovationChange,
    RenovationCompletion,
    RenovationOrder,
    RenovationStart,
    StageMove,
    SyncReport,
    Withdrawal,
)
from boligflyt.platform.db import Database, UnitOfWork
from boligflyt.platform.errors import Conflict, NotFound, RuleViolation

S = DwellingStatus
OPEN_JOB = ("ordered", "started")

# The attributes a dwelling.registered/changed event carries: a change to any of them is announced.
EVENT_FACTS = ("owner", "category", "bedrooms", "floor_area_m2", "accessible", "staffed", "monthly_rent", "zone")
REGISTER_FIELDS = tuple(DwellingFields.model_fields)


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


# --- Loading --------------------------------------------------------------------------------------------


async def get_dwelling(session: AsyncSession, dwelling_id: str, *, lock: bool = False) -> Dwelling:
    query = select(Dwelling).where(Dwelling.id == dwelling_id)
    if lock:
        query = query.with_for_update()
    dwelling = (await session.execute(query)).scalar_one_or_none()
    if dwelling is None:
        raise NotFound(f"no dwelling {dwelling_id} in LKE's register", extra={"dwelling_id": dwelling_id})
    return dwelling


async def get_inspection(session: AsyncSession, inspection_id: str, *, lock: bool = False) -> Inspection:
    # Locked by writers: two people recording the same result at once must not both succeed.
    inspection = await session.get(Inspection, inspection_id, with_for_update=lock)
    if inspection is None:
        raise NotFound(f"no inspection {inspection_id}")
    return inspection


async def get_job(session: AsyncSession, job_id: str, *, lock: bool = False) -> RenovationJob:
    job = await session.get(RenovationJob, job_id, with_for_update=lock)
    if job is None:
        raise NotFound(f"no renovation job {job_id}")
    return job


async def get_project(session: AsyncSession, project_id: str, *, lock: bool = False) -> AcquisitionProject:
    project = await session.get(AcquisitionProject, project_id, with_for_update=lock)
    if project is None:
        raise NotFound(f"no acquisition project {project_id}")
    return project


async def open_job(session: AsyncSession, dwelling_id: str) -> RenovationJob | None:
    query = select(RenovationJob).where(RenovationJob.dwelling_id == dwelling_id, RenovationJob.status.in_(OPEN_JOB))
    return (await session.execute(query)).scalars().first()


# --- Dwelling state -------------------------------------------------------------------------------------


def _status(dwelling: Dwelling) -> DwellingStatus:
    return DwellingStatus(dwelling.status)


def _enter(uow: UnitOfWork, dwelling: Dwelling, status: DwellingStatus, on: date, now: datetime, cause: str) -> None:
    previous = dwelling.status
    dwelling.status = status.value
    dwelling.status_since = on
    dwelling.updated_at = now
    uow.session.add(StatusChange(dwelling_id=dwelling.id, status=status.value, entered_on=on, at=now, cause=cause))
    uow.audit(
        f"dwelling.{cause}",
        "dwelling",
        dwelling.id,
        detail={"from": previous, "to": status.value, "on": on.isoformat()},
    )


def _move(uow: UnitOfWork, dwelling: Dwelling, command: Command, on: date, now: datetime, cause: str) -> None:
    target = domain.transition(_status(dwelling), command, dwelling_id=f"dwelling {dwelling.id}")
    _enter(uow, dwelling, target, on, now, cause)


def _facts(dwelling: Dwelling) -> dict[str, Any]:
    return {
        "dwelling_id": dwelling.id,
        "owner": DwellingOwner(dwelling.owner),
        "category": DwellingCategory(dwelling.category),
        "bedrooms": dwelling.bedrooms,
        "floor_area_m2": dwelling.floor_area_m2,
        "accessible": dwelling.accessible,
        "staffed": dwelling.staffed,
        "monthly_rent": dwelling.monthly_rent,
        "area_code": dwelling.zone,
    }


def _check_facts(values: Mapping[str, Any]) -> None:
    domain.DwellingFacts(
        owner=DwellingOwner(values["owner"]),
        rooms=values["rooms"],
        bedrooms=values["bedrooms"],
        floor_area_m2=values["floor_area_m2"],
        monthly_rent=values["monthly_rent"],
        head_lease_end=values["head_lease_end"],
        coop_board_approval=values["coop_board_approval"],
    ).check()


def _register_values(fields: DwellingFields) -> dict[str, Any]:
    values: dict[str, Any] = fields.model_dump(include=set(REGISTER_FIELDS))
    for name in ("category", "owner", "acquired_via"):
        values[name] = str(values[name])
    return values


async def _ref_taken(session: AsyncSession, external_ref: str) -> bool:
    found = await session.execute(select(Dwelling.id).where(Dwelling.external_ref == external_ref))
    return found.first() is not None


def _add_dwelling(
    uow: UnitOfWork,
    external_ref: str,
    values: Mapping[str, Any],
    status: DwellingStatus,
    today: date,
    now: datetime,
    *,
    new_dwelling: bool = False,
    project_id: str | None = None,
) -> Dwelling:
    _check_facts(values)
    dwelling = Dwelling(
        id=new_id("dw"),
        external_ref=external_ref,
        status=status.value,
        status_since=today,
        new_dwelling=new_dwelling,
        ever_let=status is S.LET,
        project_id=project_id,
        registered_on=today,
        created_at=now,
        updated_at=now,
        allocated_no_fixed_address=False,
        withdrawn_permanently=False,
        **values,
    )
    uow.session.add(dwelling)
    uow.session.add(
        StatusChange(dwelling_id=dwelling.id, status=status.value, entered_on=today, at=now, cause="registered")
    )
    uow.record(
        DwellingRegistered(
            **_facts(dwelling),
            registered_on=today,
            status=status,
            new_dwelling=new_dwelling,
            project_id=project_id,
            order_id=dwelling.order_ref if project_id else None,
        )
    )
    uow.audit(
        "dwelling.registered", "dwelling", dwelling.id, detail={"external_ref": external_ref, **_jsonable(values)}
    )
    return dwelling


def _jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in values.items()}


async def register_dwelling(
    database: Database, actor: str, body: DwellingCreate, today: date, now: datetime
) -> Dwelling:
    async with database.unit_of_work(actor) as uow:
        if await _ref_taken(uow.session, body.external_ref):
            raise Conflict(
                f"a dwelling with external_ref {body.external_ref} is registered already",
                extra={"external_ref": body.external_ref},
            )
        dwelling = _add_dwelling(uow, body.external_ref, _register_values(body), S(body.status.value), today, now)
        await uow.commit()
    return dwelling


def _apply_changes(uow: UnitOfWork, dwelling: Dwelling, changes: Mapping[str, Any], today: date, now: datetime) -> bool:
    """Apply attribute changes (already validated field by field); True if anything changed."""
    merged = {name: getattr(dwelling, name) for name in REGISTER_FIELDS}
    merged.update(changes)
    _check_facts(merged)
    changed = {name: value for name, value in merged.items() if getattr(dwelling, name) != value}
    if not changed:
        return False
    facts_before = _facts(dwelling)
    for name, value in changed.items():
        setattr(dwelling, name, value)
    dwelling.updated_at = now
    uow.audit("dwelling.changed", "dwelling", dwelling.id, detail=_jsonable(changed))
    if _facts(dwelling) != facts_before:
        uow.record(DwellingChanged(**_facts(dwelling), changed_on=today))
    return True


async def update_dwelling(
    database: Database, actor: str, dwelling_id: str, body: DwellingUpdate, today: date, now: datetime
) -> Dwelling:
    changes = body.model_dump(exclude_unset=True)
    for name in ("category", "owner"):
        if changes.get(name) is not None:
            changes[name] = str(changes[name])
    nullable = {"zone", "floor_area_m2", "head_lease_end"}
    for name, value in list(changes.items()):
        if value is None and name not in nullable:
            raise RuleViolation(f"{name} cannot be cleared", code="required_field", extra={"field": name})
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        _apply_changes(uow, dwelling, changes, today, now)
        await uow.commit()
    return dwelling


async def withdraw_dwelling(
    database: Database, actor: str, dwelling_id: str, body: Withdrawal, today: date, now: datetime
) -> Dwelling:
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        _move(uow, dwelling, Command.WITHDRAW, today, now, "withdrawn")
        dwelling.withdrawal_reason = body.reason.value
        dwelling.withdrawn_permanently = body.permanent
        uow.record(
            DwellingWithdrawn(dwelling_id=dwelling.id, withdrawn_on=today, reason=body.reason, permanent=body.permanent)
        )
        await uow.commit()
    return dwelling


def _make_ready(uow: UnitOfWork, dwelling: Dwelling, readiness: Readiness, on: date) -> None:
    """Record the move-in readiness and tell everyone; reserve at once for an allocation that came early."""
    dwelling.photographs = list(readiness.photographs)
    dwelling.meter_number = readiness.meter_number
    dwelling.meter_reading_kwh = readiness.meter_reading_kwh
    uow.record(
        DwellingReadyForLetting(
            dwelling_id=dwelling.id, ready_on=on, first_let=dwelling.new_dwelling and not dwelling.ever_let
        )
    )
    if dwelling.allocated_application_id is not None:
        _move(uow, dwelling, Command.RESERVE, on, dwelling.updated_at, "reserved")
        uow.record(
            DwellingReserved(dwelling_id=dwelling.id, reserved_on=on, application_id=dwelling.allocated_application_id)
        )


async def release_reservation(database: Database, actor: str, dwelling_id: str, today: date, now: datetime) -> Dwelling:
    """The allocation fell through: the dwelling is ready for letting again and announced so."""
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        _move(uow, dwelling, Command.RELEASE, today, now, "released")
        dwelling.allocated_application_id = None
        dwelling.allocated_no_fixed_address = False
        uow.record(
            DwellingReadyForLetting(
                dwelling_id=dwelling.id, ready_on=today, first_let=dwelling.new_dwelling and not dwelling.ever_let
            )
        )
        await uow.commit()
    return dwelling


# --- Inspections ----------------------------------------------------------------------------------------


async def active_checklist(session: AsyncSession) -> list[ChecklistItem]:
    """The adopted checklist; the default minimum standard until LKE configures its own."""
    items = (await session.execute(select(ChecklistItem).order_by(ChecklistItem.position))).scalars().all()
    if items:
        return [item for item in items if item.active]
    return [
        ChecklistItem(code=code, title=title, position=i, active=True)
        for i, (code, title) in enumerate(domain.DEFAULT_CHECKLIST)
    ]


async def set_checklist(database: Database, actor: str, body: ChecklistIn) -> list[ChecklistItem]:
    codes = [item.code for item in body.items]
    if len(set(codes)) != len(codes):
        raise RuleViolation("each checklist item code must appear once", code="duplicate_item")
    async with database.unit_of_work(actor) as uow:
        existing = {item.code: item for item in (await uow.session.execute(select(ChecklistItem))).scalars()}
        for item in existing.values():
            item.active = False
        for position, entry in enumerate(body.items):
            item = existing.get(entry.code)
            if item is None:
                uow.session.add(ChecklistItem(code=entry.code, title=entry.title, position=position, active=True))
            else:
                item.title, item.position, item.active = entry.title, position, True
        uow.audit("checklist.set", "checklist", "minimum_standard", detail={"items": codes})
        await uow.commit()
        return await active_checklist(uow.session)


def _book(
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
        if _status(dwelling) not in domain.INSPECTABLE:
            raise Conflict(
                f"dwelling {dwelling.id} is {dwelling.status}: an inspection is booked on notice or while vacant",
                current_state=dwelling.status,
            )
        if body.planned_on < today:
            raise RuleViolation("planned_on cannot be in the past", code="planned_in_past")
        inspection = _book(uow, dwelling, body.trigger, today, body.planned_on)
        await uow.commit()
    return inspection


def _order_job(
    uow: UnitOfWork,
    dwelling: Dwelling,
    kind: RenovationKind,
    scope: str,
    ordered_on: date,
    due_date: date | None,
    estimated_cost: int | None,
    inspection_id: str | None = None,
) -> RenovationJob:
    if due_date is not None and due_date < ordered_on:
        raise RuleViolation("the due date cannot be before the order date", code="due_before_ordered")
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


async def complete_inspection(
    database: Database, actor: str, inspection_id: str, body: InspectionResult, today: date, now: datetime
) -> Inspection:
    inspected_on = body.inspected_on or today
    if inspected_on > today:
        raise RuleViolation("inspected_on cannot be in the future", code="inspected_in_future")
    async with database.unit_of_work(actor) as uow:
        inspection = await get_inspection(uow.session, inspection_id, lock=True)
        if inspection.status != "booked":
            raise Conflict(f"inspection {inspection.id} is {inspection.status}", current_state=inspection.status)
        dwelling = await get_dwelling(uow.session, inspection.dwelling_id, lock=True)
        status = _status(dwelling)
        if status not in domain.INSPECTABLE:
            raise Conflict(
                f"dwelling {dwelling.id} is {status}: it is inspected on notice or while vacant",
                current_state=status.value,
            )
        checklist = [item.code for item in await active_checklist(uow.session)]
        answers = [domain.ChecklistResult(a.item, a.passed, a.note) for a in body.results]
        meets = domain.assess(checklist, answers)
        if meets and status is S.VACANT and body.readiness is None:
            raise RuleViolation(
                "a dwelling that passes while empty becomes ready for letting: record photographs and the meter "
                "reading (readiness)",
                code="readiness_missing",
            )
        inspection.status = "completed"
        inspection.inspected_on = inspected_on
        inspection.meets_minimum_standard = meets
        inspection.inspector = body.inspector
        inspection.results = [a.model_dump() for a in body.results]
        uow.record(
            InspectionCompleted(
                dwelling_id=dwelling.id,
                inspection_id=inspection.id,
                inspected_on=inspected_on,
                trigger=InspectionTrigger(inspection.trigger),
                meets_minimum_standard=meets,
                renovation_needed=not meets,
            )
        )
        uow.audit("inspection.completed", "inspection", inspection.id, detail={"meets_minimum_standard": meets})
        if meets:
            if status is S.VACANT and body.readiness is not None:
                _move(uow, dwelling, Command.PASS_INSPECTION, inspected_on, now, "ready")
                _make_ready(uow, dwelling, body.readiness, inspected_on)
                job = await open_job(uow.session, dwelling.id)
                if job is not None and job.status == "ordered":
                    job.status = "cancelled"
                    uow.audit("renovation.cancelled", "renovation_job", job.id, reason="the dwelling passed inspection")
        else:
            if await open_job(uow.session, dwelling.id) is None:
                failed = "; ".join(f"{a.item}: {a.note}" for a in body.results if not a.passed)
                job = _order_job(
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
            if status is S.VACANT:
                _move(uow, dwelling, Command.FAIL_INSPECTION, inspected_on, now, "inspected")
        await uow.commit()
    return inspection


# --- Renovation -----------------------------------------------------------------------------------------


async def order_renovation(
    database: Database, actor: str, dwelling_id: str, body: RenovationOrder, today: date
) -> RenovationJob:
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        status = _status(dwelling)
        orderable = {S.NOTICE_GIVEN, S.VACANT, S.INSPECTED, S.WITHDRAWN}
        if status not in orderable or (dwelling.withdrawn_permanently and status is S.WITHDRAWN):
            raise Conflict(
                f"dwelling {dwelling.id} is {status}: renovation is ordered between tenancies or while withdrawn "
                "(not permanently)",
                current_state=status.value,
            )
        existing = await open_job(uow.session, dwelling.id)
        if existing is not None:
            raise Conflict(
                f"dwelling {dwelling.id} has an open renovation job {existing.id}", current_state=existing.status
            )
        job = _order_job(uow, dwelling, body.kind, body.scope, today, body.due_date, body.estimated_cost)
        await uow.commit()
    return job


async def change_renovation(
    database: Database, actor: str, job_id: str, body: RenovationChange, today: date
) -> RenovationJob:
    """Agree a new due date (extraordinary work), or restate scope and estimate, while the job is open."""
    async with database.unit_of_work(actor) as uow:
        job = await get_job(uow.session, job_id, lock=True)
        if job.status not in OPEN_JOB:
            raise Conflict(
                f"renovation job {job.id} is {job.status}: only an open job changes", current_state=job.status
            )
        changes = body.model_dump(exclude_unset=True, exclude_none=True, exclude={"reason"})
        if "due_date" in changes:
            if body.due_date is not None and body.due_date < job.ordered_on:
                raise RuleViolation("the due date cannot be before the order date", code="due_before_ordered")
            job.due_date_agreed = True
        for name, value in changes.items():
            setattr(job, name, value)
        uow.audit(
            "renovation.changed",
            "renovation_job",
            job.id,
            reason=body.reason,
            detail=_jsonable(changes),
        )
        await uow.commit()
    return job


async def start_renovation(
    database: Database, actor: str, job_id: str, body: RenovationStart, today: date, now: datetime
) -> RenovationJob:
    started_on = body.started_on or today
    async with database.unit_of_work(actor) as uow:
        job = await get_job(uow.session, job_id, lock=True)
        if job.status != "ordered":
            raise Conflict(
                f"renovation job {job.id} is {job.status}: only an ordered job starts", current_state=job.status
            )
        if started_on < job.ordered_on or started_on > today:
            raise RuleViolation("started_on must be between the order date and today", code="invalid_start")
        dwelling = await get_dwelling(uow.session, job.dwelling_id, lock=True)
        if dwelling.withdrawn_permanently and _status(dwelling) is S.WITHDRAWN:
            raise Conflict(f"dwelling {dwelling.id} is withdrawn for good", current_state=dwelling.status)
        _move(uow, dwelling, Command.START_RENOVATION, started_on, now, "renovating")
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
        job = await get_job(uow.session, job_id, lock=True)
        if job.status != "started":
            raise Conflict(
                f"renovation job {job.id} is {job.status}: only a started job is completed", current_state=job.status
            )
        assert job.started_on is not None
        if completed_on < job.started_on or completed_on > today:
            raise RuleViolation("completed_on must be between the start and today", code="invalid_completion")
        if not body.joint_inspection_passed:
            raise RuleViolation(
                "the joint inspection did not find the minimum standard met: the job stays open",
                code="joint_inspection_failed",
            )
        dwelling = await get_dwelling(uow.session, job.dwelling_id, lock=True)
        _move(uow, dwelling, Command.COMPLETE_RENOVATION, completed_on, now, "ready")
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
        _make_ready(uow, dwelling, body.readiness, completed_on)
        await uow.commit()
    return job


# --- Reactions to Boligkontoret's events ----------------------------------------------------------------


async def on_notice_given(uow: UnitOfWork, event: TenancyNoticeGiven, now: datetime) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    _move(uow, dwelling, Command.GIVE_NOTICE, event.given_on, now, "notice_given")
    dwelling.current_tenancy_id = event.tenancy_id
    planned = domain.planned_inspection(event.given_on, event.move_out_date)
    _book(uow, dwelling, InspectionTrigger.MOVE_OUT_NOTICE, event.given_on, planned, event.tenancy_id)


async def on_notice_withdrawn(uow: UnitOfWork, event: TenancyNoticeWithdrawn, now: datetime) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    _move(uow, dwelling, Command.WITHDRAW_NOTICE, event.withdrawn_on, now, "notice_withdrawn")
    booked = select(Inspection).where(Inspection.dwelling_id == dwelling.id, Inspection.status == "booked")
    for inspection in (await uow.session.execute(booked)).scalars():
        inspection.status = "cancelled"
        uow.audit("inspection.cancelled", "inspection", inspection.id, reason="notice withdrawn")
    job = await open_job(uow.session, dwelling.id)
    if job is not None and job.status == "ordered":
        job.status = "cancelled"
        uow.audit("renovation.cancelled", "renovation_job", job.id, reason="notice withdrawn")


async def on_tenancy_ended(uow: UnitOfWork, event: TenancyEnded, now: datetime) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    _move(uow, dwelling, Command.END_TENANCY, event.end_date, now, "vacant")
    dwelling.current_tenancy_id = None
    job = await open_job(uow.session, dwelling.id)
    if job is not None and not job.due_date_agreed:
        # Ordered before the key was returned: LKE's month runs from the day it can get in.
        job.due_date = max(job.due_date, domain.default_due_date(event.end_date))
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
    _book(uow, dwelling, trigger, event.end_date, event.end_date, event.tenancy_id)


async def on_allocation_decided(uow: UnitOfWork, event: AllocationDecided, now: datetime) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    status = _status(dwelling)
    if dwelling.allocated_application_id == event.application_id and status is S.RESERVED:
        return
    if status is S.READY:
        dwelling.allocated_application_id = event.application_id
        _move(uow, dwelling, Command.RESERVE, event.decided_on, now, "reserved")
        uow.record(
            DwellingReserved(dwelling_id=dwelling.id, reserved_on=event.decided_on, application_id=event.application_id)
        )
        return
    if status not in {S.NOTICE_GIVEN, S.VACANT, S.INSPECTED, S.RENOVATING}:
        raise Conflict(f"dwelling {dwelling.id} is {status}: it cannot be allocated", current_state=status.value)
    # Allocated before it is ready (the committee allocates at its first meeting after the notice):
    # reserved the day it becomes ready; a household with no fixed address makes the renovation urgent.
    dwelling.allocated_application_id = event.application_id
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


async def on_moved_in(uow: UnitOfWork, event: TenancyMovedIn, now: datetime) -> None:
    dwelling = await get_dwelling(uow.session, event.dwelling_id, lock=True)
    _move(uow, dwelling, Command.LET, event.move_in_date, now, "let")
    dwelling.ever_let = True
    dwelling.current_tenancy_id = event.tenancy_id
    dwelling.allocated_application_id = None
    dwelling.allocated_no_fixed_address = False
    uow.record(DwellingLet(dwelling_id=dwelling.id, let_on=event.move_in_date, tenancy_id=event.tenancy_id))


# --- Acquisitions ---------------------------------------------------------------------------------------


def _open_project(
    uow: UnitOfWork,
    method: AcquisitionMethod,
    planned: int,
    opened_on: date,
    order_id: str | None,
    expected: date | None,
    budget: int | None,
) -> AcquisitionProject:
    stage = domain.first_stage()
    project = AcquisitionProject(
        id=new_id("acq"),
        order_id=order_id,
        method=method.value,
        stage=stage.value,
        stage_since=opened_on,
        dwellings_planned=planned,
        dwellings_delivered=0,
        budget_amount=budget,
        accessible=False,
        staffed=False,
        expected_delivery_on=expected,
        opened_on=opened_on,
        stages=[{"stage": stage.value, "on": opened_on.isoformat()}],
    )
    uow.session.add(project)
    uow.record(_stage_event(project, None))
    uow.audit("acquisition.opened", "acquisition_project", project.id, detail={"order_id": order_id})
    return project


def _stage_event(project: AcquisitionProject, previous: AcquisitionStage | None) -> AcquisitionStageChanged:
    return AcquisitionStageChanged(
        project_id=project.id,
        order_id=project.order_id,
        method=AcquisitionMethod(project.method),
        stage=AcquisitionStage(project.stage),
        previous_stage=previous,
        changed_on=project.stage_since,
        dwellings_planned=project.dwellings_planned,
        expected_delivery_on=project.expected_delivery_on,
    )


async def on_order_placed(uow: UnitOfWork, event: OrderPlaced) -> None:
    existing = await uow.session.execute(
        select(AcquisitionProject.id).where(AcquisitionProject.order_id == event.order_id)
    )
    if existing.first() is not None:
        return
    project = _open_project(
        uow,
        event.preferred_method or AcquisitionMethod.BUY_EXISTING,
        event.dwellings,
        event.placed_on,
        event.order_id,
        event.due_date,
        event.budget_amount,
    )
    category = getattr(event, "dwelling_category", None)  # optional, added to order.placed v1
    project.target_group = event.target_group.value
    project.dwelling_category = None if category is None else str(category)
    project.bedrooms = event.bedrooms
    project.accessible = event.accessible
    project.staffed = event.staffed


async def open_acquisition(database: Database, actor: str, body: AcquisitionOpen, today: date) -> AcquisitionProject:
    async with database.unit_of_work(actor) as uow:
        if body.order_id is not None:
            taken = select(AcquisitionProject.id).where(AcquisitionProject.order_id == body.order_id)
            if (await uow.session.execute(taken)).first() is not None:
                raise Conflict(f"order {body.order_id} has a project already")
        project = _open_project(
            uow, body.method, body.dwellings_planned, today, body.order_id, body.expected_delivery_on, None
        )
        await uow.commit()
    return project


def _advance(uow: UnitOfWork, project: AcquisitionProject, target: AcquisitionStage, on: date) -> None:
    current = AcquisitionStage(project.stage)
    domain.check_stage_move(AcquisitionMethod(project.method), current, target)
    project.stage = target.value
    project.stage_since = on
    project.stages = [*project.stages, {"stage": target.value, "on": on.isoformat()}]
    uow.record(_stage_event(project, current))
    uow.audit("acquisition.stage_changed", "acquisition_project", project.id, detail={"from": current, "to": target})


async def move_stage(
    database: Database, actor: str, project_id: str, body: StageMove, today: date
) -> AcquisitionProject:
    async with database.unit_of_work(actor) as uow:
        project = await get_project(uow.session, project_id, lock=True)
        if body.expected_delivery_on is not None:
            project.expected_delivery_on = body.expected_delivery_on
        _advance(uow, project, body.stage, today)
        await uow.commit()
    return project


async def deliver(
    database: Database, actor: str, project_id: str, body: Delivery, today: date, now: datetime
) -> tuple[AcquisitionProject, list[Dwelling]]:
    delivered_on = body.delivered_on or today
    refs = [d.external_ref for d in body.dwellings]
    if len(set(refs)) != len(refs):
        raise RuleViolation("each delivered dwelling needs its own external_ref", code="duplicate_external_ref")
    async with database.unit_of_work(actor) as uow:
        project = await get_project(uow.session, project_id, lock=True)
        method = AcquisitionMethod(project.method)
        stage = AcquisitionStage(project.stage)
        if not domain.can_deliver(method, stage):
            raise Conflict(
                f"project {project.id} is at {stage}: a {method} project delivers once completed",
                current_state=stage.value,
            )
        for ref in refs:
            if await _ref_taken(uow.session, ref):
                raise Conflict(f"a dwelling with external_ref {ref} is registered already", extra={"external_ref": ref})
        if stage is not AcquisitionStage.TAKEN_OVER:
            _advance(uow, project, AcquisitionStage.TAKEN_OVER, delivered_on)
        dwellings = []
        for entry in body.dwellings:
            values = _register_values(entry)
            values["acquired_via"] = method.value
            values["order_ref"] = project.order_id
            dwellings.append(
                _add_dwelling(
                    uow,
                    entry.external_ref,
                    values,
                    S.VACANT,
                    delivered_on,
                    now,
                    new_dwelling=True,
                    project_id=project.id,
                )
            )
        project.dwellings_delivered += len(dwellings)
        uow.record(
            AcquisitionDelivered(
                project_id=project.id,
                order_id=project.order_id,
                method=method,
                delivered_on=delivered_on,
                dwelling_ids=tuple(d.id for d in dwellings),
                cost=body.cost,
            )
        )
        uow.audit("acquisition.delivered", "acquisition_project", project.id, detail={"dwellings": refs})
        await uow.commit()
    return project, dwellings


# --- Bulk sync (Facilit-like property system) -----------------------------------------------------------


def _parse_row(raw: Mapping[str, Any]) -> DwellingSyncRow:
    cleaned = {key: value for key, value in raw.items() if not (isinstance(value, str) and value.strip() == "")}
    return DwellingSyncRow.model_validate(cleaned)


def _reason(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "row"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


async def sync_dwellings(
    uow: UnitOfWork,
    rows: Sequence[Mapping[str, Any]],
    today: date,
    now: datetime,
    *,
    first_row: int = 1,
    progress: Any = None,
) -> SyncReport:
    """Upsert dwellings keyed by external_ref, inside the caller's transaction: bad rows are rejected with a
    reason each, the good ones written together (or, if the transaction fails, none)."""
    report = SyncReport(created=[], changed=[], unchanged=[], rejected=[])
    seen: dict[str, int] = {}
    for offset, raw in enumerate(rows):
        number = first_row + offset
        ref = str(raw.get("external_ref") or "").strip() or None
        try:
            body = _parse_row(raw)
            if body.external_ref in seen:
                raise RuleViolation(
                    f"duplicate external_ref {body.external_ref} (first on row {seen[body.external_ref]})",
                    code="duplicate_external_ref",
                )
            seen[body.external_ref] = number
            existing = (
                await uow.session.execute(select(Dwelling).where(Dwelling.external_ref == body.external_ref))
            ).scalar_one_or_none()
            if existing is None:
                _add_dwelling(uow, body.external_ref, _register_values(body), S(body.status.value), today, now)
                report.created.append(body.external_ref)
            else:
                # The property system owns the attributes; LKE's turnover owns the status.
                # Only what the row states: a column left empty keeps what LKE has (e.g. how it was acquired).
                given = {k: v for k, v in _register_values(body).items() if k in body.model_fields_set}
                changed = _apply_changes(uow, existing, given, today, now)
                (report.changed if changed else report.unchanged).append(body.external_ref)
        except ValidationError as exc:
            report.rejected.append(RejectedRow(row=number, external_ref=ref, reason=_reason(exc)))
        except RuleViolation as exc:
            report.rejected.append(RejectedRow(row=number, external_ref=ref, reason=exc.detail))
        if progress is not None:
            progress()
    return report


def request_hash(body: object) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


async def sync_batch(
    database: Database,
    actor: str,
    idempotency_key: str,
    rows: Sequence[Mapping[str, Any]],
    today: date,
    now: datetime,
) -> tuple[SyncReport, bool]:
    """The batch endpoint: the same key and body get the first answer again (True: a replay)."""
    digest = request_hash(list(rows))
    for _ in range(3):
        try:
            async with database.unit_of_work(actor) as uow:
                record = await uow.session.get(IdempotencyRecord, idempotency_key)
                if record is not None:
                    if record.request_hash != digest:
                        raise RuleViolation(
                            "this Idempotency-Key was used with a different request body",
                            code="idempotency_key_reused",
                            extra={"idempotency_key": idempotency_key},
                        )
                    return SyncReport.model_validate(record.response), True
                # Claim the key first: a concurrent twin waits on this row and then answers from it.
                record = IdempotencyRecord(
                    key=idempotency_key, request_hash=digest, status_code=200, response={}, created_at=now
                )
                uow.session.add(record)
                await uow.session.flush()
                report = await sync_dwellings(uow, rows, today, now)
                record.response = report.model_dump(mode="json")
                uow.audit(
                    "dwelling.batch_synced",
                    "dwelling_batch",
                    idempotency_key,
                    detail={
                        "created": len(report.created),
                        "changed": len(report.changed),
                        "rejected": len(report.rejected),
                    },
                )
                await uow.commit()
                return report, False
        except IntegrityError:
            continue  # the same key, or a dwelling of the batch, was written meanwhile: look again
    raise Conflict("the request with this Idempotency-Key is still being handled; retry", current_state="in_progress")


# --- Void days ------------------------------------------------------------------------------------------


async def void_days(session: AsyncSession, dwelling_id: str, as_of: date) -> list[domain.VoidPeriod]:
    await get_dwelling(session, dwelling_id)
    query = select(StatusChange).where(StatusChange.dwelling_id == dwelling_id).order_by(StatusChange.id)
    changes = (await session.execute(query)).scalars().all()
    # A dwelling entering the register empty (new, or taken over) has no tenancy end to count a void from.
    history = [
        domain.StatusChange(DwellingStatus(c.status), c.entered_on)
        for c in changes
        if not (c.cause == "registered" and c.status == S.VACANT.value)
    ]
    return domain.void_periods(history, as_of)


def filtered(query: Select[Any], **filters: object) -> Select[Any]:
    entity = query.column_descriptions[0]["entity"]
    for name, value in filters.items():
        if value is not None:
            query = query.where(getattr(entity, name) == value)
    return query
