"""Boligkontoret's use cases: each opens one unit of work, checks the rules, changes state, records events
and audit rows, and commits once. Nothing here knows about HTTP."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, TypeVar

from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import Row, Text, bindparam, cast, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.domain import (
    ApplicationCommand,
    ApplicationState,
    Candidate,
    DwellingFit,
    OfferState,
    Reminder,
    TenancyCommand,
    TenancyState,
)
from boligflyt.applications.letters import KIND_TEXT, LetterKind, render
from boligflyt.applications.models import (
    Applicant,
    Application,
    Consent,
    Dwelling,
    Letter,
    Meeting,
    MeetingCase,
    Offer,
    Renewal,
    Tenancy,
)
from boligflyt.applications.schemas import (
    ApplicantIn,
    ApplicationIn,
    ConsentIn,
    DecisionIn,
    EndIn,
    NoticeIn,
    OfferAnswerIn,
    RenewalIn,
    TenancyIn,
)
from boligflyt.contracts.codes import (
    ApplicationKind,
    ContractType,
    DecisionOutcome,
    DwellingCategory,
    DwellingStatus,
    LeftListReason,
    OfferAnswer,
    PriorityFactor,
    Referrer,
)
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    ApplicationAppealed,
    ApplicationDecided,
    ApplicationLeftList,
    ApplicationSubmitted,
    OfferAnswered,
    OfferMade,
    TenancyEnded,
    TenancyEndingSoon,
    TenancyMovedIn,
    TenancyNoticeGiven,
    TenancyNoticeWithdrawn,
    TenancyRenewed,
    TenancySigned,
)
from boligflyt.contracts.events.maintenance import DwellingChanged, DwellingRegistered
from boligflyt.platform.auth import Agency, Principal
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, UnitOfWork, utcnow
from boligflyt.platform.errors import Conflict, Forbidden, NotFound, RuleViolation
from boligflyt.platform.personref import person_ref

SYSTEM_ACTOR = "system:applications"
NAV_REFERRERS = frozenset({Referrer.NAV, Referrer.NAV_INTRO})
CONSENT_TO_COLLECT = "collect_information"


class ApplicationsSettings(BaseSettings):
    """This service's own knobs (BOLIGFLYT_APPLICATIONS_*)."""

    model_config = SettingsConfigDict(env_prefix="BOLIGFLYT_APPLICATIONS_", env_ignore_empty=True, extra="ignore")

    offer_answer_days: int = 7  # reply within 1 week (L11149-11152)
    renewal_reminder_months: int = 3


@lru_cache(maxsize=1)
def service_settings() -> ApplicationsSettings:
    return ApplicationsSettings()


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


M = TypeVar("M")


async def get_or_404(session: AsyncSession, model: type[M], key: object, what: str) -> M:
    row = await session.get(model, key)
    if row is None:
        raise NotFound(f"{what} {key} does not exist")
    return row


async def referenced(session: AsyncSession, model: type[M], key: object, what: str) -> M:
    """A row a request body names: unknown is bad input (422), not a missing resource."""
    row = await session.get(model, key) if key is not None else None
    if row is None:
        raise unknown(what, key)
    return row


def unknown(what: str, key: object) -> RuleViolation:
    return RuleViolation(f"{what} {key} does not exist", code=f"unknown_{what.replace(' ', '_')}")


async def commit_or_conflict(uow: UnitOfWork, detail: str) -> None:
    """Commit; a uniqueness the database enforces (a race the checks before could not see) is a 409."""
    try:
        await uow.commit()
    except IntegrityError as exc:
        raise Conflict(detail) from exc


# --- Applicants and consent ----------------------------------------------------------------------------


