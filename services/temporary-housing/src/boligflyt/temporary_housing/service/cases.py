"""NAV's view of each housing application it referred (or linked to a stay): kept from Boligkontoret's events, each
fact in the case's history, the adviser's tasks for the case opened and cleared as the facts change; the case list.

handlers.py calls the reactions inside the inbox's unit of work, so each event changes a case once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import OfferAnswer, Referrer
from boligflyt.contracts.events import applications as ev
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.pagination import PageRequest, fetch_page, where_given
from boligflyt.temporary_housing import domain, models, schemas
from boligflyt.temporary_housing.domain import CaseState
from boligflyt.temporary_housing.service.tasks import sync_tasks

NAV_REFERRERS = frozenset({Referrer.NAV, Referrer.NAV_INTRO})


async def ensure_case(
    uow: UnitOfWork, application_id: str, person_ref: str, submitted_on: date | None, stay_id: str | None
) -> models.ReferredCase:
    """The case of the application, opened the first time NAV links or learns of it."""
    case = await uow.session.get(models.ReferredCase, application_id, with_for_update=True)
    if case is None:
        case = models.ReferredCase(
            application_id=application_id,
            stay_id=stay_id,
            person_ref=person_ref,
            state=CaseState.SUBMITTED.value,
            submitted_on=submitted_on,
            missing_documents=[],
            reject_reasons=[],
            updated_at=uow.clock.now(),
        )
        uow.session.add(case)
        await uow.session.flush()  # before its history, which refers to it
        _remember(uow, case, "application.submitted", submitted_on or uow.clock.today(), {"stay_id": stay_id})
    elif case.stay_id is None and stay_id is not None:
        case.stay_id = stay_id
    return case


def _remember(uow: UnitOfWork, case: models.ReferredCase, fact: str, on: date, detail: dict[str, Any]) -> None:
    case.updated_at = uow.clock.now()
    uow.session.add(
        models.CaseEntry(
            application_id=case.application_id,
            occurred_on=on,
            fact=fact,
            state=case.state,
            detail={k: v.isoformat() if isinstance(v, date) else v for k, v in detail.items() if v is not None} or None,
            recorded_at=uow.clock.now(),
        )
    )


def _move(case: models.ReferredCase, fact: CaseState, *, may_go_back: bool = False) -> None:
    case.state = domain.next_case_state(CaseState(case.state), fact, may_go_back=may_go_back).value


async def _case(uow: UnitOfWork, application_id: str) -> models.ReferredCase | None:
    """NAV's case of the application, locked; None for an application NAV has nothing to do with."""
    return await uow.session.get(models.ReferredCase, application_id, with_for_update=True)


def case_facts(case: models.ReferredCase) -> domain.CaseFacts:
    return domain.CaseFacts(
        application_id=case.application_id,
        state=case.state,
        missing_documents=tuple(case.missing_documents or ()),
        documents_requested_on=case.documents_requested_on,
        outcome=case.outcome,
        appeal_deadline=case.appeal_deadline,
        appealed_on=case.appealed_on,
        planned_move_in_on=case.planned_move_in_on,
        first_planned_move_in_on=case.first_planned_move_in_on,
        moved_in_on=case.moved_in_on,
    )


async def adviser_of(session: AsyncSession, stay_id: str | None) -> str | None:
    if stay_id is None:
        return None
    stay = await session.get(models.Stay, stay_id)
    return stay.adviser if stay is not None else None


async def refresh_case_tasks(uow: UnitOfWork, case: models.ReferredCase, rules: domain.TaskRules) -> None:
    """Open the tasks the case's facts call for today; clear those whose fact is gone."""
    await sync_tasks(
        uow,
        "case",
        case.application_id,
        domain.case_tasks(case_facts(case), uow.clock.today(), rules),
        domain.CASE_TASK_KINDS,
        adviser=await adviser_of(uow.session, case.stay_id),
        cleared_because=f"the case moved on ({case.state})",
    )


