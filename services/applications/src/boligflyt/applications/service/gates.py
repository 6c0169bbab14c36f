"""The gates before a contract (domain/gates.py): asking the co-op board and recording its answer, its silence
approving after 20 days (a periodic job), the deposit paid, and NAV's guarantee decision (from NAV's event)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.domain import BoardAnswer, GateFacts
from boligflyt.applications.models import Application, Dwelling
from boligflyt.applications.schemas import CoopBoardAnswerIn, CoopBoardRequestIn, DepositPaymentIn
from boligflyt.applications.service.common import SYSTEM_ACTOR
from boligflyt.contracts.codes import DepositKind, GuaranteeDecision
from boligflyt.contracts.events.temporary_housing import DepositGuaranteeDecided
from boligflyt.platform.auth import Principal
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.errors import Conflict


async def allocated_dwelling(session: AsyncSession, application: Application) -> Dwelling:
    dwelling = await session.scalar(select(Dwelling).where(Dwelling.allocated_to == application.id))
    if dwelling is None:
        raise Conflict("no dwelling is allocated to this application", current_state=application.state)
    return dwelling


def gate_facts(application: Application, dwelling: Dwelling, deposit_kind: DepositKind) -> GateFacts:
    asked_for_this_dwelling = application.coop_board_dwelling_id == dwelling.id
    return GateFacts(
        coop_board_required=dwelling.coop_board_approval,
        coop_board_requested_on=application.coop_board_requested_on if asked_for_this_dwelling else None,
        coop_board_answer=(
            BoardAnswer(application.coop_board_answer)
            if asked_for_this_dwelling and application.coop_board_answer
            else None
        ),
        deposit_kind=deposit_kind,
        deposit_paid_on=application.deposit_paid_on,
        guarantee=GuaranteeDecision(application.guarantee_decision) if application.guarantee_decision else None,
    )


async def gates_of(
    database: Database, clock: Clock, application_id: str, deposit_kind: DepositKind
) -> tuple[Application, Dwelling, dict[str, str]]:
    async with database.sessions() as session:
        application = await get_or_404(session, Application, application_id, what="application")
        dwelling = await allocated_dwelling(session, application)
        state = domain.gate_state(gate_facts(application, dwelling, deposit_kind), clock.today())
        return application, dwelling, {gate.value: value for gate, value in state.items()}


async def request_coop_board(
    database: Database, principal: Principal, clock: Clock, application_id: str, body: CoopBoardRequestIn
) -> Application:
    """Boligkontoret sends the co-op board the request to approve the tenant; its 20 days run from the day it got it."""
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, what="application", lock=True)
        dwelling = await allocated_dwelling(uow.session, application)
        if not dwelling.coop_board_approval:
            raise Conflict(
                f"dwelling {dwelling.id} has no co-op board to approve its tenants", current_state="no_board"
            )
        if application.coop_board_dwelling_id == dwelling.id and application.coop_board_requested_on is not None:
            raise Conflict(
                f"the co-op board was already asked on {application.coop_board_requested_on.isoformat()}",
                current_state="requested",
            )
        application.coop_board_dwelling_id = dwelling.id
        application.coop_board_requested_on = body.requested_on or clock.today()
        application.coop_board_answer = None
        application.coop_board_answered_on = None
        uow.audit(
            "coop_board.requested",
            "application",
            application.id,
            detail={"dwelling_id": dwelling.id, "requested_on": application.coop_board_requested_on.isoformat()},
        )
        await uow.commit()
        return application


async def answer_coop_board(
    database: Database, principal: Principal, clock: Clock, application_id: str, body: CoopBoardAnswerIn
) -> Application:
    answered_on = body.answered_on or clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, what="application", lock=True)
        dwelling = await allocated_dwelling(uow.session, application)
        facts = gate_facts(application, dwelling, DepositKind.NONE)
        domain.check_board_answer(facts.coop_board_requested_on, answered_on, facts.coop_board_answer)
        application.coop_board_answer = BoardAnswer(body.answer).value
        application.coop_board_answered_on = answered_on
        uow.audit("coop_board.answered", "application", application.id, detail={"answer": body.answer})
        await uow.commit()
        return application


async def record_deposit_paid(
    database: Database, principal: Principal, clock: Clock, application_id: str, body: DepositPaymentIn
) -> Application:
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, what="application", lock=True)
        await allocated_dwelling(uow.session, application)
        application.deposit_paid_on = body.paid_on or clock.today()
        uow.audit("deposit.paid", "application", application.id, detail={"paid_on": str(application.deposit_paid_on)})
        await uow.commit()
        return application


async def guarantee_decided(uow: UnitOfWork, event: DepositGuaranteeDecided) -> None:
    """NAV's decision on the deposit guarantee; a later decision (on appeal) replaces an earlier one."""
    application = await uow.session.get(Application, event.application_id, with_for_update=True)
    if application is None:
        uow.audit("guarantee.unknown_application", "application", event.application_id, reason="not ours")
        return
    if application.guarantee_decided_on is not None and application.guarantee_decided_on > event.decided_on:
        return  # an older decision redelivered
    application.guarantee_id = event.guarantee_id
    application.guarantee_decision = event.decision.value
    application.guarantee_decided_on = event.decided_on
    uow.audit("guarantee.decided", "application", application.id, detail={"decision": event.decision.value})


async def approve_by_board_silence(database: Database, clock: Clock) -> int:
    """Co-op boards silent for 20 days since the request have approved (borettslagslova § 4-18). Idempotent: the
    conditional update only touches requests still unanswered, so two runs (or replicas) never both record it."""
    latest_request = clock.today() - timedelta(days=domain.COOP_BOARD_SILENCE_DAYS)
    async with database.unit_of_work(SYSTEM_ACTOR) as uow:
        ids = (
            await uow.session.scalars(
                select(Application.id).where(
                    Application.coop_board_requested_on.is_not(None),
                    Application.coop_board_requested_on <= latest_request,
                    Application.coop_board_answer.is_(None),
                )
            )
        ).all()
        approved = 0
        for application_id in ids:
            application = await uow.session.get(Application, application_id)
            assert application is not None and application.coop_board_requested_on is not None
            result = await uow.session.execute(
                update(Application)
                .where(Application.id == application_id, Application.coop_board_answer.is_(None))
                .values(
                    coop_board_answer=BoardAnswer.APPROVED_BY_SILENCE.value,
                    coop_board_answered_on=domain.silence_approves_on(application.coop_board_requested_on),
                )
                .execution_options(synchronize_session=False)
            )
            if result.rowcount:  # type: ignore[attr-defined]
                approved += 1
                uow.audit("coop_board.approved_by_silence", "application", application_id)
        await uow.commit()
        return approved
