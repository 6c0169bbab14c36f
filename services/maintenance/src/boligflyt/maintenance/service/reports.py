"""A dwelling's status history and the void days counted from it (waiting, renovating, ready but not let)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import DwellingStatus
from boligflyt.maintenance import domain
from boligflyt.maintenance.models import StatusChange
from boligflyt.maintenance.service.dwellings import get_dwelling
from boligflyt.platform.db import Database


async def _history(session: AsyncSession, dwelling_id: str) -> Sequence[StatusChange]:
    await get_dwelling(session, dwelling_id)
    query = select(StatusChange).where(StatusChange.dwelling_id == dwelling_id).order_by(StatusChange.id)
    return (await session.execute(query)).scalars().all()


async def status_history(database: Database, dwelling_id: str) -> Sequence[StatusChange]:
    async with database.sessions() as session:
        return await _history(session, dwelling_id)


async def void_days(database: Database, dwelling_id: str, as_of: date, today: date) -> list[domain.VoidPeriod]:
    domain.check_not_in_future(as_of, today, name="as_of", code="as_of_in_future")
    async with database.sessions() as session:
        changes = await _history(session, dwelling_id)
    # A dwelling entering the register empty (new, or taken over) has no tenancy end to count a void from.
    history = [
        domain.StatusChange(DwellingStatus(c.status), c.entered_on)
        for c in changes
        if not (c.cause == "registered" and c.status == DwellingStatus.VACANT.value)
    ]
    return domain.void_periods(history, as_of)
