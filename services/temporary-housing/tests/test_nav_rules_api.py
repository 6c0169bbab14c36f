"""NAV's rules of issue 21 through the API, on SQLite with the embedded log and on PostgreSQL with Kafka: municipal
emergency units, the agreements' fixed exclusions, the seasonal closure and its warnings, the settlement deadline and
the spread across areas, and a stay linked only to its person's application. Every refusal changes nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from boligflyt.contracts.codes import (
    ApplicationKind,
    DwellingCategory,
    DwellingOwner,
    DwellingStatus,
    Referrer,
)
from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.contracts.events.applications import ApplicationSubmitted, TenancyMovedIn
from boligflyt.contracts.events.maintenance import DwellingRegistered
from boligflyt.platform.auth import Agency
from boligflyt.platform.tables import audit_log, outbox
from boligflyt.temporary_housing import models
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness

from .conftest import new_agreement, new_provider, publish, ref_of, stay_body

SERVICE = "temporary-housing"
TOPIC = "boligflyt.temporary-housing"
DISTRIBUTED = pytest.param("distributed", marks=[pytest.mark.kafka, pytest.mark.postgres, pytest.mark.slow])


@pytest.fixture(params=["embedded", DISTRIBUTED])
async def harness(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness(
        [definition], tmp_path, kind=request.param, start=datetime(2015, 1, 5, 9, 0, tzinfo=UTC)
    ) as h:
        await h.bus.ensure_topics(["boligflyt.applications", "boligflyt.maintenance"])
        yield h


async def counts(harness: ServiceHarness) -> dict[str, int]:
    result = {}
    async with harness.runtimes[SERVICE].database.sessions() as session:
        for name, table in [
            ("providers", models.Provider.__table__),
            ("agreements", models.Agreement.__table__),
            ("stays", models.Stay.__table__),
            ("settlements", models.Settlement.__table__),
            ("outbox", outbox),
            ("audit", audit_log),
        ]:
            result[name] = int(await session.scalar(select(func.count()).select_from(table)) or 0)
    return result


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    return body


async def test_municipal_units_and_private_providers_as_the_agreements_say(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        flat = await new_provider(nav, name="Beredskapsboligen", kind="municipal_emergency_flat", capacity=2)
        pension = await new_provider(nav)
        await new_agreement(nav, pension)
        assert (await nav.get(f"/v1/providers/{flat}")).json()["needs_quality_agreement"] is False
        assert (await nav.get(f"/v1/providers/{pension}")).json()["needs_quality_agreement"] is True
        before = await counts(harness)

        # No quality agreement for NAV's own unit; every agreement excludes families and minors.
        problem(await nav.post(f"/v1/providers/{flat}/agreements", json=AGREEMENT), 422, "agreement_for_municipal_unit")
        lenient = {**AGREEMENT, "valid_from": "2016-06-01", "valid_to": "2017-05-31"}
        for flag in ("excludes_families_with_children", "excludes_under_18"):
            refused = await nav.post(f"/v1/providers/{pension}/agreements", json={**lenient, flag: False})
            problem(refused, 422, "agreement_exclusions_fixed")
        # A family at the private pension: refused, and no justification overrides it.
        family = stay_body(pension, children=2, override_justification="nowhere else tonight")
        body = problem(await nav.post("/v1/stays", json=family), 422, "placement_refused")
        assert body["reasons"] == ["excludes_families_with_children"] and body["overridable"] is False
        minor = stay_body(pension, birth=date(1998, 1, 1), serial=200, override_justification="nowhere else")
        body = problem(await nav.post("/v1/stays", json=minor), 422, "placement_refused")
        assert body["fixed"] == ["excludes_under_18"]
        assert await counts(harness) == before

        # The emergency flat takes the family and the minor, without an agreement and at no price by default.
        placed = await nav.post("/v1/stays", json=stay_body(flat, children=2))
        assert placed.status_code == 201, placed.text
        assert (placed.json()["agreement_id"], placed.json()["price_per_night"]) == (None, 0)
        assert placed.json()["override_reasons"] is None
        minor_placed = await nav.post("/v1/stays", json=stay_body(flat, birth=date(1998, 1, 1), serial=200))
        assert minor_placed.status_code == 201, minor_placed.text
        # Full is full: NAV's duty tonight may override that, with a justification.
        third = stay_body(flat, serial=300)
        assert problem(await nav.post("/v1/stays", json=third), 422, "placement_refused")["overridable"] is True
        third["override_justification"] = "nowhere else tonight"
        assert (await nav.post("/v1/stays", json=third)).status_code == 201


AGREEMENT = {"valid_from": "2014-06-01", "valid_to": "2016-05-31", "price_per_night": 600}


async def test_the_seasonal_closure_refuses_placements_into_it_and_warns_of_stays_still_there(
    harness: ServiceHarness,
) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        campsite = await new_provider(
            nav, name="Camping", kind="campsite", seasonal_closure={"closed_from": "05-01", "closed_to": "07-31"}
        )
        await new_agreement(nav, campsite)
        shown = (await nav.get(f"/v1/providers/{campsite}")).json()["seasonal_closure"]
        assert shown == {"closed_from": "05-01", "closed_to": "07-31", "next_closed_from": "2015-05-01"}
        before = await counts(harness)
        into = stay_body(campsite, planned_end_date="2015-05-10")
        body = problem(
            await nav.post("/v1/stays", json={**into, "override_justification": "x"}), 422, "placement_refused"
        )
        assert (body["reasons"], body["closed_from"], body["overridable"]) == (
            ["seasonal_closure"],
            "2015-05-01",
            False,
        )
        assert await counts(harness) == before
        # Leaving on the day it closes is fine; without a planned end the stay is planned to its limit (5 April).
        until_closing = await nav.post("/v1/stays", json=stay_body(campsite, planned_end_date="2015-05-01"))
        assert until_closing.status_code == 201, until_closing.text
        to_limit = await nav.post("/v1/stays", json=stay_body(campsite, serial=321))
        assert to_limit.status_code == 201, to_limit.text
        assert until_closing.json()["closure_warning"] is None and to_limit.json()["closure_warning"] is None

        # A pension closes for March: the open stay there (planned to its limit, 5 April) is warned of.
        pension = await new_provider(nav)
        await new_agreement(nav, pension)
        there = (await nav.post("/v1/stays", json=stay_body(pension, serial=456))).json()["stay_id"]
        bad = await nav.put(
            f"/v1/providers/{pension}/seasonal-closure", json={"closed_from": "13-01", "closed_to": "03-31"}
        )
        problem(bad, 422, "closure_day_invalid")
        closed = await nav.put(
            f"/v1/providers/{pension}/seasonal-closure", json={"closed_from": "03-01", "closed_to": "03-31"}
        )
        assert closed.status_code == 200, closed.text
        [warning] = closed.json()["closure_warnings"]
        assert warning == {
            "stay_id": there,
            "provider_id": pension,
            "closes_on": "2015-03-01",
            "reopens_on": "2015-04-01",
            "expected_leaving_day": "2015-04-05",
        }
        assert (await nav.get(f"/v1/stays/{there}")).json()["closure_warning"] == warning
        # New placements into March are refused now.
        problem(await nav.post("/v1/stays", json=stay_body(pension, serial=789)), 422, "placement_refused")
        # The campsite's stay planned to its limit: warned once it is past it and still there.
        harness.clock.set(datetime(2015, 4, 10, 9, tzinfo=UTC))
        late = (await nav.get(f"/v1/stays/{to_limit.json()['stay_id']}")).json()["closure_warning"]
        assert late["closes_on"] == "2015-05-01" and late["reopens_on"] == "2015-08-01"
        lifted = await nav.put(f"/v1/providers/{pension}/seasonal-closure", json=None)
        assert lifted.status_code == 200 and lifted.json()["closure_warnings"] == []
        assert lifted.json()["seasonal_closure"] is None


async def test_settlement_deadline_days_left_and_the_spread_across_areas(harness: ServiceHarness) -> None:
    household = {"adults": 2, "children": 3, "category": "family", "origin": "reception_centre"}
    async with harness.client(SERVICE, Agency.nav) as nav:
        before = await counts(harness)
        late_permit = {**household, "announced_on": "2015-01-05", "residence_permit_on": "2015-01-06"}
        problem(await nav.post("/v1/settlements", json=late_permit), 422, "residence_permit_after_announcement")
        assert await counts(harness) == before
        family = await nav.post(
            "/v1/settlements", json={**household, "announced_on": "2015-01-05", "residence_permit_on": "2015-01-02"}
        )
        assert family.status_code == 201, family.text
        assert (family.json()["settlement_deadline"], family.json()["days_left"]) == ("2015-04-02", 87)
        minor = await nav.post(
            "/v1/settlements",
            json={
                "adults": 0,
                "children": 1,
                "category": "unaccompanied_minor",
                "origin": "reception_centre",
                "announced_on": "2015-01-05",
                "residence_permit_on": "2015-01-02",
            },
        )
        assert (minor.json()["settlement_deadline"], minor.json()["days_left"]) == ("2015-07-02", 178)
        settlement_id = family.json()["settlement_id"]
        await nav.post(f"/v1/settlements/{settlement_id}/application", json={"application_id": "app-0049"})

    await publish(harness, dwelling("lke-0171", "stavern"))
    await harness.settle()
    harness.clock.set(datetime(2015, 3, 30, 9, tzinfo=UTC))
    await publish(
        harness,
        TenancyMovedIn(
            tenancy_id="ten-0130",
            dwelling_id="lke-0171",
            application_id="app-0049",
            person_ref="a" * 64,
            move_in_date=date(2015, 3, 30),
            first_let=False,
        ),
    )
    await harness.settle()
    async with harness.client(SERVICE, Agency.coordinator) as coordinator:
        settled = (await coordinator.get(f"/v1/settlements/{settlement_id}")).json()
        assert (settled["area_code"], settled["deadline_met"], settled["days_left"]) == ("stavern", True, None)
        waiting = (await coordinator.get(f"/v1/settlements/{minor.json()['settlement_id']}")).json()
        assert waiting["days_left"] == 94  # 30 March -> 2 July
        by_area = (await coordinator.get("/v1/settlements/by-area?year=2015")).json()
        assert by_area == {
            "year": 2015,
            "areas": [{"year": 2015, "area_code": "stavern", "households": 1, "persons": 5}],
        }
        assert (await coordinator.get("/v1/settlements/by-area?year=2016")).json()["areas"] == []
    [completed] = [e.data for e in await harness.events(TOPIC) if isinstance(e.data, ev.SettlementCompleted)]
    assert completed.area_code == "stavern"


def dwelling(dwelling_id: str, area: str) -> DwellingRegistered:
    return DwellingRegistered(
        dwelling_id=dwelling_id,
        owner=DwellingOwner.LKE,
        category=DwellingCategory.ORDINARY,
        bedrooms=3,
        accessible=False,
        staffed=False,
        monthly_rent=7000,
        area_code=area,
        registered_on=date(2014, 3, 2),
        status=DwellingStatus.LET,
        new_dwelling=False,
    )


def submitted(application_id: str, ref: str, case_ref: str | None = None) -> ApplicationSubmitted:
    return ApplicationSubmitted(
        application_id=application_id,
        person_ref=ref,
        submitted_on=date(2015, 1, 2),
        kind=ApplicationKind.RENTAL,
        adults=1,
        children=0,
        bedrooms_needed=1,
        accessible_needed=False,
        referrer=Referrer.SELF,
        referrer_case_ref=case_ref,
    )


async def test_a_stay_is_linked_only_to_an_application_of_its_person(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider = await new_provider(nav)
        await new_agreement(nav, provider)
        body = stay_body(provider)
        ref = ref_of(body["person"]["national_id"])
        other = stay_body(provider, serial=321)
        other_ref = ref_of(other["person"]["national_id"])
    # Kari applied herself before she came to NAV; someone else has an application too.
    await publish(harness, submitted("app-kari", ref))
    await publish(harness, submitted("app-other", other_ref))
    await harness.settle()
    async with harness.client(SERVICE, Agency.nav) as nav:
        stay_id = (await nav.post("/v1/stays", json=body)).json()["stay_id"]
        before = await counts(harness)
        url = f"/v1/stays/{stay_id}/application"
        problem(await nav.post(url, json={"application_id": "app-none"}), 422, "unknown_application")
        problem(await nav.post(url, json={"application_id": "app-other"}), 422, "application_of_another_person")
        assert await counts(harness) == before
        assert (await nav.get(f"/v1/stays/{stay_id}")).json()["application_id"] is None
        linked = await nav.post(url, json={"application_id": "app-kari"})
        assert linked.status_code == 200, linked.text
        assert (linked.json()["application_id"], linked.json()["application_submitted_on"]) == (
            "app-kari",
            "2015-01-02",
        )

        # An application naming Kari's stay as its case but made for another person is not linked to her stay.
        other_stay = (await nav.post("/v1/stays", json=other)).json()["stay_id"]
    await publish(harness, submitted("app-other-2", other_ref, case_ref=stay_id))
    await harness.settle()
    async with harness.client(SERVICE, Agency.nav) as nav:
        assert (await nav.get(f"/v1/stays/{stay_id}")).json()["application_id"] == "app-kari"
        assert (await nav.get(f"/v1/stays/{other_stay}")).json()["application_id"] == "app-other-2"
