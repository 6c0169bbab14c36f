"""NAV's monthly situation report (situasjonsrapport): who counts in a month, and as what.

NAV's service counts its report with these functions from its own stays, and the dashboard its copy of the report
from NAV's events, so the two cannot count by different rules. Pure: no I/O, no framework.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# The definitions, written into the report itself (the CSV's header comment and the API's description).
DEFINITIONS: tuple[str, ...] = (
    "persons: people with a night of a temporary stay in the month. A stay's nights run from its first night to "
    "the night before the day the person left, so a stay ending on the 1st counts no night that month; an open "
    "stay's nights run up to the night of the report's day.",
    "under_30: of those, people under 30 by age on the month's last day.",
    "singles: of those, single households as NAV counts them (enslige): one adult, with or without children.",
    "children_with_singles: the children in those single households, counted apart from the persons.",
    "A person whose household changes within a month (two stays with a night in it) is counted once, as the "
    "latest of those stays (by its first night) describes them.",
    "new_enquiries: stays started in the month by people with no earlier stay.",
)


@dataclass(frozen=True)
class ReportStay:
    """One temporary stay as the situation report sees it."""

    stay_id: str
    person_key: str  # the same for every stay of one person (NAV's and the dashboard's person_ref)
    start: date  # the first night
    end: date | None  # the day the person left (no night on it); None while the stay is open
    adults: int
    children: int
    under_30_at_start: bool
    # The day the person turns 30, when the counter knows the birth date (NAV); events never carry it, so the
    # dashboard counts by `under_30_at_start`, as NAV stated it on stay.started.
    turns_30_on: date | None = None

    def under_30_on(self, day: date) -> bool:
        if self.turns_30_on is not None:
            return day < self.turns_30_on
        return self.under_30_at_start

    @property
    def single_household(self) -> bool:
        """NAV's 'enslig': one adult, with or without children."""
        return self.adults == 1


def last_night(stay: ReportStay, as_of: date) -> date | None:
    """The stay's last night by `as_of`: the night before the leaving day, or `as_of` itself for an open stay (the
    person sleeps there tonight); None when it has no night by then."""
    last = stay.end - timedelta(days=1) if stay.end is not None else as_of
    last = min(last, as_of)
    return last if last >= stay.start else None


def has_night_in(stay: ReportStay, first_day: date, next_first_day: date, as_of: date) -> bool:
    """A night of the stay falls in the month [first_day, next_first_day)."""
    last = last_night(stay, as_of)
    return last is not None and stay.start < next_first_day and last >= first_day


def persons_in_month(
    stays: Iterable[ReportStay], first_day: date, next_first_day: date, as_of: date
) -> dict[str, ReportStay]:
    """Each person with a night in the month, described by the latest of their stays with a night in it."""
    present = [s for s in stays if has_night_in(s, first_day, next_first_day, as_of)]
    persons: dict[str, ReportStay] = {}
    for stay in sorted(present, key=lambda s: (s.start, s.stay_id)):
        persons[stay.person_key] = stay  # a later stay replaces an earlier one
    return persons


@dataclass(frozen=True)
class MonthCount:
    persons: int
    under_30: int
    singles: int
    children_with_singles: int


def count_month(stays: Iterable[ReportStay], first_day: date, next_first_day: date, as_of: date) -> MonthCount:
    """The month's persons, under 30, singles and the children with them, by `DEFINITIONS`."""
    persons = persons_in_month(stays, first_day, next_first_day, as_of)
    last_day = next_first_day - timedelta(days=1)
    singles = [s for s in persons.values() if s.single_household]
    return MonthCount(
        persons=len(persons),
        under_30=sum(1 for s in persons.values() if s.under_30_on(last_day)),
        singles=len(singles),
        children_with_singles=sum(s.children for s in singles),
    )


def new_enquiry_stays(stays: Iterable[ReportStay], known_earlier: Iterable[str] = ()) -> set[str]:
    """Stays that are their person's first (a person in `known_earlier` stayed before the records began)."""
    earlier = set(known_earlier)
    first: dict[str, ReportStay] = {}
    for stay in sorted(stays, key=lambda s: (s.start, s.stay_id)):
        first.setdefault(stay.person_key, stay)
    return {s.stay_id for s in first.values() if s.person_key not in earlier}
