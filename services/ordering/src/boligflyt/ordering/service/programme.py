"""The housing programme of a year: its budget frames, set from the standard amounts and revised one by one."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import BudgetLine
from boligflyt.contracts.events import ordering as events
from boligflyt.ordering import domain
from boligflyt.ordering.models import BudgetFrame
from boligflyt.ordering.schemas import FrameOut, ProgrammeOut
from boligflyt.platform.auth import Principal
from boligflyt.platform.db import Database, UnitOfWork
from boligflyt.platform.errors import Conflict, NotFound


def frame_out(frame: BudgetFrame) -> FrameOut:
    return FrameOut(
        frame_id=frame.frame_id,
        year=frame.year,
        budget_line=BudgetLine(frame.budget_line),
        amount=frame.amount,
        committed=frame.committed,
        spent=frame.spent,
        available=frame.amount - frame.committed - frame.spent,
        set_on=frame.set_on,
    )


def frame_of(row: BudgetFrame) -> domain.Frame:
    return domain.Frame(row.amount, row.committed, row.spent)


async def budget_frame(session: AsyncSession, year: int, line: BudgetLine, *, lock: bool = False) -> BudgetFrame | None:
    """The frame of one budget line in one year, if it is set; with `lock`, locked until the transaction ends."""
    query = select(BudgetFrame).where(BudgetFrame.year == year, BudgetFrame.budget_line == line)
    return await session.scalar(query.with_for_update() if lock else query)


async def _set_frame(uow: UnitOfWork, year: int, line: BudgetLine, amount: int, set_on: date) -> BudgetFrame:
    frame = await budget_frame(uow.session, year, line, lock=True)
    if frame is None:
        frame = BudgetFrame(
            frame_id=domain.frame_id(year, line),
            year=year,
            budget_line=line,
            amount=amount,
            committed=0,
            spent=0,
            set_on=set_on,
        )
        uow.session.add(frame)
        previous = None
    else:
        previous = frame.amount
        revised = domain.revise_frame(frame_of(frame), amount)
        frame.amount = revised.amount
        frame.set_on = set_on
    uow.record(
        events.BudgetFrameSet(frame_id=frame.frame_id, year=year, budget_line=line, amount=amount, set_on=set_on)
    )
    uow.audit("budget.frame_set", "budget_frame", frame.frame_id, detail={"amount": amount, "previous": previous})
    return frame


async def create_programme(
    database: Database, principal: Principal, year: int, frames: dict[BudgetLine, int] | None, today: date
) -> ProgrammeOut:
    """The year's programme: the standard frames, with any the caller names instead. Once it exists, its
    frames are revised one by one (set_frame)."""
    amounts = dict(domain.STANDARD_FRAMES)
    amounts.update(frames or {})
    async with database.unit_of_work(principal.actor) as uow:
        existing = (await uow.session.scalars(select(BudgetFrame.budget_line).where(BudgetFrame.year == year))).all()
        if existing:
            raise Conflict(
                f"the programme for {year} exists; revise its frames with PUT /v1/programmes/{year}/frames/{{line}}",
                current_state="exists",
            )
        for line, amount in sorted(amounts.items()):
            await _set_frame(uow, year, line, amount, today)
        await uow.commit()
    return await get_programme(database, year)


async def set_frame(
    database: Database, principal: Principal, year: int, line: BudgetLine, amount: int, set_on: date
) -> FrameOut:
    async with database.unit_of_work(principal.actor) as uow:
        frame = await _set_frame(uow, year, line, amount, set_on)
        await uow.commit()
    return frame_out(frame)


async def get_programme(database: Database, year: int) -> ProgrammeOut:
    async with database.sessions() as session:
        frames = (
            await session.scalars(select(BudgetFrame).where(BudgetFrame.year == year).order_by(BudgetFrame.budget_line))
        ).all()
    if not frames:
        raise NotFound(f"no programme for {year}: no budget frame is set for it")
    return ProgrammeOut(year=year, frames=[frame_out(f) for f in frames])
