"""Work for a NAV adviser (an offer declined, an agreement to renegotiate, an establishment checklist left open,
documents missing, an appeal deadline, stay days, a move-in slipping, a settlement deadline, belongings left):
opening one once per fact, clearing it when its fact is gone, listing them, marking one done or dismissing it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page, where_given
from boligflyt.temporary_housing import domain, models, schemas


def task_out(task: models.Task) -> schemas.TaskOut:
    return schemas.TaskOut(
        task_id=task.id,
        kind=task.kind,
        subject_type=task.subject_type,
        subject_id=task.subject_id,
        due_on=task.due_on,
        description=task.description,
        created_at=task.created_at,
        done_at=task.done_at,
        detail=task.detail,
        adviser=task.adviser,
        status=domain.task_status(task.done_at, task.resolution),
        resolution_reason=task.resolution_reason,
    )


def add_task(
    uow: UnitOfWork,
    kind: str,
    subject_type: str,
    subject_id: str,
    *,
    dedupe_key: str,
    due_on: date | None,
    description: str,
    detail: dict[str, Any],
    audited: dict[str, Any] | None = None,
    adviser: str | None = None,
) -> None:
    """Open a task on the subject, audited with its kind (and `audited`); `dedupe_key` makes it once."""
    uow.session.add(
        models.Task(
            id=new_id("task"),
            dedupe_key=dedupe_key,
            kind=kind,
            subject_type=subject_type,
            subject_id=subject_id,
            due_on=due_on,
            description=description,
            created_at=uow.clock.now(),
            detail=detail,
            adviser=adviser,
        )
    )
    uow.audit("task.created", subject_type, subject_id, detail={"kind": kind, **(audited or {})})


async def sync_tasks(
    uow: UnitOfWork,
    subject_type: str,
    subject_id: str,
    due: list[domain.TaskDue],
    kinds: frozenset[domain.TaskKind],
    *,
    adviser: str | None,
    cleared_because: str,
) -> None:
    """Open the tasks `due` that were never opened (one per fact, also after one was done or dismissed) and clear
    the open tasks of `kinds` on the subject whose fact is gone."""
    rows = list(
        await uow.session.scalars(
            select(models.Task).where(
                models.Task.subject_type == subject_type,
                models.Task.subject_id == subject_id,
                models.Task.kind.in_([k.value for k in kinds]),
            )
        )
    )
    known = {row.dedupe_key for row in rows}
    for task in due:
        if task.key in known:
            continue
        add_task(
            uow,
            task.kind.value,
            subject_type,
            subject_id,
            dedupe_key=task.key,
            due_on=task.due_on,
            description=task.description,
            detail=task.detail,
            adviser=adviser,
        )
    open_rows = {row.dedupe_key: row for row in rows if row.done_at is None}
    for key in domain.stale_tasks({k: r.kind for k, r in open_rows.items()}, due, kinds):
        row = open_rows[key]
        row.done_at = uow.clock.now()
        row.resolution = domain.TaskStatus.CLEARED.value
        row.resolution_reason = cleared_because
        uow.audit("task.cleared", subject_type, subject_id, reason=cleared_because, detail={"task_id": row.id})


async def add_task_once(
    uow: UnitOfWork, task: domain.TaskDue, subject_type: str, subject_id: str, *, adviser: str | None
) -> None:
    """Open the task unless its fact opened one already."""
    if await uow.session.scalar(select(models.Task.id).where(models.Task.dedupe_key == task.key)) is not None:
        return
    add_task(
        uow,
        task.kind.value,
        subject_type,
        subject_id,
        dedupe_key=task.key,
        due_on=task.due_on,
        description=task.description,
        detail=task.detail,
        adviser=adviser,
    )


async def list_tasks(
    database: Database,
    page: PageRequest,
    *,
    open_only: bool,
    adviser: str | None = None,
    status: domain.TaskStatus | None = None,
    subject_id: str | None = None,
) -> tuple[list[schemas.TaskOut], int]:
    query = where_given(
        select(models.Task).order_by(models.Task.created_at, models.Task.id),
        (models.Task.adviser, adviser),
        (models.Task.subject_id, subject_id),
    )
    if status is domain.TaskStatus.OPEN or (open_only and status is None):
        query = query.where(models.Task.done_at.is_(None))
    elif status is domain.TaskStatus.DONE:
        query = query.where(models.Task.done_at.is_not(None), models.Task.resolution.is_(None))
    elif status is not None:
        query = query.where(models.Task.resolution == status.value)
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
    return [task_out(row) for row in rows], total


async def complete_task(database: Database, actor: str, task_id: str) -> models.Task:
    """An adviser marks a task done (an offer declined was followed up, an agreement renegotiated...)."""
    async with database.unit_of_work(actor) as uow:
        task = await get_or_404(uow.session, models.Task, task_id, what="task", lock=True)
        domain.check_task_open(task.done_at, task.resolution)
        task.done_at = uow.clock.now()
        uow.audit("task.done", task.subject_type, task.subject_id, detail={"task_id": task.id, "kind": task.kind})
        await uow.commit()
    return task


async def dismiss_task(database: Database, actor: str, task_id: str, reason: str) -> models.Task:
    """An adviser dismisses a task: nothing to do, and why (the person appeals on their own, say)."""
    text = domain.check_dismissal_reason(reason)
    async with database.unit_of_work(actor) as uow:
        task = await get_or_404(uow.session, models.Task, task_id, what="task", lock=True)
        domain.check_task_open(task.done_at, task.resolution)
        task.done_at = uow.clock.now()
        task.resolution = domain.TaskStatus.DISMISSED.value
        task.resolution_reason = text
        uow.audit(
            "task.dismissed",
            task.subject_type,
            task.subject_id,
            reason=text,
            detail={"task_id": task.id, "kind": task.kind},
        )
        await uow.commit()
    return task
