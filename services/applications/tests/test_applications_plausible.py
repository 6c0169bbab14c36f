"""Plausible dates and amounts at Boligkontoret: a move-in on 9999-12-31 once ended NAV's stay after 2,912,102
nights; a move-in on 0001-01-01 and a consent signed in 9999 were stored as given. Each is refused with a 422
and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from boligflyt.applications.domain import MOVE_IN_DAYS_AHEAD

from .conftest import Caseworker

PROBLEM = "application/problem+json"


async def contract_for_an_allocated_household(caseworker: Caseworker, starts_in_days: int = 0) -> dict[str, Any]:
    """The contract body for a household offered and allocated a dwelling today (after the committee's
    meeting), starting `starts_in_days` later."""
    [application] = await caseworker.approved()
    dwelling = await caseworker.ready_dwelling()
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={})).json()
    await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    await caseworker.close_gates(application["id"])
    return {
        "application_id": application["id"],
        "contract_type": "ordinary_rental",
        "start_date": (caseworker.today + timedelta(days=starts_in_days)).isoformat(),
        "deposit_kind": "cash",
    }


async def signed_tenancy(caseworker: Caseworker, starts_in_days: int = 0) -> dict[str, Any]:
    contract = await contract_for_an_allocated_household(caseworker, starts_in_days)
    signed = await caseworker.staff.post("/v1/tenancies", json=contract)
    assert signed.status_code == 201, signed.text
    tenancy: dict[str, Any] = signed.json()
    return tenancy


async def moved_in_events(caseworker: Caseworker) -> list[str]:
    return [t for t in await caseworker.event_types() if t == "tenancy.moved_in"]


async def test_a_move_in_in_the_year_9999_or_0001_is_refused_and_nothing_moves(caseworker: Caseworker) -> None:
    tenancy = await signed_tenancy(caseworker)
    url = f"/v1/tenancies/{tenancy['id']}"
    for absurd in ("9999-12-31", "0001-01-01"):
        refused = await caseworker.staff.post(f"{url}/move-in", json={"move_in_date": absurd})
        assert refused.status_code == 422 and refused.headers["content-type"].startswith(PROBLEM)
        assert "move_in_date must lie between" in refused.json()["detail"]
    after = (await caseworker.staff.get(url)).json()
    assert (after["state"], after["move_in_date"]) == ("signed", None)
    # NAV ends its stay on tenancy.moved_in: without the event, NAV's stay goes on.
    assert await moved_in_events(caseworker) == []


async def test_a_move_in_lies_between_the_contract_start_and_a_few_days_after_today(caseworker: Caseworker) -> None:
    tenancy = await signed_tenancy(caseworker)
    url = f"/v1/tenancies/{tenancy['id']}"
    too_far = caseworker.today + timedelta(days=MOVE_IN_DAYS_AHEAD + 1)
    ahead = await caseworker.staff.post(f"{url}/move-in", json={"move_in_date": too_far.isoformat()})
    assert ahead.status_code == 422 and ahead.json()["code"] == "move_in_too_far_ahead"
    before = caseworker.today - timedelta(days=1)
    early = await caseworker.staff.post(f"{url}/move-in", json={"move_in_date": before.isoformat()})
    assert early.status_code == 422 and early.json()["code"] == "move_in_before_start"
    assert (await caseworker.staff.get(url)).json()["state"] == "signed"
    assert await moved_in_events(caseworker) == []
    last = caseworker.today + timedelta(days=MOVE_IN_DAYS_AHEAD)
    moved = await caseworker.staff.post(f"{url}/move-in", json={"move_in_date": last.isoformat()})
    assert moved.status_code == 200 and moved.json()["move_in_date"] == last.isoformat()


async def test_a_contract_starting_next_month_is_moved_into_on_its_day_not_before(caseworker: Caseworker) -> None:
    tenancy = await signed_tenancy(caseworker, starts_in_days=30)
    start = date.fromisoformat(tenancy["start_date"])
    url = f"/v1/tenancies/{tenancy['id']}"
    early = await caseworker.staff.post(f"{url}/move-in", json={})  # the move-in defaults to the start
    assert early.status_code == 422 and early.json()["code"] == "move_in_too_far_ahead"
    caseworker.harness.clock.advance(start - caseworker.today)
    assert (await caseworker.staff.post(f"{url}/move-in", json={})).json()["move_in_date"] == start.isoformat()


async def test_consent_is_not_signed_in_the_future(caseworker: Caseworker) -> None:
    applicant = await caseworker.applicant(consent=False)
    url = f"/v1/applicants/{applicant['id']}/consents"
    scope = ["collect_information"]
    absurd = await caseworker.staff.post(url, json={"signed_on": "9999-01-01", "scope": scope})
    assert absurd.status_code == 422 and "signed_on must lie between" in absurd.json()["detail"]
    tomorrow = (caseworker.today + timedelta(days=1)).isoformat()
    future = await caseworker.staff.post(url, json={"signed_on": tomorrow, "scope": scope})
    assert future.status_code == 422 and future.json()["code"] == "consent_signed_in_future"
    assert (await caseworker.staff.get(f"/v1/applicants/{applicant['id']}")).json()["consents"] == []
    today = await caseworker.staff.post(url, json={"signed_on": caseworker.today.isoformat(), "scope": scope})
    assert today.status_code == 201


async def test_notice_is_not_given_before_the_tenancy_starts(caseworker: Caseworker) -> None:
    tenancy = await signed_tenancy(caseworker)
    url = f"/v1/tenancies/{tenancy['id']}"
    await caseworker.staff.post(f"{url}/move-in", json={})
    before_start = (caseworker.today - timedelta(days=1)).isoformat()
    notice = {"given_by": "tenant", "given_on": before_start, "move_out_date": caseworker.today.isoformat()}
    refused = await caseworker.staff.post(f"{url}/notice", json=notice)
    assert refused.status_code == 422 and refused.json()["code"] == "notice_before_start"
    assert (await caseworker.staff.get(url)).json()["state"] == "active"


async def test_an_absurd_rent_is_a_422_not_a_500(caseworker: Caseworker) -> None:
    contract = await contract_for_an_allocated_household(caseworker)
    refused = await caseworker.staff.post("/v1/tenancies", json={**contract, "monthly_rent": 10**20})
    assert refused.status_code == 422 and "monthly_rent" in refused.json()["detail"]
    assert (await caseworker.staff.get("/v1/tenancies")).json()["total"] == 0
