"""Providers and their quality agreements (the municipality's template quality agreement): the agreement's
period, which one is in force, and what stands against placing someone with a provider."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

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
    excludes_families_with_children: bool = True
    excludes_under_18: bool = True
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


class PlacementRefusal(StrEnum):
    """Why placing someone with a provider is refused (unless overridden with a recorded justification)."""

    NO_VALID_AGREEMENT = "no_valid_agreement"
    EXCLUDES_FAMILIES_WITH_CHILDREN = "excludes_families_with_children"
    EXCLUDES_UNDER_18 = "excludes_under_18"
    PROVIDER_FULL = "provider_full"
    PROVIDER_INACTIVE = "provider_inactive"


REFUSAL_TEXT = {
    PlacementRefusal.NO_VALID_AGREEMENT: "the provider has no quality agreement valid on that day",
    PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN: "the provider's agreement excludes families with children",
    PlacementRefusal.EXCLUDES_UNDER_18: "the provider's agreement excludes people under 18",
    PlacementRefusal.PROVIDER_FULL: "the provider has no free place (capacity reached)",
    PlacementRefusal.PROVIDER_INACTIVE: "the provider is no longer used",
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


def placement_refusals(
    agreement: AgreementTerms | None,
    household: Household,
    *,
    occupied: int = 0,
    capacity: int | None = None,
    provider_active: bool = True,
) -> list[PlacementRefusal]:
    """Everything that stands against placing `household` with the provider under `agreement`."""
    refusals: list[PlacementRefusal] = []
    if not provider_active:
        refusals.append(PlacementRefusal.PROVIDER_INACTIVE)
    if agreement is None:
        refusals.append(PlacementRefusal.NO_VALID_AGREEMENT)
    else:
        if agreement.excludes_families_with_children and household.children > 0:
            refusals.append(PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN)
        if agreement.excludes_under_18 and household.person_age < 18:
            refusals.append(PlacementRefusal.EXCLUDES_UNDER_18)
    if capacity is not None and occupied >= capacity:
        refusals.append(PlacementRefusal.PROVIDER_FULL)
    return refusals


def check_placement(refusals: Sequence[PlacementRefusal], override_justification: str | None) -> None:
    """Refuse the placement with its reasons, unless someone justified overriding them (the legal duty to
    house someone tonight comes first)."""
    if refusals and not (override_justification and override_justification.strip()):
        raise RuleViolation(
            "the placement is refused: "
            + "; ".join(REFUSAL_TEXT[r] for r in refusals)
            + ". Give override_justification to place the person all the same.",
            code="placement_refused",
            extra={"reasons": [str(r) for r in refusals]},
        )


def placement_price(agreement: AgreementTerms | None, price_per_night: int | None) -> int:
    """The agreement sets the price; a placement without one (overridden) must state it."""
    if agreement is not None:
        return agreement.price_per_night
    if price_per_night is None:
        raise RuleViolation(
            "without a valid agreement the price per night must be given", code="price_per_night_missing"
        )
    return price_per_night
