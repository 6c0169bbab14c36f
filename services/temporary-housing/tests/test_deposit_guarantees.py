"""NAV's guarantee for a deposit through its API: the decision is stored with its reason, and the event that
Boligkontoret's deposit gate waits for carries the decision but not the reason; bad input changes nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from boligflyt.contracts.codes import GuaranteeDecision
from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.platform.auth import Agency
from boligflyt.temporary_housing import models
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness
from boligflyt.testkit.people import national_id

from .conftest import ref_of

SERVICE = "temporary-housing"
TOPIC = "boligflyt.temporary-housing"
NATIONAL_ID = national_id(date(1980, 3, 4), 123)
PERSON_REF = ref_of(NATIONAL_ID)


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=datetime(2015, 2, 20, 9, 0, tzinfo=UTC)) as h:
        await h.bus.ensure_topics(["boligflyt.applications"])
        yield h


async def stored(harness: ServiceHarness) -> int:
    async with harness.runtimes[SERVICE].database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(models.DepositGuarantee)) or 0)


async def test_a_granted_guarantee_is_published_without_its_reason(harness: ServiceHarness) -> None:
    body = {
        "application_id": "app-0042",
        "person_ref": PERSON_REF,
        "decision": "granted",
        "amount": 32_800,
        "reason": "Ingen egne midler; fast inntekt fra arbeid",
    }
    async with harness.client(SERVICE, Agency.nav, subject="veileder-1") as nav:
        created = await nav.post("/v1/deposit-guarantees", json=body)
        assert created.status_code == 201, created.text
        assert created.json()["decision"] == "granted" and created.json()["decided_on"] == "2015-02-20"
        refused = await nav.post(
            "/v1/deposit-guarantees", json={**body, "application_id": "app-0043", "decision": "refused", "amount": 0}
        )
        assert refused.status_code == 201, refused.text
        listed = await nav.get("/v1/deposit-guarantees", params={"application_id": "app-0042"})
        assert [g["id"] for g in listed.json()] == [created.json()["id"]]
    await harness.settle()
    decided = [e for e in await harness.events(TOPIC) if isinstance(e.data, ev.DepositGuaranteeDecided)]
    assert [(e.key, e.data.decision, e.data.amount) for e in decided] == [
        ("app-0042", GuaranteeDecision.GRANTED, 32_800),
        ("app-0043", GuaranteeDecision.REFUSED, 0),
    ]
    assert decided[0].data.decided_on == date(2015, 2, 20)
    assert "reason" not in decided[0].data.model_dump() and "Ingen egne" not in decided[0].data.model_dump_json()


async def test_bad_guarantees_are_refused_and_change_nothing(harness: ServiceHarness) -> None:
    good = {"application_id": "app-0042", "person_ref": PERSON_REF, "decision": "granted", "amount": 32_800}
    async with harness.client(SERVICE, Agency.nav) as nav:
        for bad in (
            {**good, "amount": 0},  # a granted guarantee guarantees something
            {**good, "person_ref": "Fiw-"},  # not a person_ref
            {**good, "person_ref": NATIONAL_ID},  # a national id never goes on NAV's events
            {**good, "application_id": "z z"},
            {**good, "decision": "maybe"},
        ):
            response = await nav.post("/v1/deposit-guarantees", json=bad)
            assert response.status_code == 422, (bad, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
    async with harness.client(SERVICE, Agency.boligkontoret) as boligkontoret:
        assert (await boligkontoret.post("/v1/deposit-guarantees", json=good)).status_code == 403
    assert await stored(harness) == 0
    await harness.settle()
    assert [e for e in await harness.events(TOPIC) if isinstance(e.data, ev.DepositGuaranteeDecided)] == []
