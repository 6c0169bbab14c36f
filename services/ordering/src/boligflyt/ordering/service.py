"""Use cases of the central ordering function: each opens one unit of work, checks the rules, records events."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import Select, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import (
    AcquisitionMethod,
    AcquisitionStage,
    ApplicationKind,
    BudgetLine,
    DecisionOutcome,
    DwellingCategory,
    NeedRejectReason,
    OrderCancelReason,
    ReportingService,
    Supplier,
    TargetGroup,
)
from boligflyt.contracts.events import ordering as events
from boligflyt.ordering import domain
from boligflyt.ordering.domain import NeedState, OrderState, ServiceNeeds
from boligflyt.ordering.models import (
    BudgetFrame,
    Delivery,
    DemandSignal,
    DwellingReady,
    KnownDwelling,
    Need,
    Order,
    OrderNeed,
    RenewalApplication,
    SignalSettingsRow,
    WaitingApplication,
)
from boligflyt.ordering.schemas import (
    ConfirmSuggestionIn,
    DemandOut,
    FrameOut,
    NeedIn,
    NeedOut,
    OrderIn,
    OrderOut,
    ProgrammeOut,
    ProgrammeReport,
    ReportLine,
    SignalSettingsIn,
    UnmetNeedOut,
)
from boligflyt.platform.auth import Principal
from boligflyt.platform.db import Database, UnitOfWork
from boligflyt.platform.errors import Conflict, NotFound, RuleViolation
from boligflyt.platform.pagination import PageRequest, fetch_page

log = structlog.get_logger(__name__)

SIGNAL_ACTOR = "system:unmet-need-signal"


def _new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _now() -> datetime:
    return datetime.now(UTC)


async def _begin_write(uow: UnitOfWork) -> None:
    """Take SQLite's write lock before reading what this use case is about to change (embedded mode).

    pysqlite opens the transaction only at the first write, so two requests could otherwise both read the same
    budget frame or need and both commit against it. On PostgreSQL the rows are locked with FOR UPDATE instead.
    Event handlers need none of this: the inbox claim is their first statement, and it is a write.
    """
    if uow.database.dialect == "sqlite":
        await uow.session.execute(text("UPDATE budget_frames SET amount = amount WHERE 1 = 0"))


# --- Reading -------------------------------------------------------------------------------------------------


def need_out(need: Need) -> NeedOut:
    return NeedOut(
        need_id=need.need_id,
        state=NeedState(need.state),
        origin=need.origin,
        reported_by=ReportingService(need.reported_by),
        target_group=TargetGroup(need.target_group),
        dwelling_type=DwellingCategory(need.dwelling_type),
        quantity=need.dwellings,
        bedrooms=need.bedrooms,
        accessible=need.accessible,
        service_needs=ServiceNeeds(need.service_needs),
        wanted_by=need.needed_by,
        justification=need.justification,
        source_ref=need.source_ref,
        reported_on=need.reported_on,
        programme_year=need.programme_year,
        budget_line=BudgetLine(need.budget_line) if need.budget_line else None,
        dwellings_prioritised=need.dwellings_prioritised,
        prioritised_on=need.prioritised_on,
        rejected_on=need.rejected_on,
        reject_reason=NeedRejectReason(need.reject_reason) if need.reject_reason else None,
        decision_note=need.decision_note,
        order_id=need.order_id,
    )


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


async def _order_out(session: AsyncSession, order: Order, today: date) -> OrderOut:
    need_ids = (await session.scalars(select(OrderNeed.need_id).where(OrderNeed.order_id == order.order_id))).all()
    delivered = (
        await session.scalars(
            select(Delivery.dwelling_id).where(Delivery.order_id == order.order_id).order_by(Delivery.dwelling_id)
        )
    ).all()
    state = OrderState(order.state)
    return OrderOut(
        order_id=order.order_id,
        state=state,
        overdue=domain.is_overdue(state, order.due_date, today),
        supplier=Supplier(order.supplier),
        need_ids=sorted(need_ids),
        programme_year=order.programme_year,
        budget_line=BudgetLine(order.budget_line),
        target_group=TargetGroup(order.target_group),
        dwelling_type=DwellingCategory(order.dwelling_type),
        dwellings=order.dwellings,
        dwellings_delivered=order.dwellings_delivered,
        delivered_dwelling_ids=list(delivered),
        bedrooms=order.bedrooms,
        accessible=order.accessible,
        staffed=order.staffed,
        preferred_method=AcquisitionMethod(order.preferred_method) if order.preferred_method else None,
        estimated_cost=order.estimated_cost,
        commitment_remaining=order.commitment_remaining,
        spent=order.spent,
        placed_on=order.placed_on,
        due_date=order.due_date,
        accepted_on=order.accepted_on,
        closed_on=order.closed_on,
        cancelled_on=order.cancelled_on,
        cancel_reason=OrderCancelReason(order.cancel_reason) if order.cancel_reason else None,
        project_id=order.project_id,
        acquisition_stage=order.acquisition_stage,
        over_commit_justification=order.over_commit_justification,
    )


def _can_read_all_needs(principal: Principal) -> bool:
    return principal.agency in ("bestiller", "coordinator")


async def _need(session: AsyncSession, need_id: str, *, for_update: bool = False) -> Need:
    query = select(Need).where(Need.need_id == need_id)
    need = await session.scalar(query.with_for_update() if for_update else query)
    if need is None:
        raise NotFound(f"no need {need_id}")
    return need


async def get_need(database: Database, principal: Principal, need_id: str) -> NeedOut:
    async with database.sessions() as session:
        need = await _need(session, need_id)
    if not _can_read_all_needs(principal) and need.reported_agency != principal.agency:
        raise NotFound(f"no need {need_id}")  # a unit sees only its own needs; not even that others exist
    return need_out(need)


async def list_needs(
    database: Database,
    principal: Principal,
    page: PageRequest,
    *,
    state: NeedState | None,
    programme_year: int | None,
    budget_line: BudgetLine | None,
    reported_by: ReportingService | None,
) -> tuple[list[NeedOut], int]:
    query: Select[Any] = select(Need).order_by(Need.reported_on.desc(), Need.need_id)
    if not _can_read_all_needs(principal):
        query = query.where(Need.reported_agency == str(principal.agency))
    if state is not None:
        query = query.where(Need.state == state)
    if programme_year is not None:
        query = query.where(Need.programme_year == programme_year)
    if budget_line is not None:
        query = query.where(Need.budget_line == budget_line)
    if reported_by is not None:
        query = query.where(Need.reported_by == reported_by)
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
    return [need_out(row) for row in rows], total


# --- Needs ---------------------------------------------------------------------------------------------------


def _source_key(reported_by: ReportingService, source_ref: str | None) -> str | None:
    if source_ref is None:
        return None
    # NAV social and NAV Intro are one sender: the same settlement must not become two needs.
    family = "nav" if reported_by in (ReportingService.NAV, ReportingService.NAV_INTRO) else str(reported_by)
    return f"{family}:{source_ref}"


def _need_reported_event(need: Need) -> events.NeedReported:
    return events.NeedReported(
        need_id=need.need_id,
        reported_on=need.reported_on,
        reported_by=ReportingService(need.reported_by),
        target_group=TargetGroup(need.target_group),
        dwellings=need.dwellings,
        bedrooms=need.bedrooms,
        dwelling_category=DwellingCategory(need.dwelling_type),
        accessible=need.accessible,
        staffed=domain.is_staffed(ServiceNeeds(need.service_needs)),
        needed_by=need.needed_by,
        source_ref=need.source_ref,
    )


@dataclass(frozen=True)
class Reported:
    need: NeedOut
    created: bool


async def report_need(database: Database, principal: Principal, body: NeedIn, today: date) -> Reported:
    reported_by = domain.reporting_service(str(principal.agency), body.reported_by)
    source_key = _source_key(reported_by, body.source_ref)
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        if source_key is not None:
            existing = await uow.session.scalar(select(Need).where(Need.source_key == source_key))
            if existing is not None:
                same = (existing.dwellings, existing.target_group, existing.dwelling_type) == (
                    body.quantity,
                    body.target_group,
                    body.dwelling_type,
                )
                if not same:
                    raise Conflict(
                        f"source_ref {body.source_ref} was already reported as need {existing.need_id} with other "
                        "content; change that need with the ordering function or use a new source_ref",
                        current_state=existing.state,
                        extra={"need_id": existing.need_id},
                    )
                return Reported(need_out(existing), created=False)
        need = Need(
            need_id=_new_id("need"),
            state=NeedState.REPORTED,
            origin="api",
            reported_by=reported_by,
            reported_agency=str(principal.agency),
            target_group=body.target_group,
            dwelling_type=body.dwelling_type,
            dwellings=body.quantity,
            bedrooms=body.bedrooms,
            accessible=body.accessible,
            service_needs=body.service_needs,
            needed_by=body.wanted_by,
            justification=body.justification,
            source_ref=body.source_ref,
            source_key=source_key,
            reported_on=today,
            created_at=_now(),
        )
        uow.session.add(need)
        uow.record(_need_reported_event(need))
        uow.audit(
            "need.reported", "need", need.need_id, reason=body.justification, detail={"source_ref": body.source_ref}
        )
        try:
            await uow.commit()
        except IntegrityError:
            raise Conflict(f"source_ref {body.source_ref} is being reported right now; send it again") from None
    return Reported(need_out(need), created=True)


async def _frame(session: AsyncSession, year: int, line: BudgetLine, *, for_update: bool = False) -> BudgetFrame | None:
    query = select(BudgetFrame).where(BudgetFrame.year == year, BudgetFrame.budget_line == line)
    return await session.scalar(query.with_for_update() if for_update else query)


async def prioritise_need(
    database: Database,
    principal: Principal,
    need_id: str,
    *,
    programme_year: int,
    budget_line: BudgetLine,
    dwellings: int | None,
    note: str | None,
    today: date,
) -> NeedOut:
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        need = await _need(uow.session, need_id, for_update=True)
        state = domain.need_transition(NeedState(need.state), NeedState.PRIORITISED, need_id=need_id)
        domain.check_line_fits(TargetGroup(need.target_group), budget_line)
        count = dwellings if dwellings is not None else need.dwellings
        domain.check_prioritised_dwellings(need.dwellings, count)
        if await _frame(uow.session, programme_year, budget_line) is None:
            raise RuleViolation(
                f"no budget frame is set for {budget_line} in {programme_year}; set it first",
                code="no_frame",
            )
        need.state = state
        need.programme_year = programme_year
        need.budget_line = budget_line
        need.dwellings_prioritised = count
        need.prioritised_on = today
        need.decision_note = note
        uow.record(
            events.NeedPrioritised(
                need_id=need_id,
                prioritised_on=today,
                programme_year=programme_year,
                budget_line=budget_line,
                dwellings=count,
            )
        )
        uow.audit(
            "need.prioritised",
            "need",
            need_id,
            reason=note,
            detail={"programme_year": programme_year, "budget_line": budget_line, "dwellings": count},
        )
        await uow.commit()
    return need_out(need)


async def reject_need(
    database: Database, principal: Principal, need_id: str, *, reason: NeedRejectReason, note: str | None, today: date
) -> NeedOut:
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        need = await _need(uow.session, need_id, for_update=True)
        need.state = domain.need_transition(NeedState(need.state), NeedState.REJECTED, need_id=need_id)
        need.rejected_on = today
        need.reject_reason = reason
        need.decision_note = note
        uow.record(events.NeedRejected(need_id=need_id, rejected_on=today, reason=reason))
        uow.audit("need.rejected", "need", need_id, reason=note, detail={"reason": reason})
        await uow.commit()
    return need_out(need)


async def confirm_suggestion(
    database: Database, principal: Principal, need_id: str, body: ConfirmSuggestionIn, today: date
) -> NeedOut:
    """A coordinator or the ordering function takes a suggested need up: from now on it is a reported need."""
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        need = await _need(uow.session, need_id, for_update=True)
        need.state = domain.need_transition(NeedState(need.state), NeedState.REPORTED, need_id=need_id)
        if body.quantity is not None:
            need.dwellings = body.quantity
        if body.target_group is not None:
            need.target_group = body.target_group
        need.reported_on = today
        need.decision_note = body.note
        uow.record(_need_reported_event(need))
        uow.audit("need.suggestion_confirmed", "need", need_id, reason=body.note)
        await uow.commit()
    return need_out(need)


async def dismiss_suggestion(database: Database, principal: Principal, need_id: str, note: str) -> NeedOut:
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        need = await _need(uow.session, need_id, for_update=True)
        need.state = domain.need_transition(NeedState(need.state), NeedState.DISMISSED, need_id=need_id)
        need.decision_note = note
        uow.audit("need.suggestion_dismissed", "need", need_id, reason=note)
        await uow.commit()
    return need_out(need)


# --- Programme and budget frames ------------------------------------------------------------------------------


async def _set_frame(uow: UnitOfWork, year: int, line: BudgetLine, amount: int, set_on: date) -> BudgetFrame:
    frame = await _frame(uow.session, year, line, for_update=True)
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
        revised = domain.revise_frame(domain.Frame(frame.amount, frame.committed, frame.spent), amount)
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
    """The year's programme: the standard frames, with any the caller names instead. Frames already set stay."""
    amounts = dict(domain.STANDARD_FRAMES)
    amounts.update(frames or {})
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
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
        await _begin_write(uow)
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


