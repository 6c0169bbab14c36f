"""What the agencies' staff do in the end-to-end flows, each through its own service's public API with its own token.

Every flow works on fresh people and dwellings. On the shared waiting list, flows keep apart by household size:
a dwelling suits households that need its number of bedrooms or one fewer, so a flow whose households need N
bedrooms and whose dwellings have N bedrooms never meets another flow's households of a size more than one apart.
"""

from __future__ import annotations

import contextlib
import random
import uuid
from datetime import date, timedelta
from typing import Any

import httpx

from boligflyt.platform.auth import Agency
from boligflyt.testkit.people import random_person

from .system import System, eventually

DOCUMENTS = ["income_documentation", "tax_assessment", "housing_situation"]


def suffix() -> str:
    return uuid.uuid4().hex[:8]


def new_person() -> dict[str, str]:
    """A synthetic person with a valid fødselsnummer (born 1950-1999: individual numbers 000-499)."""
    birth, number = random_person()
    return {"national_id": number, "name": f"E2e Person {suffix()}", "birth_date": birth.isoformat()}


def applicant_details(person: dict[str, str]) -> dict[str, Any]:
    """What Boligkontoret registers of an applicant: the person with contact details and a household member
    (all of which must stay in Boligkontoret's service: tests/e2e/test_after_every_flow.py looks for it on the bus)."""
    return {
        "national_id": person["national_id"],
        "name": person["name"],
        "phone": f"+47 9{random.randint(0, 99):02d} {random.randint(0, 99):02d} {random.randint(0, 999):03d}",
        "email": f"e2e.{suffix()}@example.no",
        "household_members": [{"name": f"E2e Child {suffix()}", "relation": "child", "birth_year": 2015}],
    }


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    return response.json()


async def close_gates(system: System, tbo: httpx.AsyncClient, application_id: str, deposit_kind: str) -> dict[str, Any]:
    """The gates before the contract closed the way caseworkers do it: Boligkontoret records the cash deposit
    paid, or NAV decides the guarantee in its own service and its event reaches Boligkontoret."""
    if deposit_kind == "cash":
        ok(await tbo.post(f"/v1/applications/{application_id}/deposit-payment", json={}))
    elif deposit_kind == "nav_guarantee":
        application = ok(await tbo.get(f"/v1/applications/{application_id}"))
        guarantee = {
            "application_id": application_id,
            "person_ref": application["person_ref"],
            "decision": "granted",
            "amount": 32_800,
        }
        async with system.client("temporary-housing", Agency.nav, subject="nav-e2e") as nav:
            ok(await nav.post("/v1/deposit-guarantees", json=guarantee), 201)

    async def closed() -> dict[str, Any] | None:
        path = f"/v1/applications/{application_id}/gates"
        gates: dict[str, Any] = ok(await tbo.get(path, params={"deposit_kind": deposit_kind}))
        return gates if gates["open_gates"] == [] else None

    return await eventually(closed, what="the gates before the contract to close")


