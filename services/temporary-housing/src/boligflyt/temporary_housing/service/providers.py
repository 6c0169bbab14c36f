"""Providers and their quality agreements: registering, agreeing, terminating, the renegotiation reminder."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import ProviderKind
from boligflyt.contracts.events.temporary_housing import AgreementRenegotiationDue
from boligflyt.platform.db import Database, get_or_404
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page
from boligflyt.temporary_housing import domain, models, schemas
from boligflyt.temporary_housing.domain import ACTIVE_STATES
from boligflyt.temporary_housing.service.tasks import add_task


def agreement_terms(row: models.Agreement) -> domain.AgreementTerms:
    return domain.AgreementTerms(
        agreement_id=row.id,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        price_per_night=row.price_per_night,
        terminated_on=row.terminated_on,
    )


def closure_of(provider: models.Provider) -> domain.SeasonalClosure | None:
    if provider.closed_from is None or provider.closed_to is None:
        return None
    return domain.SeasonalClosure.parse(provider.closed_from, provider.closed_to)


def expected_leaving_day(stay: models.Stay, rule: domain.LimitRule) -> date:
    """When an open stay is expected to end: its planned end, else its limit date."""
    return stay.planned_end_date or rule.limit_date(stay.start_date)


def closure_warning(
    provider: models.Provider, stay: models.Stay, today: date, rule: domain.LimitRule
) -> schemas.ClosureWarningOut | None:
    """The warning for an open stay at `provider` that would still be there when it closes for the season."""
    closure = closure_of(provider)
    if closure is None or stay.state not in ACTIVE_STATES:
        return None
    leaving = expected_leaving_day(stay, rule)
    closes = domain.still_there_at_closure(closure, today, leaving)
    if closes is None:
        return None
    return schemas.ClosureWarningOut(
        stay_id=stay.id,
        provider_id=provider.id,
        closes_on=closes,
        reopens_on=closure.reopens_after(closes),
        expected_leaving_day=leaving,
    )


async def closure_warnings(
    session: AsyncSession, provider: models.Provider, today: date, rule: domain.LimitRule
) -> list[schemas.ClosureWarningOut]:
    if closure_of(provider) is None:
        return []
    stays = await session.scalars(
        select(models.Stay)
        .where(models.Stay.current_provider_id == provider.id, models.Stay.state.in_(ACTIVE_STATES))
        .order_by(models.Stay.start_date, models.Stay.id)
    )
    return [w for w in (closure_warning(provider, stay, today, rule) for stay in stays) if w is not None]


def agreement_out(row: models.Agreement) -> schemas.AgreementOut:
    return schemas.AgreementOut(
        agreement_id=row.id,
        provider_id=row.provider_id,
        address=row.address,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        renegotiation_deadline=row.renegotiation_deadline,
        price_per_night=row.price_per_night,
        excludes_families_with_children=row.excludes_families_with_children,
        excludes_under_18=row.excludes_under_18,
        terminated_on=row.terminated_on,
        termination_reason=row.termination_reason,
    )


async def get_provider(session: AsyncSession, provider_id: str) -> models.Provider:
    """The provider a use case acts on, or a 404 that carries the id asked for."""
    return await get_or_404(session, models.Provider, provider_id, what="provider", extra={"provider_id": provider_id})


async def agreements_of(session: AsyncSession, provider_id: str) -> list[models.Agreement]:
    rows = await session.scalars(
        select(models.Agreement)
        .where(models.Agreement.provider_id == provider_id)
        .order_by(models.Agreement.valid_from)
    )
    return list(rows)


async def occupied_places(session: AsyncSession, provider_id: str) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(models.Stay)
        .where(models.Stay.current_provider_id == provider_id, models.Stay.state.in_(ACTIVE_STATES))
    )
    return int(count or 0)


async def provider_out(
    session: AsyncSession, provider: models.Provider, today: date, rule: domain.LimitRule
) -> schemas.ProviderOut:
    rows = await agreements_of(session, provider.id)
    in_force = domain.agreement_in_force([agreement_terms(r) for r in rows], today)
    current = next((r for r in rows if in_force and r.id == in_force.agreement_id), None)
    closure = closure_of(provider)
    return schemas.ProviderOut(
        provider_id=provider.id,
        name=provider.name,
        kind=ProviderKind(provider.kind),
        address=provider.address,
        owner_operator=provider.owner_operator,
        capacity=provider.capacity,
        active=provider.active,
        occupied=await occupied_places(session, provider.id),
        agreement_in_force=agreement_out(current) if current else None,
        needs_quality_agreement=domain.needs_quality_agreement(ProviderKind(provider.kind)),
        seasonal_closure=schemas.SeasonalClosureOut(
            closed_from=provider.closed_from or "",
            closed_to=provider.closed_to or "",
            next_closed_from=closure.closes_on_or_after(today),
        )
        if closure
        else None,
        closure_warnings=await closure_warnings(session, provider, today, rule),
    )


# --- Reading -------------------------------------------------------------------------------------------------


async def list_providers(
    database: Database, page: PageRequest, today: date, rule: domain.LimitRule
) -> tuple[list[schemas.ProviderOut], int]:
    async with database.sessions() as session:
        rows, total = await fetch_page(session, select(models.Provider).order_by(models.Provider.name), page)
        return [await provider_out(session, row, today, rule) for row in rows], total


async def read_provider(
    database: Database, provider_id: str, today: date, rule: domain.LimitRule
) -> schemas.ProviderOut:
    async with database.sessions() as session:
        provider = await get_or_404(session, models.Provider, provider_id, what="provider")
        return await provider_out(session, provider, today, rule)


async def list_agreements(database: Database, provider_id: str) -> list[schemas.AgreementOut]:
    async with database.sessions() as session:
        await get_or_404(session, models.Provider, provider_id, what="provider")
        return [agreement_out(row) for row in await agreements_of(session, provider_id)]


# --- NAV's decisions -----------------------------------------------------------------------------------------


async def register_provider(database: Database, actor: str, body: schemas.ProviderIn) -> models.Provider:
    if body.seasonal_closure is not None:
        domain.SeasonalClosure.parse(body.seasonal_closure.closed_from, body.seasonal_closure.closed_to)
    async with database.unit_of_work(actor) as uow:
        provider = models.Provider(
            id=new_id("prov"),
            name=body.name,
            kind=body.kind.value,
            address=body.address,
            owner_operator=body.owner_operator,
            capacity=body.capacity,
            active=True,
            closed_from=body.seasonal_closure.closed_from if body.seasonal_closure else None,
            closed_to=body.seasonal_closure.closed_to if body.seasonal_closure else None,
            created_at=uow.clock.now(),
        )
        uow.session.add(provider)
        uow.audit("provider.registered", "provider", provider.id, detail={"kind": body.kind.value})
        await uow.commit()
    return provider


async def set_seasonal_closure(
    database: Database, actor: str, provider_id: str, body: schemas.SeasonalClosureIn | None
) -> models.Provider:
    """Set (or, with None, lift) the provider's yearly closure; stays already there are warned of, not moved."""
    if body is not None:
        domain.SeasonalClosure.parse(body.closed_from, body.closed_to)
    async with database.unit_of_work(actor) as uow:
        provider = await get_provider(uow.session, provider_id)
        provider.closed_from = body.closed_from if body else None
        provider.closed_to = body.closed_to if body else None
        uow.audit(
            "provider.seasonal_closure_set",
            "provider",
            provider.id,
            detail={"closed_from": provider.closed_from, "closed_to": provider.closed_to},
        )
        await uow.commit()
    return provider