# --- Orders --------------------------------------------------------------------------------------------------


async def _order(session: AsyncSession, order_id: str, *, for_update: bool = False) -> Order:
    query = select(Order).where(Order.order_id == order_id)
    order = await session.scalar(query.with_for_update() if for_update else query)
    if order is None:
        raise NotFound(f"no order {order_id}")
    return order


async def get_order(database: Database, order_id: str, today: date) -> OrderOut:
    async with database.sessions() as session:
        return await _order_out(session, await _order(session, order_id), today)


async def list_orders(
    database: Database,
    page: PageRequest,
    today: date,
    *,
    state: OrderState | None,
    programme_year: int | None,
    budget_line: BudgetLine | None,
    overdue: bool | None,
) -> tuple[list[OrderOut], int]:
    query: Select[Any] = select(Order).order_by(Order.due_date, Order.order_id)
    if state is not None:
        query = query.where(Order.state == state)
    if programme_year is not None:
        query = query.where(Order.programme_year == programme_year)
    if budget_line is not None:
        query = query.where(Order.budget_line == budget_line)
    open_states = [str(s) for s in domain.OPEN_ORDER_STATES]
    if overdue is True:
        query = query.where(Order.state.in_(open_states), Order.due_date < today)
    elif overdue is False:
        query = query.where(~(Order.state.in_(open_states) & (Order.due_date < today)))
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
        return [await _order_out(session, row, today) for row in rows], total


