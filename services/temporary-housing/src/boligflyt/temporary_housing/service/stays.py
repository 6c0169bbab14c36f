"""Temporary stays: placing someone (checked against the provider's agreement), absences, moves, the end, the
link to the housing application, and the 3-month rule."""

from __future__ import annotations

from datetime import date, timedelta

import structlog
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import ProviderKind, StayCause, StayEndReason
from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.errors import Conflict
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page, where_given
from boligflyt.platform.personref import person_ref
from boligflyt.temporary_housing import domain, models, schemas
from boligflyt.temporary_housing.domain import ACTIVE_STATES
from boligflyt.temporary_housing.ports import (
    ApplicationRequest,
    HousingApplications,
)
from boligflyt.temporary_housing.service.cases import case_of_stay, ensure_case
from boligflyt.temporary_housing.service.providers import (
    agreement_terms,
    agreements_of,
    closure_of,
    closure_warning,
    get_provider,
    occupied_places,
)
from boligflyt.temporary_housing.service.tasks import add_task_once, sync_tasks

log = structlog.get_logger(__name__)


async def get_stay(session: AsyncSession, stay_id: str, *, lock: bool = False) -> models.Stay:
    """The stay; with `lock`, its row is locked until the transaction ends (PostgreSQL: a request and an event
    changing the same stay at once would both read it unchanged, and both record what they did)."""
    return await get_or_404(session, models.Stay, stay_id, what="stay", lock=lock, extra={"stay_id": stay_id})


async def absences_of(session: AsyncSession, stay_id: str) -> list[models.Absence]:
    rows = await session.scalars(
        select(models.Absence).where(models.Absence.stay_id == stay_id).order_by(models.Absence.first_night)
    )
    return list(rows)


def absence_terms(row: models.Absence) -> domain.Absence:
    return domain.Absence(first_night=row.first_night, returned_on=row.returned_on)


async def read_stay(
    database: Database, stay_id: str, today: date, rule: domain.LimitRule, *, personal: bool
) -> schemas.StayOut:
    async with database.sessions() as session:
        stay = await get_or_404(session, models.Stay, stay_id, what="stay")
        return await stay_out(session, stay, today, rule, personal=personal)


async def list_stays(
    database: Database,
    page: PageRequest,
    today: date,
    rule: domain.LimitRule,
    *,
    state: domain.StayState | None,
    person_ref: str | None,
    personal: bool,
) -> tuple[list[schemas.StayOut], int]:
    query = where_given(
        select(models.Stay).order_by(models.Stay.start_date, models.Stay.id),
        (models.Stay.state, state),
        (models.Stay.person_ref, person_ref),
    )
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query, page)
        return [await stay_out(session, row, today, rule, personal=personal) for row in rows], total


async def stay_out(
    session: AsyncSession, stay: models.Stay, today: date, rule: domain.LimitRule, *, personal: bool
) -> schemas.StayOut:
    absences = await absences_of(session, stay.id)
    moves = await moves_of(session, stay.id)
    end = stay.end_date or max(today, stay.start_date)
    away = [absence_terms(a) for a in absences]
    nights = domain.nights_used(stay.start_date, end, away)
    person = await session.get(models.Person, stay.person_id) if personal else None
    provider = await session.get(models.Provider, stay.current_provider_id)
    return schemas.StayOut(
        stay_id=stay.id,
        person_ref=stay.person_ref,
        person=schemas.PersonOut(name=person.name, national_id=person.national_id, birth_date=person.birth_date)
        if person
        else None,
        cause=StayCause(stay.cause) if personal else None,
        state=stay.state,
        adults=stay.adults,
        children=stay.children,
        under_30=stay.under_30,
        single=stay.single,
        new_enquiry=stay.new_enquiry,
        decision_date=stay.decision_date,
        provider_id=stay.current_provider_id,
        agreement_id=moves[-1].agreement_id if moves else stay.agreement_id,
        price_per_night=moves[-1].price_per_night if moves else stay.price_per_night,
        override_justification=stay.override_justification if personal else None,
        override_reasons=stay.override_reasons,
        start_date=stay.start_date,
        planned_end_date=stay.planned_end_date,
        end_date=stay.end_date,
        end_reason=stay.end_reason,
        belongings_left=stay.belongings_left,
        closure_warning=closure_warning(provider, stay, today, rule) if provider else None,
        nights=nights,
        cost=domain.cost_in(stay.start_date, end, away, prices_of(stay, moves), stay.start_date, end),
        days_in_stay=domain.days_in_stay(stay.start_date, end),
        limit_date=rule.limit_date(stay.start_date),
        blocking_reason=domain.blocking_reason(
            domain.StayState(stay.state), stay.application_id, stay.application_decision
        ),
        application_id=stay.application_id,
        application_submitted_on=stay.application_submitted_on,
        application_decision=stay.application_decision,
        allocated_on=stay.allocated_on,
        dwelling_id=stay.dwelling_id,
        planned_move_in_on=stay.planned_move_in_on,
        tenancy_id=stay.tenancy_id,
        adviser=stay.adviser,
        case=await case_of_stay(session, stay),
        moves=[
            schemas.MoveOut(
                changed_on=m.changed_on,
                provider_id=m.provider_id,
                agreement_id=m.agreement_id,
                price_per_night=m.price_per_night,
                override_reasons=m.override_reasons,
            )
            for m in moves
        ],
        absences=[
            schemas.AbsenceOut(
                first_night=a.first_night,
                returned_on=a.returned_on,
                nights=(a.returned_on - a.first_night).days,
                belongings_left=a.belongings_left,
            )
            for a in absences
        ],
    )


