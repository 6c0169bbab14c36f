"""Work for a NAV adviser (an offer declined, an agreement to renegotiate, an establishment checklist left open):
opening one, listing them, marking one done."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page
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
        )
    )
    uow.audit("task.created", subject_type, subject_id, detail={"kind": kind, **(audited or {})})


async def list_tasks(database: Database, page: PageRequest, *, open_only: bool) -> tuple[list[schemas.TaskOut], int]:
    query = select(models.Task).order_by(models.Task.created_at, models.Task.id)
    if open_only:
        query = query.where(models.Task.done_at.is_(None))
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
    return [task_out(row) for row in rows], total


async def complete_task(database: Database, actor: str, task_id: str) -> models.Task:
    """An adviser marks a task done (an offer declined was followed up, an agreement renegotiated...)."""
    async with database.unit_of_work(actor) as uow:
        task = await get_or_404(uow.session, models.Task, task_id, what="task")
        domain.check_task_open(task.done_at)
        task.done_at = uow.clock.now()
        uow.audit("task.done", task.subject_type, task.subject_id, detail={"task_id": task.id, "kind": task.kind})
        await uow.commit()
    return task
