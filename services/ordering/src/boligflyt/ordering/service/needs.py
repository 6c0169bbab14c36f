"""Housing needs: units report them, the needs committee prioritises or rejects them, coordinators confirm or
dismiss what the unmet-need signal suggests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError

from boligflyt.contracts.codes import (
    BudgetLine,
    DwellingCategory,
    NeedRejectReason,
    ReportingService,
    TargetGroup,
)
from boligflyt.contracts.events import ordering as events
from boligflyt.ordering import domain
from boligflyt.ordering.domain import NeedState, ServiceNeeds
from boligflyt.ordering.models import Need
from boligflyt.ordering.schemas import ConfirmSuggestionIn, NeedIn, NeedOut
from boligflyt.ordering.service.programme import budget_frame
from boligflyt.platform.auth import Principal
from boligflyt.platform.db import Database, get_or_404
from boligflyt.platform.errors import Conflict, NotFound, RuleViolation
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page, where_given


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


# --- Reading -------------------------------------------------------------------------------------------------


def _can_read_all_needs(principal: Principal) -> bool:
    return principal.agency in ("bestiller", "coordinator")


async def get_need(database: Database, principal: Principal, need_id: str) -> NeedOut:
    async with database.sessions() as session:
        need = await get_or_404(session, Need, need_id, what="need")
    if not _can_read_all_needs(principal) and need.reported_agency != principal.agency:
        # A unit sees only its own needs, and not even that others exist: the same answer as for no need at all.
        raise NotFound(f"there is no need {need_id}")
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
    query = where_given(
        query,
        (Need.state, state),
        (Need.programme_year, programme_year),
        (Need.budget_line, budget_line),
        (Need.reported_by, reported_by),
    )
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
    return [need_out(row) for row in rows], total


# --- Reporting and deciding ----------------------------------------------------------------------------------


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
    source_key = domain.source_key(reported_by, body.source_ref)
    async with database.unit_of_work(principal.actor) as uow:
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
            need_id=new_id("need"),
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
            created_at=uow.clock.now(),
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
        need = await get_or_404(uow.session, Need, need_id, what="need", lock=True)
        state = domain.need_transition(NeedState(need.state), NeedState.PRIORITISED, need_id=need_id)
        domain.check_line_fits(TargetGroup(need.target_group), budget_line)
        count = dwellings if dwellings is not None else need.dwellings
        domain.check_prioritised_dwellings(need.dwellings, count)
        if await budget_frame(uow.session, programme_year, budget_line) is None:
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
        need = await get_or_404(uow.session, Need, need_id, what="need", lock=True)
        need.state = domain.need_transition(NeedState(need.state), NeedState.REJECTED, need_id=need_id)
        need.rejected_on = today
        need.reject_reason = reason
        need.decision_note = note
        uow.record(events.NeedRejected(need_id=need_id, rejected_on=today, reason=reason))
        uow.audit("need.rejected", "need", need_id, reason=note, detail={"reason": reason})
        await uow.commit()
    return need_out(need)


# --- Suggestions of the unmet-need signal --------------------------------------------------------------------


async def confirm_suggestion(
    database: Database, principal: Principal, need_id: str, body: ConfirmSuggestionIn, today: date
) -> NeedOut:
    """A coordinator or the ordering function takes a suggested need up: from now on it is a reported need."""
    async with database.unit_of_work(principal.actor) as uow:
        need = await get_or_404(uow.session, Need, need_id, what="need", lock=True)
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
        need = await get_or_404(uow.session, Need, need_id, what="need", lock=True)
        need.state = domain.need_transition(NeedState(need.state), NeedState.DISMISSED, need_id=need_id)
        need.decision_note = note
        uow.audit("need.suggestion_dismissed", "need", need_id, reason=note)
        await uow.commit()
    return need_out(need)