async def check_placing(
    session: AsyncSession,
    provider: models.Provider,
    household: domain.Household,
    on: date,
    leaving_day: date,
    override_justification: str | None,
    price_per_night: int | None,
) -> tuple[domain.AgreementTerms | None, list[domain.PlacementRefusal], int]:
    """Check placing `household` with `provider` for the nights from `on` to `leaving_day` (planned): the
    agreement in force, what is overridden, the price."""
    kind = ProviderKind(provider.kind)
    terms = domain.agreement_in_force([agreement_terms(r) for r in await agreements_of(session, provider.id)], on)
    closure = closure_of(provider)
    closed_night = closure.first_closed_night(on, leaving_day) if closure else None
    refusals = domain.placement_refusals(
        terms,
        household,
        kind=kind,
        occupied=await occupied_places(session, provider.id),
        capacity=provider.capacity,
        provider_active=provider.active,
        closed_night=closed_night,
    )
    domain.check_placement(refusals, override_justification, closed_night=closed_night)
    return terms, refusals, domain.placement_price(terms, price_per_night, kind)


async def moves_of(session: AsyncSession, stay_id: str) -> list[models.Move]:
    rows = await session.scalars(
        select(models.Move).where(models.Move.stay_id == stay_id).order_by(models.Move.changed_on)
    )
    return list(rows)


def prices_of(stay: models.Stay, moves: list[models.Move]) -> list[domain.PricePeriod]:
    return [
        domain.PricePeriod(stay.start_date, stay.price_per_night),
        *(domain.PricePeriod(m.changed_on, m.price_per_night) for m in moves),
    ]