async def register_applicant(
    database: Database, principal: Principal, clock: Clock, key: str, body: ApplicantIn
) -> Applicant:
    async with database.unit_of_work(principal.actor) as uow:
        existing = await uow.session.scalar(select(Applicant).where(Applicant.national_id == body.national_id))
        if existing is not None:
            raise Conflict(
                "an applicant with this national identity number is already registered",
                extra={"applicant_id": existing.id},
            )
        applicant = Applicant(
            id=new_id("apl"),
            national_id=body.national_id,
            person_ref=person_ref(body.national_id, key),
            name=body.name,
            phone=body.phone,
            email=body.email,
            postal_address=body.postal_address,
            language=body.language,
            interpreter_needed=body.interpreter_needed,
            household_members=[member.model_dump() for member in body.household_members],
            created_by_agency=principal.agency.value,
            created_at=clock.now(),
        )
        uow.session.add(applicant)
        uow.audit("applicant.registered", "applicant", applicant.id)  # no personal data in the audit detail
        await commit_or_conflict(uow, "an applicant with this national identity number is already registered")
        return applicant


def ensure_own_client(principal: Principal, applicant: Applicant) -> None:
    """NAV acts only for the people it registered here as its clients; everyone else's data is Boligkontoret's."""
    if principal.agency is Agency.nav and applicant.created_by_agency != Agency.nav.value:
        raise Forbidden(
            "NAV may act only for applicants it registered as its clients; link the person's own application instead"
        )


async def record_consent(database: Database, principal: Principal, applicant_id: str, body: ConsentIn) -> Consent:
    async with database.unit_of_work(principal.actor) as uow:
        ensure_own_client(principal, await get_or_404(uow.session, Applicant, applicant_id, "applicant"))
        consent = Consent(
            id=new_id("con"),
            applicant_id=applicant_id,
            signed_on=body.signed_on,
            scope=sorted(set(body.scope)),
            revoked_on=None,
        )
        uow.session.add(consent)
        uow.audit("consent.recorded", "applicant", applicant_id, detail={"scope": consent.scope})
        await uow.commit()
        return consent


async def revoke_consent(
    database: Database, principal: Principal, clock: Clock, applicant_id: str, consent_id: str, on: date | None
) -> Consent:
    async with database.unit_of_work(principal.actor) as uow:
        ensure_own_client(principal, await get_or_404(uow.session, Applicant, applicant_id, "applicant"))
        consent = await get_or_404(uow.session, Consent, consent_id, "consent")
        if consent.applicant_id != applicant_id:
            raise NotFound(f"consent {consent_id} does not exist for applicant {applicant_id}")
        if consent.revoked_on is not None:
            raise Conflict("the consent is already revoked", current_state="revoked")
        revoked_on = on or clock.today()
        if revoked_on < consent.signed_on:
            raise RuleViolation("consent cannot be revoked before it was signed", code="revoked_before_signed")
        consent.revoked_on = revoked_on
        uow.audit("consent.revoked", "applicant", applicant_id, detail={"consent_id": consent_id})
        await uow.commit()
        return consent


async def consents_of(session: AsyncSession, applicant_id: str) -> list[Consent]:
    return list((await session.scalars(select(Consent).where(Consent.applicant_id == applicant_id))).all())


# Built once: building the statement for each submission cost a noticeable part of the query.
_APPLICANT_WITH_CONSENTS = (
    select(Applicant, Consent)
    .outerjoin(Consent, Consent.applicant_id == Applicant.id)
    .where(Applicant.id == bindparam("applicant_id"))
)


async def referenced_applicant(session: AsyncSession, applicant_id: str) -> tuple[Applicant, list[Consent]]:
    """The applicant a request body names, with their consents: one round trip to the database, not two."""
    rows = (await session.execute(_APPLICANT_WITH_CONSENTS, {"applicant_id": applicant_id})).all()
    if not rows:
        raise unknown("applicant", applicant_id)
    return rows[0][0], [consent for _, consent in rows if consent is not None]


# --- Letters -------------------------------------------------------------------------------------------


async def write_letter(uow: UnitOfWork, application: Application, kind: LetterKind, today: date, **extra: Any) -> None:
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
        written_at=utcnow(),
        addressee=addressee,
        subject=subject,
        body=body,
    )
    uow.session.add(letter)
    uow.audit("letter.written", "application", application.id, detail={"letter_id": letter.id, "kind": kind.value})


