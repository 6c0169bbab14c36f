"""The waiting list: ranking by priority (allocation rules § 10), the households a dwelling suits (§ 12), the
committee's recommendation (innstilling) across the dwellings to allocate, and when a dwelling can be offered."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from boligflyt.contracts.codes import DwellingStatus, PriorityFactor
from boligflyt.platform.errors import Conflict

from .priority import TemporaryStay, priority
from .suitability import DwellingFit, Needs, fit_explanation, in_wished_area, mismatches


@dataclass(frozen=True)
class Candidate:
    """An approved application as the waiting list sees it."""

    application_id: str
    approved_on: date
    priority_factors: tuple[PriorityFactor, ...]
    needs: Needs
    stay: TemporaryStay | None = None


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    rank: int
    score: int
    explanation: tuple[str, ...]


def rank_key(score: int, approved_on: date, application_id: str) -> tuple[int, date, str]:
    """Where a candidate stands on the waiting list, lowest first: the priority score, highest first, then the
    earliest approval, then the id (a stable tie-break)."""
    return -score, approved_on, application_id


def _score(candidate: Candidate, today: date) -> int:
    return priority(candidate.priority_factors, candidate.stay, today).score


def rank_waiting_list(candidates: Sequence[Candidate], today: date) -> list[Ranked]:
    return waiting_list_page(candidates, today, offset=0, limit=len(candidates))


def waiting_list_page(candidates: Sequence[Candidate], today: date, *, offset: int, limit: int) -> list[Ranked]:
    """`rank_waiting_list(candidates)[offset : offset + limit]`, explaining only the page's candidates."""
    ordered = sorted(candidates, key=lambda c: rank_key(_score(c, today), c.approved_on, c.application_id))
    return ranked_from(ordered[offset : offset + limit], today, offset + 1)


def ranked_from(ordered: Iterable[Candidate], today: date, first_rank: int) -> list[Ranked]:
    """Candidates already in their waiting-list order, ranked from `first_rank` and explained."""
    ranked = []
    for position, candidate in enumerate(ordered, start=first_rank):
        assessed = priority(candidate.priority_factors, candidate.stay, today)
        explanation = (*assessed.explanation, f"approved {candidate.approved_on.isoformat()}")
        ranked.append(Ranked(candidate, position, assessed.score, explanation))
    return ranked


def match(dwelling: DwellingFit, candidates: Sequence[Candidate], today: date) -> list[Ranked]:
    """The households the dwelling suits, best first: by priority; among equals those who wished its area first;
    then by approval date. Each with why it ranks where it does and why the dwelling fits."""
    fitting = [c for c in candidates if not mismatches(c.needs, dwelling)]

    def key(c: Candidate) -> tuple[int, bool, date, str]:
        return -_score(c, today), not in_wished_area(c.needs, dwelling), c.approved_on, c.application_id

    ranked = ranked_from(sorted(fitting, key=key), today, 1)
    return [
        Ranked(r.candidate, r.rank, r.score, (*r.explanation, *fit_explanation(r.candidate.needs, dwelling)))
        for r in ranked
    ]


# A dwelling is allocated from the day its tenant gives notice (the first committee meeting after it), through
# the inspection and the renovation, until it is ready: the next household moves in the day it is.
COMING_VACANT = frozenset(
    {DwellingStatus.NOTICE_GIVEN, DwellingStatus.VACANT, DwellingStatus.INSPECTED, DwellingStatus.RENOVATING}
)
TO_ALLOCATE = COMING_VACANT | {DwellingStatus.READY}


@dataclass(frozen=True)
class DwellingToAllocate:
    fit: DwellingFit
    status: DwellingStatus
    expected_ready_on: date | None  # None when ready now, or when LKE has not said yet

    def ready_by(self, today: date) -> date:
        return today if self.status is DwellingStatus.READY else (self.expected_ready_on or date.max)


@dataclass(frozen=True)
class Recommendation:
    """One dwelling on the committee's list: the households it suits, ranked, and the one proposed."""

    dwelling: DwellingToAllocate
    ranked: tuple[Ranked, ...]
    proposed: Ranked | None


def recommend(
    dwellings: Sequence[DwellingToAllocate], candidates: Sequence[Candidate], today: date
) -> list[Recommendation]:
    """The committee's recommendation: dwellings by when they are ready, each with its fitting households ranked.

    Proposals go down the waiting list: each household in priority order is proposed for the earliest-ready
    dwelling it fits that nobody above it was proposed for, so the most urgent household is housed first."""
    ordered = sorted(dwellings, key=lambda d: (d.ready_by(today), d.fit.dwelling_id))
    ranked = {d.fit.dwelling_id: match(d.fit, candidates, today) for d in ordered}
    proposed: dict[str, Ranked] = {}
    for candidate in sorted(candidates, key=lambda c: rank_key(_score(c, today), c.approved_on, c.application_id)):
        for dwelling in ordered:
            dwelling_id = dwelling.fit.dwelling_id
            if dwelling_id in proposed:
                continue
            hit = next((r for r in ranked[dwelling_id] if r.candidate.application_id == candidate.application_id), None)
            if hit is not None:
                proposed[dwelling_id] = hit
                break
        if len(proposed) == len(ordered):
            break
    return [Recommendation(d, tuple(ranked[d.fit.dwelling_id]), proposed.get(d.fit.dwelling_id)) for d in ordered]


def is_offerable(status: DwellingStatus | None, *, has_open_offer: bool, allocated: bool) -> bool:
    return status is DwellingStatus.READY and not has_open_offer and not allocated


def check_offerable(dwelling_id: str, status: DwellingStatus, *, has_open_offer: bool, allocated: bool) -> None:
    """A caseworker offers a dwelling directly when it is ready, nobody holds an offer of it and it is not allocated."""
    if is_offerable(status, has_open_offer=has_open_offer, allocated=allocated):
        return
    state = "allocated" if allocated else "offered" if has_open_offer else status.value
    raise Conflict(f"dwelling {dwelling_id} cannot be offered now", current_state=state)


def is_allocatable(status: DwellingStatus | None, *, has_open_offer: bool, allocated: bool) -> bool:
    return status in TO_ALLOCATE and not has_open_offer and not allocated


def check_allocatable(dwelling_id: str, status: DwellingStatus, *, has_open_offer: bool, allocated: bool) -> None:
    """The committee allocates a dwelling that is ready or coming vacant, not allocated and not on offer."""
    if is_allocatable(status, has_open_offer=has_open_offer, allocated=allocated):
        return
    if allocated:
        raise Conflict(f"dwelling {dwelling_id} is already allocated", current_state="allocated")
    if has_open_offer:
        raise Conflict(f"dwelling {dwelling_id} is on offer to a household", current_state="offered")
    raise Conflict(
        f"dwelling {dwelling_id} is {status.value}: only a dwelling that is ready or coming vacant is allocated",
        current_state=status.value,
    )


def starts_letting_round(previous: DwellingStatus, new: DwellingStatus) -> bool:
    """A new letting round begins when a let (or reserved) dwelling comes up for letting again: at the tenant's
    notice, or at a vacancy or readiness we heard of first. Within a round, the allocation made at notice stands."""
    return previous not in TO_ALLOCATE and new in TO_ALLOCATE


def move_in_follows(planned_move_in_on: date | None, ready_by: date | None) -> date | None:
    """The allocated household's move-in moves with the dwelling's ready date when the date slips past it."""
    if planned_move_in_on is None or ready_by is None or ready_by <= planned_move_in_on:
        return None
    return ready_by
