"""The waiting list: the approved applications as candidates, ranked by the priority factors and then by date;
which households a dwelling suits; and which dwellings can be offered now."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Result, Row, Text, bindparam, cast, select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationState, Candidate, DwellingFit, OfferState
from boligflyt.applications.models import Application, Dwelling, Offer
from boligflyt.contracts.codes import ApplicationKind, DwellingCategory, DwellingStatus, PriorityFactor
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, get_or_404
from boligflyt.platform.pagination import PageRequest

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
    _application.adults,
    _application.children,
    _application.children_needing_own_bedroom,
    _application.bedrooms_needed,
    _application.accessible_needed,
    _application.staffed_needed,
    cast(_application.area_wishes, Text),
    _application.stay_started_on,
    _application.stay_limit_warned_on,
    _application.stay_ended_on,
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


def _stay(started_on: date | None, warned_on: date | None, ended_on: date | None) -> domain.TemporaryStay | None:
    if started_on is None or ended_on is not None:
        return None
    return domain.TemporaryStay(started_on=started_on, limit_warned=warned_on is not None)


def _candidate(row: Row[Any]) -> Candidate:
    return Candidate(
        application_id=row.id,
        approved_on=row.decided_on or row.submitted_on,
        priority_factors=_priority_factors(row.priority_factors),
        needs=domain.Needs(
            kind=ApplicationKind(row.kind),
            household=domain.Household(row.adults, row.children, row.children_needing_own_bedroom),
            bedrooms=row.bedrooms_needed,
            accessible=row.accessible_needed,
            staffed=row.staffed_needed,
            areas=_areas(row.area_wishes),
        ),
        stay=_stay(row.stay_started_on, row.stay_limit_warned_on, row.stay_ended_on),
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


async def _on_waiting_list(session: AsyncSession, kind: ApplicationKind | None) -> Result[*tuple[Any, ...]]:
    if kind is None:
        return await session.execute(_ON_WAITING_LIST)
    return await session.execute(_ON_WAITING_LIST_OF_KIND, {"kind": kind.value})


async def candidates(session: AsyncSession, kind: ApplicationKind | None = None) -> list[Candidate]:
    """Every application on the waiting list (of one kind, when given), unranked."""
    return [_candidate(row) for row in await _on_waiting_list(session, kind)]


@lru_cache(maxsize=1024)
def _factor_score(priority_factors: str) -> int:
    return domain.factor_score(_priority_factors(priority_factors))


def _rank_key(row: Row[Any], today: date) -> tuple[int, date, str]:
    stay = _stay(row.stay_started_on, row.stay_limit_warned_on, row.stay_ended_on)
    score = _factor_score(row.priority_factors) + domain.stay_score(stay, today)
    return domain.rank_key(score, row.decided_on or row.submitted_on, row.id)


async def waiting_list_page(
    database: Database, clock: Clock, page: PageRequest, *, kind: ApplicationKind | None = None
) -> tuple[list[domain.Ranked], int]:
    """One page of the ranked waiting list, and how many stand on it.

    `domain.waiting_list_page` of every candidate, but the rows are ordered as they come (their factors' score
    looked up by their stored text, see `_priority_factors`) and only the page's rows become candidates: building a
    candidate for each of the ~200 rows took longer than the rest of the ranking."""
    today = clock.today()
    async with database.autocommit_sessions() as session:  # one statement
        ordered = sorted(await _on_waiting_list(session, kind), key=lambda row: _rank_key(row, today))
    rows = ordered[page.offset : page.offset + page.limit]
    return domain.ranked_from([_candidate(row) for row in rows], today, page.offset + 1), len(ordered)


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


async def matches(session: AsyncSession, dwelling: Dwelling, today: date) -> list[domain.Ranked]:
    """The households on the waiting list the dwelling suits, ranked."""
    return domain.match(dwelling_fit(dwelling), await candidates(session), today)


async def dwelling_matches(database: Database, clock: Clock, dwelling_id: str) -> list[domain.Ranked]:
    async with database.sessions() as session:
        dwelling = await get_or_404(session, Dwelling, dwelling_id, what="dwelling")
        return await matches(session, dwelling, clock.today())
