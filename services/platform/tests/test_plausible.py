"""Plausible dates: a business date within the configured window around today, a birth date within a lifetime,
refused with a 422 problem that names the field and the window, in a body and in a query alike."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from typing import Annotated

import httpx
import pytest
from fastapi import FastAPI, Query
from pydantic import BaseModel, ValidationError

from boligflyt.platform.clock import SystemClock
from boligflyt.platform.plausible import (
    LIFETIME_YEARS,
    BirthDate,
    BirthYear,
    BusinessDate,
    business_date_window,
    plausible_years,
    years_from,
)
from boligflyt.platform.problems import PROBLEM_RESPONSES, install_problem_handlers


class MoveIn(BaseModel):
    move_in_date: BusinessDate
    signed_on: BusinessDate | None = None


class Person(BaseModel):
    birth_date: BirthDate
    birth_year: BirthYear | None = None


@pytest.fixture(autouse=True)
def fresh_window() -> Iterator[None]:
    plausible_years.cache_clear()
    yield
    plausible_years.cache_clear()


def today() -> date:
    return SystemClock().today()


def test_a_date_just_inside_the_window_is_accepted_and_just_outside_refused() -> None:
    first, last = business_date_window(today())
    assert (first, last) == (years_from(today(), -30), years_from(today(), 10))
    assert MoveIn(move_in_date=first).move_in_date == first
    assert MoveIn(move_in_date=last).move_in_date == last
    for outside in (first - timedelta(days=1), last + timedelta(days=1), date.max, date.min):
        with pytest.raises(ValidationError) as refused:
            MoveIn(move_in_date=outside)
        message = str(refused.value)
        assert "move_in_date must lie between" in message
        assert first.isoformat() in message and last.isoformat() in message


def test_an_optional_business_date_may_be_left_out_but_not_be_absurd() -> None:
    assert MoveIn(move_in_date=today()).signed_on is None
    with pytest.raises(ValidationError, match="signed_on must lie between"):
        MoveIn(move_in_date=today(), signed_on=date(9999, 12, 31))


def test_the_window_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOLIGFLYT_PLAUSIBLE_YEARS_BACK", "2")
    monkeypatch.setenv("BOLIGFLYT_PLAUSIBLE_YEARS_AHEAD", "1")
    # The production checks of the platform's settings are no business of a date's.
    monkeypatch.setenv("BOLIGFLYT_ENVIRONMENT", "production")
    plausible_years.cache_clear()
    assert business_date_window(today()) == (years_from(today(), -2), years_from(today(), 1))
    with pytest.raises(ValidationError, match="2 years before today to 1 years after"):
        MoveIn(move_in_date=years_from(today(), -3))


def test_years_from_keeps_to_the_calendar() -> None:
    assert years_from(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert years_from(date(2026, 3, 31), -30) == date(1996, 3, 31)
    assert years_from(date(9990, 1, 1), 30) == date.max
    assert years_from(date(10, 1, 1), -30) == date.min


def test_a_birth_date_is_in_a_lifetime_not_in_the_business_window() -> None:
    old = years_from(today(), -105)
    assert Person(birth_date=old).birth_date == old  # a centenarian, far outside the business window
    assert Person(birth_date=today(), birth_year=today().year - LIFETIME_YEARS).birth_year is not None
    for absurd in (today() + timedelta(days=1), years_from(today(), -LIFETIME_YEARS) - timedelta(days=1)):
        with pytest.raises(ValidationError, match=r"birth_date must lie between .* not in the future"):
            Person(birth_date=absurd)
    with pytest.raises(ValidationError, match="birth_year must lie between"):
        Person(birth_date=old, birth_year=today().year + 1)


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI(responses=PROBLEM_RESPONSES)
    install_problem_handlers(app)

    @app.post("/move-in")
    async def move_in(body: MoveIn) -> dict[str, str]:
        return {"move_in_date": body.move_in_date.isoformat()}

    @app.get("/report")
    async def report(as_of: Annotated[BusinessDate | None, Query()] = None) -> dict[str, str | None]:
        return {"as_of": as_of.isoformat() if as_of else None}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        yield client


async def test_a_request_with_an_absurd_date_is_a_422_naming_the_field_and_window(client: httpx.AsyncClient) -> None:
    first, last = business_date_window(today())
    accepted = await client.post("/move-in", json={"move_in_date": today().isoformat()})
    assert accepted.status_code == 200
    for absurd in ("9999-12-31", "0001-01-01"):
        refused = await client.post("/move-in", json={"move_in_date": absurd})
        assert refused.status_code == 422
        assert refused.headers["content-type"].startswith("application/problem+json")
        detail = refused.json()["detail"]
        assert "body.move_in_date" in detail and first.isoformat() in detail and last.isoformat() in detail
    assert (await client.get("/report")).json() == {"as_of": None}
    assert (await client.get("/report", params={"as_of": last.isoformat()})).status_code == 200
    query = await client.get("/report", params={"as_of": "9999-12-31"})
    assert query.status_code == 422 and "query.as_of" in query.json()["detail"]