async def start_stay(
    database: Database,
    actor: str,
    body: schemas.StayIn,
    *,
    person_ref_key: str,
    rule: domain.LimitRule,
    adviser: str | None = None,
) -> models.Stay:
    ref = person_ref(body.person.national_id, person_ref_key)
    async with database.unit_of_work(actor) as uow:
        session = uow.session
        # The check for an active stay and the insert below: two starts for one person at once take turns.
        await uow.lock(f"temporary-housing.stay-start:{ref}")
        provider = await get_provider(session, body.provider_id)
        person = await session.scalar(select(models.Person).where(models.Person.person_ref == ref))
        earlier = 0
        if person is not None:
            active = await session.scalar(
                select(models.Stay.id).where(models.Stay.person_id == person.id, models.Stay.state.in_(ACTIVE_STATES))
            )
            if active is not None:
                raise Conflict(f"the person already has an active stay ({active})", current_state="in_stay")
            earlier = int(
                await session.scalar(
                    select(func.count()).select_from(models.Stay).where(models.Stay.person_id == person.id)
                )
                or 0
            )
            person.name = body.person.name
        else:
            person = models.Person(
                id=new_id("person"),
                person_ref=ref,
                national_id=body.person.national_id,
                name=body.person.name,
                birth_date=body.person.birth_date,
                known_earlier_stay=body.known_earlier_stay,
            )
            session.add(person)
        household = domain.Household(
            adults=body.adults,
            children=body.children,
            person_age=domain.age_on(person.birth_date, body.start_date),
        )
        leaving = body.planned_end_date or rule.limit_date(body.start_date)
        terms, refusals, price = await check_placing(
            session, provider, household, body.start_date, leaving, body.override_justification, body.price_per_night
        )
        new_enquiry = earlier == 0 and not (person.known_earlier_stay or body.known_earlier_stay)
        stay = models.Stay(
            id=new_id("stay"),
            person_id=person.id,
            person_ref=ref,
            state=domain.StayState.STARTED.value,
            adults=body.adults,
            children=body.children,
            under_30=household.person_age < 30,
            single=household.single,
            new_enquiry=new_enquiry,
            cause=body.cause.value,
            decision_date=body.decision_date,
            provider_id=provider.id,
            current_provider_id=provider.id,
            agreement_id=terms.agreement_id if terms else None,
            price_per_night=price,
            override_justification=body.override_justification if refusals else None,
            override_reasons=[str(r) for r in refusals] or None,
            start_date=body.start_date,
            planned_end_date=body.planned_end_date,
            belongings_left=False,
            adviser=body.adviser or adviser,
            created_at=uow.clock.now(),
        )
        session.add(stay)
        uow.record(
            ev.StayStarted(
                stay_id=stay.id,
                person_ref=ref,
                start_date=stay.start_date,
                under_30=stay.under_30,
                single=stay.single,
                adults=stay.adults,
                children=stay.children,
                new_enquiry=new_enquiry,
                provider_id=provider.id,
                provider_kind=ProviderKind(provider.kind),
                price_per_night=price,
                # The limit goes with the stay, so the dashboard counts by NAV's rule rather than a copy of it.
                limit_date=rule.limit_date(stay.start_date),
            )
        )
        uow.audit(
            "stay.started",
            "stay",
            stay.id,
            reason=body.override_justification if refusals else None,
            detail={"provider_id": provider.id, "overridden": [str(r) for r in refusals]},
        )
        await uow.commit()
    return stay


async def add_absence(database: Database, actor: str, stay_id: str, body: schemas.AbsenceIn) -> models.Stay:
    async with database.unit_of_work(actor) as uow:
        stay = await get_stay(uow.session, stay_id, lock=True)
        others = [absence_terms(a) for a in await absences_of(uow.session, stay_id)]
        domain.check_absence(domain.Absence(body.first_night, body.returned_on), stay.start_date, stay.end_date, others)
        uow.session.add(
            models.Absence(
                stay_id=stay_id,
                first_night=body.first_night,
                returned_on=body.returned_on,
                belongings_left=body.belongings_left,
            )
        )
        uow.audit(
            "stay.absence_reported",
            "stay",
            stay_id,
            detail={
                "first_night": body.first_night.isoformat(),
                "returned_on": body.returned_on.isoformat(),
                "belongings_left": body.belongings_left,
            },
        )
        await uow.commit()
    return stay


async def move_stay(
    database: Database, actor: str, stay_id: str, body: schemas.MoveIn, rule: domain.LimitRule
) -> models.Stay:
    """The person moves to another provider from `changed_on`, under the same checks as a first placement."""
    async with database.unit_of_work(actor) as uow:
        session = uow.session
        stay = await get_stay(session, stay_id, lock=True)
        moves = await moves_of(session, stay.id)
        domain.check_move(stay.start_date, stay.end_date, body.changed_on, prices_of(stay, moves))
        domain.check_other_provider(stay.current_provider_id, body.provider_id)
        provider = await get_provider(session, body.provider_id)
        person = await session.get(models.Person, stay.person_id)
        assert person is not None
        household = domain.Household(stay.adults, stay.children, domain.age_on(person.birth_date, body.changed_on))
        leaving = max(stay.planned_end_date or rule.limit_date(stay.start_date), body.changed_on + timedelta(days=1))
        terms, refusals, price = await check_placing(
            session, provider, household, body.changed_on, leaving, body.override_justification, body.price_per_night
        )
        session.add(
            models.Move(
                stay_id=stay.id,
                changed_on=body.changed_on,
                provider_id=provider.id,
                agreement_id=terms.agreement_id if terms else None,
                price_per_night=price,
                override_justification=body.override_justification if refusals else None,
                override_reasons=[str(r) for r in refusals] or None,
            )
        )
        stay.current_provider_id = provider.id
        uow.record(
            ev.StayProviderChanged(
                stay_id=stay.id,
                changed_on=body.changed_on,
                provider_id=provider.id,
                provider_kind=ProviderKind(provider.kind),
                price_per_night=price,
            )
        )
        uow.audit(
            "stay.provider_changed",
            "stay",
            stay.id,
            reason=body.override_justification if refusals else None,
            detail={"provider_id": provider.id, "overridden": [str(r) for r in refusals]},
        )
        await uow.commit()
    return stay


