"""What the KPIs measure with: the end of a day in Larvik, calendar months, the median.

Dates are the domain's dates from the payloads; "as of" a day selects events by their CloudEvents time, up to the
end of that day in Larvik (`cutoff`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from boligflyt.platform.errors import RuleViolation

LOCAL_ZONE = ZoneInfo("Europe/Oslo")


def cutoff(as_of: date) -> datetime:
    """The end of `as_of` in Larvik, as an aware instant: events before it count "as of" that day."""
    return datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=LOCAL_ZONE)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError("unreachable")


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return add_months(month_start(day), 1) - timedelta(days=1)


def months_back(as_of: date, count: int) -> list[date]:
    """The first days of the `count` months up to and including the month of `as_of`, oldest first."""
    first = month_start(as_of)
    return [add_months(first, -n) for n in range(count - 1, -1, -1)]


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def check_as_of(as_of: date, today: date, years_back: int) -> None:
    """An "as of" day is one the figures can be told for: not after today (the future has no events yet, and
    a year 9999 overflows the months counted back from it), not more than `years_back` years ago."""
    earliest = add_months(today, -12 * years_back)
    if not earliest <= as_of <= today:
        raise RuleViolation(
            f"as_of must be a day from {earliest.isoformat()} to today ({today.isoformat()}), not {as_of.isoformat()}",
            code="as_of_out_of_range",
            extra={"earliest": earliest.isoformat(), "latest": today.isoformat()},
        )
