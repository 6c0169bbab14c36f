"""Offers: a ready dwelling is offered to the best-ranked household it suits; a decline (the one-offer rule) or
silence past the deadline passes it down the committee's recommendation, an acceptance allocates it."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationCommand, ApplicationState, OfferState
from boligflyt.applications.letters import LetterKind, allocation_reasons
from boligflyt.applications.models import Applicant, Application, CommitteeAllocation, Dwelling, Meeting, Offer
from boligflyt.applications.schemas import OfferAnswerIn
from boligflyt.applications.service.applications import write_letter
from boligflyt.applications.service.common import SYSTEM_ACTOR, move_application
from boligflyt.applications.service.waiting_list import is_offerable, matches
from boligflyt.applications.settings import ApplicationsSettings
from boligflyt.contracts.codes import DwellingStatus, OfferAnswer, PriorityFactor
from boligflyt.contracts.events.applications import AllocationDecided, ApplicationLeftList, OfferAnswered, OfferMade
from boligflyt.platform.auth import Principal
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, UnitOfWork, get_or_404, read_or_404
from boligflyt.platform.errors import Conflict, RuleViolation
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given


def _expected_ready(dwelling: Dwelling) -> date | None:
    return None if dwelling.status == DwellingStatus.READY.value else dwelling.expected_ready_on


async def open_offer(session: AsyncSession, dwelling_id: str) -> Offer | None:
    query = select(Offer).where(Offer.dwelling_id == dwelling_id, Offer.state == OfferState.PENDING.value)
    return await session.scalar(query)


async def _offer_next(uow: UnitOfWork, dwelling: Dwelling, today: date, answer_days: int) -> Offer | None:
    """Offer the dwelling to the next ranked household that has not had it this round; None if nobody fits."""
    offered = (
        await uow.session.scalars(
            select(Offer.application_id).where(
                Offer.dwelling_id == dwelling.id, Offer.letting_round == dwelling.letting_round
            )
        )
    ).all()
    ranked = await matches(uow.session, dwelling, today)
    # The recommendation (innstilling) of this round is kept; households approved since are added after it.
    recommendation = list(dwelling.recommendation)
    recommendation += [r.candidate.application_id for r in ranked if r.candidate.application_id not in recommendation]
    dwelling.recommendation = recommendation
    chosen = domain.next_in_recommendation(recommendation, offered, [r.candidate.application_id for r in ranked])
    if chosen is None:
        uow.audit("dwelling.back_on_list", "dwelling", dwelling.id, reason="no ranked household left to offer it to")
        return None
    application_id, rank = chosen
    application = await uow.session.get(Application, application_id)
    assert application is not None
    return await offer_to(uow, dwelling, application, rank, today, answer_days)


async def offer_to(
    uow: UnitOfWork,
    dwelling: Dwelling,
    application: Application,
    rank: int,
    today: date,
    answer_days: int,
    meeting_id: str | None = None,
) -> Offer:
    """Send the household the offer, with the day the dwelling is expected ready as its move-in."""
    move_application(uow, application, ApplicationCommand.OFFER)
    ready = dwelling.status == DwellingStatus.READY.value
    offer = Offer(
        id=new_id("off"),
        dwelling_id=dwelling.id,
        application_id=application.id,
        rank=rank,
        state=OfferState.PENDING.value,
        offered_on=today,
        answer_deadline=today + timedelta(days=answer_days),
        letting_round=dwelling.letting_round,
        meeting_id=meeting_id,
        expected_move_in_on=None if ready else dwelling.expected_ready_on,
    )
    uow.session.add(offer)
    uow.record(
        OfferMade(
            offer_id=offer.id,
            application_id=application.id,
            dwelling_id=dwelling.id,
            person_ref=application.person_ref,
            rank=rank,
            offered_on=today,
            answer_deadline=offer.answer_deadline,
            area_code=dwelling.area_code,
            bedrooms=dwelling.bedrooms,
            expected_ready_on=_expected_ready(dwelling),
        )
    )
    uow.audit("offer.made", "offer", offer.id, detail={"application_id": application.id, "rank": rank})
    applicant = await uow.session.get(Applicant, application.applicant_id)
    await write_letter(
        uow,
        application,
        LetterKind.OFFER,
        today,
        offer=offer,
        dwelling=dwelling,
        interpreter=bool(applicant and applicant.interpreter_needed),
    )
    return offer


async def _offer_on(uow: UnitOfWork, dwelling: Dwelling, today: date) -> None:
    """After a decline or silence the dwelling goes to the next household: a ready dwelling down the ranking, one
    coming vacant down the committee's recommendation."""
    can_offer = await is_offerable(uow.session, dwelling)
    if not can_offer and dwelling.recommendation and DwellingStatus(dwelling.status) in domain.COMING_VACANT:
        can_offer = dwelling.allocated_to is None and await open_offer(uow.session, dwelling.id) is None
    if can_offer:
        await _offer_next(uow, dwelling, today, ApplicationsSettings.load().offer_answer_days)