async def close_stay(
    uow: UnitOfWork,
    stay: models.Stay,
    end_date: date,
    reason: StayEndReason,
    tenancy_id: str | None,
    *,
    from_event: bool = False,
) -> None:
    stay.state = domain.transition(domain.StayState(stay.state), domain.StayState.ENDED).value
    domain.check_end(stay.start_date, end_date, uow.clock.today())
    absences = [absence_terms(a) for a in await absences_of(uow.session, stay.id)]
    if not from_event:
        domain.check_end_after_absences(end_date, absences)
    nights = domain.nights_used(stay.start_date, end_date, absences)
    prices = prices_of(stay, await moves_of(uow.session, stay.id))
    stay.end_date = end_date
    stay.end_reason = reason.value
    stay.tenancy_id = tenancy_id or stay.tenancy_id
    stay.nights = nights
    stay.cost = domain.cost_in(stay.start_date, end_date, absences, prices, stay.start_date, end_date)
    uow.record(
        ev.StayEnded(
            stay_id=stay.id,
            person_ref=stay.person_ref,
            start_date=stay.start_date,
            end_date=end_date,
            reason=reason,
            nights=nights,
            cost=stay.cost,
            application_id=stay.application_id,
            tenancy_id=stay.tenancy_id if reason is StayEndReason.PERMANENT_HOUSING else None,
        )
    )
    uow.audit("stay.ended", "stay", stay.id, detail={"reason": reason.value, "end_date": end_date.isoformat()})
    # The stay's days no longer call for anything (no rules needed: an ended stay's tasks are none).
    await sync_tasks(
        uow, "stay", stay.id, [], domain.STAY_TASK_KINDS, adviser=stay.adviser, cleared_because="the stay ended"
    )


async def end_stay(database: Database, actor: str, stay_id: str, body: schemas.EndIn) -> models.Stay:
    domain.check_end_reason(body.reason, body.tenancy_id)
    async with database.unit_of_work(actor) as uow:
        stay = await get_stay(uow.session, stay_id, lock=True)
        await close_stay(uow, stay, body.end_date, body.reason, body.tenancy_id)
        stay.belongings_left = body.belongings_left
        if body.belongings_left:
            await add_task_once(
                uow, domain.belongings_task(stay.id, body.end_date), "stay", stay.id, adviser=stay.adviser
            )
        await uow.commit()
    return stay


def record_link(uow: UnitOfWork, stay: models.Stay, application_id: str, submitted_on: date, linked_on: date) -> bool:
    """Record the application on the stay; False when it is already there."""
    if stay.application_id == application_id:
        return False
    domain.check_application_link(stay.application_id, domain.StayState(stay.state), application_id)
    stay.application_id = application_id
    stay.application_submitted_on = submitted_on
    uow.record(
        ev.StayApplicationLinked(
            stay_id=stay.id,
            application_id=application_id,
            linked_on=linked_on,
            application_submitted_on=submitted_on,
            stay_start_date=stay.start_date,
        )
    )
    uow.audit("stay.application_linked", "stay", stay.id, detail={"application_id": application_id})
    return True


