"""Orders to LKE: placed on prioritised needs against a budget frame, cancelled or accepted, and followed through
LKE's acquisition project to delivery."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import structlog
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import (
    AcquisitionMethod,
    AcquisitionStage,
    BudgetLine,
    DwellingCategory,
    OrderCancelReason,
    Supplier,
    TargetGroup,
)
from boligflyt.contracts.events import ordering as events
from boligflyt.ordering import domain
from boligflyt.ordering.domain import NeedState, OrderState, ServiceNeeds
from boligflyt.ordering.models import Delivery, Need, Order, OrderNeed
from boligflyt.ordering.schemas import OrderIn, OrderOut
from boligflyt.ordering.service.programme import budget_frame, frame_of
from boligflyt.platform.auth import Principal
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.errors import RuleViolation
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page, where_given

log = structlog.get_logger(__name__)


async def order_out(session: AsyncSession, order: Order, today: date) -> OrderOut:
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


# --- Reading -------------------------------------------------------------------------------------------------


async def get_order(database: Database, order_id: str, today: date) -> OrderOut:
    async with database.sessions() as session:
        return await order_out(session, await get_or_404(session, Order, order_id, what="order"), today)


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
    query: Select[Any] = where_given(
        select(Order).order_by(Order.due_date, Order.order_id),
        (Order.state, state),
        (Order.programme_year, programme_year),
        (Order.budget_line, budget_line),
    )
    # domain.is_overdue, as a filter the database can apply
    open_states = [str(s) for s in domain.OPEN_ORDER_STATES]
    if overdue is True:
        query = query.where(Order.state.in_(open_states), Order.due_date < today)
    elif overdue is False:
        query = query.where(~(Order.state.in_(open_states) & (Order.due_date < today)))
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
        return [await order_out(session, row, today) for row in rows], total


# --- The ordering function's decisions -----------------------------------------------------------------------


async def place_order(database: Database, principal: Principal, body: OrderIn, today: date) -> OrderOut:
    domain.check_distinct_needs(body.need_ids)
    domain.check_supplier(body.supplier, body.competition_ref)
    domain.check_due_date(today, body.due_date)
    justification = (
        domain.check_over_commit_justification(body.over_commit_approval.justification)
        if body.over_commit_approval
        else None
    )
    async with database.unit_of_work(principal.actor) as uow:
        needs = []
        for need_id in sorted(body.need_ids):  # one lock order for everyone: no deadlock between two orders
            needs.append(await get_or_404(uow.session, Need, need_id, what="need", lock=True))
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
        frame_row = await budget_frame(uow.session, basis.programme_year, basis.budget_line, lock=True)
        if frame_row is None:
            raise RuleViolation(f"no budget frame for {basis.budget_line} in {basis.programme_year}", code="no_frame")
        frame = frame_of(frame_row)
        shortfall = frame.shortfall(body.estimated_cost)
        committed = frame.commit(body.estimated_cost, approved=justification is not None)
        frame_row.committed = committed.committed
        first = needs[0]
        order = Order(
            order_id=new_id("ord"),
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
            created_at=uow.clock.now(),
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
        return await order_out(uow.session, order, today)


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
        order = await get_or_404(uow.session, Order, order_id, what="order", lock=True)
        order.state = domain.order_transition(OrderState(order.state), OrderState.CANCELLED, order_id=order_id)
        frame_row = await budget_frame(uow.session, order.programme_year, BudgetLine(order.budget_line), lock=True)
        assert frame_row is not None  # an order is only placed on a frame
        released = order.commitment_remaining
        frame_row.committed = frame_of(frame_row).release(released).committed
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
        return await order_out(uow.session, order, today)


async def accept_order(database: Database, principal: Principal, order_id: str, today: date) -> OrderOut:
    async with database.unit_of_work(principal.actor) as uow:
        order = await get_or_404(uow.session, Order, order_id, what="order", lock=True)
        order.state = domain.order_transition(OrderState(order.state), OrderState.ACCEPTED, order_id=order_id)
        order.accepted_on = today
        uow.audit("order.accepted", "order", order_id)
        await uow.commit()
        return await order_out(uow.session, order, today)


# --- LKE's acquisition of an order (reactions) ---------------------------------------------------------------


async def record_acquisition_stage(
    uow: UnitOfWork, *, order_id: str, project_id: str, stage: AcquisitionStage, changed_on: date
) -> None:
    """LKE's project for an order moved: the order is accepted when a project opens, in progress after that."""
    order = await uow.session.get(Order, order_id, with_for_update=True)
    if order is None:
        log.info("ordering.stage_for_unknown_order", order_id=order_id, project_id=project_id)
        return
    order.project_id = project_id
    order.acquisition_stage = stage
    target = domain.state_for_stage(OrderState(order.state), stage)
    if target is not None:
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
    order = await uow.session.get(Order, order_id, with_for_update=True)
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
    frame_row = await budget_frame(uow.session, order.programme_year, BudgetLine(order.budget_line), lock=True)
    assert frame_row is not None
    frame = frame_of(frame_row).spend(plan.released, plan.cost)
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
