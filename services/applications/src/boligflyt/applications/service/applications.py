"""Applications: submitting one (with its receipt), the completeness check that asks for what is missing, the
appeal, leaving the waiting list, the letters kept with each case, and NAV's view of its own referrals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, select

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationCommand, ApplicationState
from boligflyt.applications.letters import KIND_TEXT, LetterKind, render
from boligflyt.applications.models import Applicant, Application, Letter, Tenancy
from boligflyt.applications.schemas import ApplicationIn
from boligflyt.applications.service.applicants import referenced_applicant
from boligflyt.applications.service.common import (
    ensure_own_client,
    move_application,
    referenced,
)
from boligflyt.contracts.codes import ApplicationKind, DocumentKind, LeftListReason, Referrer
from boligflyt.contracts.events.applications import (
    ApplicationAppealed,
    ApplicationCompletenessChecked,
    ApplicationLeftList,
    ApplicationSubmitted,
)
from boligflyt.platform.auth import Agency, Principal
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, UnitOfWork, get_or_404, read_or_404, utcnow
from boligflyt.platform.errors import NotFound
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given


async def write_letter(uow: UnitOfWork, application: Application, kind: LetterKind, today: date, **extra: Any) -> None:
    """Write a letter of the case to whoever its replies go to, and keep it with the case."""
    applicant = await uow.session.get(Applicant, application.applicant_id)
    assert applicant is not None
    if application.reply_to == "referrer":
        addressee = application.referrer_contact or "NAV Intro, programrådgiver"
    else:
        addressee = ", ".join(part for part in (applicant.name, applicant.postal_address) if part)
    subject, body = render(
        kind,
        application=application,
        addressee=addressee,
        today=today,
        kind_text=KIND_TEXT[ApplicationKind(application.kind)],
        **extra,
    )
    letter = Letter(
        id=new_id("ltr"),
        application_id=application.id,
        kind=kind.value,
        written_on=today,
        # The wall clock, not the domain's: it orders a case's letters, also while a test's clock stands still.
        written_at=utcnow(),
        addressee=addressee,
        subject=subject,
        body=body,
    )
    uow.session.add(letter)
    uow.audit("letter.written", "application", application.id, detail={"letter_id": letter.id, "kind": kind.value})


async def submit_application(
    database: Database, principal: Principal, clock: Clock, body: ApplicationIn
) -> Application:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        applicant, consents = await referenced_applicant(uow.session, body.applicant_id)
        ensure_own_client(principal, applicant)
        domain.check_consent_to_collect((consent.scope, consent.revoked_on) for consent in consents)
        domain.check_referral(body.referrer, body.referrer_case_ref, by_nav=principal.agency is Agency.nav)
        if body.renewal_of_tenancy_id is not None:
            await referenced(uow.session, Tenancy, body.renewal_of_tenancy_id, "tenancy")
        household = body.household
        # The norm of § 12 is the least; a documented need (a child's own room, say) may ask for more.
        norm = domain.minimum_bedrooms(
            domain.Household(household.adults, household.children, household.children_needing_own_bedroom)
        )
        bedrooms = max(norm, body.needs.bedrooms or 0)
        factors = list(dict.fromkeys(body.priority_factors))
        application = Application(
            id=new_id("app"),
            applicant_id=applicant.id,
            person_ref=applicant.person_ref,
            state=ApplicationState.SUBMITTED.value,
            kind=body.kind.value,
            submitted_on=today,
            adults=household.adults,
            children=household.children,
            children_needing_own_bedroom=household.children_needing_own_bedroom,
            bedrooms_needed=bedrooms,
            accessible_needed=body.needs.accessible,
            staffed_needed=body.needs.staffed,
            area_wishes=sorted(set(body.needs.areas)),
            priority_factors=[f.value for f in factors],
            referrer=body.referrer.value,
            referrer_case_ref=body.referrer_case_ref,
            referrer_agency=principal.agency.value,
            reply_to=domain.reply_to(body.referrer),
            referrer_contact=body.referrer_contact,
            documents_received=body.documents_received,
            missing_documents=domain.missing_documents(body.kind, body.documents_received),
            able_to_buy=body.ownership_check.able_to_buy,
            ownership_note=body.ownership_check.note,
            ownership_checked_on=today,
            renewal_of_tenancy_id=body.renewal_of_tenancy_id,
            reject_reasons=[],
            updated_at=clock.now(),
        )
        uow.session.add(application)
        uow.record(
            ApplicationSubmitted(
                application_id=application.id,
                person_ref=application.person_ref,
                submitted_on=today,
                kind=body.kind,
                adults=household.adults,
                children=household.children,
                children_needing_own_bedroom=household.children_needing_own_bedroom,
                bedrooms_needed=bedrooms,
                accessible_needed=body.needs.accessible,
                priority_factors=tuple(factors),
                referrer=body.referrer,
                referrer_case_ref=body.referrer_case_ref,
                renewal_of_tenancy_id=body.renewal_of_tenancy_id,
            )
        )
        uow.audit(
            "application.submitted",
            "application",
            application.id,
            detail={"kind": body.kind.value, "referrer": body.referrer.value, "able_to_buy": application.able_to_buy},
        )
        await uow.session.flush()
        await write_letter(uow, application, LetterKind.RECEIPT, today)
        await uow.commit()
        return application


async def check_completeness(
    database: Database, principal: Principal, clock: Clock, application_id: str, documents: Sequence[str] = ()
) -> Application:
    """Register documents received and decide whether the application is complete; ask for what is missing."""
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, what="application")
        received = sorted(set(application.documents_received) | set(documents))
        missing = domain.missing_documents(ApplicationKind(application.kind), received)
        asked_before = application.missing_documents if application.state == ApplicationState.INCOMPLETE else []
        move_application(uow, application, ApplicationCommand.CHECK_COMPLETENESS, complete=not missing)
        application.documents_received = received
        application.missing_documents = missing
        requested_on: date | None = None
        if missing and missing != asked_before:
            await write_letter(uow, application, LetterKind.MISSING_DOCUMENTS, today, missing=missing)
            requested_on = today
        elif missing:  # asked for before: the day of the letter that asked
            requested_on = await uow.session.scalar(
                select(Letter.written_on)
                .where(Letter.application_id == application.id, Letter.kind == LetterKind.MISSING_DOCUMENTS.value)
                .order_by(Letter.written_at.desc())
                .limit(1)
            )
        uow.record(
            ApplicationCompletenessChecked(
                application_id=application.id,
                checked_on=today,
                missing_documents=tuple(DocumentKind(d) for d in missing),
                documents_requested_on=requested_on,
            )
        )
        await uow.commit()
        return application


async def appeal(
    database: Database, principal: Principal, clock: Clock, application_id: str, appealed_on: date | None
) -> Application:
    on = appealed_on or clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, what="application")
        move_application(uow, application, ApplicationCommand.APPEAL)
        within = domain.appeal_within_deadline(application.decided_on, application.appeal_deadline, on)
        application.appealed_on = on
        uow.record(ApplicationAppealed(application_id=application.id, appealed_on=on, within_deadline=within))
        await uow.commit()
        return application


async def leave_list(
    database: Database, principal: Principal, clock: Clock, application_id: str, reason: LeftListReason
) -> Application:
    command = domain.LEAVE_LIST_COMMAND[reason]
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, what="application")
        was_on_list = ApplicationState(application.state) in domain.ON_WAITING_LIST
        move_application(uow, application, command)
        if was_on_list:
            application.left_list_on = today
            uow.record(
                ApplicationLeftList(
                    application_id=application.id, person_ref=application.person_ref, left_on=today, reason=reason
                )
            )
        await uow.commit()
        return application


async def get_application(database: Database, application_id: str) -> Application:
    return await read_or_404(database, Application, application_id, what="application")


async def list_applications(
    database: Database,
    page: PageRequest,
    *,
    state: ApplicationState | None = None,
    kind: ApplicationKind | None = None,
    referrer: Referrer | None = None,
    person_ref: str | None = None,
) -> tuple[list[Application], int]:
    """Applications in the order they came in, filtered by state, kind, referrer or one person's."""
    query = where_given(
        select(Application).order_by(Application.submitted_on, Application.id),
        (Application.state, state),
        (Application.kind, kind),
        (Application.referrer, referrer),
        (Application.person_ref, person_ref),
    )
    return await read_page(database, query, page)


