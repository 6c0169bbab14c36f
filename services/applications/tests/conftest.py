"""The fixture of this folder's tests: a caseworker (with a NAV adviser and a coordinator) at a running
Boligkontoret (SQLite + embedded log), using the API as they would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from boligflyt.applications.main import definition
from boligflyt.applications.ports import DwellingDescription
from boligflyt.contracts.codes import DwellingCategory, DwellingOwner, DwellingStatus, GuaranteeDecision
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events.maintenance import DwellingReadyForLetting, DwellingRegistered
from boligflyt.contracts.events.temporary_housing import DepositGuaranteeDecided
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness, people

ALL_DOCUMENTS = ["income_documentation", "tax_assessment", "housing_situation"]


def national_id(serial: int) -> str:
    """The `serial`th applicant's number: all born on 1 January 1990, ten individual numbers apart."""
    return people.national_id(date(1990, 1, 1), serial * 10)


class FakeDwellingRegister:
    """LKE's register as the job `dwelling_descriptions` asks it, without a maintenance service: the test says what
    it knows (no call leaves the test)."""

    def __init__(self) -> None:
        self.known: dict[str, DwellingDescription] = {}
        self.asked: list[str] = []

    async def describe(self, dwelling_id: str) -> DwellingDescription | None:
        self.asked.append(dwelling_id)
        return self.known.get(dwelling_id)


def with_fake_register(harness: ServiceHarness) -> FakeDwellingRegister:
    register = FakeDwellingRegister()
    harness.runtimes["applications"].app.state.dwelling_register = register
    return register