# --- Applications --------------------------------------------------------------------------------------


def _move(uow: UnitOfWork, application: Application, command: ApplicationCommand, *, complete: bool = False) -> None:
    before = application.state
    after = domain.application_transition(ApplicationState(before), command, complete=complete)
    application.state = after.value
    application.updated_at = utcnow()
    uow.audit(
        f"application.{command.value}",
        "application",
        application.id,
        detail={"from": before, "to": after.value},
    )


async def submit_application(
    database: Database, principal: Principal, clock: Clock, body: ApplicationIn
) -> Application:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        applicant, consents = await referenced_applicant(uow.session, body.applicant_id)
        ensure_own_client(principal, applicant)
        if not any(c.revoked_on is None and CONSENT_TO_COLLECT in c.scope for c in consents):
            raise RuleViolation(
                "the applicant has not signed consent to collect information; record the consent first",
                code="consent_missing",
            )
        if principal.agency is Agency.nav:
            if body.referrer not in NAV_REFERRERS:
                raise RuleViolation("NAV submits applications as referrer nav or nav_intro", code="referrer_mismatch")
            if body.referrer_case_ref is None:
                raise RuleViolation("NAV's referral needs its case reference (the stay id)", code="case_ref_missing")
        if body.renewal_of_tenancy_id is not None:
            await referenced(uow.session, Tenancy, body.renewal_of_tenancy_id, "tenancy")
        household = body.household
        bedrooms = (
            body.needs.bedrooms
            if body.needs.bedrooms is not None
            else domain.bedrooms_needed(household.adults, household.children, household.children_needing_own_bedroom)
        )
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
            # For NAV Intro the reply goes to the programme adviser, not the applicant (L14253-14254).
            reply_to="referrer" if body.referrer is Referrer.NAV_INTRO else "applicant",
            referrer_contact=body.referrer_contact,
            documents_received=body.documents_received,
            missing_documents=domain.missing_documents(body.kind, body.documents_received),
            able_to_buy=body.ownership_check.able_to_buy,
            ownership_note=body.ownership_check.note,
            ownership_checked_on=today,
            renewal_of_tenancy_id=body.renewal_of_tenancy_id,
            reject_reasons=[],
            updated_at=utcnow(),
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
        application = await get_or_404(uow.session, Application, application_id, "application")
        received = sorted(set(application.documents_received) | set(documents))
        missing = domain.missing_documents(ApplicationKind(application.kind), received)
        asked_before = application.missing_documents if application.state == ApplicationState.INCOMPLETE else []
        _move(uow, application, ApplicationCommand.CHECK_COMPLETENESS, complete=not missing)
        application.documents_received = received
        application.missing_documents = missing
        if missing and missing != asked_before:
            await write_letter(uow, application, LetterKind.MISSING_DOCUMENTS, today, missing=missing)
        await uow.commit()
        return application


async def appeal(
    database: Database, principal: Principal, clock: Clock, application_id: str, appealed_on: date | None
) -> Application:
    on = appealed_on or clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, "application")
        _move(uow, application, ApplicationCommand.APPEAL)
        if application.decided_on is not None and on < application.decided_on:
            raise RuleViolation("an appeal cannot arrive before the decision", code="appeal_before_decision")
        application.appealed_on = on
        within = application.appeal_deadline is not None and on <= application.appeal_deadline
        uow.record(ApplicationAppealed(application_id=application.id, appealed_on=on, within_deadline=within))
        await uow.commit()
        return application


async def leave_list(
    database: Database, principal: Principal, clock: Clock, application_id: str, reason: LeftListReason
) -> Application:
    command = {
        LeftListReason.WITHDRAWN: ApplicationCommand.WITHDRAW,
        LeftListReason.LAPSED: ApplicationCommand.LAPSE,
        LeftListReason.HOUSED_ELSEWHERE: ApplicationCommand.HOUSED_ELSEWHERE,
    }[reason]
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        application = await get_or_404(uow.session, Application, application_id, "application")
        was_on_list = ApplicationState(application.state) in domain.ON_WAITING_LIST
        _move(uow, application, command)
        if was_on_list:
            application.left_list_on = today
            uow.record(
                ApplicationLeftList(
                    application_id=application.id, person_ref=application.person_ref, left_on=today, reason=reason
                )
            )
        await uow.commit()
        return application


