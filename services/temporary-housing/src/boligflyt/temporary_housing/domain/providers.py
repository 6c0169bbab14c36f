"""Providers and their quality agreements (the municipality's template quality agreement): the agreement's
period, which one is in force, and what stands against placing someone with a provider."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.contracts.codes import ProviderKind
from boligflyt.platform.errors import Conflict, RuleViolation

from .months import add_months

MAX_AGREEMENT_YEARS = 2
RENEGOTIATION_MONTHS_BEFORE_EXPIRY = 3
# NAV's adviser is reminded this many days before the renegotiation deadline.
RENEGOTIATION_REMINDER_DAYS = 30


def latest_agreement_end(valid_from: date) -> date:
    """The last day an agreement starting on `valid_from` may run: two years, the start day counted."""
    return add_months(valid_from, 12 * MAX_AGREEMENT_YEARS) - timedelta(days=1)


def renegotiation_deadline(valid_to: date) -> date:
    """Renegotiate at the latest 3 months before the agreement expires."""
    return add_months(valid_to, -RENEGOTIATION_MONTHS_BEFORE_EXPIRY)


def check_agreement_period(valid_from: date, valid_to: date) -> None:
    """An agreement runs from `valid_from` to `valid_to` (both included), at most 2 years."""
    if valid_to < valid_from:
        raise RuleViolation(
            f"the agreement cannot end ({valid_to}) before it starts ({valid_from})", code="agreement_ends_before_start"
        )
    latest = latest_agreement_end(valid_from)
    if valid_to > latest:
        raise RuleViolation(
            f"a quality agreement is valid for at most {MAX_AGREEMENT_YEARS} years: starting {valid_from} it must "
            f"end by {latest}, not {valid_to}",
            code="agreement_too_long",
            extra={"latest_valid_to": latest.isoformat()},
        )


@dataclass(frozen=True)
class AgreementTerms:
    """What placement checks need to know of one quality agreement."""

    agreement_id: str
    valid_from: date
    valid_to: date
    price_per_night: int
    terminated_on: date | None = None  # the first day it no longer applies

    def valid_on(self, day: date) -> bool:
        if self.terminated_on is not None and day >= self.terminated_on:
            return False
        return self.valid_from <= day <= self.valid_to

    @property
    def renegotiation_deadline(self) -> date:
        return renegotiation_deadline(self.valid_to)


def agreement_in_force(agreements: Iterable[AgreementTerms], day: date) -> AgreementTerms | None:
    """The provider's agreement valid on `day` (the latest starting one if several)."""
    valid = [agreement for agreement in agreements if agreement.valid_on(day)]
    return max(valid, key=lambda a: a.valid_from) if valid else None


def check_no_overlap(new_from: date, new_to: date, existing: Iterable[AgreementTerms]) -> None:
    for agreement in existing:
        end = agreement.valid_to
        if agreement.terminated_on is not None:
            end = min(end, agreement.terminated_on - timedelta(days=1))
        if new_from <= end and agreement.valid_from <= new_to:
            raise Conflict(
                f"the provider already has agreement {agreement.agreement_id} from {agreement.valid_from} to {end}",
                current_state="agreement_in_force",
            )


def check_termination(valid_from: date, terminated_on: date | None, on: date) -> None:
    """Terminate an agreement `on` a day: once, and not before it starts."""
    if terminated_on is not None:
        raise Conflict("the agreement is already terminated", current_state="terminated")
    if on < valid_from:
        raise RuleViolation("an agreement cannot be terminated before it starts", code="termination_before_start")


def needs_quality_agreement(kind: ProviderKind) -> bool:
    """Private providers are used under a quality agreement; the municipality's own emergency units are not."""
    return kind is not ProviderKind.MUNICIPAL_EMERGENCY_FLAT


def check_agreement_allowed(kind: ProviderKind) -> None:
    if not needs_quality_agreement(kind):
        raise RuleViolation(
            "municipal emergency units are the municipality's own and are used without a quality agreement; "
            "quality agreements are made with private providers only",
            code="agreement_for_municipal_unit",
            extra={"rule": "quality_agreements_are_for_private_providers"},
        )


