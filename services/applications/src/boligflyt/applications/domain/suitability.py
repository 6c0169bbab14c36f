"""A suitable dwelling (allocation rules § 12): its size against the household, physical adaptation and staffing;
the household's area wishes count as far as possible, as a preference, never as a reason to pass it over."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from boligflyt.contracts.codes import ApplicationKind, DwellingCategory

# Large households must expect 3-4 children to share a bedroom: four to a room is what the norm still calls suitable.
CHILDREN_PER_SHARED_ROOM = 4
# Adults beyond a couple (grown children, a grandparent) share two to a room.
ADULTS_PER_EXTRA_ROOM = 2
# A small household cannot expect a bedroom per member: up to two people (a single parent and a child) share one.
SMALL_HOUSEHOLD = 2


@dataclass(frozen=True)
class Household:
    adults: int
    children: int
    children_needing_own_bedroom: int = 0

    @property
    def size(self) -> int:
        return self.adults + self.children


def minimum_bedrooms(household: Household) -> int:
    """The fewest bedrooms that suit the household by the norm of § 12.

    A single person or a couple fits a studio or a one-room flat (0 bedrooms); a single parent with one child a
    one-bedroom flat. Larger households: one room for the adults (a couple), one more per two further adults, a
    room for each child who needs one of its own, and the other children sharing up to four to a room."""
    extra_adults = ceil(max(0, household.adults - 2) / ADULTS_PER_EXTRA_ROOM)
    if household.children == 0:
        return extra_adults
    if household.size <= SMALL_HOUSEHOLD:
        return 1
    shared = household.children - household.children_needing_own_bedroom
    return 1 + extra_adults + household.children_needing_own_bedroom + ceil(shared / CHILDREN_PER_SHARED_ROOM)


def maximum_bedrooms(household: Household) -> int:
    """The most bedrooms the household can use: a bedroom each, a couple sharing one (so 1 for a single or a couple).
    A larger dwelling would stand half empty while a larger household waits for it."""
    adult_rooms = 1 if household.adults <= 2 else household.adults - 1
    return adult_rooms + household.children


@dataclass(frozen=True)
class Needs:
    """What the household needs of a dwelling, as Boligkontoret assessed it."""

    kind: ApplicationKind
    household: Household
    bedrooms: int  # the assessed minimum: the norm's, or more where a documented need says so
    accessible: bool
    staffed: bool
    areas: tuple[str, ...]

    @property
    def bedroom_range(self) -> tuple[int, int]:
        low = max(self.bedrooms, minimum_bedrooms(self.household))
        return low, max(low, maximum_bedrooms(self.household))


@dataclass(frozen=True)
class DwellingFit:
    """What a dwelling offers, as matching needs it."""

    dwelling_id: str
    category: DwellingCategory
    bedrooms: int
    accessible: bool
    staffed: bool
    area_code: str | None


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


def _size(bedrooms: int) -> str:
    return "a studio" if bedrooms == 0 else f"{bedrooms} bedroom" + ("s" if bedrooms > 1 else "")


def _people(household: Household) -> str:
    adults = f"{household.adults} adult" + ("s" if household.adults > 1 else "")
    if not household.children:
        return adults
    return f"{adults} and {household.children} child" + ("ren" if household.children > 1 else "")


def mismatches(needs: Needs, dwelling: DwellingFit) -> list[str]:
    """Why the dwelling does not suit the household; empty if it does. Area wishes are never a reason."""
    reasons: list[str] = []
    if dwelling.category not in _CATEGORIES_FOR_KIND[needs.kind]:
        reasons.append(f"a {dwelling.category.value} dwelling is not for a {needs.kind.value} application")
    low, high = needs.bedroom_range
    if dwelling.bedrooms < low:
        reasons.append(
            f"{_size(dwelling.bedrooms)} is too small for {_people(needs.household)} (at least {_size(low)})"
        )
    elif dwelling.bedrooms > high:
        reasons.append(
            f"{_size(dwelling.bedrooms)} is more than {_people(needs.household)} can use (at most {_size(high)})"
        )
    if needs.accessible and not dwelling.accessible:
        reasons.append("the household needs a physically adapted (accessible) dwelling")
    if needs.staffed and not dwelling.staffed:
        reasons.append("the household needs a staffed dwelling")
    return reasons


def in_wished_area(needs: Needs, dwelling: DwellingFit) -> bool:
    """No wishes means anywhere will do."""
    return not needs.areas or dwelling.area_code in needs.areas


def fit_explanation(needs: Needs, dwelling: DwellingFit) -> tuple[str, ...]:
    """Why a fitting dwelling fits, in the caseworker's words."""
    low, high = needs.bedroom_range
    span = _size(low) if low == high else f"{_size(low)} to {_size(high)}"
    lines = [f"fits: {_size(dwelling.bedrooms)} for {_people(needs.household)} ({span})"]
    if needs.accessible:
        lines.append("accessible, as needed")
    if needs.staffed:
        lines.append("staffed, as needed")
    if needs.areas:
        wished = ", ".join(needs.areas)
        area = dwelling.area_code or "unknown"
        lines.append(
            f"in a wished area ({area})" if in_wished_area(needs, dwelling) else f"area {area}, wished: {wished}"
        )
    return tuple(lines)
