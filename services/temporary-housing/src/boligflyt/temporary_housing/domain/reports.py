"""NAV's monthly situation report (situasjonsrapport): persons, under 30, singles, new enquiries, nights and cost
per month."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from boligflyt.platform.errors import RuleViolation
from boligflyt.platform.spreadsheet import csv_document

from .months import Month, months_between
from .stays import Absence, PricePeriod, cost_in, nights_in

# Twenty years: more than NAV's records hold, and a bound on the work one request can ask for.
MAX_REPORT_MONTHS = 240


def report_months(first: Month, last: Month) -> list[Month]:
    """The months a report covers, first to last."""
    if last < first:
        raise RuleViolation("the report's last month comes before its first", code="months_reversed")
    months = months_between(first, last)
    if len(months) > MAX_REPORT_MONTHS:
        raise RuleViolation(f"a report covers at most {MAX_REPORT_MONTHS} months", code="too_many_months")
    return months


@dataclass(frozen=True)
class StayFacts:
    stay_id: str
    person_key: str
    start: date
    end: date | None
    under_30: bool
    single: bool
    price_per_night: int = 0
    absences: tuple[Absence, ...] = ()
    known_earlier_stay: bool = False  # a stay before NAV's records began
    moves: tuple[PricePeriod, ...] = ()  # later placements at other providers

    @property
    def prices(self) -> tuple[PricePeriod, ...]:
        return (PricePeriod(self.start, self.price_per_night), *self.moves)


@dataclass(frozen=True)
class MonthRow:
    month: str
    persons: int
    under_30: int
    singles: int
    new_enquiries: int
    nights: int
    cost: int


def _present(stay: StayFacts, month: Month, as_of: date) -> bool:
    """The stay had a night in the month (a stay ended the day it started counts on that day)."""
    if stay.start >= month.end or stay.start > as_of:
        return False
    if stay.end is None:
        return True
    if stay.end == stay.start:
        return month.first_day <= stay.start < month.end
    return stay.end > month.first_day


def new_enquiry_stays(stays: Iterable[StayFacts]) -> set[str]:
    """Stays started by people with no earlier stay (NAV's 'new enquiries')."""
    first: dict[str, StayFacts] = {}
    for stay in sorted(stays, key=lambda s: (s.start, s.stay_id)):
        first.setdefault(stay.person_key, stay)
    return {s.stay_id for s in first.values() if not s.known_earlier_stay}


def monthly_report(stays: Sequence[StayFacts], months: Sequence[Month], as_of: date) -> list[MonthRow]:
    """Per month: persons with a stay in it, of them under 30, of them single, new enquiries (stays started in
    the month by people with no earlier stay), and the nights used and their cost in that month (a stay
    crossing months is split at midnight of the first). Open stays count up to `as_of` (exclusive)."""
    new = new_enquiry_stays(stays)
    rows: list[MonthRow] = []
    for month in months:
        present = [s for s in stays if _present(s, month, as_of)]
        persons: dict[str, StayFacts] = {}
        for stay in sorted(present, key=lambda s: s.start):
            persons[stay.person_key] = stay  # the latest stay in the month describes the person
        nights = 0
        cost = 0
        for stay in present:
            end = stay.end if stay.end is not None else max(as_of, stay.start)
            nights += nights_in(stay.start, end, stay.absences, month.first_day, month.end)
            cost += cost_in(stay.start, end, stay.absences, stay.prices, month.first_day, month.end)
        rows.append(
            MonthRow(
                month=str(month),
                persons=len(persons),
                under_30=sum(1 for s in persons.values() if s.under_30),
                singles=sum(1 for s in persons.values() if s.single),
                new_enquiries=sum(
                    1 for s in stays if s.stay_id in new and month.first_day <= s.start < month.end and s.start <= as_of
                ),
                nights=nights,
                cost=cost,
            )
        )
    return rows


REPORT_COLUMNS = ("month", "persons", "under_30", "singles", "new_enquiries", "nights", "cost")


def report_csv(rows: Sequence[MonthRow]) -> str:
    return csv_document(REPORT_COLUMNS, [[getattr(r, column) for column in REPORT_COLUMNS] for r in rows])