# --- Allocation committee (TBO) ------------------------------------------------------------------------


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


def case_list_frozen(meeting: Meeting, today: date) -> bool:
    return today >= meeting.case_list_freezes_on


CASE_STATES = frozenset({ApplicationState.INCOMPLETE, ApplicationState.COMPLETE, ApplicationState.APPEALED})


async def add_case(
    database: Database, principal: Principal, clock: Clock, meeting_id: str, application_id: str
) -> None:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        meeting = await get_or_404(uow.session, Meeting, meeting_id, "meeting")
        if case_list_frozen(meeting, today):
            raise Conflict(
                f"the case list of the meeting on {meeting.meeting_date.isoformat()} was frozen on "
                f"{meeting.case_list_freezes_on.isoformat()} (5 working days before)",
                current_state="case_list_frozen",
            )
        application = await referenced(uow.session, Application, application_id, "application")
        if ApplicationState(application.state) not in CASE_STATES:
            raise Conflict(
                f"an application that is {application.state} cannot go to the committee",
                current_state=application.state,
            )
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
        meeting = await get_or_404(uow.session, Meeting, meeting_id, "meeting")
        if today < meeting.meeting_date:
            raise Conflict(
                f"the meeting on {meeting.meeting_date.isoformat()} has not been held yet", current_state="scheduled"
            )
        case = await uow.session.scalar(
            select(MeetingCase).where(
                MeetingCase.meeting_id == meeting_id, MeetingCase.application_id == body.application_id
            )
        )
        if case is None:
            raise RuleViolation("the application is not on this meeting's case list", code="not_on_case_list")
        if case.outcome is not None:
            raise Conflict("the committee has already decided this case", current_state=case.outcome)
        application = await referenced(uow.session, Application, body.application_id, "application")
        after_appeal = application.state == ApplicationState.APPEALED
        approved = body.outcome is DecisionOutcome.APPROVED
        _move(uow, application, ApplicationCommand.APPROVE if approved else ApplicationCommand.REJECT)
        notified_on = max(body.notified_on or today, meeting.meeting_date)
        application.decided_on = meeting.meeting_date
        application.outcome = body.outcome.value
        application.reject_reasons = [r.value for r in body.reject_reasons]
        application.appeal_deadline = None if approved else domain.appeal_deadline(notified_on)
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


# --- Dwellings (kept from LKE's events) and the waiting list ------------------------------------------


# The waiting list as rows of a Candidate's fields. Ranking reads these, with the table's columns (no ORM entities
# to load or set up) and through statements built once: loading ~200 whole applications as ORM objects, or even
# building the query for every request, took longer than the ranking itself. The two lists come as their stored
# JSON text, decoded through the caches below: a waiting list holds few distinct combinations of factors and of
# areas, and decoding two small JSON arrays per application cost about a quarter of reading the list.
_application = Application.__table__.c
_ON_WAITING_LIST = select(
    _application.id,
    _application.kind,
    _application.decided_on,
    _application.submitted_on,
    cast(_application.priority_factors, Text),
    _application.bedrooms_needed,
    _application.accessible_needed,
    _application.staffed_needed,
    cast(_application.area_wishes, Text),
).where(
    _application.state == ApplicationState.APPROVED.value,
    # Renewal applications are assessed like new ones but do not stand on the waiting list (§ 15).
    _application.renewal_of_tenancy_id.is_(None),
)
_ON_WAITING_LIST_OF_KIND = _ON_WAITING_LIST.where(_application.kind == bindparam("kind"))


@lru_cache(maxsize=1024)
def _priority_factors(stored: str) -> tuple[PriorityFactor, ...]:
    return tuple(PriorityFactor(code) for code in json.loads(stored))


@lru_cache(maxsize=1024)
def _areas(stored: str) -> tuple[str, ...]:
    return tuple(json.loads(stored))