async def place_order(database: Database, principal: Principal, body: OrderIn, today: date) -> OrderOut:
    if len(set(body.need_ids)) != len(body.need_ids):
        raise RuleViolation("need_ids must not repeat a need", code="duplicate_needs")
    if body.supplier is Supplier.LKBS and body.competition_ref is None:
        raise RuleViolation("orders to LKBS require a competition first (competition_ref)", code="competition_required")
    domain.check_due_date(today, body.due_date)
    justification = (
        domain.check_over_commit_justification(body.over_commit_approval.justification)
        if body.over_commit_approval
        else None
    )
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        needs = []
        for need_id in sorted(body.need_ids):  # one lock order for everyone: no deadlock between two orders
            needs.append(await _need(uow.session, need_id, for_update=True))
        basis = domain.order_basis(
            domain.PrioritisedNeed(
                need_id=n.need_id,
                state=NeedState(n.state),
                target_group=TargetGroup(n.target_group),
                programme_year=n.programme_year,
                budget_line=BudgetLine(n.budget_line) if n.budget_line else None,
                dwellings_prioritised=n.dwellings_prioritised,
            )
            for n in needs
        )
        domain.check_order_dwellings(body.dwellings, basis)
        frame_row = await _frame(uow.session, basis.programme_year, basis.budget_line, for_update=True)
        if frame_row is None:
            raise RuleViolation(f"no budget frame for {basis.budget_line} in {basis.programme_year}", code="no_frame")
        frame = domain.Frame(frame_row.amount, frame_row.committed, frame_row.spent)
        shortfall = max(0, frame.used + body.estimated_cost - frame.amount)
        committed = frame.commit(body.estimated_cost, approved=justification is not None)
        frame_row.committed = committed.committed
        first = needs[0]
        order = Order(
            order_id=_new_id("ord"),
            state=OrderState.PLACED,
            supplier=body.supplier,
            programme_year=basis.programme_year,
            budget_line=basis.budget_line,
            target_group=basis.target_group,
            dwelling_type=body.dwelling_type or first.dwelling_type,
            dwellings=body.dwellings,
            bedrooms=body.bedrooms if body.bedrooms is not None else first.bedrooms,
            accessible=body.accessible if body.accessible is not None else any(n.accessible for n in needs),
            staffed=body.staffed
            if body.staffed is not None
            else any(domain.is_staffed(ServiceNeeds(n.service_needs)) for n in needs),
            preferred_method=body.preferred_method,
            estimated_cost=body.estimated_cost,
            commitment_remaining=body.estimated_cost,
            spent=0,
            dwellings_delivered=0,
            placed_on=today,
            due_date=body.due_date,
            over_commit_approved_by=principal.actor if shortfall and justification else None,
            over_commit_justification=justification if shortfall else None,
            over_commit_shortfall=shortfall or None,
            created_at=_now(),
        )
        uow.session.add(order)
        await uow.session.flush()
        for need in needs:
            need.state = domain.need_transition(NeedState(need.state), NeedState.ORDERED, need_id=need.need_id)
            need.order_id = order.order_id
            uow.session.add(OrderNeed(order_id=order.order_id, need_id=need.need_id))
        uow.record(
            events.OrderPlaced(
                order_id=order.order_id,
                need_ids=tuple(sorted(body.need_ids)),
                placed_on=today,
                supplier=body.supplier,
                programme_year=basis.programme_year,
                budget_line=basis.budget_line,
                budget_amount=body.estimated_cost,
                target_group=basis.target_group,
                dwellings=body.dwellings,
                bedrooms=order.bedrooms,
                dwelling_category=DwellingCategory(order.dwelling_type),
                accessible=order.accessible,
                staffed=order.staffed,
                preferred_method=body.preferred_method,
                due_date=body.due_date,
            )
        )
        uow.audit(
            "order.placed",
            "order",
            order.order_id,
            reason=justification if shortfall else None,
            detail={
                "need_ids": sorted(body.need_ids),
                "estimated_cost": body.estimated_cost,
                "frame_id": frame_row.frame_id,
                "over_commit_shortfall": shortfall,
                "competition_ref": body.competition_ref,
            },
        )
        if shortfall:
            uow.audit(
                "budget.over_commit_approved",
                "budget_frame",
                frame_row.frame_id,
                reason=justification,
                detail={"order_id": order.order_id, "shortfall": shortfall},
            )
        await uow.commit()
        return await _order_out(uow.session, order, today)