async def add_agreement(
    database: Database, actor: str, provider_id: str, body: schemas.AgreementIn
) -> models.Agreement:
    domain.check_agreement_period(body.valid_from, body.valid_to)
    domain.check_agreement_exclusions(body.excludes_families_with_children, body.excludes_under_18)
    async with database.unit_of_work(actor) as uow:
        provider = await get_provider(uow.session, provider_id)
        domain.check_agreement_allowed(ProviderKind(provider.kind))
        existing = await agreements_of(uow.session, provider_id)
        domain.check_no_overlap(body.valid_from, body.valid_to, [agreement_terms(r) for r in existing])
        agreement = models.Agreement(
            id=new_id("agr"),
            provider_id=provider.id,
            address=body.address or provider.address,
            valid_from=body.valid_from,
            valid_to=body.valid_to,
            renegotiation_deadline=domain.renegotiation_deadline(body.valid_to),
            price_per_night=body.price_per_night,
            excludes_families_with_children=True,  # law and policy (check_agreement_exclusions)
            excludes_under_18=True,
            created_at=uow.clock.now(),
        )
        uow.session.add(agreement)
        uow.audit(
            "agreement.made",
            "agreement",
            agreement.id,
            detail={
                "provider_id": provider.id,
                "valid_from": body.valid_from.isoformat(),
                "valid_to": body.valid_to.isoformat(),
                "price_per_night": body.price_per_night,
            },
        )
        await uow.commit()
    return agreement


async def terminate_agreement(
    database: Database, actor: str, agreement_id: str, body: schemas.TerminationIn
) -> models.Agreement:
    async with database.unit_of_work(actor) as uow:
        agreement = await get_or_404(uow.session, models.Agreement, agreement_id, what="agreement")
        domain.check_termination(agreement.valid_from, agreement.terminated_on, body.terminated_on)
        agreement.terminated_on = body.terminated_on
        agreement.termination_reason = body.reason
        uow.audit("agreement.terminated", "agreement", agreement.id, reason=body.reason)
        await uow.commit()
    return agreement


async def remind_renegotiation(database: Database, today: date) -> int:
    """A task for each agreement whose renegotiation deadline is within the reminder days (or past) and which has
    not expired; once per agreement."""
    async with database.sessions() as session:
        rows = list(
            await session.scalars(
                select(models.Agreement).where(
                    models.Agreement.terminated_on.is_(None),
                    models.Agreement.valid_to >= today,
                    models.Agreement.renegotiation_deadline
                    <= today + timedelta(days=domain.RENEGOTIATION_REMINDER_DAYS),
                )
            )
        )
        existing = set(
            await session.scalars(select(models.Task.dedupe_key).where(models.Task.kind == "agreement_renegotiation"))
        )
    created = 0
    for agreement in rows:
        key = f"agreement_renegotiation:{agreement.id}"
        if key in existing:
            continue
        try:
            async with database.unit_of_work("job:agreement-reminder") as uow:
                add_task(
                    uow,
                    "agreement_renegotiation",
                    "agreement",
                    agreement.id,
                    dedupe_key=key,
                    due_on=agreement.renegotiation_deadline,
                    description=f"Renegotiate the quality agreement with provider {agreement.provider_id} by "
                    f"{agreement.renegotiation_deadline}: it expires {agreement.valid_to}.",
                    detail={"provider_id": agreement.provider_id, "valid_to": agreement.valid_to.isoformat()},
                )
                uow.record(
                    AgreementRenegotiationDue(
                        agreement_id=agreement.id,
                        provider_id=agreement.provider_id,
                        valid_to=agreement.valid_to,
                        renegotiate_by=agreement.renegotiation_deadline,
                        reminded_on=today,
                    )
                )
                await uow.commit()
                created += 1
        except IntegrityError:
            pass
    return created