def _candidate(
    application_id: str,
    kind: str,
    decided_on: date | None,
    submitted_on: date,
    priority_factors: str,
    bedrooms_needed: int,
    accessible_needed: bool,
    staffed_needed: bool,
    area_wishes: str,
) -> Candidate:
    return Candidate(
        application_id=application_id,
        kind=ApplicationKind(kind),
        approved_on=decided_on or submitted_on,
        priority_factors=_priority_factors(priority_factors),
        bedrooms=bedrooms_needed,
        accessible=accessible_needed,
        staffed=staffed_needed,
        areas=_areas(area_wishes),
    )


def dwelling_fit(dwelling: Dwelling) -> DwellingFit:
    return DwellingFit(
        dwelling_id=dwelling.id,
        category=DwellingCategory(dwelling.category),
        bedrooms=dwelling.bedrooms,
        accessible=dwelling.accessible,
        staffed=dwelling.staffed,
        area_code=dwelling.area_code,
    )


async def candidates(session: AsyncSession, kind: ApplicationKind | None = None) -> list[Candidate]:
    """Every application on the waiting list (of one kind, when given), unranked."""
    if kind is None:
        rows = await session.execute(_ON_WAITING_LIST)
    else:
        rows = await session.execute(_ON_WAITING_LIST_OF_KIND, {"kind": kind.value})
    return [_candidate(*row) for row in rows]


@lru_cache(maxsize=1024)
def _score(priority_factors: str) -> int:
    return domain.priority_score(_priority_factors(priority_factors))


def _rank_key(row: Row[Any]) -> tuple[int, date, str]:
    return domain.rank_key(_score(row.priority_factors), row.decided_on or row.submitted_on, row.id)


async def waiting_list(
    session: AsyncSession, *, offset: int, limit: int, kind: ApplicationKind | None = None
) -> tuple[list[domain.Ranked], int]:
    """One page of the ranked waiting list, and how many stand on it.

    `domain.waiting_list_page` of every candidate, but the rows are ordered as they come (their score looked up by
    their stored factors, see `_priority_factors`) and only the page's rows become candidates: building a candidate
    for each of the ~200 rows took longer than the rest of the ranking."""
    if kind is None:
        result = await session.execute(_ON_WAITING_LIST)
    else:
        result = await session.execute(_ON_WAITING_LIST_OF_KIND, {"kind": kind.value})
    ordered = sorted(result, key=_rank_key)
    page = [_candidate(*row) for row in ordered[offset : offset + limit]]
    return domain.ranked_from(page, offset + 1), len(ordered)


async def open_offer(session: AsyncSession, dwelling_id: str) -> Offer | None:
    query = select(Offer).where(Offer.dwelling_id == dwelling_id, Offer.state == OfferState.PENDING.value)
    return await session.scalar(query)


async def offerability(session: AsyncSession, dwellings: Sequence[Dwelling]) -> dict[str, bool]:
    """Which of the dwellings can be offered now, in one query for all of them."""
    ids = [d.id for d in dwellings]
    pending = set(
        (
            await session.scalars(
                select(Offer.dwelling_id).where(Offer.dwelling_id.in_(ids), Offer.state == OfferState.PENDING.value)
            )
        ).all()
    )
    return {
        d.id: domain.is_offerable(
            DwellingStatus(d.status), has_open_offer=d.id in pending, allocated=d.allocated_to is not None
        )
        for d in dwellings
    }


async def is_offerable(session: AsyncSession, dwelling: Dwelling) -> bool:
    return (await offerability(session, [dwelling]))[dwelling.id]


async def matches(session: AsyncSession, dwelling: Dwelling) -> list[domain.Ranked]:
    return domain.match(dwelling_fit(dwelling), await candidates(session))


# --- Offers --------------------------------------------------------------------------------------------


