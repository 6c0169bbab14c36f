"""Applicants and their consent: registering a person (the national id stays here; events get `person_ref`),
recording and revoking the written consent to collect information, and finding applicants."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.models import Applicant, Consent
from boligflyt.applications.schemas import ApplicantIn, ApplicantOut, ConsentIn
from boligflyt.applications.service.common import (
    commit_or_conflict,
    ensure_own_client,
    unknown,
)
from boligflyt.platform.auth import Agency, Principal
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, get_or_404
from boligflyt.platform.errors import Conflict, NotFound
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given
from boligflyt.platform.personref import person_ref


async def register_applicant(
    database: Database, principal: Principal, clock: Clock, key: str, body: ApplicantIn
) -> Applicant:
    """Register a person. Boligkontoret is told of a person it already has (409 with the `applicant_id`); NAV is
    not: NAV registering someone known here registers them as its client as well, and gets the same answer it
    would get for someone new (`answer_to_nav`), so NAV cannot learn whom Boligkontoret holds."""
    async with database.unit_of_work(principal.actor) as uow:
        existing = await uow.session.scalar(select(Applicant).where(Applicant.national_id == body.national_id))
        if existing is not None and principal.agency is Agency.nav:
            if existing.created_by_agency != Agency.nav.value and not existing.nav_client:
                existing.nav_client = True
                uow.audit("applicant.registered_as_nav_client", "applicant", existing.id)
            await uow.commit()
            return existing
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


async def record_consent(database: Database, principal: Principal, applicant_id: str, body: ConsentIn) -> Consent:
    async with database.unit_of_work(principal.actor) as uow:
        ensure_own_client(principal, await get_or_404(uow.session, Applicant, applicant_id, what="applicant"))
        domain.check_consent_signed(body.signed_on, uow.clock.today())
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
        ensure_own_client(principal, await get_or_404(uow.session, Applicant, applicant_id, what="applicant"))
        consent = await get_or_404(uow.session, Consent, consent_id, what="consent")
        if consent.applicant_id != applicant_id:
            raise NotFound(f"consent {consent_id} does not exist for applicant {applicant_id}")
        consent.revoked_on = domain.revoke_consent(consent.signed_on, consent.revoked_on, on or clock.today())
        uow.audit("consent.revoked", "applicant", applicant_id, detail={"consent_id": consent_id})
        await uow.commit()
        return consent


async def consents_of(session: AsyncSession, applicant_id: str) -> list[Consent]:
    return list((await session.scalars(select(Consent).where(Consent.applicant_id == applicant_id))).all())


async def get_applicant(database: Database, applicant_id: str) -> tuple[Applicant, list[Consent]]:
    async with database.sessions() as session:
        applicant = await get_or_404(session, Applicant, applicant_id, what="applicant")
        return applicant, await consents_of(session, applicant_id)


async def list_applicants(
    database: Database, page: PageRequest, *, person_ref: str | None = None, name: str | None = None
) -> tuple[list[Applicant], int]:
    """Applicants by name; one person's by `person_ref`, or those whose name holds `name`."""
    query = where_given(select(Applicant).order_by(Applicant.name, Applicant.id), (Applicant.person_ref, person_ref))
    if name is not None:
        query = query.where(Applicant.name.ilike(f"%{name}%"))
    return await read_page(database, query, page)


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


def answer_to_nav(applicant: Applicant, body: ApplicantIn) -> ApplicantOut:
    """What NAV is told after registering a person: its id, the pseudonym and what NAV itself sent; nothing
    Boligkontoret holds (its details, consents), so a person registered before looks like one registered now."""
    return ApplicantOut(
        id=applicant.id,
        person_ref=applicant.person_ref,
        name=body.name,
        phone=body.phone,
        email=body.email,
        postal_address=body.postal_address,
        language=body.language,
        interpreter_needed=body.interpreter_needed,
        household_members=body.household_members,
        consents=[],
    )