# --- reactions to Boligkontoret's events ----------------------------------------------------------------------


async def on_case_submitted(uow: UnitOfWork, event: ev.ApplicationSubmitted, rules: domain.TaskRules) -> None:
    """A case for every application NAV referred or linked to a stay; Boligkontoret's other applicants are not
    NAV's to follow."""
    stay_id = await uow.session.scalar(
        select(models.Stay.id).where(models.Stay.application_id == event.application_id).limit(1)
    )
    if stay_id is None and event.referrer not in NAV_REFERRERS:
        return
    case = await ensure_case(uow, event.application_id, event.person_ref, event.submitted_on, stay_id)
    await refresh_case_tasks(uow, case, rules)


async def on_completeness_checked(
    uow: UnitOfWork, event: ev.ApplicationCompletenessChecked, rules: domain.TaskRules
) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    case.missing_documents = [d.value for d in event.missing_documents]
    case.documents_checked_on = event.checked_on
    case.documents_requested_on = event.documents_requested_on
    _move(case, CaseState.INCOMPLETE if event.missing_documents else CaseState.COMPLETE, may_go_back=True)
    _remember(
        uow, case, "application.completeness_checked", event.checked_on, {"missing_documents": case.missing_documents}
    )
    await refresh_case_tasks(uow, case, rules)


async def on_listed_for_meeting(
    uow: UnitOfWork, event: ev.ApplicationListedForMeeting, rules: domain.TaskRules
) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    case.meeting_id = event.meeting_id
    case.meeting_on = event.meeting_on
    if CaseState(case.state) is not CaseState.APPEALED:  # an appeal on the list stays an appeal until decided
        _move(case, CaseState.ON_CASE_LIST, may_go_back=True)
    _remember(
        uow,
        case,
        "application.listed_for_meeting",
        event.listed_on,
        {"meeting_id": event.meeting_id, "meeting_on": event.meeting_on},
    )
    await refresh_case_tasks(uow, case, rules)


async def on_case_decided(uow: UnitOfWork, event: ev.ApplicationDecided, rules: domain.TaskRules) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    approved = event.outcome.value == "approved"
    case.outcome = event.outcome.value
    case.decided_on = event.decided_on
    case.meeting_on = event.decided_on  # the meeting that decided
    case.reject_reasons = [r.value for r in event.reject_reasons]
    case.appeal_deadline = event.appeal_deadline
    _move(case, CaseState.APPROVED if approved else CaseState.REJECTED, may_go_back=True)
    _remember(
        uow,
        case,
        "application.decided",
        event.decided_on,
        {
            "outcome": case.outcome,
            "reject_reasons": case.reject_reasons or None,
            "appeal_deadline": event.appeal_deadline,
            "after_appeal": event.after_appeal or None,
        },
    )
    await refresh_case_tasks(uow, case, rules)


async def on_case_appealed(uow: UnitOfWork, event: ev.ApplicationAppealed, rules: domain.TaskRules) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    case.appealed_on = event.appealed_on
    _move(case, CaseState.APPEALED, may_go_back=True)
    _remember(uow, case, "application.appealed", event.appealed_on, {"within_deadline": event.within_deadline})
    await refresh_case_tasks(uow, case, rules)


async def on_case_left_list(uow: UnitOfWork, event: ev.ApplicationLeftList, rules: domain.TaskRules) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    case.left_list_on = event.left_on
    case.left_list_reason = event.reason.value
    declined = event.reason.value == "declined_offer"
    _move(case, CaseState.DECLINED_OFFER if declined else CaseState.LEFT_LIST)
    _remember(uow, case, "application.left_list", event.left_on, {"reason": event.reason.value})
    await refresh_case_tasks(uow, case, rules)


def _dwelling(case: models.ReferredCase, event: ev.OfferMade | ev.AllocationDecided) -> None:
    case.dwelling_id = event.dwelling_id
    case.dwelling_area_code = event.area_code or case.dwelling_area_code
    case.dwelling_bedrooms = event.bedrooms if event.bedrooms is not None else case.dwelling_bedrooms
    case.expected_ready_on = event.expected_ready_on


