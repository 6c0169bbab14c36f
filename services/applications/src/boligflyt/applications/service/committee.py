"""The allocation committee (tildelingsutvalget, TBO): its meetings, the case list that freezes before each,
its decisions, which put an application on the waiting list or refuse it with reasons, and its allocations of
dwellings ready or coming vacant to households, on Boligkontoret's recommendation (innstilling)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationCommand, ApplicationState, OfferState
from boligflyt.applications.letters import LetterKind
from boligflyt.applications.models import Application, CommitteeAllocation, Dwelling, Meeting, MeetingCase, Offer
from boligflyt.applications.schemas import CommitteeAllocationIn, DecisionIn
from boligflyt.applications.service.applications import write_letter
from boligflyt.applications.service.common import commit_or_conflict, move_application, referenced
from boligflyt.applications.service.offers import offer_to, open_offer
from boligflyt.applications.service.waiting_list import candidates, dwelling_fit
from boligflyt.applications.settings import ApplicationsSettings
from boligflyt.contracts.codes import ApplicationKind, DecisionOutcome, DwellingStatus, PriorityFactor
from boligflyt.contracts.events.applications import ApplicationDecided, ApplicationListedForMeeting
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
        uow.record(
            ApplicationListedForMeeting(
                application_id=application.id, meeting_id=meeting.id, meeting_on=meeting.meeting_date, listed_on=today
            )
        )
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


# --- Allocation at the meeting ---------------------------------------------------------------------------


async def _dwellings_to_allocate(session: AsyncSession) -> list[Dwelling]:
    """Ready or coming vacant, allocated to nobody and on offer to nobody."""
    on_offer = select(Offer.dwelling_id).where(Offer.state == OfferState.PENDING.value)
    query = (
        select(Dwelling)
        .where(
            Dwelling.status.in_([s.value for s in domain.TO_ALLOCATE]),
            Dwelling.allocated_to.is_(None),
            Dwelling.id.not_in(on_offer),
        )
        .order_by(Dwelling.id)
    )
    return list((await session.scalars(query)).all())


def _to_allocate(dwelling: Dwelling) -> domain.DwellingToAllocate:
    return domain.DwellingToAllocate(
        fit=dwelling_fit(dwelling),
        status=DwellingStatus(dwelling.status),
        expected_ready_on=dwelling.expected_ready_on,
    )


async def _recommend(session: AsyncSession, today: date) -> list[domain.Recommendation]:
    dwellings = [_to_allocate(d) for d in await _dwellings_to_allocate(session)]
    return domain.recommend(dwellings, await candidates(session), today)


async def recommendation(
    database: Database, clock: Clock, meeting_id: str
) -> tuple[Meeting, list[domain.Recommendation]]:
    """Boligkontoret's recommendation (innstilling) to the meeting: every dwelling ready or coming vacant, the
    households each suits, ranked and explained, and the household proposed."""
    async with database.sessions() as session:
        meeting = await get_or_404(session, Meeting, meeting_id, what="meeting")
        return meeting, await _recommend(session, clock.today())


async def allocate(
    database: Database, principal: Principal, clock: Clock, meeting_id: str, body: CommitteeAllocationIn
) -> CommitteeAllocation:
    """The committee allocates a dwelling to a household; the offer goes to that household with the day the
    dwelling is expected ready. A decline or silence passes it down the recommendation (the one-offer rule)."""
    today = clock.today()
    try:
        async with database.unit_of_work(principal.actor) as uow:
            meeting = await get_or_404(uow.session, Meeting, meeting_id, what="meeting")
            domain.check_meeting_held(meeting.meeting_date, today)
            dwelling = await get_or_404(uow.session, Dwelling, body.dwelling_id, what="dwelling", lock=True)
            domain.check_allocatable(
                dwelling.id,
                DwellingStatus(dwelling.status),
                has_open_offer=await open_offer(uow.session, dwelling.id) is not None,
                allocated=dwelling.allocated_to is not None,
            )
            application = await referenced(uow.session, Application, body.application_id, "application")
            domain.check_on_waiting_list(application.id, ApplicationState(application.state))
            # The whole recommendation: who is proposed for this dwelling depends on every other dwelling on the
            # list (each household is proposed for one only, the earliest ready it fits).
            advice = next(r for r in await _recommend(uow.session, today) if r.dwelling.fit.dwelling_id == dwelling.id)
            chosen = domain.check_committee_choice(
                advice, application.id, _needs_of(application), body.deviation_reason
            )
            # The committee's choice heads the round's recommendation; the rest follow in their ranking.
            dwelling.recommendation = [application.id] + [
                r.candidate.application_id for r in advice.ranked if r.candidate.application_id != application.id
            ]
            days = ApplicationsSettings.load().offer_answer_days
            offer = await offer_to(uow, dwelling, application, chosen.rank, today, days, meeting_id=meeting.id)
            decision = CommitteeAllocation(
                id=new_id("tld"),
                meeting_id=meeting.id,
                dwelling_id=dwelling.id,
                application_id=application.id,
                proposed_application_id=advice.proposed.candidate.application_id if advice.proposed else None,
                deviation_reason=body.deviation_reason,
                decided_on=today,
                offer_id=offer.id,
                expected_move_in_on=offer.expected_move_in_on,
            )
            uow.session.add(decision)
            uow.audit(
                "committee.allocated",
                "meeting",
                meeting.id,
                reason=body.deviation_reason,
                detail={
                    "dwelling_id": dwelling.id,
                    "application_id": application.id,
                    "proposed_application_id": decision.proposed_application_id,
                },
            )
            await uow.commit()
            return decision
    except IntegrityError as exc:  # the partial unique indexes: another offer won the race
        raise Conflict(f"dwelling {body.dwelling_id} or its household was offered meanwhile") from exc


def _needs_of(application: Application) -> domain.Needs:
    return domain.Needs(
        kind=ApplicationKind(application.kind),
        household=domain.Household(application.adults, application.children, application.children_needing_own_bedroom),
        bedrooms=application.bedrooms_needed,
        accessible=application.accessible_needed,
        staffed=application.staffed_needed,
        areas=tuple(application.area_wishes),
    )


async def allocations_of(database: Database, meeting_id: str) -> list[CommitteeAllocation]:
    async with database.sessions() as session:
        await get_or_404(session, Meeting, meeting_id, what="meeting")
        rows = await session.scalars(
            select(CommitteeAllocation)
            .where(CommitteeAllocation.meeting_id == meeting_id)
            .order_by(CommitteeAllocation.decided_on, CommitteeAllocation.id)
        )
        return list(rows)


async def dwellings_by_id(database: Database, dwelling_ids: list[str]) -> dict[str, Dwelling]:
    async with database.sessions() as session:
        rows = await session.scalars(select(Dwelling).where(Dwelling.id.in_(dwelling_ids)))
        return {dwelling.id: dwelling for dwelling in rows}
