"""Tenancy contracts: signing for an allocated application, moving in, notice and its withdrawal, renewal of a
time-limited contract, the end, and the reminders before a contract ends (husleieloven § 9-2)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationCommand, ApplicationState, Reminder, TenancyCommand, TenancyState
from boligflyt.applications.models import Applicant, Application, Dwelling, Renewal, Tenancy
from boligflyt.applications.schemas import EndIn, NoticeIn, RenewalIn, TenancyIn
from boligflyt.applications.service.common import (
    SYSTEM_ACTOR,
    move_application,
    referenced,
)
from boligflyt.applications.service.dwellings import notice_given, notice_withdrawn, tenancy_ended
from boligflyt.applications.service.gates import gate_facts
from boligflyt.applications.settings import ApplicationsSettings
from boligflyt.contracts.codes import ContractType, DwellingStatus
from boligflyt.contracts.events.applications import (
    TenancyEnded,
    TenancyEndingSoon,
    TenancyMovedIn,
    TenancyNoticeGiven,
    TenancyNoticeWithdrawn,
    TenancyPastEndEscalated,
    TenancyRenewed,
    TenancySigned,
)
from boligflyt.platform.auth import Principal
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, UnitOfWork, get_or_404, read_or_404
from boligflyt.platform.errors import Conflict
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given


def _move(uow: UnitOfWork, tenancy: Tenancy, command: TenancyCommand) -> None:
    before = tenancy.state
    tenancy.state = domain.tenancy_transition(TenancyState(before), command).value
    uow.audit(f"tenancy.{command.value}", "tenancy", tenancy.id, detail={"from": before, "to": tenancy.state})


async def sign_tenancy(database: Database, principal: Principal, clock: Clock, body: TenancyIn) -> Tenancy:
    today = clock.today()
    signed_on = body.signed_on or today
    async with database.unit_of_work(principal.actor) as uow:
        application = await referenced(uow.session, Application, body.application_id, "application")
        domain.check_can_sign(ApplicationState(application.state))
        dwelling = await uow.session.scalar(
            select(Dwelling).where(Dwelling.allocated_to == application.id).with_for_update()
        )
        if dwelling is None:
            raise Conflict("no dwelling is allocated to this application", current_state=application.state)
        # Locked with the dwelling: LKE's withdrawal arrives as an event on this row, so the two never interleave.
        domain.check_dwelling_not_withdrawn(dwelling.id, DwellingStatus(dwelling.status))
        domain.check_gates_closed(gate_facts(application, dwelling, body.deposit_kind), today)
        end_date = domain.contract_end_date(body.contract_type, body.start_date, body.end_date, signed_on)
        rent = body.monthly_rent if body.monthly_rent is not None else dwelling.monthly_rent
        applicant = await uow.session.get(Applicant, application.applicant_id)
        move_application(uow, application, ApplicationCommand.SIGN_CONTRACT)
        tenancy = Tenancy(
            id=new_id("ten"),
            application_id=application.id,
            dwelling_id=dwelling.id,
            person_ref=application.person_ref,
            state=TenancyState.SIGNED.value,
            contract_type=body.contract_type.value,
            signed_on=signed_on,
            start_date=body.start_date,
            end_date=end_date,
            monthly_rent=rent,
            deposit_kind=body.deposit_kind.value,
            deposit_amount=domain.deposit_amount(body.deposit_kind, rent),
            interpreter_at_signing=bool(applicant and applicant.interpreter_needed),
            reminders_sent=[],
        )
        uow.session.add(tenancy)
        uow.record(
            TenancySigned(
                tenancy_id=tenancy.id,
                application_id=application.id,
                dwelling_id=dwelling.id,
                person_ref=application.person_ref,
                contract_type=body.contract_type,
                signed_on=signed_on,
                start_date=body.start_date,
                end_date=end_date,
                monthly_rent=rent,
                deposit_kind=body.deposit_kind,
                deposit_amount=tenancy.deposit_amount,
                adults=application.adults,
                children=application.children,
            )
        )
        uow.audit("tenancy.signed", "tenancy", tenancy.id, detail={"contract_type": body.contract_type.value})
        await uow.commit()
        return tenancy


async def move_in(
    database: Database, principal: Principal, clock: Clock, tenancy_id: str, move_in_date: date | None
) -> Tenancy:
    async with database.unit_of_work(principal.actor) as uow:
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, what="tenancy")
        _move(uow, tenancy, TenancyCommand.MOVE_IN)
        application = await get_or_404(uow.session, Application, tenancy.application_id, what="application")
        dwelling = await get_or_404(uow.session, Dwelling, tenancy.dwelling_id, what="dwelling")
        moved_in_on = move_in_date or tenancy.start_date
        domain.check_dwelling_ready_for_move_in(
            dwelling.id, DwellingStatus(dwelling.status), dwelling.expected_ready_on
        )
        domain.check_move_in(moved_in_on, tenancy.start_date, clock.today())
        move_application(uow, application, ApplicationCommand.MOVE_IN)
        tenancy.move_in_date = moved_in_on
        uow.record(
            TenancyMovedIn(
                tenancy_id=tenancy.id,
                dwelling_id=dwelling.id,
                application_id=application.id,
                person_ref=tenancy.person_ref,
                move_in_date=tenancy.move_in_date,
                first_let=dwelling.first_let,
            )
        )
        dwelling.first_let = False
        await uow.commit()
        return tenancy


async def give_notice(
    database: Database, principal: Principal, clock: Clock, tenancy_id: str, body: NoticeIn
) -> Tenancy:
    given_on = body.given_on or clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, what="tenancy")
        _move(uow, tenancy, TenancyCommand.GIVE_NOTICE)
        domain.check_notice(given_on, body.move_out_date, tenancy.start_date)
        tenancy.notice_given_on = given_on
        tenancy.notice_given_by = body.given_by.value
        tenancy.move_out_date = body.move_out_date
        uow.record(
            TenancyNoticeGiven(
                tenancy_id=tenancy.id,
                dwelling_id=tenancy.dwelling_id,
                given_on=given_on,
                given_by=body.given_by,
                move_out_date=body.move_out_date,
            )
        )
        await notice_given(uow, tenancy.dwelling_id, given_on, body.move_out_date)
        await uow.commit()
        return tenancy


async def withdraw_notice(database: Database, principal: Principal, clock: Clock, tenancy_id: str) -> Tenancy:
    async with database.unit_of_work(principal.actor) as uow:
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, what="tenancy")
        _move(uow, tenancy, TenancyCommand.WITHDRAW_NOTICE)
        dwelling = await uow.session.get(Dwelling, tenancy.dwelling_id)
        if dwelling is not None and dwelling.allocated_to not in (None, tenancy.application_id):
            # The next household was promised the dwelling on the strength of the notice.
            raise Conflict(
                "the dwelling is already allocated to the next household: the notice can no longer be withdrawn",
                current_state="allocated",
                extra={"dwelling_id": dwelling.id},
            )
        await notice_withdrawn(uow, tenancy.dwelling_id, clock.today())
        tenancy.notice_given_on = None
        tenancy.notice_given_by = None
        tenancy.move_out_date = None
        uow.record(
            TenancyNoticeWithdrawn(tenancy_id=tenancy.id, dwelling_id=tenancy.dwelling_id, withdrawn_on=clock.today())
        )
        await uow.commit()
        return tenancy


async def renew(database: Database, principal: Principal, clock: Clock, tenancy_id: str, body: RenewalIn) -> Tenancy:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, what="tenancy")
        _move(uow, tenancy, TenancyCommand.RENEW)
        previous_end = domain.renewable_end(tenancy.end_date)
        renewal_application = await referenced(uow.session, Application, body.application_id, "application")
        domain.check_renewal_application(
            tenancy.id, renewal_application.renewal_of_tenancy_id, ApplicationState(renewal_application.state)
        )
        contract_type = body.contract_type or ContractType(tenancy.contract_type)
        new_end = domain.renewed_end_date(contract_type, previous_end, body.new_end_date)
        uow.session.add(
            Renewal(
                id=new_id("ren"),
                tenancy_id=tenancy.id,
                renewed_on=today,
                contract_type=contract_type.value,
                previous_end_date=previous_end,
                new_end_date=new_end,
                able_to_buy=body.ownership_check.able_to_buy,
                ownership_note=body.ownership_check.note,
            )
        )
        tenancy.contract_type = contract_type.value
        tenancy.end_date = new_end
        tenancy.reminders_sent = []
        uow.record(
            TenancyRenewed(
                tenancy_id=tenancy.id,
                dwelling_id=tenancy.dwelling_id,
                application_id=body.application_id,
                renewed_on=today,
                contract_type=contract_type,
                previous_end_date=previous_end,
                new_end_date=new_end,
            )
        )
        await uow.commit()
        return tenancy


async def end_tenancy(database: Database, principal: Principal, clock: Clock, tenancy_id: str, body: EndIn) -> Tenancy:
    async with database.unit_of_work(principal.actor) as uow:
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, what="tenancy")
        _move(uow, tenancy, TenancyCommand.END)
        end_date = body.end_date or tenancy.move_out_date or clock.today()
        domain.check_tenancy_end(tenancy.start_date, end_date)
        tenancy.ended_on = end_date
        tenancy.end_reason = body.reason.value
        dwelling = await uow.session.get(Dwelling, tenancy.dwelling_id)
        if dwelling is not None and dwelling.allocated_to == tenancy.application_id:
            dwelling.allocated_to = None
        uow.record(
            TenancyEnded(tenancy_id=tenancy.id, dwelling_id=tenancy.dwelling_id, end_date=end_date, reason=body.reason)
        )
        await tenancy_ended(uow, tenancy.dwelling_id, end_date)
        await uow.commit()
        return tenancy


async def remind_tenancy_ends(database: Database, clock: Clock) -> int:
    """Reminders before a time-limited contract ends and at its end (husleieloven § 9-2). Idempotent."""
    today = clock.today()
    months = ApplicationsSettings.load().renewal_reminder_months
    horizon = domain.add_months(today, months)
    async with database.sessions() as session:
        ids = (
            await session.scalars(
                select(Tenancy.id).where(
                    Tenancy.state.in_([TenancyState.ACTIVE.value, TenancyState.SIGNED.value]),
                    Tenancy.end_date.is_not(None),
                    Tenancy.end_date <= horizon,
                )
            )
        ).all()
    sent = 0
    for tenancy_id in ids:
        async with database.unit_of_work(SYSTEM_ACTOR) as uow:
            # Locked: every replica (and every worker process) runs this job, and two runs at once must not both
            # find the same reminder due and send it twice.
            tenancy = await uow.session.get(Tenancy, tenancy_id, with_for_update=True)
            if tenancy is None or tenancy.end_date is None:
                continue
            due = domain.due_reminders(tenancy.end_date, today, months, (Reminder(r) for r in tenancy.reminders_sent))
            if not due:
                continue
            for reminder in due:
                uow.record(
                    TenancyEndingSoon(
                        tenancy_id=tenancy.id,
                        dwelling_id=tenancy.dwelling_id,
                        contract_type=ContractType(tenancy.contract_type),
                        end_date=tenancy.end_date,
                        days_left=max(0, (tenancy.end_date - today).days),
                        expiry_notice_deadline=domain.expiry_notice_deadline(tenancy.end_date),
                    )
                )
                uow.audit("tenancy.ending_soon", "tenancy", tenancy.id, detail={"reminder": reminder.value})
            tenancy.reminders_sent = [*tenancy.reminders_sent, *(r.value for r in due)]
            await uow.commit()
            sent += len(due)
    return sent


async def escalate_past_end(database: Database, clock: Clock) -> int:
    """Husleieloven § 9-2: every time-limited contract one or more days past its end with neither a renewal nor a
    notice is escalated (`tenancy.past_end_escalated`), once per contract end. Daily; idempotent."""
    today = clock.today()
    async with database.sessions() as session:
        ids = (
            await session.scalars(
                select(Tenancy.id).where(
                    Tenancy.state.in_([TenancyState.ACTIVE.value, TenancyState.SIGNED.value]),
                    Tenancy.end_date < today,
                    # Escalated for this end already: not looked at again (the rule below decides for the rest).
                    or_(Tenancy.escalated_end_date.is_(None), Tenancy.escalated_end_date != Tenancy.end_date),
                )
            )
        ).all()
    escalated = 0
    for tenancy_id in ids:
        async with database.unit_of_work(SYSTEM_ACTOR) as uow:
            # Locked, as for the reminders: two replicas running the job at once must not both escalate.
            tenancy = await uow.session.get(Tenancy, tenancy_id, with_for_update=True)
            if tenancy is None or tenancy.end_date is None:
                continue
            if not domain.escalation_due(
                tenancy.end_date, TenancyState(tenancy.state), today, tenancy.escalated_end_date
            ):
                continue
            uow.record(
                TenancyPastEndEscalated(
                    tenancy_id=tenancy.id,
                    dwelling_id=tenancy.dwelling_id,
                    contract_type=ContractType(tenancy.contract_type),
                    end_date=tenancy.end_date,
                    escalated_on=today,
                    days_past_end=domain.past_end_unresolved(tenancy.end_date, TenancyState(tenancy.state), today),
                    expiry_notice_deadline=domain.expiry_notice_deadline(tenancy.end_date),
                )
            )
            tenancy.escalated_end_date = tenancy.end_date
            uow.audit("tenancy.past_end_escalated", "tenancy", tenancy.id, detail={"end_date": str(tenancy.end_date)})
            await uow.commit()
            escalated += 1
    return escalated


async def get_tenancy(database: Database, tenancy_id: str) -> Tenancy:
    return await read_or_404(database, Tenancy, tenancy_id, what="tenancy")


async def list_tenancies(
    database: Database,
    page: PageRequest,
    *,
    state: TenancyState | None = None,
    dwelling_id: str | None = None,
    ending_before: date | None = None,
) -> tuple[list[Tenancy], int]:
    """Tenancies by start, by state, dwelling, or those ending before a day."""
    query = where_given(
        select(Tenancy).order_by(Tenancy.start_date, Tenancy.id),
        (Tenancy.state, state),
        (Tenancy.dwelling_id, dwelling_id),
    )
    if ending_before is not None:
        query = query.where(Tenancy.end_date < ending_before)
    return await read_page(database, query, page)
