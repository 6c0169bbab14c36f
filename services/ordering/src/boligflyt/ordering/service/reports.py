"""The housing programme report of a year, per budget line, as JSON or CSV."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from boligflyt.contracts.codes import BudgetLine
from boligflyt.ordering import domain
from boligflyt.ordering.domain import NeedState, OrderState
from boligflyt.ordering.models import BudgetFrame, Need, Order
from boligflyt.ordering.schemas import ProgrammeReport, ReportLine
from boligflyt.platform.db import Database
from boligflyt.platform.errors import NotFound
from boligflyt.platform.spreadsheet import csv_document

REPORT_COLUMNS = tuple(ReportLine.model_fields)


async def programme_report(database: Database, year: int, today: date) -> ProgrammeReport:
    async with database.sessions() as session:
        frames = {
            BudgetLine(f.budget_line): f
            for f in (await session.scalars(select(BudgetFrame).where(BudgetFrame.year == year))).all()
        }
        needs = (await session.scalars(select(Need).where(Need.programme_year == year))).all()
        orders = (await session.scalars(select(Order).where(Order.programme_year == year))).all()
        start, end = date(year, 1, 1), date(year, 12, 31)
        reported_in_year = await session.scalar(
            select(func.count())
            .select_from(Need)
            .where(Need.reported_on.between(start, end), Need.state.notin_([NeedState.SUGGESTED, NeedState.DISMISSED]))
        )
        rejected_in_year = await session.scalar(
            select(func.count()).select_from(Need).where(Need.rejected_on.between(start, end))
        )
    if not frames and not needs and not orders:
        raise NotFound(f"nothing in the housing programme for {year}")
    lines = []
    for line in BudgetLine:
        frame = frames.get(line)
        line_needs = [n for n in needs if n.budget_line == line]
        line_orders = [o for o in orders if o.budget_line == line]
        committed = frame.committed if frame else 0
        spent = frame.spent if frame else 0
        lines.append(
            ReportLine(
                budget_line=line,
                frame_amount=frame.amount if frame else None,
                committed=committed,
                spent=spent,
                available=frame.amount - committed - spent if frame else None,
                needs_prioritised=len(line_needs),
                dwellings_prioritised=sum(n.dwellings_prioritised or 0 for n in line_needs),
                needs_ordered=sum(1 for n in line_needs if n.state == NeedState.ORDERED),
                needs_delivered=sum(1 for n in line_needs if n.state == NeedState.DELIVERED),
                orders=len(line_orders),
                orders_open=sum(1 for o in line_orders if o.state in domain.OPEN_ORDER_STATES),
                orders_overdue=sum(1 for o in line_orders if domain.is_overdue(OrderState(o.state), o.due_date, today)),
                orders_cancelled=sum(1 for o in line_orders if o.state == OrderState.CANCELLED),
                dwellings_ordered=sum(o.dwellings for o in line_orders if o.state != OrderState.CANCELLED),
                dwellings_delivered=sum(o.dwellings_delivered for o in line_orders),
            )
        )
    return ProgrammeReport(
        year=year,
        as_of=today,
        lines=lines,
        needs_reported_in_year=int(reported_in_year or 0),
        needs_rejected_in_year=int(rejected_in_year or 0),
    )


def report_csv(report: ProgrammeReport) -> str:
    """One row per budget line; amounts stay numbers (an overspent line's `available` is negative)."""
    rows = []
    for line in report.lines:
        values = line.model_dump(mode="json")
        rows.append([report.year, *(values[c] for c in REPORT_COLUMNS)])
    return csv_document(["year", *REPORT_COLUMNS], rows)