async def on_case_offer_made(uow: UnitOfWork, event: ev.OfferMade, rules: domain.TaskRules) -> None:
    case = await _case(uow, event.application_id)
    if case is None or (case.offer_id == event.offer_id and case.offer_answer is not None):
        return  # on Kafka the offer's answer (or the allocation) may come first: it is already known
    case.offer_id = event.offer_id
    case.offered_on = event.offered_on
    case.answer_deadline = event.answer_deadline
    case.offer_answer = None
    case.answered_on = None
    _dwelling(case, event)
    _move(case, CaseState.OFFERED)
    _remember(
        uow,
        case,
        "offer.made",
        event.offered_on,
        {
            "offer_id": event.offer_id,
            "dwelling_id": event.dwelling_id,
            "answer_deadline": event.answer_deadline,
            "expected_ready_on": event.expected_ready_on,
        },
    )
    await refresh_case_tasks(uow, case, rules)


async def on_case_offer_answered(uow: UnitOfWork, event: ev.OfferAnswered, rules: domain.TaskRules) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    if case.offer_id in (None, event.offer_id):
        case.offer_id = event.offer_id
        case.offer_answer = event.answer.value
        case.answered_on = event.answered_on
    if event.answer is OfferAnswer.EXPIRED and CaseState(case.state) is CaseState.OFFERED:
        _move(case, CaseState.APPROVED, may_go_back=True)  # back on the waiting list
    _remember(
        uow, case, "offer.answered", event.answered_on, {"offer_id": event.offer_id, "answer": event.answer.value}
    )
    await refresh_case_tasks(uow, case, rules)


async def on_case_allocated(uow: UnitOfWork, event: ev.AllocationDecided, rules: domain.TaskRules) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    _dwelling(case, event)
    case.allocated_on = event.decided_on
    case.offer_id = event.offer_id or case.offer_id
    if event.offer_id is not None:
        case.offer_answer = OfferAnswer.ACCEPTED.value
        case.answered_on = case.answered_on or event.decided_on
    case.planned_move_in_on = event.planned_move_in_on
    case.first_planned_move_in_on = event.planned_move_in_on
    _move(case, CaseState.ALLOCATED)
    _remember(
        uow,
        case,
        "allocation.decided",
        event.decided_on,
        {
            "dwelling_id": event.dwelling_id,
            "area_code": event.area_code,
            "bedrooms": event.bedrooms,
            "planned_move_in_on": event.planned_move_in_on,
        },
    )
    await refresh_case_tasks(uow, case, rules)


async def on_case_move_in_rescheduled(
    uow: UnitOfWork, event: ev.AllocationMoveInRescheduled, rules: domain.TaskRules
) -> None:
    """The renovation slipped: the move-in follows the day the dwelling is expected ready."""
    case = await _case(uow, event.application_id)
    if case is None:
        return
    case.first_planned_move_in_on = case.first_planned_move_in_on or event.previous_move_in_on
    case.planned_move_in_on = event.planned_move_in_on
    case.expected_ready_on = event.planned_move_in_on
    _remember(
        uow,
        case,
        "allocation.move_in_rescheduled",
        event.rescheduled_on,
        {"from": event.previous_move_in_on, "to": event.planned_move_in_on},
    )
    await refresh_case_tasks(uow, case, rules)


async def on_case_moved_in(uow: UnitOfWork, event: ev.TenancyMovedIn, rules: domain.TaskRules) -> None:
    case = await _case(uow, event.application_id)
    if case is None:
        return
    case.moved_in_on = event.move_in_date
    case.tenancy_id = event.tenancy_id
    case.dwelling_id = case.dwelling_id or event.dwelling_id
    _move(case, CaseState.MOVED_IN)
    _remember(uow, case, "tenancy.moved_in", event.move_in_date, {"tenancy_id": event.tenancy_id})
    await refresh_case_tasks(uow, case, rules)