async def _offer_next(uow: UnitOfWork, dwelling: Dwelling, today: date, answer_days: int) -> Offer | None:
    """Offer the dwelling to the next ranked household that has not had it this round; None if nobody fits."""
    offered = (
        await uow.session.scalars(
            select(Offer.application_id).where(
                Offer.dwelling_id == dwelling.id, Offer.letting_round == dwelling.letting_round
            )
        )
    ).all()
    ranked = await matches(uow.session, dwelling)
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
    _move(uow, application, ApplicationCommand.OFFER)
    offer = Offer(
        id=new_id("off"),
        dwelling_id=dwelling.id,
        application_id=application.id,
        rank=rank,
        state=OfferState.PENDING.value,
        offered_on=today,
        answer_deadline=today + timedelta(days=answer_days),
        letting_round=dwelling.letting_round,
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


async def make_offer(
    database: Database, principal: Principal, clock: Clock, dwelling_id: str, answer_days: int | None
) -> Offer:
    try:
        async with database.unit_of_work(principal.actor) as uow:
            # The row lock makes two offers of one dwelling take turns (PostgreSQL; SQLite has one writer).
            dwelling = await uow.session.get(Dwelling, dwelling_id, with_for_update=True)
            if dwelling is None:
                raise NotFound(f"dwelling {dwelling_id} does not exist")
            if not await is_offerable(uow.session, dwelling):
                state = "offered" if await open_offer(uow.session, dwelling.id) else dwelling.status
                if dwelling.allocated_to is not None:
                    state = "allocated"
                raise Conflict(f"dwelling {dwelling.id} cannot be offered now", current_state=state)
            days = answer_days or service_settings().offer_answer_days
            offer = await _offer_next(uow, dwelling, clock.today(), days)
            if offer is None:
                raise RuleViolation("no household on the waiting list fits this dwelling", code="no_matching_applicant")
            await uow.commit()
            return offer
    except IntegrityError as exc:  # the partial unique indexes: another offer won the race
        raise Conflict(f"dwelling {dwelling_id} or its household was offered meanwhile") from exc


async def _close_offer(uow: UnitOfWork, offer: Offer, answer: OfferState, on: date) -> bool:
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


async def answer_offer(
    database: Database, principal: Principal, clock: Clock, offer_id: str, body: OfferAnswerIn
) -> Offer:
    today = clock.today()
    async with database.unit_of_work(principal.actor) as uow:
        offer = await get_or_404(uow.session, Offer, offer_id, "offer")
        answer = OfferState(body.answer)
        domain.answer_offer(OfferState(offer.state), answer)
        if body.planned_move_in_on is not None and body.planned_move_in_on < today:
            raise RuleViolation("the planned move-in cannot be in the past", code="move_in_in_past")
        application = await get_or_404(uow.session, Application, offer.application_id, "application")
        dwelling = await get_or_404(uow.session, Dwelling, offer.dwelling_id, "dwelling")
        if not await _close_offer(uow, offer, answer, today):
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
            _move(uow, application, ApplicationCommand.ACCEPT_OFFER)
            dwelling.allocated_to = application.id
            uow.record(
                AllocationDecided(
                    application_id=application.id,
                    dwelling_id=dwelling.id,
                    person_ref=application.person_ref,
                    offer_id=offer.id,
                    decided_on=today,
                    no_fixed_address=PriorityFactor.NO_FIXED_ADDRESS.value in application.priority_factors,
                    planned_move_in_on=body.planned_move_in_on,
                )
            )
            applicant = await uow.session.get(Applicant, application.applicant_id)
            await write_letter(
                uow,
                application,
                LetterKind.ALLOCATION,
                today,
                dwelling=dwelling,
                planned_move_in_on=body.planned_move_in_on,
                interpreter=bool(applicant and applicant.interpreter_needed),
            )
        else:
            _move(uow, application, ApplicationCommand.DECLINE_OFFER)
            application.left_list_on = today
            uow.record(
                ApplicationLeftList(
                    application_id=application.id,
                    person_ref=application.person_ref,
                    left_on=today,
                    reason=domain.LEFT_LIST_REASON[ApplicationState.DECLINED_OFFER],
                )
            )
            if await is_offerable(uow.session, dwelling):
                await _offer_next(uow, dwelling, today, service_settings().offer_answer_days)
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
            if not await _close_offer(uow, offer, OfferState.EXPIRED, offer.answer_deadline):
                continue
            application = await uow.session.get(Application, offer.application_id)
            dwelling = await uow.session.get(Dwelling, offer.dwelling_id)
            assert application is not None and dwelling is not None
            _move(uow, application, ApplicationCommand.OFFER_EXPIRED)
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
            if await is_offerable(uow.session, dwelling):
                await _offer_next(uow, dwelling, today, service_settings().offer_answer_days)
            await uow.commit()
            expired += 1
    return expired


# --- Tenancy contracts ---------------------------------------------------------------------------------


def _tenancy_move(uow: UnitOfWork, tenancy: Tenancy, command: TenancyCommand) -> None:
    before = tenancy.state
    tenancy.state = domain.tenancy_transition(TenancyState(before), command).value
    uow.audit(f"tenancy.{command.value}", "tenancy", tenancy.id, detail={"from": before, "to": tenancy.state})


async def sign_tenancy(database: Database, principal: Principal, clock: Clock, body: TenancyIn) -> Tenancy:
    today = clock.today()
    signed_on = body.signed_on or today
    async with database.unit_of_work(principal.actor) as uow:
        application = await referenced(uow.session, Application, body.application_id, "application")
        if application.state != ApplicationState.ALLOCATED:
            raise Conflict(
                f"a contract needs an allocated application; this one is {application.state}",
                current_state=application.state,
            )
        dwelling = await uow.session.scalar(select(Dwelling).where(Dwelling.allocated_to == application.id))
        if dwelling is None:
            raise Conflict("no dwelling is allocated to this application", current_state=application.state)
        end_date = body.end_date or domain.default_end_date(body.contract_type, body.start_date)
        if end_date is not None and end_date <= body.start_date:
            raise RuleViolation("the end date must be after the start date", code="end_before_start")
        if body.start_date < signed_on - timedelta(days=31):
            raise RuleViolation("the tenancy cannot start long before it is signed", code="start_before_signing")
        rent = body.monthly_rent if body.monthly_rent is not None else dwelling.monthly_rent
        applicant = await uow.session.get(Applicant, application.applicant_id)
        _move(uow, application, ApplicationCommand.SIGN_CONTRACT)
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
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, "tenancy")
        _tenancy_move(uow, tenancy, TenancyCommand.MOVE_IN)
        application = await get_or_404(uow.session, Application, tenancy.application_id, "application")
        dwelling = await get_or_404(uow.session, Dwelling, tenancy.dwelling_id, "dwelling")
        _move(uow, application, ApplicationCommand.MOVE_IN)
        tenancy.move_in_date = move_in_date or tenancy.start_date
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
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, "tenancy")
        _tenancy_move(uow, tenancy, TenancyCommand.GIVE_NOTICE)
        if body.move_out_date < given_on:
            raise RuleViolation("the move-out date cannot be before the notice", code="move_out_before_notice")
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
        await uow.commit()
        return tenancy