async def _release_needs(session: AsyncSession, order_id: str, target: NeedState) -> None:
    needs = (
        await session.scalars(
            select(Need).join(OrderNeed, OrderNeed.need_id == Need.need_id).where(OrderNeed.order_id == order_id)
        )
    ).all()
    for need in needs:
        need.state = domain.need_transition(NeedState(need.state), target, need_id=need.need_id)
        if target is NeedState.PRIORITISED:
            need.order_id = None


async def cancel_order(
    database: Database,
    principal: Principal,
    order_id: str,
    *,
    reason: OrderCancelReason,
    note: str | None,
    today: date,
) -> OrderOut:
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        order = await _order(uow.session, order_id, for_update=True)
        order.state = domain.order_transition(OrderState(order.state), OrderState.CANCELLED, order_id=order_id)
        frame_row = await _frame(uow.session, order.programme_year, BudgetLine(order.budget_line), for_update=True)
        assert frame_row is not None  # an order is only placed on a frame
        released = order.commitment_remaining
        frame_row.committed = (
            domain.Frame(frame_row.amount, frame_row.committed, frame_row.spent).release(released).committed
        )
        order.commitment_remaining = 0
        order.cancelled_on = today
        order.cancel_reason = reason
        # The needs go back to the programme to be ordered again; after a partial delivery the ordering function
        # chooses how many dwellings the new order covers (the delivered ones stay on this order's record).
        await _release_needs(uow.session, order_id, NeedState.PRIORITISED)
        uow.record(
            events.OrderCancelled(
                order_id=order_id,
                cancelled_on=today,
                reason=reason,
                programme_year=order.programme_year,
                budget_line=BudgetLine(order.budget_line),
            )
        )
        uow.audit("order.cancelled", "order", order_id, reason=note, detail={"reason": reason, "released": released})
        await uow.commit()
        return await _order_out(uow.session, order, today)


