"""What time it is, for the domain: the system clock in production, a clock the test or simulator moves."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

# Deadlines (90 days in temporary housing, a week to answer an offer) are counted in Larvik's calendar days.
LOCAL_ZONE = ZoneInfo("Europe/Oslo")


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(LOCAL_ZONE).date()


class ManualClock:
    """A clock that stands still until moved: for tests and the demo simulator."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("a ManualClock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.astimezone(LOCAL_ZONE).date()

    def advance(self, delta: timedelta) -> None:
        if delta < timedelta(0):
            raise ValueError("time does not go backwards")
        self._now += delta

    def set(self, moment: datetime) -> None:
        self.advance(moment - self._now)