async def withdraw_notice(database: Database, principal: Principal, clock: Clock, tenancy_id: str) -> Tenancy:
    async with database.unit_of_work(principal.actor) as uow:
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, "tenancy")
        _tenancy_move(uow, tenancy, TenancyCommand.WITHDRAW_NOTICE)
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
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, "tenancy")
        _tenancy_move(uow, tenancy, TenancyCommand.RENEW)
        if tenancy.end_date is None:
            raise RuleViolation("an indefinite contract has nothing to renew", code="indefinite_contract")
        if body.application_id is not None:
            renewal_application = await referenced(uow.session, Application, body.application_id, "application")
            if renewal_application.renewal_of_tenancy_id != tenancy.id:
                raise RuleViolation("that application is not a renewal of this tenancy", code="not_a_renewal")
            if renewal_application.state != ApplicationState.APPROVED:
                raise Conflict(
                    f"the renewal application is {renewal_application.state}, not approved",
                    current_state=renewal_application.state,
                )
        contract_type = body.contract_type or ContractType(tenancy.contract_type)
        previous_end = tenancy.end_date
        new_end = body.new_end_date or domain.default_end_date(contract_type, previous_end + timedelta(days=1))
        if new_end is not None and new_end <= previous_end:
            raise RuleViolation("the new end date must be after the current one", code="end_not_later")
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
        tenancy = await get_or_404(uow.session, Tenancy, tenancy_id, "tenancy")
        _tenancy_move(uow, tenancy, TenancyCommand.END)
        end_date = body.end_date or tenancy.move_out_date or clock.today()
        if end_date < tenancy.start_date:
            raise RuleViolation("a tenancy cannot end before it starts", code="end_before_start")
        tenancy.ended_on = end_date
        tenancy.end_reason = body.reason.value
        dwelling = await uow.session.get(Dwelling, tenancy.dwelling_id)
        if dwelling is not None and dwelling.allocated_to == tenancy.application_id:
            dwelling.allocated_to = None
        uow.record(
            TenancyEnded(tenancy_id=tenancy.id, dwelling_id=tenancy.dwelling_id, end_date=end_date, reason=body.reason)
        )
        await uow.commit()
        return tenancy