class Caseworker:
    """One Boligkontoret caseworker (and a NAV adviser and a coordinator) against a running service."""

    def __init__(self, harness: ServiceHarness) -> None:
        self.harness = harness
        self.staff = harness.client("applications", Agency.boligkontoret)
        self.nav = harness.client("applications", Agency.nav, subject="nav-adviser")
        self.coordinator = harness.client("applications", Agency.coordinator)
        self.lke = harness.client("applications", Agency.lke)
        self.register = with_fake_register(harness)
        self._serial = 0

    @property
    def today(self) -> date:
        return self.harness.clock.today()

    async def close(self) -> None:
        for client in (self.staff, self.nav, self.coordinator, self.lke):
            await client.aclose()

    def next_national_id(self) -> str:
        self._serial += 1
        return national_id(self._serial)

    async def applicant(
        self, client: httpx.AsyncClient | None = None, *, consent: bool = True, **fields: Any
    ) -> dict[str, Any]:
        client = client or self.staff
        body = {"national_id": self.next_national_id(), "name": "Kari Nordmann", "postal_address": "Storgata 1"}
        body.update(fields)
        response = await client.post("/v1/applicants", json=body)
        assert response.status_code == 201, response.text
        applicant: dict[str, Any] = response.json()
        if consent:
            consent_response = await client.post(
                f"/v1/applicants/{applicant['id']}/consents",
                json={"signed_on": self.today.isoformat(), "scope": ["collect_information", "share_with_nav"]},
            )
            assert consent_response.status_code == 201, consent_response.text
        return applicant

    def application_body(self, applicant_id: str, **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "applicant_id": applicant_id,
            "kind": "rental",
            "household": {"adults": 1, "children": 0},
            "needs": {"bedrooms": 1},
            "priority_factors": ["no_fixed_address"],
            "ownership_check": {"able_to_buy": False},
            "documents_received": ALL_DOCUMENTS,
        }
        body.update(overrides)
        return body

    async def application(self, client: httpx.AsyncClient | None = None, **overrides: Any) -> dict[str, Any]:
        applicant = await self.applicant(client)
        response = await (client or self.staff).post(
            "/v1/applications", json=self.application_body(applicant["id"], **overrides)
        )
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result

    async def meeting(self, days_ahead: int = 14) -> dict[str, Any]:
        meeting_date = self.today + timedelta(days=days_ahead)
        response = await self.staff.post("/v1/meetings", json={"meeting_date": meeting_date.isoformat()})
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result

    async def to_meeting_day(self, meeting: dict[str, Any]) -> None:
        meeting_date = date.fromisoformat(meeting["meeting_date"])
        if self.today < meeting_date:
            self.harness.clock.advance(meeting_date - self.today)

    async def decide(self, application_ids: list[str], outcome: str = "approved", **decision: Any) -> dict[str, Any]:
        """Check completeness, put the cases on a new meeting's list, hold the meeting, decide them all."""
        meeting = await self.meeting()
        for application_id in application_ids:
            current = (await self.staff.get(f"/v1/applications/{application_id}")).json()
            if current["state"] in ("submitted", "incomplete", "complete"):
                check = await self.staff.post(f"/v1/applications/{application_id}/completeness-check")
                assert check.status_code == 200, check.text
            added = await self.staff.post(
                f"/v1/meetings/{meeting['id']}/cases", json={"application_id": application_id}
            )
            assert added.status_code == 201, added.text
        await self.to_meeting_day(meeting)
        for application_id in application_ids:
            body = {"application_id": application_id, "outcome": outcome, **decision}
            decided = await self.staff.post(f"/v1/meetings/{meeting['id']}/decisions", json=body)
            assert decided.status_code == 200, decided.text
        return meeting

    async def approved(self, count: int = 1, **overrides: Any) -> list[dict[str, Any]]:
        applications = [await self.application(**overrides) for _ in range(count)]
        await self.decide([a["id"] for a in applications])
        return applications

    async def publish(self, *events: Any) -> None:
        await self.harness.bus.publish([to_wire(Envelope(data=event)) for event in events])
        await self.harness.settle()

    async def ready_dwelling(self, dwelling_id: str = "dw-1001", **facts: Any) -> str:
        values: dict[str, Any] = {
            "dwelling_id": dwelling_id,
            "owner": DwellingOwner.LKE,
            "category": DwellingCategory.ORDINARY,
            "bedrooms": 1,
            "accessible": False,
            "staffed": False,
            "monthly_rent": 8000,
            "area_code": "SENTRUM",
            "registered_on": self.today,
            "status": DwellingStatus.RENOVATING,
            "new_dwelling": False,
        }
        values.update(facts)
        await self.publish(
            DwellingRegistered(**values),
            DwellingReadyForLetting(dwelling_id=dwelling_id, ready_on=self.today, first_let=False),
        )
        return dwelling_id

    async def close_gates(self, application_id: str, deposit_kind: str = "cash") -> None:
        """The deposit paid, or NAV's guarantee granted (its event): the gates before the contract closed."""
        if deposit_kind == "cash":
            paid = await self.staff.post(f"/v1/applications/{application_id}/deposit-payment", json={})
            assert paid.status_code == 200, paid.text
        elif deposit_kind == "nav_guarantee":
            await self.publish(
                DepositGuaranteeDecided(
                    guarantee_id=f"gar-{application_id}",
                    application_id=application_id,
                    person_ref=(await self.staff.get(f"/v1/applications/{application_id}")).json()["person_ref"],
                    decision=GuaranteeDecision.GRANTED,
                    amount=32000,
                    decided_on=self.today,
                )
            )

    async def events(self) -> list[Envelope]:
        await self.harness.settle()
        return await self.harness.events("boligflyt.applications")

    async def event_types(self) -> list[str]:
        return [e.type.removeprefix("no.larvik.boligflyt.").removesuffix(".v1") for e in await self.events()]


@pytest.fixture
async def caseworker(tmp_path: Path) -> AsyncIterator[Caseworker]:
    async with ServiceHarness([definition], tmp_path) as harness:
        worker = Caseworker(harness)
        try:
            yield worker
        finally:
            await worker.close()
