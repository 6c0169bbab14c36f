"""Acquisition projects (build, buy, lease in): opened on an order or by hand, moved through their stages, and
delivering dwellings into the register."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import AcquisitionMethod, AcquisitionStage, DwellingStatus
from boligflyt.contracts.events.maintenance import AcquisitionDelivered, AcquisitionStageChanged
from boligflyt.contracts.events.ordering import OrderPlaced
from boligflyt.maintenance import domain
from boligflyt.maintenance.models import AcquisitionProject, Dwelling
from boligflyt.maintenance.schemas import AcquisitionOpen, Delivery, StageMove
from boligflyt.maintenance.service.dwellings import add_dwelling, check_ref_free, register_values
from boligflyt.platform.db import Database, UnitOfWork, get_or_404, read_or_404
from boligflyt.platform.errors import Conflict
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given

WHAT = "acquisition project"


async def read_project(database: Database, project_id: str) -> AcquisitionProject:
    return await read_or_404(database, AcquisitionProject, project_id, what=WHAT)


async def list_projects(
    database: Database, page: PageRequest, *, stage: AcquisitionStage | None = None, order_id: str | None = None
) -> tuple[list[AcquisitionProject], int]:
    query = select(AcquisitionProject).order_by(AcquisitionProject.opened_on, AcquisitionProject.id)
    return await read_page(
        database,
        where_given(query, (AcquisitionProject.stage, stage), (AcquisitionProject.order_id, order_id)),
        page,
    )


async def _order_has_project(session: AsyncSession, order_id: str) -> bool:
    taken = select(AcquisitionProject.id).where(AcquisitionProject.order_id == order_id)
    return (await session.execute(taken)).first() is not None


# --- Opening --------------------------------------------------------------------------------------------


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
    """The ordering function's order opens its project, once (a redelivered order finds it open already)."""
    if await _order_has_project(uow.session, event.order_id):
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
        if body.order_id is not None and await _order_has_project(uow.session, body.order_id):
            raise Conflict(f"order {body.order_id} has a project already")
        project = _open_project(
            uow, body.method, body.dwellings_planned, today, body.order_id, body.expected_delivery_on, None
        )
        await uow.commit()
    return project


# --- Stages and delivery --------------------------------------------------------------------------------


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
        project = await get_or_404(uow.session, AcquisitionProject, project_id, what=WHAT, lock=True)
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
    domain.check_delivered_refs(refs)
    async with database.unit_of_work(actor) as uow:
        project = await get_or_404(uow.session, AcquisitionProject, project_id, what=WHAT, lock=True)
        method = AcquisitionMethod(project.method)
        stage = AcquisitionStage(project.stage)
        domain.check_delivery(method, stage, project_id=project.id)
        for ref in refs:
            await check_ref_free(uow.session, ref)
        if stage is not AcquisitionStage.TAKEN_OVER:
            _advance(uow, project, AcquisitionStage.TAKEN_OVER, delivered_on)
        dwellings = []
        for entry in body.dwellings:
            values = register_values(entry)
            values["acquired_via"] = method.value
            values["order_ref"] = project.order_id
            dwellings.append(
                add_dwelling(
                    uow,
                    entry.external_ref,
                    values,
                    DwellingStatus.VACANT,
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