async def make_offer(
    database: Database, principal: Principal, clock: Clock, dwelling_id: str, answer_days: int | None
) -> Offer:
    try:
        async with database.unit_of_work(principal.actor) as uow:
            # The row lock makes two offers of one dwelling take turns (PostgreSQL; SQLite has one writer).
            dwelling = await get_or_404(uow.session, Dwelling, dwelling_id, what="dwelling", lock=True)
            domain.check_offerable(
                dwelling.id,
                DwellingStatus(dwelling.status),
                has_open_offer=await open_offer(uow.session, dwelling.id) is not None,
                allocated=dwelling.allocated_to is not None,
            )
            days = answer_days or ApplicationsSettings.load().offer_answer_days
            offer = await _offer_next(uow, dwelling, clock.today(), days)
            if offer is None:
                raise RuleViolation("no household on the waiting list fits this dwelling", code="no_matching_applicant")
            await uow.commit()
            return offer
    except IntegrityError as exc:  # the partial unique indexes: another offer won the race
        raise Conflict(f"dwelling {dwelling_id} or its household was offered meanwhile") from exc


async def close_offer(uow: UnitOfWork, offer: Offer, answer: OfferState, on: date) -> bool:
    """Move a pending offer to its answer, atomically: False if someone else answered it first."""
    result = await uow.session.execute(
        update(Offer)
        .where(Offer.id == offer.id, Offer.state == OfferState.PENDING.value)
        .values(state=answer.value, answered_on=on)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        return False
    offer.state = answer.value
    offer.answered_on = on
    return True


async def _reasons_for_allocation(
    uow: UnitOfWork, application: Application, dwelling: Dwelling, offer: Offer
) -> list[str]:
    """The allocation decision's reasons: the priority, the fit, and the committee's choice (or the ranking)."""
    committee = await uow.session.scalar(select(CommitteeAllocation).where(CommitteeAllocation.offer_id == offer.id))
    meeting = await uow.session.get(Meeting, offer.meeting_id) if offer.meeting_id else None
    reasons: list[str] = allocation_reasons(
        application,
        dwelling,
        rank=offer.rank,
        meeting_date=meeting.meeting_date if meeting else None,
        deviation_reason=committee.deviation_reason if committee else None,
    )
    return reasons


async def answer_offer(
    database: Database, principal: Principal, clock: Clock, offer_id: str, body: OfferAnswerIn
) -> Offer:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        offer = await get_or_404(uow.session, Offer, offer_id, what="offer")
        answer = domain.answer_offer(OfferState(offer.state), OfferState(body.answer))
        domain.check_planned_move_in(body.planned_move_in_on, today)
        application = await get_or_404(uow.session, Application, offer.application_id, what="application")
        dwelling = await get_or_404(uow.session, Dwelling, offer.dwelling_id, what="dwelling")
        if not await close_offer(uow, offer, answer, today):
            raise Conflict("the offer was answered meanwhile", current_state=offer.state)
        uow.record(
            OfferAnswered(
                offer_id=offer.id,
                application_id=application.id,
                dwelling_id=dwelling.id,
                answer=OfferAnswer(answer.value),
                answered_on=today,
            )
        )
        uow.audit(f"offer.{answer.value}", "offer", offer.id)
        if answer is OfferState.ACCEPTED:
            move_application(uow, application, ApplicationCommand.ACCEPT_OFFER)
            dwelling.allocated_to = application.id
            # The move-in is the day agreed, never before the day LKE expects the dwelling ready, nor before today
            # (a renovation already late has an expected day that has passed).
            agreed = (body.planned_move_in_on, offer.expected_move_in_on, _expected_ready(dwelling))
            planned = max((d for d in (*agreed, today) if d), default=None) if any(agreed) else None
            dwelling.planned_move_in_on = planned
            uow.record(
                AllocationDecided(
                    application_id=application.id,
                    dwelling_id=dwelling.id,
                    person_ref=application.person_ref,
                    offer_id=offer.id,
                    decided_on=today,
                    no_fixed_address=PriorityFactor.NO_FIXED_ADDRESS.value in application.priority_factors,
                    planned_move_in_on=planned,
                    area_code=dwelling.area_code,
                    bedrooms=dwelling.bedrooms,
                    expected_ready_on=_expected_ready(dwelling),
                )
            )
            applicant = await uow.session.get(Applicant, application.applicant_id)
            await write_letter(
                uow,
                application,
                LetterKind.ALLOCATION,
                today,
                dwelling=dwelling,
                planned_move_in_on=planned,
                interpreter=bool(applicant and applicant.interpreter_needed),
                reasons=await _reasons_for_allocation(uow, application, dwelling, offer),
            )
        else:
            move_application(uow, application, ApplicationCommand.DECLINE_OFFER)
            application.left_list_on = today
            uow.record(
                ApplicationLeftList(
                    application_id=application.id,
                    person_ref=application.person_ref,
                    left_on=today,
                    reason=domain.LEFT_LIST_REASON[ApplicationState.DECLINED_OFFER],
                )
            )
            await _offer_on(uow, dwelling, today)
        await uow.commit()
        return offer


async def expire_offers(database: Database, clock: Clock) -> int:
    """Offers unanswered past their deadline expire and pass to the next ranked household. Idempotent."""
    today = clock.today()
    async with database.sessions() as session:
        overdue = (
            await session.scalars(
                select(Offer.id).where(Offer.state == OfferState.PENDING.value, Offer.answer_deadline < today)
            )
        ).all()
    expired = 0
    for offer_id in overdue:
        async with database.unit_of_work(SYSTEM_ACTOR) as uow:
            offer = await uow.session.get(Offer, offer_id)
            if offer is None or not domain.is_overdue(OfferState(offer.state), offer.answer_deadline, today):
                continue
            if not await close_offer(uow, offer, OfferState.EXPIRED, offer.answer_deadline):
                continue
            application = await uow.session.get(Application, offer.application_id)
            dwelling = await uow.session.get(Dwelling, offer.dwelling_id)
            assert application is not None and dwelling is not None
            move_application(uow, application, ApplicationCommand.OFFER_EXPIRED)
            uow.record(
                OfferAnswered(
                    offer_id=offer.id,
                    application_id=application.id,
                    dwelling_id=dwelling.id,
                    answer=OfferAnswer.EXPIRED,
                    answered_on=offer.answer_deadline,
                )
            )
            uow.audit("offer.expired", "offer", offer.id, reason="no answer by the deadline")
            await _offer_on(uow, dwelling, today)
            await uow.commit()
            expired += 1
    return expired


async def get_offer(database: Database, offer_id: str) -> Offer:
    return await read_or_404(database, Offer, offer_id, what="offer")


async def list_offers(
    database: Database,
    page: PageRequest,
    *,
    state: OfferState | None = None,
    dwelling_id: str | None = None,
    application_id: str | None = None,
) -> tuple[list[Offer], int]:
    """Offers in the order they were made, by state, dwelling or application."""
    query = where_given(
        select(Offer).order_by(Offer.offered_on, Offer.id),
        (Offer.state, state),
        (Offer.dwelling_id, dwelling_id),
        (Offer.application_id, application_id),
    )
    return await read_page(database, query, page)