# --- reads --------------------------------------------------------------------------------------------------


async def case_out(session: AsyncSession, case: models.ReferredCase) -> schemas.CaseOut:
    history = await session.scalars(
        select(models.CaseEntry)
        .where(models.CaseEntry.application_id == case.application_id)
        .order_by(models.CaseEntry.id)
    )
    return schemas.CaseOut(
        application_id=case.application_id,
        stay_id=case.stay_id,
        person_ref=case.person_ref,
        state=case.state,
        submitted_on=case.submitted_on,
        missing_documents=list(case.missing_documents or []),
        documents_checked_on=case.documents_checked_on,
        documents_requested_on=case.documents_requested_on,
        meeting_id=case.meeting_id,
        meeting_on=case.meeting_on,
        outcome=case.outcome,
        decided_on=case.decided_on,
        reject_reasons=list(case.reject_reasons or []),
        appeal_deadline=case.appeal_deadline,
        appealed_on=case.appealed_on,
        offer_id=case.offer_id,
        offered_on=case.offered_on,
        answer_deadline=case.answer_deadline,
        offer_answer=case.offer_answer,
        answered_on=case.answered_on,
        dwelling=schemas.DwellingOut(
            dwelling_id=case.dwelling_id, area_code=case.dwelling_area_code, bedrooms=case.dwelling_bedrooms
        )
        if case.dwelling_id
        else None,
        expected_ready_on=case.expected_ready_on,
        allocated_on=case.allocated_on,
        first_planned_move_in_on=case.first_planned_move_in_on,
        planned_move_in_on=case.planned_move_in_on,
        moved_in_on=case.moved_in_on,
        left_list_on=case.left_list_on,
        left_list_reason=case.left_list_reason,
        history=[
            schemas.CaseEntryOut(occurred_on=e.occurred_on, fact=e.fact, state=e.state, detail=e.detail)
            for e in history
        ],
    )


async def case_of_stay(session: AsyncSession, stay: models.Stay) -> schemas.CaseOut | None:
    if stay.application_id is None:
        return None
    case = await session.get(models.ReferredCase, stay.application_id)
    return await case_out(session, case) if case is not None else None


async def read_case(database: Database, application_id: str) -> schemas.CaseOut:
    async with database.sessions() as session:
        case = await get_or_404(session, models.ReferredCase, application_id, what="case")
        return await case_out(session, case)


async def list_cases(
    database: Database,
    page: PageRequest,
    today: date,
    rule: domain.LimitRule,
    *,
    adviser: str | None,
    state: CaseState | None,
) -> tuple[list[schemas.CaseListItem], int]:
    """Referred cases, the latest news first, with the stay's days and the 3-month limit beside each."""
    query = where_given(
        select(models.ReferredCase)
        .outerjoin(models.Stay, models.Stay.id == models.ReferredCase.stay_id)
        .order_by(models.ReferredCase.updated_at.desc(), models.ReferredCase.application_id),
        (models.ReferredCase.state, state),
        (models.Stay.adviser, adviser),
    )
    items: list[schemas.CaseListItem] = []
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
        for case in rows:
            stay = await session.get(models.Stay, case.stay_id) if case.stay_id else None
            open_tasks = await session.scalar(
                select(func.count())
                .select_from(models.Task)
                .where(
                    models.Task.done_at.is_(None),
                    models.Task.subject_id.in_([case.application_id, *([stay.id] if stay else [])]),
                )
            )
            days = None
            if stay is not None:
                days = domain.days_in_stay(stay.start_date, stay.end_date or max(today, stay.start_date))
            items.append(
                schemas.CaseListItem(
                    case=await case_out(session, case),
                    adviser=stay.adviser if stay else None,
                    stay_state=stay.state if stay else None,
                    days_in_stay=days,
                    limit_date=rule.limit_date(stay.start_date) if stay else None,
                    over_limit=days >= rule.limit_days if days is not None else None,
                    open_tasks=int(open_tasks or 0),
                )
            )
    return items, total
