"""LKE's REST API under /v1: LKE writes; Boligkontoret, the ordering function and coordinators read."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Query, Response

from boligflyt.contracts.codes import AcquisitionStage, DwellingCategory, DwellingOwner, DwellingStatus
from boligflyt.maintenance import domain, service
from boligflyt.maintenance.models import AcquisitionProject, Dwelling, Inspection, RenovationJob
from boligflyt.maintenance.schemas import (
    AcquisitionOpen,
    AcquisitionOut,
    ChecklistIn,
    ChecklistItemIn,
    ChecklistOut,
    Delivery,
    DwellingBatch,
    DwellingCreate,
    DwellingOut,
    DwellingUpdate,
    InspectionBook,
    InspectionOut,
    InspectionResult,
    RenovationChange,
    RenovationCompletion,
    RenovationJobOut,
    RenovationOrder,
    RenovationStart,
    StageMove,
    StatusChangeOut,
    SyncReport,
    VoidDaysOut,
    VoidPeriodOut,
    Withdrawal,
)
from boligflyt.platform.auth import Agency, Principal, require
from boligflyt.platform.pagination import Page, PageRequestDep
from boligflyt.platform.plausible import BusinessDate
from boligflyt.platform.runtime import ClockDep, DatabaseDep

router = APIRouter(prefix="/v1")

Writer = Annotated[Principal, Depends(require(Agency.lke))]
Reader = Annotated[Principal, Depends(require(Agency.lke, Agency.boligkontoret, Agency.bestiller, Agency.coordinator))]
# Integrators (the property-system connector) write the register in bulk only with a token granting this scope.
DWELLING_REGISTER_WRITE = "dwelling-register:write"
Syncer = Annotated[Principal, Depends(require(Agency.lke, scoped={Agency.integrator: DWELLING_REGISTER_WRITE}))]


def dwelling_out(dwelling: Dwelling) -> DwellingOut:
    return DwellingOut.model_validate(dwelling, from_attributes=True)


def inspection_out(inspection: Inspection) -> InspectionOut:
    return InspectionOut.model_validate(inspection, from_attributes=True)


def job_out(job: RenovationJob, today: date) -> RenovationJobOut:
    late, owed = domain.lateness(
        job.status, job.due_date, job.daily_rent, today, settled_late=job.days_late, settled_owed=job.lost_rent_owed
    )
    actual = None if job.cost_hard_use is None else job.cost_hard_use + (job.cost_age_wear or 0)
    values: dict[str, Any] = {
        name: getattr(job, name) for name in RenovationJobOut.model_fields if hasattr(RenovationJob, name)
    }
    values.update(days_late=late, lost_rent_owed=owed, actual_cost=actual)
    return RenovationJobOut.model_validate(values)


def project_out(project: AcquisitionProject) -> AcquisitionOut:
    return AcquisitionOut.model_validate(project, from_attributes=True)


# --- Dwellings ------------------------------------------------------------------------------------------


@router.post("/dwellings", status_code=201, response_model=DwellingOut, tags=["dwellings"])
async def register_dwelling(
    body: DwellingCreate, principal: Writer, database: DatabaseDep, clock: ClockDep, response: Response
) -> DwellingOut:
    """Enter a dwelling into the register (dwelling.registered)."""
    dwelling = await service.register_dwelling(database, principal.actor, body, clock.today(), clock.now())
    response.headers["Location"] = f"/v1/dwellings/{dwelling.id}"
    return dwelling_out(dwelling)


@router.get("/dwellings", response_model=Page[DwellingOut], tags=["dwellings"])
async def list_dwellings(
    _: Reader,
    database: DatabaseDep,
    page: PageRequestDep,
    status: DwellingStatus | None = None,
    category: DwellingCategory | None = None,
    owner: DwellingOwner | None = None,
    zone: str | None = None,
    external_ref: str | None = None,
    head_lease_ends_before: Annotated[
        BusinessDate | None, Query(description="Only leased dwellings whose head lease ends before this day.")
    ] = None,
) -> Page[DwellingOut]:
    rows, total = await service.list_dwellings(
        database,
        page,
        status=status,
        category=category,
        owner=owner,
        zone=zone,
        external_ref=external_ref,
        head_lease_ends_before=head_lease_ends_before,
    )
    return Page(items=[dwelling_out(d) for d in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/dwellings/{dwelling_id}", response_model=DwellingOut, tags=["dwellings"])
async def get_dwelling(dwelling_id: str, _: Reader, database: DatabaseDep) -> DwellingOut:
    return dwelling_out(await service.read_dwelling(database, dwelling_id))


@router.patch("/dwellings/{dwelling_id}", response_model=DwellingOut, tags=["dwellings"])
async def update_dwelling(
    dwelling_id: str, body: DwellingUpdate, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> DwellingOut:
    """Change a dwelling's attributes (dwelling.changed when a letting attribute changes)."""
    dwelling = await service.update_dwelling(database, principal.actor, dwelling_id, body, clock.today(), clock.now())
    return dwelling_out(dwelling)


