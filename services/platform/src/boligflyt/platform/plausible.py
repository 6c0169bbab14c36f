"""Plausible dates in requests: a business date lies within a window around today, a birth date within a
lifetime. A typo's year 9999 or 0001 is refused with a 422 naming the field and the window before it reaches the
domain's arithmetic (a move-in on 9999-12-31 once ended a stay after 2,912,102 nights).

    signed_on: BusinessDate = Field(description=...)
    moved_in_on: BusinessDate | None = None
    as_of: Annotated[BusinessDate | None, Query()] = None
    birth_date: BirthDate

The window is `plausible_years_back` and `plausible_years_ahead` of the platform's settings around the system
clock's today: a validator runs while a request is parsed, before any service's clock is at hand.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo
from pydantic_settings import BaseSettings

from boligflyt.platform.clock import SystemClock
from boligflyt.platform.settings import Settings

# People are born up to about 110 years before they meet an agency; the margin keeps every real person in.
LIFETIME_YEARS = 130


class PlausibleYears(BaseSettings):
    """The two settings the window needs, read apart from `Settings`: reading them must not depend on the
    rest of the environment (the production checks of secrets have nothing to do with a date)."""

    model_config = Settings.model_config

    plausible_years_back: int = Field(default=Settings.model_fields["plausible_years_back"].default, ge=1)
    plausible_years_ahead: int = Field(default=Settings.model_fields["plausible_years_ahead"].default, ge=1)


@cache
def plausible_years() -> PlausibleYears:
    """Read once per process (tests that change the environment call `plausible_years.cache_clear()`)."""
    return PlausibleYears()


def years_from(day: date, years: int) -> date:
    """The same day `years` later (or earlier); 29 February becomes the 28th, and the calendar's ends hold."""
    year = day.year + years
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)


def business_date_window(today: date) -> tuple[date, date]:
    """The first and last business date a request may give."""
    years = plausible_years()
    return years_from(today, -years.plausible_years_back), years_from(today, years.plausible_years_ahead)


def _named(info: ValidationInfo) -> str:
    return info.field_name or "the date"


def _business_date(value: date, info: ValidationInfo) -> date:
    first, last = business_date_window(SystemClock().today())
    if not first <= value <= last:
        years = plausible_years()
        raise ValueError(
            f"{_named(info)} must lie between {first.isoformat()} and {last.isoformat()} "
            f"({years.plausible_years_back} years before today to {years.plausible_years_ahead} years after)"
        )
    return value


def _birth_date(value: date, info: ValidationInfo) -> date:
    today = SystemClock().today()
    earliest = years_from(today, -LIFETIME_YEARS)
    if not earliest <= value <= today:
        raise ValueError(
            f"{_named(info)} must lie between {earliest.isoformat()} and today ({today.isoformat()}): "
            f"not in the future, and not more than {LIFETIME_YEARS} years ago"
        )
    return value


def _birth_year(value: int, info: ValidationInfo) -> int:
    this_year = SystemClock().today().year
    if not this_year - LIFETIME_YEARS <= value <= this_year:
        raise ValueError(
            f"{_named(info)} must lie between {this_year - LIFETIME_YEARS} and {this_year}: "
            f"not in the future, and not more than {LIFETIME_YEARS} years ago"
        )
    return value


BusinessDate = Annotated[date, AfterValidator(_business_date)]
"""A date of the business (a move-in, a decision, a deadline, a planned day): within the plausible window."""

BirthDate = Annotated[date, AfterValidator(_birth_date)]
"""A person's birth date: not in the future, not more than `LIFETIME_YEARS` ago."""

BirthYear = Annotated[int, AfterValidator(_birth_year)]
"""A person's year of birth, bounded as `BirthDate`."""
