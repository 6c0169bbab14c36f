"""The tasks that come with the calendar (documents missing for days, an appeal deadline near, a stay's days, a
settlement date near): a periodic job opens and clears them, each subject in its own unit of work."""

from __future__ import annotations

from datetime import date

import structlog
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.platform.db import Database
from boligflyt.temporary_housing import domain, models
from boligflyt.temporary_housing.domain import ACTIVE_STATES, FINAL_STATES
from boligflyt.temporary_housing.service.cases import adviser_of, case_facts
from boligflyt.temporary_housing.service.tasks import sync_tasks

log = structlog.get_logger(__name__)

_SETTLED = (domain.SettlementState.ESTABLISHMENT.value, domain.SettlementState.DONE.value)


async def refresh_tasks(database: Database, today: date, rules: domain.TaskRules) -> int:
    """Open the tasks the calendar calls for today and clear those whose fact is gone. Returns the subjects
    changed. Subjects whose tasks are as they should be are not written."""
    async with database.sessions() as session:
        stays = list(await session.scalars(select(models.Stay).where(models.Stay.state.in_(ACTIVE_STATES))))
        cases = list(
            await session.scalars(
                select(models.ReferredCase).where(models.ReferredCase.state.not_in([s.value for s in FINAL_STATES]))
            )
        )
        settlements = list(
            await session.scalars(
                # Settled ones too: their open task clears once the household is settled.
                select(models.Settlement).where(models.Settlement.planned_settlement_date.is_not(None))
            )
        )
        calendar_kinds = domain.STAY_TASK_KINDS | domain.CASE_TASK_KINDS | domain.SETTLEMENT_TASK_KINDS
        tasks = await session.execute(
            select(
                models.Task.subject_type,
                models.Task.subject_id,
                models.Task.dedupe_key,
                models.Task.kind,
                models.Task.done_at,
            ).where(models.Task.kind.in_([k.value for k in calendar_kinds]))
        )
        known: dict[tuple[str, str], dict[str, tuple[str, bool]]] = {}
        for subject_type, subject_id, key, kind, done_at in tasks:
            known.setdefault((subject_type, subject_id), {})[key] = (kind, done_at is None)

    work: list[tuple[str, str, list[domain.TaskDue], frozenset[domain.TaskKind], str]] = []
    for stay in stays:
        due = domain.stay_tasks(stay.id, stay.start_date, stay.end_date, today, rules)
        work.append(("stay", stay.id, due, domain.STAY_TASK_KINDS, "the stay passed a later threshold"))
    for case in cases:
        due = domain.case_tasks(case_facts(case), today, rules)
        work.append(("case", case.application_id, due, domain.CASE_TASK_KINDS, "the fact is gone"))
    for row in settlements:
        due = domain.settlement_tasks(row.id, settlement_deadline(row), row.state in _SETTLED, today, rules)
        work.append(("settlement", row.id, due, domain.SETTLEMENT_TASK_KINDS, "the household was settled"))

    changed = 0
    for subject_type, subject_id, due, kinds, because in work:
        have = known.get((subject_type, subject_id), {})
        opened = {key for key, (kind, is_open) in have.items() if is_open}
        stale = domain.stale_tasks({k: have[k][0] for k in opened}, due, kinds)
        if all(d.key in have for d in due) and not stale:
            continue
        try:
            async with database.unit_of_work("job:adviser-tasks") as uow:
                # Read again under the row's lock: an event may have ended the stay or moved the case meanwhile.
                fresh = await _due_now(uow.session, subject_type, subject_id, today, rules)
                adviser = await _adviser(uow.session, subject_type, subject_id)
                await sync_tasks(uow, subject_type, subject_id, fresh, kinds, adviser=adviser, cleared_because=because)
                await uow.commit()
                changed += 1
        except IntegrityError:  # a reaction or another replica opened it meanwhile
            log.info("adviser_tasks.already_opened", subject_type=subject_type, subject_id=subject_id)
    return changed


async def _due_now(
    session: AsyncSession, subject_type: str, subject_id: str, today: date, rules: domain.TaskRules
) -> list[domain.TaskDue]:
    if subject_type == "stay":
        stay = await session.get(models.Stay, subject_id, with_for_update=True)
        if stay is None:
            return []
        end = stay.end_date if stay.state in ACTIVE_STATES else (stay.end_date or today)
        return domain.stay_tasks(stay.id, stay.start_date, end, today, rules)
    if subject_type == "case":
        case = await session.get(models.ReferredCase, subject_id, with_for_update=True)
        return domain.case_tasks(case_facts(case), today, rules) if case is not None else []
    row = await session.get(models.Settlement, subject_id, with_for_update=True)
    if row is None:
        return []
    return domain.settlement_tasks(row.id, settlement_deadline(row), row.state in _SETTLED, today, rules)


async def _adviser(session: AsyncSession, subject_type: str, subject_id: str) -> str | None:
    if subject_type == "stay":
        return await adviser_of(session, subject_id)
    if subject_type == "case":
        case = await session.get(models.ReferredCase, subject_id)
        return await adviser_of(session, case.stay_id) if case is not None else None
    return None


def settlement_deadline(row: models.Settlement) -> date | None:
    return row.settlement_deadline or row.planned_settlement_date
