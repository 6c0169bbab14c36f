"""NAV's figures: the people in temporary housing now and over the limit, what their stays cost (KPI 1), and NAV's
monthly situation report (KPI 2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from boligflyt.contracts import situation_report
from boligflyt.contracts.situation_report import ReportStay

from .measures import median, month_end
from .read_model import ReadModel
from .tables import Row

# --- KPI 1: temporary housing now -------------------------------------------------------------------------


def stay_active(stay: Row, as_of: date) -> bool:
    """A stay runs on `as_of` if it started by then and the person had not left (end_date is the leaving day)."""
    start, end = stay.get("start_date"), stay.get("end_date")
    return start is not None and start <= as_of and (end is None or end > as_of)


def nights_cost(stay: Row, prices: Sequence[Row], as_of: date) -> int:
    """Nights used up to `as_of` (the night of `as_of` not yet) x the price of each night's provider.

    `prices`: the stay's price rows (from its start and each change of provider)."""
    start: date = stay["start_date"]
    segments = sorted((p["from_date"], p["price_per_night"]) for p in prices if p["stay_id"] == stay["stay_id"])
    if not segments:
        segments = [(start, stay.get("price_per_night") or 0)]
    total = 0
    for index, (begin, price) in enumerate(segments):
        end = segments[index + 1][0] if index + 1 < len(segments) else as_of
        first, last = max(begin, start), min(end, as_of)
        if last > first:
            total += (last - first).days * int(price)
    return total


def over_limit(stay: Row, as_of: date) -> bool:
    """Past NAV's limit on `as_of`: the 3-month rule is NAV's (its limit may change), so its date is NAV's too."""
    limit = stay.get("limit_date")
    return limit is not None and as_of >= limit


@dataclass(frozen=True)
class TemporaryHousing:
    active: int
    over_90_days: int
    median_days: float | None
    cost_so_far: int
    days: list[int]


def temporary_housing(model: ReadModel, as_of: date) -> TemporaryHousing:
    """KPI 1. "Over 90 days": over NAV's limit for temporary housing, from the limit date NAV gives each stay on
    (the breach day counts); a stay NAV gave no limit date is not counted."""
    active = [s for s in model.rows("stays") if stay_active(s, as_of)]
    days = sorted((as_of - s["start_date"]).days for s in active)
    return TemporaryHousing(
        active=len(active),
        over_90_days=sum(1 for s in active if over_limit(s, as_of)),
        median_days=median(days),
        cost_so_far=sum(nights_cost(s, model.by("stay_prices", "stay_id", s["stay_id"]), as_of) for s in active),
        days=days,
    )


# --- KPI 2: NAV's monthly situation report ----------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyReportRow:
    month: date
    persons: int
    under_30: int
    singles: int
    children_with_singles: int
    new_enquiries: int


def _counted(stay: Row) -> ReportStay:
    """A stay as NAV's report definitions count it. Events never carry a birth date: under 30 is as NAV stated it
    when the stay started, where NAV's own report counts it on each month's last day."""
    return ReportStay(
        stay_id=stay["stay_id"],
        person_key=stay["person_ref"],
        start=stay["start_date"],
        end=stay.get("end_date"),
        adults=int(stay.get("adults") or 1),
        children=int(stay.get("children") or 0),
        under_30_at_start=bool(stay.get("under_30")),
    )


def monthly_report(model: ReadModel, months: Sequence[date], as_of: date) -> list[MonthlyReportRow]:
    """KPI 2, counted by NAV's definitions (`boligflyt.contracts.situation_report`, the same functions NAV's report
    uses): persons with a night of a stay in the month, each described by their latest stay in it; of them under
    30, single households (one adult) and the children with them. New enquiries: stays started in the month by
    people NAV marks as new and with no earlier stay here."""
    stays = [s for s in model.rows("stays") if s.get("start_date") is not None and s.get("person_ref") is not None]
    counted = [_counted(s) for s in stays]
    first_start: dict[str, date] = {}
    for stay in stays:
        ref = stay["person_ref"]
        first_start[ref] = min(first_start.get(ref, stay["start_date"]), stay["start_date"])
    report = []
    for first in months:
        last = month_end(first)
        count = situation_report.count_month(counted, first, last + timedelta(days=1), as_of)
        new = {
            s["person_ref"]
            for s in stays
            if first <= s["start_date"] <= min(last, as_of)
            and s.get("new_enquiry")
            and first_start[s["person_ref"]] == s["start_date"]
        }
        report.append(
            MonthlyReportRow(
                month=first,
                persons=count.persons,
                under_30=count.under_30,
                singles=count.singles,
                children_with_singles=count.children_with_singles,
                new_enquiries=len(new),
            )
        )
    return report
