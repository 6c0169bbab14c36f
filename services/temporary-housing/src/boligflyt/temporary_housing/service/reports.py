"""NAV's monthly situation report (situasjonsrapport, KPI 2 of docs/domain.md), from the stays' facts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from boligflyt.platform.db import Database
from boligflyt.temporary_housing import domain, models
from boligflyt.temporary_housing.service.stays import absence_terms


async def report_facts(database: Database) -> list[domain.StayFacts]:
    async with database.sessions() as session:
        stays = list(await session.scalars(select(models.Stay)))
        absences = list(await session.scalars(select(models.Absence)))
        moves = list(await session.scalars(select(models.Move).order_by(models.Move.changed_on)))
        persons = {p.id: p for p in await session.scalars(select(models.Person))}
    by_stay: dict[str, list[domain.Absence]] = {}
    for a in absences:
        by_stay.setdefault(a.stay_id, []).append(absence_terms(a))
    moves_by_stay: dict[str, list[domain.PricePeriod]] = {}
    for m in moves:
        moves_by_stay.setdefault(m.stay_id, []).append(domain.PricePeriod(m.changed_on, m.price_per_night))
    return [
        domain.StayFacts(
            stay_id=s.id,
            person_key=s.person_ref,
            start=s.start_date,
            end=s.end_date,
            under_30=s.under_30,
            adults=s.adults,
            children=s.children,
            turns_30_on=domain.turns_30_on(persons[s.person_id].birth_date),
            price_per_night=s.price_per_night,
            absences=tuple(by_stay.get(s.id, ())),
            known_earlier_stay=persons[s.person_id].known_earlier_stay,
            moves=tuple(moves_by_stay.get(s.id, ())),
        )
        for s in stays
    ]


async def monthly_report(
    database: Database, first: domain.Month | None, last: domain.Month | None, today: date
) -> list[domain.MonthRow]:
    facts = await report_facts(database)
    last = last or domain.Month.of(today)
    first = first or (domain.Month.of(min(f.start for f in facts)) if facts else last)
    return domain.monthly_report(facts, domain.report_months(first, last), today)
