"""Calendar months and month arithmetic, as NAV's rules count them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2012-02' -> Month(2012, 2); ValueError otherwise."""
        try:
            year_text, month_text = text.split("-")
            month = cls(int(year_text), int(month_text))
        except ValueError as exc:
            raise ValueError(f"a month is written YYYY-MM, not {text!r}") from exc
        if not 1 <= month.month <= 12 or not 1900 <= month.year <= 2200:
            raise ValueError(f"{text!r} is not a month")
        return month

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        """The first day of the next month (exclusive end)."""
        return add_months(self.first_day, 1)

    def next(self) -> Month:
        return Month.of(self.end)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months_between(first: Month, last: Month) -> list[Month]:
    months: list[Month] = []
    month = first
    while month <= last:
        months.append(month)
        month = month.next()
    return months