async def remind_tenancy_ends(database: Database, clock: Clock) -> int:
    """Reminders before a time-limited contract ends and at its end (husleieloven § 9-2). Idempotent."""
    today = clock.today()
    months = service_settings().renewal_reminder_months
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


# --- Reactions to LKE's dwelling events -----------------------------------------------------------------


async def upsert_dwelling(
    uow: UnitOfWork, facts: DwellingRegistered | DwellingChanged, on: date, status: DwellingStatus | None
) -> Dwelling:
    dwelling = await uow.session.get(Dwelling, facts.dwelling_id)
    if dwelling is None:
        dwelling = Dwelling(
            id=facts.dwelling_id,
            status=(status or DwellingStatus.VACANT).value,
            recommendation=[],
            letting_round=0,
            first_let=False,
        )
        uow.session.add(dwelling)
    elif status is not None:
        dwelling.status = status.value
    dwelling.owner = facts.owner.value
    dwelling.category = facts.category.value
    dwelling.bedrooms = facts.bedrooms
    dwelling.accessible = facts.accessible
    dwelling.staffed = facts.staffed
    dwelling.monthly_rent = facts.monthly_rent
    dwelling.area_code = facts.area_code
    dwelling.updated_on = on
    return dwelling


async def dwelling_ready(uow: UnitOfWork, dwelling_id: str, ready_on: date, first_let: bool) -> None:
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None:
        # LKE registers a dwelling before it is ready; a dwelling we never heard of has no facts to match.
        uow.audit("dwelling.ready_unknown", "dwelling", dwelling_id, reason="ready_for_letting before registered")
        return
    dwelling.status = DwellingStatus.READY.value
    dwelling.ready_on = ready_on
    dwelling.first_let = first_let
    dwelling.allocated_to = None
    dwelling.recommendation = []
    dwelling.letting_round += 1  # a new letting round: everyone may be offered it again
    dwelling.updated_on = ready_on
    uow.audit("dwelling.ready", "dwelling", dwelling_id)


async def dwelling_status(uow: UnitOfWork, dwelling_id: str, status: DwellingStatus, on: date) -> None:
    dwelling = await uow.session.get(Dwelling, dwelling_id)
    if dwelling is None:
        return
    dwelling.status = status.value
    dwelling.updated_on = on
    if status is DwellingStatus.WITHDRAWN:
        pending = await open_offer(uow.session, dwelling_id)
        if pending is not None and await _close_offer(uow, pending, OfferState.CANCELLED, on):
            application = await uow.session.get(Application, pending.application_id)
            assert application is not None
            _move(uow, application, ApplicationCommand.OFFER_CANCELLED)
            uow.audit("offer.cancelled", "offer", pending.id, reason="the dwelling was withdrawn from letting")
    uow.audit(f"dwelling.{status.value}", "dwelling", dwelling_id)