async def accept_order(database: Database, principal: Principal, order_id: str, today: date) -> OrderOut:
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        order = await _order(uow.session, order_id, for_update=True)
        order.state = domain.order_transition(OrderState(order.state), OrderState.ACCEPTED, order_id=order_id)
        order.accepted_on = today
        uow.audit("order.accepted", "order", order_id)
        await uow.commit()
        return await _order_out(uow.session, order, today)


async def record_acquisition_stage(
    uow: UnitOfWork, *, order_id: str, project_id: str, stage: AcquisitionStage, changed_on: date
) -> None:
    """LKE's project for an order moved: the order is accepted when a project opens, in progress after that."""
    order = await uow.session.scalar(select(Order).where(Order.order_id == order_id).with_for_update())
    if order is None:
        log.info("ordering.stage_for_unknown_order", order_id=order_id, project_id=project_id)
        return
    order.project_id = project_id
    order.acquisition_stage = stage
    current = OrderState(order.state)
    target = OrderState.ACCEPTED if stage is AcquisitionStage.IDENTIFIED else OrderState.IN_PROGRESS
    if current in (OrderState.PLACED, OrderState.ACCEPTED) and target in domain.ORDER_TRANSITIONS[current]:
        order.state = target
        if order.accepted_on is None:
            order.accepted_on = changed_on
        uow.audit(f"order.{target}", "order", order_id, detail={"project_id": project_id, "stage": stage})


