"""Deadlines in Norway's calendar: the appeal deadline, working days and public holidays, months."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

APPEAL_WEEKS = 3  # forvaltningsloven § 29
CASE_LIST_WORKING_DAYS = 5  # the case list goes out 5 working days before (Boligkontoret's routine for TBO meetings)
DEFAULT_TENANCY_YEARS = 3  # § 14
DEPOSIT_MONTHS = 4  # § 9
EXPIRY_NOTICE_MONTHS = 3  # husleieloven § 9-2


def appeal_deadline(notified_on: date) -> date:
    return notified_on + timedelta(weeks=APPEAL_WEEKS)


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def public_holidays(year: int) -> frozenset[date]:
    """Norway's public holidays (helligdager and 1 and 17 May)."""
    easter = easter_sunday(year)
    moving = (-3, -2, 0, 1, 39, 49, 50)  # Maundy Thursday .. Whit Monday
    fixed = (date(year, 1, 1), date(year, 5, 1), date(year, 5, 17), date(year, 12, 25), date(year, 12, 26))
    return frozenset({*fixed, *(easter + timedelta(days=offset) for offset in moving)})


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def working_days_before(day: date, count: int) -> date:
    """`count` working days (Monday-Friday, not public holidays) before `day`."""
    current = day
    while count > 0:
        current -= timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def case_list_freezes_on(meeting_date: date) -> date:
    return working_days_before(meeting_date, CASE_LIST_WORKING_DAYS)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