class Agencies:
    """One client per agency and service: NAV at temporary-housing, Boligkontoret (and NAV, LKE, coordinators
    reading) at applications, LKE at maintenance. The committee's calendar may move during the flow
    (`approve`); the processes are back on the wall clock when the flow is done."""

    def __init__(self, system: System) -> None:
        self.system = system
        self.nav = system.client("temporary-housing", Agency.nav, subject="nav-e2e")
        self.nav_reader = system.client("temporary-housing", Agency.coordinator)
        self.tbo = system.client("applications", Agency.boligkontoret, subject="tbo-e2e")
        self.applications_coordinator = system.client("applications", Agency.coordinator)
        self.lke = system.client("maintenance", Agency.lke, subject="lke-e2e")
        self._calendar = contextlib.ExitStack()

    async def __aenter__(self) -> Agencies:
        self._calendar.enter_context(self.system.calendar_moved())
        return self

    async def __aexit__(self, *_: object) -> None:
        self._calendar.close()
        for client in (self.nav, self.nav_reader, self.tbo, self.applications_coordinator, self.lke):
            await client.aclose()

    # --- NAV ---------------------------------------------------------------------------------------------------

    async def provider_with_agreement(self) -> str:
        today = self.system.today()
        provider = ok(
            await self.nav.post(
                "/v1/providers",
                json={
                    "name": f"Pensjonat {suffix()}",
                    "kind": "pension",
                    "address": f"Storgata {random.randint(1, 99)}, 3256 Larvik",
                    "owner_operator": "Pensjonat AS",
                    "capacity": 10,
                },
            ),
            201,
        )
        ok(
            await self.nav.post(
                f"/v1/providers/{provider['provider_id']}/agreements",
                json={
                    "valid_from": (today - timedelta(days=30)).isoformat(),
                    "valid_to": (today + timedelta(days=365)).isoformat(),
                    "price_per_night": 650,
                },
            ),
            201,
        )
        return str(provider["provider_id"])

    async def start_stay(self, provider_id: str, person: dict[str, str]) -> dict[str, Any]:
        today = self.system.today().isoformat()
        body = {
            "person": person,
            "adults": 1,
            "children": 0,
            "cause": "eviction",
            "decision_date": today,
            "provider_id": provider_id,
            "start_date": today,
        }
        result: dict[str, Any] = ok(await self.nav.post("/v1/stays", json=body), 201)
        return result

    async def stay(self, stay_id: str) -> dict[str, Any]:
        result: dict[str, Any] = ok(await self.nav.get(f"/v1/stays/{stay_id}"))
        return result

    # --- Boligkontoret ------------------------------------------------------------------------------------------

    async def application(self, application_id: str) -> dict[str, Any]:
        result: dict[str, Any] = ok(await self.tbo.get(f"/v1/applications/{application_id}"))
        return result

    async def apply(self, bedrooms: int, priority_factors: list[str]) -> dict[str, Any]:
        """A person applies at Boligkontoret's counter, with consent and every document."""
        person = new_person()
        applicant = ok(await self.tbo.post("/v1/applicants", json={**applicant_details(person)}), 201)
        ok(
            await self.tbo.post(
                f"/v1/applicants/{applicant['id']}/consents",
                json={"signed_on": self.system.today().isoformat(), "scope": ["collect_information"]},
            ),
            201,
        )
        body = {
            "applicant_id": applicant["id"],
            "kind": "rental",
            "household": {"adults": 1, "children": 0},
            "needs": {"bedrooms": bedrooms},
            "priority_factors": priority_factors,
            "ownership_check": {"able_to_buy": False},
            "documents_received": DOCUMENTS,
        }
        result: dict[str, Any] = ok(await self.tbo.post("/v1/applications", json=body), 201)
        return result

    async def approve(self, application_ids: list[str]) -> dict[str, Any]:
        """The committee's way: case list of a coming meeting (before it freezes), then the meeting itself, on
        its day (the processes' calendar is moved forward to it), approving every case."""
        for application_id in application_ids:
            if (await self.application(application_id))["state"] in ("submitted", "incomplete"):
                ok(await self.tbo.post(f"/v1/applications/{application_id}/completeness-check"))
        meeting: dict[str, Any] | None = None
        for days_ahead in range(10, 60):  # another flow may hold a meeting on a day already
            response = await self.tbo.post(
                "/v1/meetings",
                json={"meeting_date": (self.system.today() + timedelta(days=days_ahead)).isoformat()},
            )
            if response.status_code == 201 and not response.json()["case_list_frozen"]:
                meeting = response.json()
                break
            # Another flow holds a meeting that day, or its case list is frozen already (holidays count).
            assert response.status_code in (201, 409), response.text
        assert meeting is not None
        for application_id in application_ids:
            ok(await self.tbo.post(f"/v1/meetings/{meeting['id']}/cases", json={"application_id": application_id}), 201)
        meeting_date = date.fromisoformat(meeting["meeting_date"])
        self.system.advance_clock((meeting_date - self.system.today()).days)
        assert self.system.today() == meeting_date
        for application_id in application_ids:
            decided = ok(
                await self.tbo.post(
                    f"/v1/meetings/{meeting['id']}/decisions",
                    json={"application_id": application_id, "outcome": "approved"},
                )
            )
            assert decided["state"] == "approved", decided
        return meeting

    async def close_gates(self, application_id: str, deposit_kind: str) -> dict[str, Any]:
        return await close_gates(self.system, self.tbo, application_id, deposit_kind)

    # --- LKE ----------------------------------------------------------------------------------------------------

    async def ready_dwelling(self, bedrooms: int, monthly_rent: int = 8200) -> dict[str, Any]:
        """LKE registers an empty dwelling and makes it ready: an inspection against the minimum standard passes,
        with photographs and the meter reading."""
        dwelling = ok(
            await self.lke.post(
                "/v1/dwellings",
                json={
                    "external_ref": f"F-E2E-{suffix()}",
                    "address": f"Kirkestredet {random.randint(1, 99)}",
                    "category": "ordinary",
                    "owner": "lke",
                    "rooms": bedrooms + 1,
                    "bedrooms": bedrooms,
                    "monthly_rent": monthly_rent,
                    "status": "vacant",
                },
            ),
            201,
        )
        assert dwelling["status"] == "vacant", dwelling
        today = self.system.today().isoformat()
        inspection = ok(
            await self.lke.post(f"/v1/dwellings/{dwelling['id']}/inspections", json={"planned_on": today}), 201
        )
        checklist = ok(await self.lke.get("/v1/inspection-checklist"))
        result = ok(
            await self.lke.post(
                f"/v1/inspections/{inspection['id']}/result",
                json={
                    "inspector": "LKE e2e",
                    "results": [{"item": item["code"], "passed": True} for item in checklist["items"]],
                    "readiness": {
                        "photographs": [f"photos/{dwelling['id']}/kitchen.jpg", f"photos/{dwelling['id']}/bath.jpg"],
                        "meter_number": f"M-{suffix()}",
                        "meter_reading_kwh": 48_213,
                    },
                },
            )
        )
        assert result["meets_minimum_standard"] is True, result
        current: dict[str, Any] = ok(await self.lke.get(f"/v1/dwellings/{dwelling['id']}"))
        assert current["status"] == "ready", current
        assert current["meter_reading_kwh"] == 48_213 and len(current["photographs"] or []) == 2

        async def offerable() -> bool:
            # LKE's ready_for_letting reaches Boligkontoret by event: until then the dwelling cannot be offered.
            response = await self.tbo.get(f"/v1/dwellings/{dwelling['id']}")
            return response.status_code == 200 and response.json()["offerable"] is True

        await eventually(offerable, what="Boligkontoret to see the ready dwelling as offerable")
        return current