async def record_delivery(
    uow: UnitOfWork,
    *,
    event_id: str,
    order_id: str,
    project_id: str,
    delivered_on: date,
    dwelling_ids: Sequence[str],
    cost: int,
) -> None:
    """acquisition.delivered: count each new dwelling once, release commitment, spend the cost, maybe close."""
    order = await uow.session.scalar(select(Order).where(Order.order_id == order_id).with_for_update())
    if order is None:
        log.warning("ordering.delivery_for_unknown_order", order_id=order_id, project_id=project_id)
        return
    state = OrderState(order.state)
    if state not in domain.OPEN_ORDER_STATES:
        # A fact we cannot refuse, but the order is done with: keep it on record for the ordering officer.
        uow.audit(
            "order.delivery_after_close",
            "order",
            order_id,
            detail={"project_id": project_id, "dwelling_ids": list(dwelling_ids), "cost": cost, "state": state},
        )
        return
    delivered = (await uow.session.scalars(select(Delivery.dwelling_id).where(Delivery.order_id == order_id))).all()
    plan = domain.plan_delivery(
        order_id=order_id,
        state=state,
        dwellings_ordered=order.dwellings,
        delivered_dwelling_ids=delivered,
        commitment_remaining=order.commitment_remaining,
        dwelling_ids=dwelling_ids,
        cost=cost,
    )
    if plan is None:
        return
    frame_row = await _frame(uow.session, order.programme_year, BudgetLine(order.budget_line), for_update=True)
    assert frame_row is not None
    frame = domain.Frame(frame_row.amount, frame_row.committed, frame_row.spent).spend(plan.released, plan.cost)
    frame_row.committed, frame_row.spent = frame.committed, frame.spent
    for dwelling_id in plan.new_dwelling_ids:
        uow.session.add(
            Delivery(
                order_id=order_id,
                dwelling_id=dwelling_id,
                project_id=project_id,
                delivered_on=delivered_on,
                event_id=event_id,
            )
        )
    order.commitment_remaining -= plan.released
    order.spent += plan.cost
    order.dwellings_delivered = plan.delivered_total
    order.project_id = order.project_id or project_id
    order.state = domain.order_transition(
        state, OrderState.CLOSED if plan.closes else OrderState.PARTLY_DELIVERED, order_id=order_id
    )
    if plan.closes:
        order.closed_on = delivered_on
        await _release_needs(uow.session, order_id, NeedState.DELIVERED)
    uow.record(
        events.OrderFulfilled(
            order_id=order_id,
            project_id=project_id,
            fulfilled_on=delivered_on,
            dwelling_ids=plan.new_dwelling_ids,
            dwellings_delivered_total=plan.delivered_total,
            dwellings_ordered=order.dwellings,
            programme_year=order.programme_year,
            budget_line=BudgetLine(order.budget_line),
            cost=plan.cost,
            order_closed=plan.closes,
        )
    )
    uow.audit(
        "order.fulfilled",
        "order",
        order_id,
        detail={
            "project_id": project_id,
            "dwelling_ids": list(plan.new_dwelling_ids),
            "cost": plan.cost,
            "released": plan.released,
            "closed": plan.closes,
        },
    )