async def link_application(
    database: Database,
    actor: str,
    stay_id: str,
    body: schemas.ApplicationLinkIn,
    *,
    today: date,
    applications: HousingApplications,
) -> models.Stay:
    async with database.sessions() as session:
        stay = await get_stay(session, stay_id)
        person = await session.get(models.Person, stay.person_id)
    assert person is not None
    domain.check_application_link(stay.application_id, domain.StayState(stay.state), body.application_id)
    domain.check_consent_signed(body.consent_signed_on, today)
    if body.application_id is not None:
        application_id, submitted_on = body.application_id, body.submitted_on
    else:
        # The call goes out before the transaction: no database locks are held while another service answers.
        submitted = await applications.submit_for(
            ApplicationRequest(
                stay_id=stay.id,
                national_id=person.national_id,
                name=person.name,
                birth_date=person.birth_date,
                adults=stay.adults,
                children=stay.children,
                submitted_on=today,
                bedrooms_needed=body.bedrooms_needed,
                accessible_needed=body.accessible_needed,
                consent_signed_on=body.consent_signed_on,
            )
        )
        application_id, submitted_on = submitted.application_id, submitted.submitted_on
    async with database.unit_of_work(actor) as uow:
        stay = await get_stay(uow.session, stay_id, lock=True)
        known = await uow.session.get(models.KnownApplication, application_id)
        if body.application_id is not None and stay.application_id != application_id:
            # The person's own application: it must exist and be theirs (NAV's own was just submitted for them).
            domain.check_application_person(known.person_ref if known else None, stay.person_ref, application_id)
        linked_on = submitted_on or (known.submitted_on if known else None) or today
        record_link(uow, stay, application_id, linked_on, today)
        # NAV follows the case from now; Boligkontoret's events fill it in (application.submitted may come first).
        await ensure_case(uow, application_id, stay.person_ref, submitted_on, stay.id)
        await uow.commit()
    return stay


async def active_stay_of(session: AsyncSession, ref: str, *, lock: bool = False) -> models.Stay | None:
    query = (
        select(models.Stay)
        .where(models.Stay.person_ref == ref, models.Stay.state.in_(ACTIVE_STATES))
        .order_by(models.Stay.start_date.desc())
        .limit(1)
    )
    row: models.Stay | None = await session.scalar(query.with_for_update() if lock else query)
    return row


async def check_limits(database: Database, rule: domain.LimitRule, today: date) -> int:
    """The 3-month rule: raise each threshold of each active stay once. Returns how many events it raised."""
    async with database.sessions() as session:
        stays = list(await session.scalars(select(models.Stay).where(models.Stay.state.in_(ACTIVE_STATES))))
        notices = await session.execute(select(models.LimitNotice.stay_id, models.LimitNotice.threshold))
        done: dict[str, set[int]] = {}
        for stay_id, threshold in notices:
            done.setdefault(stay_id, set()).add(threshold)
    raised = 0
    for candidate in stays:
        notice = domain.limit_notice(rule, candidate.start_date, today, done.get(candidate.id, set()))
        if notice is None:
            continue
        try:
            async with database.unit_of_work("job:limit-rule") as uow:
                stay = await get_stay(uow.session, candidate.id, lock=True)
                if stay.state not in ACTIVE_STATES:
                    continue
                for threshold in notice.passed:
                    uow.session.add(
                        models.LimitNotice(
                            stay_id=stay.id, threshold=threshold, raised_on=today, days_in_stay=notice.days
                        )
                    )
                await uow.session.flush()  # a replica that got here first makes this fail: then it is done
                event_type = ev.StayLimitExceeded if notice.raise_exceeded else ev.StayLimitApproaching
                uow.record(
                    event_type(
                        stay_id=stay.id,
                        start_date=stay.start_date,
                        days_in_stay=notice.days,
                        limit_date=rule.limit_date(stay.start_date),
                        dwelling_allocated=stay.state == domain.StayState.ALLOCATED.value,
                    )
                )
                uow.audit(
                    "stay.limit_exceeded" if notice.raise_exceeded else "stay.limit_approaching",
                    "stay",
                    stay.id,
                    detail={"days_in_stay": notice.days, "thresholds": list(notice.passed)},
                )
                await uow.commit()
                raised += 1
        except IntegrityError:
            log.info("limit_rule.already_raised", stay_id=candidate.id)
    return raised


async def stays_by_days(database: Database, rule: domain.LimitRule, today: date) -> list[schemas.StayByDays]:
    async with database.sessions() as session:
        rows = list(await session.scalars(select(models.Stay).where(models.Stay.state.in_(ACTIVE_STATES))))
    items = [
        schemas.StayByDays(
            stay_id=s.id,
            person_ref=s.person_ref,
            provider_id=s.current_provider_id,
            state=s.state,
            start_date=s.start_date,
            days_in_stay=domain.days_in_stay(s.start_date, today),
            limit_date=rule.limit_date(s.start_date),
            over_limit=domain.days_in_stay(s.start_date, today) >= rule.limit_days,
            blocking_reason=domain.blocking_reason(domain.StayState(s.state), s.application_id, s.application_decision),
            application_id=s.application_id,
        )
        for s in rows
    ]
    return sorted(items, key=lambda i: (-i.days_in_stay, i.stay_id))