def check_agreement_exclusions(excludes_families_with_children: bool, excludes_under_18: bool) -> None:
    """Every quality agreement excludes families with children and people under 18: law and policy, not terms
    an agreement may leave out."""
    if not (excludes_families_with_children and excludes_under_18):
        raise RuleViolation(
            "a quality agreement always excludes families with children and people under 18 (law and policy); "
            "a private provider cannot be agreed to take them",
            code="agreement_exclusions_fixed",
            extra={"rule": "agreements_exclude_families_and_minors"},
        )


# --- seasonal closure ----------------------------------------------------------------------------------------


def _month_day(text: str, field: str) -> tuple[int, int]:
    try:
        if not re.fullmatch(r"\d\d-\d\d", text):
            raise ValueError(text)
        month, day = int(text[:2]), int(text[3:])
        date(2001, month, day)  # not a leap year: 29 February is no yearly date
    except ValueError as exc:
        raise RuleViolation(
            f"{field} is a day of the year written MM-DD (29 February excepted), not {text!r}",
            code="closure_day_invalid",
            extra={"field": field},
        ) from exc
    return month, day


@dataclass(frozen=True)
class SeasonalClosure:
    """A provider closed every year from one day to another, both included (the campsite: 05-01 to 07-31); a
    closure may run over the new year (12-15 to 01-10)."""

    first: tuple[int, int]  # (month, day)
    last: tuple[int, int]

    @classmethod
    def parse(cls, closed_from: str, closed_to: str) -> SeasonalClosure:
        first, last = _month_day(closed_from, "closed_from"), _month_day(closed_to, "closed_to")
        if first == last:
            raise RuleViolation("a seasonal closure lasts more than one day", code="closure_day_invalid")
        return cls(first, last)

    def __str__(self) -> str:
        return f"{self.first[0]:02d}-{self.first[1]:02d} to {self.last[0]:02d}-{self.last[1]:02d}"

    def closed_on(self, day: date) -> bool:
        month_day = (day.month, day.day)
        if self.first <= self.last:
            return self.first <= month_day <= self.last
        return month_day >= self.first or month_day <= self.last

    def closes_on_or_after(self, day: date) -> date:
        """The first closed day from `day` on (`day` itself while it is closed)."""
        if self.closed_on(day):
            return day
        this_year = date(day.year, *self.first)
        return this_year if this_year > day else date(day.year + 1, *self.first)

    def reopens_after(self, closed_day: date) -> date:
        """The first open day after a closure that `closed_day` lies in."""
        last = date(closed_day.year, *self.last)
        if last < closed_day:
            last = date(closed_day.year + 1, *self.last)
        return last + timedelta(days=1)

    def first_closed_night(self, first_night: date, leaving_day: date) -> date | None:
        """The first night of [first_night, leaving_day) that falls in the closure, if any."""
        closes = self.closes_on_or_after(first_night)
        return closes if closes < leaving_day else None


def still_there_at_closure(closure: SeasonalClosure | None, today: date, expected_leaving_day: date) -> date | None:
    """The day the provider next closes, when a stay running there today is expected to be there still then: it
    leaves on `expected_leaving_day` (the planned end, else its limit date), and one past that day is there until
    someone ends it."""
    if closure is None:
        return None
    closes = closure.closes_on_or_after(today)
    if expected_leaving_day <= today:
        return closes  # past its planned end and still there: nothing says it will be gone by then
    return closes if expected_leaving_day > closes else None


# --- placing someone -----------------------------------------------------------------------------------------


class PlacementRefusal(StrEnum):
    """Why placing someone with a provider is refused. Some may be overridden with a recorded justification (the
    duty to house someone tonight comes first); `FIXED_REFUSALS` may not."""

    NO_VALID_AGREEMENT = "no_valid_agreement"
    EXCLUDES_FAMILIES_WITH_CHILDREN = "excludes_families_with_children"
    EXCLUDES_UNDER_18 = "excludes_under_18"
    PROVIDER_FULL = "provider_full"
    PROVIDER_INACTIVE = "provider_inactive"
    SEASONAL_CLOSURE = "seasonal_closure"