# --- The unmet-need signal ------------------------------------------------------------------------------------


async def record_decision(
    uow: UnitOfWork, *, application_id: str, outcome: DecisionOutcome, kind: ApplicationKind, bedrooms: int, on: date
) -> None:
    if await uow.session.get(RenewalApplication, application_id) is not None:
        return
    waiting = await uow.session.get(WaitingApplication, application_id)
    if outcome is DecisionOutcome.APPROVED:
        if waiting is None:
            uow.session.add(
                WaitingApplication(application_id=application_id, kind=kind, bedrooms_needed=bedrooms, decided_on=on)
            )
        else:
            waiting.kind, waiting.bedrooms_needed = kind, bedrooms
    elif waiting is not None:  # refused after an appeal re-decided it
        await uow.session.delete(waiting)


async def record_renewal_application(uow: UnitOfWork, application_id: str) -> None:
    if await uow.session.get(RenewalApplication, application_id) is None:
        uow.session.add(RenewalApplication(application_id=application_id))


async def leave_waiting_list(uow: UnitOfWork, application_id: str) -> None:
    waiting = await uow.session.get(WaitingApplication, application_id)
    if waiting is not None:
        await uow.session.delete(waiting)


async def record_dwelling(uow: UnitOfWork, *, dwelling_id: str, category: DwellingCategory, staffed: bool) -> None:
    known = await uow.session.get(KnownDwelling, dwelling_id)
    if known is None:
        uow.session.add(KnownDwelling(dwelling_id=dwelling_id, category=category, staffed=staffed))
    else:
        known.category, known.staffed = category, staffed


async def record_ready(uow: UnitOfWork, *, dwelling_id: str, ready_on: date) -> None:
    uow.session.add(DwellingReady(dwelling_id=dwelling_id, ready_on=ready_on))


async def _signal_settings(session: AsyncSession) -> domain.SignalSettings:
    row = await session.get(SignalSettingsRow, 1)
    if row is None:
        return domain.SignalSettings()
    return domain.SignalSettings(period_days=row.period_days, window_days=row.window_days, min_gap=row.min_gap)


async def set_signal_settings(database: Database, principal: Principal, body: SignalSettingsIn) -> SignalSettingsIn:
    async with database.unit_of_work(principal.actor) as uow:
        await _begin_write(uow)
        row = await uow.session.get(SignalSettingsRow, 1)
        if row is None:
            uow.session.add(SignalSettingsRow(id=1, **body.model_dump()))
        else:
            row.period_days, row.window_days, row.min_gap = body.period_days, body.window_days, body.min_gap
        uow.audit("unmet_need.settings_changed", "signal_settings", "1", detail=body.model_dump())
        await uow.commit()
    return body


async def _supply_by_kind(session: AsyncSession, since: date) -> dict[ApplicationKind, int]:
    rows = (
        await session.execute(
            select(DwellingReady.dwelling_id, KnownDwelling.category, KnownDwelling.staffed)
            .outerjoin(KnownDwelling, KnownDwelling.dwelling_id == DwellingReady.dwelling_id)
            .where(DwellingReady.ready_on > since)
        )
    ).all()
    supply: dict[ApplicationKind, int] = dict.fromkeys(ApplicationKind, 0)
    for _dwelling_id, category, staffed in rows:
        kind = domain.supply_kind(DwellingCategory(category) if category else None, bool(staffed))
        if kind is not None:
            supply[kind] += 1
    return supply


