"""Priority on the waiting list (allocation rules § 10): an overall assessment of the household's situation, with
decisive weight on having no way to find a dwelling alone, and the time already spent in temporary housing
weighing more as the national 3-month goal draws near."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from boligflyt.contracts.codes import PriorityFactor

# § 10 names, in its order, no fixed address, notice to quit, real risk of losing the dwelling and an unsuitable
# dwelling; the decisive factor outweighs all of them and the time in temporary housing together. A head lease
# ending puts the household first in the queue (Boligkontoret's routine for leased-in dwellings).
FACTOR_WEIGHT: dict[PriorityFactor, int] = {
    PriorityFactor.HEAD_LEASE_ENDING: 1000,
    PriorityFactor.CANNOT_FIND_ALTERNATIVE: 200,
    PriorityFactor.NO_FIXED_ADDRESS: 40,
    PriorityFactor.NOTICE_TO_QUIT: 25,
    PriorityFactor.RISK_OF_LOSING_HOME: 20,
    PriorityFactor.UNSUITABLE_DWELLING: 10,
}
# A point per 3 days in temporary housing up to day 90, and more once NAV warns that the stay nears the limit.
STAY_DAYS_PER_POINT = 3
STAY_LIMIT_DAYS = 90
STAY_LIMIT_APPROACHING_WEIGHT = 30


@dataclass(frozen=True)
class TemporaryStay:
    """The household's current stay in NAV's temporary housing, as NAV's events told Boligkontoret."""

    started_on: date
    limit_warned: bool = False  # NAV raised stay.limit_approaching

    def days(self, today: date) -> int:
        return max(0, (today - self.started_on).days)


@dataclass(frozen=True)
class Priority:
    score: int
    explanation: tuple[str, ...]


def factor_score(factors: Iterable[PriorityFactor]) -> int:
    return sum(FACTOR_WEIGHT[factor] for factor in set(factors))


def stay_score(stay: TemporaryStay | None, today: date) -> int:
    if stay is None:
        return 0
    points = min(stay.days(today), STAY_LIMIT_DAYS) // STAY_DAYS_PER_POINT
    return points + (STAY_LIMIT_APPROACHING_WEIGHT if stay.limit_warned else 0)


def priority(factors: Iterable[PriorityFactor], stay: TemporaryStay | None, today: date) -> Priority:
    """The household's score, highest first, and why: each factor with its weight, then the stay."""
    ordered = sorted(set(factors), key=lambda f: -FACTOR_WEIGHT[f])
    lines = [f"{factor.value} (+{FACTOR_WEIGHT[factor]})" for factor in ordered]
    if stay is not None:
        days = stay.days(today)
        lines.append(
            f"{days} days in temporary housing since {stay.started_on.isoformat()} "
            f"(+{min(days, STAY_LIMIT_DAYS) // STAY_DAYS_PER_POINT})"
        )
        if stay.limit_warned:
            lines.append(
                f"NAV warned the stay nears the {STAY_LIMIT_DAYS}-day limit (+{STAY_LIMIT_APPROACHING_WEIGHT})"
            )
    return Priority(factor_score(ordered) + stay_score(stay, today), tuple(lines))