# --- The letters of a case -----------------------------------------------------------------------------


async def letters_of(database: Database, application_id: str) -> list[Letter]:
    """The letters of the case in the order they were written; 404 if there is no such application."""
    async with database.sessions() as session:
        await get_or_404(session, Application, application_id, what="application")
        letters = await session.scalars(
            select(Letter).where(Letter.application_id == application_id).order_by(Letter.written_at, Letter.id)
        )
        return list(letters)


async def get_letter(database: Database, letter_id: str) -> Letter:
    return await read_or_404(database, Letter, letter_id, what="letter")


# --- NAV's own referrals -------------------------------------------------------------------------------


def _referrals_of(agency: Agency) -> Select[tuple[Application]]:
    return select(Application).where(Application.referrer_agency == agency.value)


async def list_referrals(
    database: Database, agency: Agency, page: PageRequest, *, referrer_case_ref: str | None = None
) -> tuple[list[Application], int]:
    """The applications the agency submitted, and only those."""
    query = where_given(
        _referrals_of(agency).order_by(Application.submitted_on, Application.id),
        (Application.referrer_case_ref, referrer_case_ref),
    )
    return await read_page(database, query, page)


async def get_referral(database: Database, agency: Agency, application_id: str) -> Application:
    async with database.sessions() as session:
        application = await session.scalar(_referrals_of(agency).where(Application.id == application_id))
    if application is None:  # someone else's application looks the same as none at all
        raise NotFound(f"no referral {application_id} of yours")
    return application
