"""The waiting list: ranking by priority factors (allocation rules § 10) and matching a dwelling."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from boligflyt.contracts.codes import ApplicationKind, DwellingCategory, DwellingStatus, PriorityFactor
from boligflyt.platform.errors import Conflict

# Ordered by weight: a head lease ending puts the household first in the queue (Boligkontoret's routine for
# leased-in dwellings); not being able to find an alternative is the decisive factor (allocation rules § 10).
FACTOR_WEIGHT: dict[PriorityFactor, int] = {
    PriorityFactor.HEAD_LEASE_ENDING: 1000,
    PriorityFactor.CANNOT_FIND_ALTERNATIVE: 100,
    PriorityFactor.NO_FIXED_ADDRESS: 10,
    PriorityFactor.NOTICE_TO_QUIT: 5,
    PriorityFactor.RISK_OF_LOSING_HOME: 3,
    PriorityFactor.UNSUITABLE_DWELLING: 1,
}


@dataclass(frozen=True)
class Candidate:
    """An approved application as the waiting list sees it."""

    application_id: str
    kind: ApplicationKind
    approved_on: date
    priority_factors: tuple[PriorityFactor, ...]
    bedrooms: int
    accessible: bool
    staffed: bool
    areas: tuple[str, ...]


@dataclass(frozen=True)
class DwellingFit:
    """What a dwelling offers, as matching needs it."""

    dwelling_id: str
    category: DwellingCategory
    bedrooms: int
    accessible: bool
    staffed: bool
    area_code: str | None


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    rank: int
    score: int
    explanation: tuple[str, ...]


def priority_score(factors: Iterable[PriorityFactor]) -> int:
    return sum(FACTOR_WEIGHT[factor] for factor in set(factors))


def rank_waiting_list(candidates: Sequence[Candidate]) -> list[Ranked]:
    """Priority factors first (weighted), then the earliest approval, then the id (a stable tie-break)."""
    return waiting_list_page(candidates, offset=0, limit=len(candidates))


def rank_key(score: int, approved_on: date, application_id: str) -> tuple[int, date, str]:
    """Where a candidate stands on the waiting list, lowest first: the priority factors' score, highest first, then
    the earliest approval, then the id (a stable tie-break)."""
    return -score, approved_on, application_id


def waiting_list_page(candidates: Sequence[Candidate], *, offset: int, limit: int) -> list[Ranked]:
    """`rank_waiting_list(candidates)[offset : offset + limit]`, explaining only the page's candidates: a page of
    the list is read far more often than the whole, and explaining every candidate cost more than ordering them."""
    ordered = sorted(
        candidates, key=lambda c: rank_key(priority_score(c.priority_factors), c.approved_on, c.application_id)
    )
    return ranked_from(ordered[offset : offset + limit], offset + 1)


def ranked_from(ordered: Iterable[Candidate], first_rank: int) -> list[Ranked]:
    """Candidates already in their waiting-list order (`rank_key`), ranked from `first_rank` and explained."""
    return [_ranked(candidate, position) for position, candidate in enumerate(ordered, start=first_rank)]


def _ranked(candidate: Candidate, position: int) -> Ranked:
    factors = sorted(set(candidate.priority_factors), key=lambda f: -FACTOR_WEIGHT[f])
    explanation = [f"{factor.value} (+{FACTOR_WEIGHT[factor]})" for factor in factors]
    explanation.append(f"approved {candidate.approved_on.isoformat()}")
    return Ranked(candidate, position, priority_score(factors), tuple(explanation))


_CATEGORIES_FOR_KIND: dict[ApplicationKind, frozenset[DwellingCategory]] = {
    ApplicationKind.RENTAL: frozenset(
        {
            DwellingCategory.ORDINARY,
            DwellingCategory.BENEFIT_RECIPIENT,
            DwellingCategory.TRANSITIONAL,
            DwellingCategory.STARTER,
            DwellingCategory.CO_LOCATED,
            DwellingCategory.EMERGENCY,
        }
    ),
    ApplicationKind.CARE: frozenset(
        {DwellingCategory.CARE, DwellingCategory.DEMENTIA_GROUP_HOME, DwellingCategory.BENEFIT_RECIPIENT}
    ),
    ApplicationKind.STAFFED: frozenset({DwellingCategory.STAFFED, DwellingCategory.CO_LOCATED}),
}


def mismatches(candidate: Candidate, dwelling: DwellingFit) -> list[str]:
    """Why the dwelling does not suit the household; empty if it does."""
    reasons: list[str] = []
    if dwelling.category not in _CATEGORIES_FOR_KIND[candidate.kind]:
        reasons.append(f"a {dwelling.category.value} dwelling is not for a {candidate.kind.value} application")
    if dwelling.bedrooms < candidate.bedrooms:
        reasons.append(f"{dwelling.bedrooms} bedrooms, the household needs {candidate.bedrooms}")
    elif dwelling.bedrooms > candidate.bedrooms + 1:
        reasons.append(f"{dwelling.bedrooms} bedrooms is too large for a need of {candidate.bedrooms}")
    if candidate.accessible and not dwelling.accessible:
        reasons.append("the household needs an accessible dwelling")
    if candidate.staffed and not dwelling.staffed:
        reasons.append("the household needs a staffed dwelling")
    if candidate.areas and dwelling.area_code not in candidate.areas:
        reasons.append(f"area {dwelling.area_code or 'unknown'} is not among the household's areas")
    return reasons


def match(dwelling: DwellingFit, candidates: Sequence[Candidate]) -> list[Ranked]:
    """The households the dwelling suits, ranked as on the waiting list, with why they fit."""
    fitting = [c for c in candidates if not mismatches(c, dwelling)]
    ranked = rank_waiting_list(fitting)
    fit = f"fits: {dwelling.bedrooms} bedrooms, category {dwelling.category.value}"
    return [Ranked(r.candidate, r.rank, r.score, (*r.explanation, fit)) for r in ranked]


def is_offerable(status: DwellingStatus | None, *, has_open_offer: bool, allocated: bool) -> bool:
    return status is DwellingStatus.READY and not has_open_offer and not allocated


def check_offerable(dwelling_id: str, status: DwellingStatus, *, has_open_offer: bool, allocated: bool) -> None:
    """A dwelling is offered when it is ready, nobody holds an offer of it and it is not allocated."""
    if is_offerable(status, has_open_offer=has_open_offer, allocated=allocated):
        return
    state = "allocated" if allocated else "offered" if has_open_offer else status.value
    raise Conflict(f"dwelling {dwelling_id} cannot be offered now", current_state=state)