@router.post("/dwellings/{dwelling_id}/withdrawal", response_model=DwellingOut, tags=["dwellings"])
async def withdraw_dwelling(
    dwelling_id: str, body: Withdrawal, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> DwellingOut:
    """Take a dwelling out of letting (dwelling.withdrawn)."""
    dwelling = await service.withdraw_dwelling(database, principal.actor, dwelling_id, body, clock.today(), clock.now())
    return dwelling_out(dwelling)


@router.post("/dwellings/{dwelling_id}/reservation-release", response_model=DwellingOut, tags=["dwellings"])
async def release_reservation(
    dwelling_id: str, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> DwellingOut:
    """The allocation fell through: ready for letting again (dwelling.ready_for_letting)."""
    dwelling = await service.release_reservation(database, principal.actor, dwelling_id, clock.today(), clock.now())
    return dwelling_out(dwelling)


@router.get("/dwellings/{dwelling_id}/status-history", response_model=list[StatusChangeOut], tags=["dwellings"])
async def status_history(dwelling_id: str, _: Reader, database: DatabaseDep) -> list[StatusChangeOut]:
    changes = await service.status_history(database, dwelling_id)
    return [StatusChangeOut.model_validate(c, from_attributes=True) for c in changes]


@router.get("/dwellings/{dwelling_id}/void-days", response_model=VoidDaysOut, tags=["dwellings"])
async def void_days(
    dwelling_id: str,
    _: Reader,
    database: DatabaseDep,
    clock: ClockDep,
    as_of: Annotated[
        BusinessDate | None, Query(description="Count an open void up to this day (default today).")
    ] = None,
) -> VoidDaysOut:
    """Each void of the dwelling, split into waiting for renovation, renovating and ready but not let."""
    day = as_of or clock.today()
    periods = await service.void_days(database, dwelling_id, day, clock.today())
    return VoidDaysOut(
        dwelling_id=dwelling_id,
        as_of=day,
        periods=[
            VoidPeriodOut(
                tenancy_ended_on=p.tenancy_ended_on,
                let_on=p.let_on,
                waiting_for_renovation=p.waiting_for_renovation,
                renovating=p.renovating,
                ready_not_let=p.ready_not_let,
                total=p.total,
            )
            for p in periods
        ],
    )


@router.post("/dwelling-batches", response_model=SyncReport, tags=["dwellings"])
async def sync_dwellings(
    body: DwellingBatch,
    principal: Syncer,
    database: DatabaseDep,
    clock: ClockDep,
    idempotency_key: Annotated[
        str,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Required here: a retried batch is answered again (Idempotent-Replayed: true), not applied "
            "again; the same key with another batch is a 422.",
        ),
    ],
) -> SyncReport:
    """Upsert a batch keyed by external_ref from the property system; bad rows are reported, good ones written."""
    return await service.sync_batch(
        database, principal.actor, idempotency_key, body.dwellings, clock.today(), clock.now()
    )


# --- Inspections ----------------------------------------------------------------------------------------


@router.get("/inspection-checklist", response_model=ChecklistOut, tags=["inspections"])
async def get_checklist(_: Reader, database: DatabaseDep) -> ChecklistOut:
    items = await service.read_checklist(database)
    return ChecklistOut(items=[ChecklistItemIn(code=i.code, title=i.title) for i in items])


@router.put("/inspection-checklist", response_model=ChecklistOut, tags=["inspections"])
async def set_checklist(body: ChecklistIn, principal: Writer, database: DatabaseDep) -> ChecklistOut:
    """Adopt the minimum-standard checklist inspections are held against."""
    items = await service.set_checklist(database, principal.actor, body)
    return ChecklistOut(items=[ChecklistItemIn(code=i.code, title=i.title) for i in items])


@router.post(
    "/dwellings/{dwelling_id}/inspections", status_code=201, response_model=InspectionOut, tags=["inspections"]
)
async def book_inspection(
    dwelling_id: str,
    body: InspectionBook,
    principal: Writer,
    database: DatabaseDep,
    clock: ClockDep,
    response: Response,
) -> InspectionOut:
    """Book an inspection (inspection.booked); one is booked by itself on a notice to quit."""
    inspection = await service.book_inspection(database, principal.actor, dwelling_id, body, clock.today())
    response.headers["Location"] = f"/v1/inspections/{inspection.id}"
    return inspection_out(inspection)


@router.get("/inspections", response_model=Page[InspectionOut], tags=["inspections"])
async def list_inspections(
    _: Reader, database: DatabaseDep, page: PageRequestDep, dwelling_id: str | None = None, status: str | None = None
) -> Page[InspectionOut]:
    rows, total = await service.list_inspections(database, page, dwelling_id=dwelling_id, status=status)
    return Page(items=[inspection_out(i) for i in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/inspections/{inspection_id}", response_model=InspectionOut, tags=["inspections"])
async def get_inspection(inspection_id: str, _: Reader, database: DatabaseDep) -> InspectionOut:
    return inspection_out(await service.read_inspection(database, inspection_id))


@router.post("/inspections/{inspection_id}/result", response_model=InspectionOut, tags=["inspections"])
async def complete_inspection(
    inspection_id: str, body: InspectionResult, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> InspectionOut:
    """Record the condition report: a pass on an empty dwelling makes it ready; a fail orders a renovation job."""
    inspection = await service.complete_inspection(
        database, principal.actor, inspection_id, body, clock.today(), clock.now()
    )
    return inspection_out(inspection)


# --- Renovation jobs ------------------------------------------------------------------------------------


@router.post(
    "/dwellings/{dwelling_id}/renovation-jobs", status_code=201, response_model=RenovationJobOut, tags=["renovation"]
)
async def order_renovation(
    dwelling_id: str,
    body: RenovationOrder,
    principal: Writer,
    database: DatabaseDep,
    clock: ClockDep,
    response: Response,
) -> RenovationJobOut:
    job = await service.order_renovation(database, principal.actor, dwelling_id, body, clock.today())
    response.headers["Location"] = f"/v1/renovation-jobs/{job.id}"
    return job_out(job, clock.today())


@router.get("/renovation-jobs", response_model=Page[RenovationJobOut], tags=["renovation"])
async def list_jobs(
    _: Reader,
    database: DatabaseDep,
    clock: ClockDep,
    page: PageRequestDep,
    dwelling_id: str | None = None,
    status: str | None = None,
    overdue: Annotated[bool, Query(description="Only open jobs past their due date.")] = False,
) -> Page[RenovationJobOut]:
    rows, total = await service.list_jobs(
        database, page, clock.today(), dwelling_id=dwelling_id, status=status, overdue=overdue
    )
    return Page(items=[job_out(j, clock.today()) for j in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/renovation-jobs/{job_id}", response_model=RenovationJobOut, tags=["renovation"])
async def get_job(job_id: str, _: Reader, database: DatabaseDep, clock: ClockDep) -> RenovationJobOut:
    return job_out(await service.read_job(database, job_id), clock.today())


@router.patch("/renovation-jobs/{job_id}", response_model=RenovationJobOut, tags=["renovation"])
async def change_job(
    job_id: str, body: RenovationChange, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> RenovationJobOut:
    """Agree a new due date (extraordinary work) or restate scope and estimate, with the reason."""
    job = await service.change_renovation(database, principal.actor, job_id, body, clock.today())
    return job_out(job, clock.today())


@router.post("/renovation-jobs/{job_id}/start", response_model=RenovationJobOut, tags=["renovation"])
async def start_job(
    job_id: str,
    principal: Writer,
    database: DatabaseDep,
    clock: ClockDep,
    body: Annotated[RenovationStart | None, Body()] = None,
) -> RenovationJobOut:
    """Work started (renovation.started); the dwelling is renovating."""
    job = await service.start_renovation(
        database, principal.actor, job_id, body or RenovationStart(), clock.today(), clock.now()
    )
    return job_out(job, clock.today())


@router.post("/renovation-jobs/{job_id}/completion", response_model=RenovationJobOut, tags=["renovation"])
async def complete_job(
    job_id: str, body: RenovationCompletion, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> RenovationJobOut:
    """Finished and approved at the joint inspection (renovation.completed, dwelling.ready_for_letting)."""
    job = await service.complete_renovation(database, principal.actor, job_id, body, clock.today(), clock.now())
    return job_out(job, clock.today())


# --- Acquisitions ---------------------------------------------------------------------------------------


@router.post("/acquisitions", status_code=201, response_model=AcquisitionOut, tags=["acquisitions"])
async def open_acquisition(
    body: AcquisitionOpen, principal: Writer, database: DatabaseDep, clock: ClockDep, response: Response
) -> AcquisitionOut:
    """Open a project by hand; one opens by itself on order.placed."""
    project = await service.open_acquisition(database, principal.actor, body, clock.today())
    response.headers["Location"] = f"/v1/acquisitions/{project.id}"
    return project_out(project)


@router.get("/acquisitions", response_model=Page[AcquisitionOut], tags=["acquisitions"])
async def list_acquisitions(
    _: Reader,
    database: DatabaseDep,
    page: PageRequestDep,
    stage: AcquisitionStage | None = None,
    order_id: str | None = None,
) -> Page[AcquisitionOut]:
    rows, total = await service.list_projects(database, page, stage=stage, order_id=order_id)
    return Page(items=[project_out(p) for p in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/acquisitions/{project_id}", response_model=AcquisitionOut, tags=["acquisitions"])
async def get_acquisition(project_id: str, _: Reader, database: DatabaseDep) -> AcquisitionOut:
    return project_out(await service.read_project(database, project_id))


@router.post("/acquisitions/{project_id}/stage", response_model=AcquisitionOut, tags=["acquisitions"])
async def move_stage(
    project_id: str, body: StageMove, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> AcquisitionOut:
    """Move the project on (acquisition.stage_changed)."""
    return project_out(await service.move_stage(database, principal.actor, project_id, body, clock.today()))


@router.post("/acquisitions/{project_id}/deliveries", response_model=list[DwellingOut], tags=["acquisitions"])
async def deliver(
    project_id: str, body: Delivery, principal: Writer, database: DatabaseDep, clock: ClockDep
) -> list[DwellingOut]:
    """Take over dwellings: registered (new, vacant until inspected) and acquisition.delivered."""
    _, dwellings = await service.deliver(database, principal.actor, project_id, body, clock.today(), clock.now())
    return [dwelling_out(d) for d in dwellings]