async def evaluate_unmet_need(database: Database, today: date) -> list[str]:
    """The periodic check: per kind of dwelling, waiting demand against recent supply; suggests needs."""
    suggested: list[str] = []
    async with database.unit_of_work(SIGNAL_ACTOR) as uow:
        await _begin_write(uow)
        settings = await _signal_settings(uow.session)
        rows = await uow.session.execute(
            select(WaitingApplication.kind, func.count()).group_by(WaitingApplication.kind)
        )
        waiting: dict[str, int] = {str(kind): int(count) for kind, count in rows.all()}
        supply = await _supply_by_kind(uow.session, today - timedelta(days=settings.window_days))
        for kind in ApplicationKind:
            signal = await uow.session.get(DemandSignal, str(kind), with_for_update=True)
            open_suggestion = await uow.session.scalar(
                select(Need.need_id).where(Need.state == NeedState.SUGGESTED, Need.signal_kind == kind)
            )
            step = domain.evaluate_signal(
                today=today,
                waiting=int(waiting.get(str(kind), 0)),
                ready_in_window=supply[kind],
                gap_since=signal.gap_since if signal else None,
                open_suggestion=open_suggestion is not None,
                settings=settings,
            )
            if signal is None:
                signal = DemandSignal(kind=kind, gap=0, waiting=0, ready_in_window=0, evaluated_on=today)
                uow.session.add(signal)
            signal.gap, signal.gap_since, signal.evaluated_on = step.gap, step.gap_since, today
            signal.waiting, signal.ready_in_window = int(waiting.get(str(kind), 0)), supply[kind]
            if step.suggest:
                dwelling_type, target_group, service_needs = domain.SUGGESTION_FOR_KIND[kind]
                need = Need(
                    need_id=_new_id("need"),
                    state=NeedState.SUGGESTED,
                    origin="unmet_need_signal",
                    reported_by=ReportingService.BOLIGKONTORET,
                    reported_agency="boligkontoret",
                    target_group=target_group,
                    dwelling_type=dwelling_type,
                    dwellings=step.gap,
                    bedrooms=None,
                    accessible=False,
                    service_needs=service_needs,
                    needed_by=None,
                    justification=(
                        f"{signal.waiting} approved households wait for a {kind} dwelling while {supply[kind]} became "
                        f"ready in the last {settings.window_days} days; the gap has lasted since {step.gap_since}."
                    ),
                    reported_on=today,
                    signal_kind=kind,
                    created_at=_now(),
                )
                uow.session.add(need)
                uow.audit("need.suggested", "need", need.need_id, detail={"kind": kind, "gap": step.gap})
                suggested.append(need.need_id)
        await uow.commit()
    return suggested


async def unmet_need(database: Database) -> UnmetNeedOut:
    async with database.sessions() as session:
        settings = await _signal_settings(session)
        signals = {s.kind: s for s in (await session.scalars(select(DemandSignal))).all()}
    demand = []
    for kind in ApplicationKind:
        signal = signals.get(str(kind))
        demand.append(
            DemandOut(
                kind=kind,
                waiting=signal.waiting if signal else 0,
                ready_in_window=signal.ready_in_window if signal else 0,
                gap=signal.gap if signal else 0,
                gap_since=signal.gap_since if signal else None,
                evaluated_on=signal.evaluated_on if signal else None,
            )
        )
    return UnmetNeedOut(
        settings=SignalSettingsIn(
            period_days=settings.period_days, window_days=settings.window_days, min_gap=settings.min_gap
        ),
        demand=demand,
    )


# --- Reports -------------------------------------------------------------------------------------------------


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


REPORT_COLUMNS = tuple(ReportLine.model_fields)


def report_csv_rows(report: ProgrammeReport) -> list[list[str]]:
    rows = [["year", *REPORT_COLUMNS]]
    for line in report.lines:
        values = line.model_dump(mode="json")
        rows.append([str(report.year), *("" if values[c] is None else str(values[c]) for c in REPORT_COLUMNS)])
    return rows