# Law and policy (private providers never take families with children or people under 18) and a place that is
# closed: no justification makes these placements possible.
FIXED_REFUSALS = frozenset(
    {
        PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN,
        PlacementRefusal.EXCLUDES_UNDER_18,
        PlacementRefusal.SEASONAL_CLOSURE,
    }
)

REFUSAL_TEXT = {
    PlacementRefusal.NO_VALID_AGREEMENT: "the provider has no quality agreement valid on that day",
    PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN: "a private provider's quality agreement always excludes "
    "families with children (law and policy): place them in a municipal emergency unit",
    PlacementRefusal.EXCLUDES_UNDER_18: "a private provider's quality agreement always excludes people under 18 "
    "(law and policy): place them in a municipal emergency unit",
    PlacementRefusal.PROVIDER_FULL: "the provider has no free place (capacity reached)",
    PlacementRefusal.PROVIDER_INACTIVE: "the provider is no longer used",
    PlacementRefusal.SEASONAL_CLOSURE: "the provider is closed for the season during the planned stay",
}


@dataclass(frozen=True)
class Household:
    adults: int
    children: int
    person_age: int

    @property
    def single(self) -> bool:
        return self.adults == 1 and self.children == 0


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def turns_30_on(birth_date: date) -> date:
    """The 30th birthday (29 February: 1 March in a year without it)."""
    try:
        return birth_date.replace(year=birth_date.year + 30)
    except ValueError:
        return date(birth_date.year + 30, 3, 1)


def placement_refusals(
    agreement: AgreementTerms | None,
    household: Household,
    *,
    kind: ProviderKind = ProviderKind.PENSION,
    occupied: int = 0,
    capacity: int | None = None,
    provider_active: bool = True,
    closed_night: date | None = None,
) -> list[PlacementRefusal]:
    """Everything that stands against placing `household` with a provider of `kind` under `agreement` (None: no
    agreement valid then); `closed_night`: the first night of the planned stay the provider is closed, if any."""
    refusals: list[PlacementRefusal] = []
    if not provider_active:
        refusals.append(PlacementRefusal.PROVIDER_INACTIVE)
    if needs_quality_agreement(kind):
        if agreement is None:
            refusals.append(PlacementRefusal.NO_VALID_AGREEMENT)
        if household.children > 0:
            refusals.append(PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN)
        if household.person_age < 18:
            refusals.append(PlacementRefusal.EXCLUDES_UNDER_18)
    if capacity is not None and occupied >= capacity:
        refusals.append(PlacementRefusal.PROVIDER_FULL)
    if closed_night is not None:
        refusals.append(PlacementRefusal.SEASONAL_CLOSURE)
    return refusals


def check_placement(
    refusals: Sequence[PlacementRefusal], override_justification: str | None, *, closed_night: date | None = None
) -> None:
    """Refuse the placement with its reasons: always for a fixed one, else unless someone justified overriding
    them (the legal duty to house someone tonight comes first)."""
    fixed = [r for r in refusals if r in FIXED_REFUSALS]
    extra: dict[str, object] = {"reasons": [str(r) for r in refusals]}
    if closed_night is not None:
        extra["closed_from"] = closed_night.isoformat()
    if fixed:
        raise RuleViolation(
            "the placement is refused and cannot be overridden: " + "; ".join(REFUSAL_TEXT[r] for r in fixed) + ".",
            code="placement_refused",
            extra={**extra, "fixed": [str(r) for r in fixed], "overridable": False},
        )
    if refusals and not (override_justification and override_justification.strip()):
        raise RuleViolation(
            "the placement is refused: "
            + "; ".join(REFUSAL_TEXT[r] for r in refusals)
            + ". Give override_justification to place the person all the same.",
            code="placement_refused",
            extra={**extra, "overridable": True},
        )


def placement_price(
    agreement: AgreementTerms | None, price_per_night: int | None, kind: ProviderKind = ProviderKind.PENSION
) -> int:
    """The agreement sets the price; a placement without one (overridden) must state it; a municipal unit costs
    what is stated, nothing by default (no provider is paid)."""
    if agreement is not None:
        return agreement.price_per_night
    if not needs_quality_agreement(kind):
        return price_per_night or 0
    if price_per_night is None:
        raise RuleViolation(
            "without a valid agreement the price per night must be given", code="price_per_night_missing"
        )
    return price_per_night
