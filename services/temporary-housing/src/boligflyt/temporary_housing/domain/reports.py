"""NAV's monthly situation report (situasjonsrapport): persons, under 30, singles and the children with them, new
enquiries, nights and cost per month. Who counts is defined once, in `boligflyt.contracts.situation_report`, which
the dashboard counts with too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from boligflyt.contracts import situation_report
from boligflyt.contracts.situation_report import ReportStay
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
    under_30: bool  # at the stay's start
    adults: int = 1
    children: int = 0
    turns_30_on: date | None = None  # from the birth date NAV keeps: under 30 is counted on each month's last day
    price_per_night: int = 0
    absences: tuple[Absence, ...] = ()
    known_earlier_stay: bool = False  # a stay before NAV's records began
    moves: tuple[PricePeriod, ...] = ()  # later placements at other providers

    @property
    def prices(self) -> tuple[PricePeriod, ...]:
        return (PricePeriod(self.start, self.price_per_night), *self.moves)

    def counted(self) -> ReportStay:
        """The stay as the shared definitions count it (the dashboard counts with the same ones)."""
        return ReportStay(
            stay_id=self.stay_id,
            person_key=self.person_key,
            start=self.start,
            end=self.end,
            adults=self.adults,
            children=self.children,
            under_30_at_start=self.under_30,
            turns_30_on=self.turns_30_on,
        )


@dataclass(frozen=True)
class MonthRow:
    month: str
    persons: int
    under_30: int
    singles: int
    new_enquiries: int
    nights: int
    cost: int
    children_with_singles: int = 0


def new_enquiry_stays(stays: Iterable[StayFacts]) -> set[str]:
    """Stays started by people with no earlier stay (NAV's 'new enquiries')."""
    stays = list(stays)
    return situation_report.new_enquiry_stays(
        [s.counted() for s in stays], {s.person_key for s in stays if s.known_earlier_stay}
    )


def monthly_report(stays: Sequence[StayFacts], months: Sequence[Month], as_of: date) -> list[MonthRow]:
    """Per month, by `situation_report.DEFINITIONS`: persons with a night of a stay in it, of them under 30 and
    single households (and the children with them), new enquiries, and the nights used and their cost in that
    month (a stay crossing months is split at midnight of the first). Open stays count up to `as_of`."""
    new = new_enquiry_stays(stays)
    counted = [s.counted() for s in stays]
    rows: list[MonthRow] = []
    for month in months:
        count = situation_report.count_month(counted, month.first_day, month.end, as_of)
        nights = 0
        cost = 0
        for stay in stays:
            if stay.start >= month.end or stay.start > as_of:
                continue
            end = stay.end if stay.end is not None else max(as_of, stay.start)
            nights += nights_in(stay.start, end, stay.absences, month.first_day, month.end)
            cost += cost_in(stay.start, end, stay.absences, stay.prices, month.first_day, month.end)
        rows.append(
            MonthRow(
                month=str(month),
                persons=count.persons,
                under_30=count.under_30,
                singles=count.singles,
                new_enquiries=sum(
                    1 for s in stays if s.stay_id in new and month.first_day <= s.start < month.end and s.start <= as_of
                ),
                nights=nights,
                cost=cost,
                children_with_singles=count.children_with_singles,
            )
        )
    return rows


REPORT_COLUMNS = (
    "month",
    "persons",
    "under_30",
    "singles",
    "children_with_singles",
    "new_enquiries",
    "nights",
    "cost",
)
# Beyond the shared definitions: what only NAV's report has.
NAV_DEFINITIONS = (
    "nights and cost: nights used in the month (absences over one night left out) and what NAV paid for them, "
    "each night at the price of the place slept in.",
)


def report_definitions() -> tuple[str, ...]:
    """What each figure of NAV's report counts, as the report states it."""
    return (*situation_report.DEFINITIONS, *NAV_DEFINITIONS)


def report_csv(rows: Sequence[MonthRow]) -> str:
    """The report as CSV, its definitions in comment lines (`# ...`) above the header."""
    comments = "".join(f"# {line}\r\n" for line in report_definitions())
    return comments + csv_document(REPORT_COLUMNS, [[getattr(r, column) for column in REPORT_COLUMNS] for r in rows])
