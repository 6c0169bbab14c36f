"""The allocation committee (tildelingsutvalget, TBO): its meetings, the case list that freezes before each,
and its decisions, which put an application on the waiting list or refuse it with reasons."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationCommand, ApplicationState
from boligflyt.applications.letters import LetterKind
from boligflyt.applications.models import Application, Meeting, MeetingCase
from boligflyt.applications.schemas import DecisionIn
from boligflyt.applications.service.applications import write_letter
from boligflyt.applications.service.common import commit_or_conflict, move_application, referenced
from boligflyt.contracts.codes import ApplicationKind, DecisionOutcome, PriorityFactor
from boligflyt.contracts.events.applications import ApplicationDecided
from boligflyt.platform.auth import Principal
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, get_or_404
from boligflyt.platform.errors import Conflict
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page


async def create_meeting(database: Database, principal: Principal, meeting_date: date) -> Meeting:
    async with database.unit_of_work(principal.actor) as uow:
        if await uow.session.scalar(select(Meeting).where(Meeting.meeting_date == meeting_date)):
            raise Conflict(f"there is already a committee meeting on {meeting_date.isoformat()}")
        meeting = Meeting(
            id=new_id("mtg"),
            meeting_date=meeting_date,
            case_list_freezes_on=domain.case_list_freezes_on(meeting_date),
        )
        uow.session.add(meeting)
        uow.audit("meeting.created", "meeting", meeting.id, detail={"meeting_date": meeting_date.isoformat()})
        await commit_or_conflict(uow, f"there is already a committee meeting on {meeting_date.isoformat()}")
        return meeting


async def add_case(
    database: Database, principal: Principal, clock: Clock, meeting_id: str, application_id: str
) -> None:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        meeting = await get_or_404(uow.session, Meeting, meeting_id, what="meeting")
        domain.check_case_list_open(meeting.meeting_date, meeting.case_list_freezes_on, today)
        application = await referenced(uow.session, Application, application_id, "application")
        domain.check_committee_case(ApplicationState(application.state))
        pending = await uow.session.scalar(
            select(MeetingCase).where(MeetingCase.application_id == application_id, MeetingCase.outcome.is_(None))
        )
        if pending is not None:
            raise Conflict(
                "the application is already on a committee case list",
                current_state=application.state,
                extra={"meeting_id": pending.meeting_id},
            )
        uow.session.add(MeetingCase(meeting_id=meeting.id, application_id=application.id, added_on=today))
        uow.audit("meeting.case_added", "meeting", meeting.id, detail={"application_id": application.id})
        await uow.commit()


async def decide(
    database: Database, principal: Principal, clock: Clock, meeting_id: str, body: DecisionIn
) -> Application:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        meeting = await get_or_404(uow.session, Meeting, meeting_id, what="meeting")
        case = await uow.session.scalar(
            select(MeetingCase).where(
                MeetingCase.meeting_id == meeting_id, MeetingCase.application_id == body.application_id
            )
        )
        domain.check_decision(
            meeting.meeting_date,
            today,
            on_case_list=case is not None,
            decided_as=case.outcome if case is not None else None,
        )
        assert case is not None
        application = await referenced(uow.session, Application, body.application_id, "application")
        after_appeal = application.state == ApplicationState.APPEALED
        approved = body.outcome is DecisionOutcome.APPROVED
        move_application(uow, application, ApplicationCommand.APPROVE if approved else ApplicationCommand.REJECT)
        application.decided_on = meeting.meeting_date
        application.outcome = body.outcome.value
        application.reject_reasons = [r.value for r in body.reject_reasons]
        application.appeal_deadline = domain.decision_appeal_deadline(
            approved, meeting.meeting_date, body.notified_on or today
        )
        case.outcome = body.outcome.value
        case.reject_reasons = application.reject_reasons
        case.reasoning = body.reasoning
        case.after_appeal = after_appeal
        uow.record(
            ApplicationDecided(
                application_id=application.id,
                person_ref=application.person_ref,
                decided_on=meeting.meeting_date,
                outcome=body.outcome,
                kind=ApplicationKind(application.kind),
                bedrooms_needed=application.bedrooms_needed,
                priority_factors=tuple(PriorityFactor(f) for f in application.priority_factors),
                reject_reasons=tuple(body.reject_reasons),
                appeal_deadline=application.appeal_deadline,
                after_appeal=after_appeal,
            )
        )
        if approved and application.renewal_of_tenancy_id is None:  # a renewal is not on the waiting list
            await write_letter(uow, application, LetterKind.WAITING_LIST, today)
        elif not approved:
            await write_letter(
                uow, application, LetterKind.REFUSAL, today, reasons=body.reject_reasons, reasoning=body.reasoning
            )
        await uow.commit()
        return application


async def cases_of(session: AsyncSession, meeting_id: str) -> list[MeetingCase]:
    cases = await session.scalars(
        select(MeetingCase).where(MeetingCase.meeting_id == meeting_id).order_by(MeetingCase.id)
    )
    return list(cases)


async def get_meeting(database: Database, meeting_id: str) -> tuple[Meeting, list[MeetingCase]]:
    """The meeting with its case list."""
    async with database.sessions() as session:
        meeting = await get_or_404(session, Meeting, meeting_id, what="meeting")
        return meeting, await cases_of(session, meeting.id)


async def list_meetings(
    database: Database, page: PageRequest, *, from_date: date | None = None
) -> tuple[list[tuple[Meeting, list[MeetingCase]]], int]:
    """The meetings by date (from `from_date` on), each with its case list."""
    query = select(Meeting).order_by(Meeting.meeting_date)
    if from_date is not None:
        query = query.where(Meeting.meeting_date >= from_date)
    async with database.sessions() as session:
        meetings, total = await fetch_page(session, query, page)
        return [(meeting, await cases_of(session, meeting.id)) for meeting in meetings], total
