"""Plausible dates and amounts at NAV: a move-in on 9999-12-31 once ended a stay after 2,912,102 nights costing
1,747,261,200 NOK, and `price_per_night` 10^20 was a 500. Each is refused (a 422, or a dead letter for an event)
and changes nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.contracts.events.applications import TenancyMovedIn
from boligflyt.contracts.topics import dead_letter_topic
from boligflyt.platform.auth import Agency
from boligflyt.temporary_housing.domain import STAY_END_DAYS_AHEAD
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness

from .conftest import FakeApplications, new_agreement, new_provider, publish, ref_of, stay_body

SERVICE = "temporary-housing"
TOPIC = "boligflyt.temporary-housing"
TODAY = date(2015, 1, 5)


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=datetime(2015, 1, 5, 9, 0, tzinfo=UTC)) as h:
        await h.bus.ensure_topics(["boligflyt.applications"])
        yield h


async def started_stay(nav: httpx.AsyncClient) -> tuple[str, str]:
    """A stay started today with a provider under agreement: its id and the person's `person_ref`."""
    provider_id = await new_provider(nav)
    await new_agreement(nav, provider_id)
    body = stay_body(provider_id)
    response = await nav.post("/v1/stays", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["stay_id"]), ref_of(body["person"]["national_id"])


async def test_a_move_in_in_the_year_9999_does_not_end_the_stay(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        stay_id, ref = await started_stay(nav)
        absurd = TenancyMovedIn(
            tenancy_id="ten-9999",
            dwelling_id="lke-0002",
            application_id="app-0042",
            person_ref=ref,
            move_in_date=date(9999, 12, 31),
            first_let=False,
        )
        await publish(harness, absurd)
        await harness.settle()
        stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
        assert (stay["state"], stay["end_date"]) == ("started", None)
    # Refused as a poison message: dead-lettered for an operator, the stay left for the caseworker to end.
    [dead] = await harness.events(dead_letter_topic("boligflyt.applications"))
    assert dead.data == absurd
    assert [type(e.data) for e in await harness.events(TOPIC)] == [ev.StayStarted]


async def test_a_stay_ends_at_most_a_few_days_after_today(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        stay_id, _ = await started_stay(nav)
        url = f"/v1/stays/{stay_id}/end"
        absurd = await nav.post(url, json={"end_date": "9999-12-31", "reason": "private_rental"})
        assert absurd.status_code == 422 and "end_date must lie between" in absurd.json()["detail"]
        too_far = (TODAY + timedelta(days=STAY_END_DAYS_AHEAD + 1)).isoformat()
        ahead = await nav.post(url, json={"end_date": too_far, "reason": "private_rental"})
        assert ahead.status_code == 422 and ahead.json()["code"] == "stay_ends_too_far_ahead"
        assert (await nav.get(f"/v1/stays/{stay_id}")).json()["state"] == "started"
        last = (TODAY + timedelta(days=STAY_END_DAYS_AHEAD)).isoformat()
        ended = await nav.post(url, json={"end_date": last, "reason": "private_rental"})
        assert ended.status_code == 200 and ended.json()["nights"] == STAY_END_DAYS_AHEAD


async def test_an_absurd_price_per_night_is_a_422_not_a_500(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        agreement = {"valid_from": "2014-06-01", "valid_to": "2016-05-31", "price_per_night": 10**20}
        refused = await nav.post(f"/v1/providers/{provider_id}/agreements", json=agreement)
        assert refused.status_code == 422 and "price_per_night" in refused.json()["detail"]
        assert (await nav.get(f"/v1/providers/{provider_id}/agreements")).json() == []
        override = stay_body(provider_id, override_justification="Akutt, ingen avtale.", price_per_night=10**20)
        assert (await nav.post("/v1/stays", json=override)).status_code == 422
        capacity = await nav.post(
            "/v1/providers",
            json={"name": "X", "kind": "pension", "address": "Y", "owner_operator": "Z", "capacity": 10**20},
        )
        assert capacity.status_code == 422
        assert (await nav.get("/v1/stays")).json()["total"] == 0


async def test_a_birth_date_is_within_a_lifetime_and_a_start_within_the_window(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        unborn = stay_body(provider_id)
        unborn["person"]["birth_date"] = "9999-01-01"
        refused = await nav.post("/v1/stays", json=unborn)
        assert refused.status_code == 422 and "birth_date must lie between" in refused.json()["detail"]
        ancient = stay_body(provider_id, decision_date="0001-01-01", start_date="0001-01-01")
        assert (await nav.post("/v1/stays", json=ancient)).status_code == 422
        assert (await nav.get("/v1/stays")).json()["total"] == 0


async def test_consent_for_nav_s_application_is_not_signed_in_the_future(harness: ServiceHarness) -> None:
    fake = FakeApplications()
    harness.runtimes[SERVICE].app.state.housing_applications = fake
    async with harness.client(SERVICE, Agency.nav) as nav:
        stay_id, _ = await started_stay(nav)
        url = f"/v1/stays/{stay_id}/application"
        tomorrow = (TODAY + timedelta(days=1)).isoformat()
        future = await nav.post(url, json={"consent_signed_on": tomorrow})
        assert future.status_code == 422 and future.json()["code"] == "consent_signed_in_future"
        absurd = await nav.post(url, json={"consent_signed_on": "9999-12-31", "bedrooms_needed": 10**20})
        assert absurd.status_code == 422
        assert fake.submitted == []
        assert (await nav.get(f"/v1/stays/{stay_id}")).json()["application_id"] is None
