"""What the agencies' staff do in the end-to-end flows, each through its own service's public API with its own token.

The calls that create and change things go through the typed client generated from the services' OpenAPI
documents (`boligflyt.client`, clients/python), over the test's own httpx client (its token, traces and the writes
it notes), so the client is exercised on every run; reads that only wait for the flow to move on stay plain.

Every flow works on fresh people and dwellings. On the shared waiting list, flows keep apart by household size:
a dwelling suits households that need its number of bedrooms or one fewer, so a flow whose households need N
bedrooms and whose dwellings have N bedrooms never meets another flow's households of a size more than one apart.
"""

from __future__ import annotations

import contextlib
import random
import uuid
from datetime import date, timedelta
from typing import Any, Protocol, TypeVar

import httpx

from boligflyt.client import applications as applications_client
from boligflyt.client import maintenance as maintenance_client
from boligflyt.client import temporary_housing as temporary_housing_client
from boligflyt.client.applications.api import applicants, applications, committee, tenancies
from boligflyt.client.applications.models import (
    ApplicantIn,
    ApplicationIn,
    CaseIn,
    ConsentIn,
    ConsentInScopeItem,
    DecisionIn,
    DecisionOutcome,
    DepositPaymentIn,
    MeetingIn,
)
from boligflyt.client.maintenance.api import dwellings, inspections
from boligflyt.client.maintenance.models import DwellingCreate, InspectionBook, InspectionResult
from boligflyt.client.temporary_housing.api import deposit_guarantees, providers, stays
from boligflyt.client.temporary_housing.models import (
    AgreementIn,
    GuaranteeDecision,
    GuaranteeIn,
    ProviderIn,
    ProviderKind,
    StayIn,
)
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


class Typed(Protocol):
    """A generated service client (each service's module has its own `AuthenticatedClient`)."""

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Any: ...


C = TypeVar("C", bound=Typed)


def typed(client_class: type[C], http: httpx.AsyncClient) -> C:
    """The generated client of a service over a test's httpx client: its base URL, token, traces and noted writes."""
    token = http.headers["Authorization"].removeprefix("Bearer ")
    client = client_class(base_url=str(http.base_url), token=token)  # type: ignore[call-arg]
    client.set_async_httpx_client(http)
    return client


class Answer(Protocol):
    """What a generated call answers (`asyncio_detailed`): the status, the body, and the body parsed into its model."""

    status_code: int
    content: bytes
    parsed: Any


def ok(response: httpx.Response | Answer, status: int = 200) -> Any:
    """The body of a call expected to answer `status`: a raw response's JSON, or what the generated client parsed,
    as JSON again (`to_dict`), so a flow compares it with what it sent as it did before."""
    if isinstance(response, httpx.Response):
        assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
        return response.json()
    assert response.status_code == status, f"{status} expected, got {response.status_code}: {response.content!r}"
    parsed = response.parsed
    assert parsed is not None, f"the client parsed nothing of {response.content!r}"
    return [item.to_dict() for item in parsed] if isinstance(parsed, list) else parsed.to_dict()


def refused(response: Answer, status: int) -> dict[str, Any]:
    """The problem+json of a call expected to be refused with `status`, as the generated client parsed it."""
    assert response.status_code == status, f"{status} expected, got {response.status_code}: {response.content!r}"
    problem: dict[str, Any] = response.parsed.to_dict()
    assert problem["status"] == status, problem
    return problem


async def close_gates(system: System, tbo: httpx.AsyncClient, application_id: str, deposit_kind: str) -> dict[str, Any]:
    """The gates before the contract closed the way caseworkers do it: Boligkontoret records the cash deposit
    paid, or NAV decides the guarantee in its own service and its event reaches Boligkontoret."""
    if deposit_kind == "cash":
        boligkontoret = typed(applications_client.AuthenticatedClient, tbo)
        ok(
            await tenancies.record_deposit_paid.asyncio_detailed(
                application_id, client=boligkontoret, body=DepositPaymentIn()
            )
        )
    elif deposit_kind == "nav_guarantee":
        application = ok(await tbo.get(f"/v1/applications/{application_id}"))
        guarantee = GuaranteeIn(
            application_id=application_id,
            person_ref=application["person_ref"],
            decision=GuaranteeDecision.GRANTED,
            amount=32_800,
        )
        async with system.client("temporary-housing", Agency.nav, subject="nav-e2e") as nav:
            at_nav = typed(temporary_housing_client.AuthenticatedClient, nav)
            ok(await deposit_guarantees.decide_guarantee.asyncio_detailed(client=at_nav, body=guarantee), 201)

    async def closed() -> dict[str, Any] | None:
        path = f"/v1/applications/{application_id}/gates"
        gates: dict[str, Any] = ok(await tbo.get(path, params={"deposit_kind": deposit_kind}))
        return gates if gates["open_gates"] == [] else None

    return await eventually(closed, what="the gates before the contract to close")


class Agencies:
    """One client per agency and service: NAV at temporary-housing, Boligkontoret (and NAV, LKE, coordinators
    reading) at applications, LKE at maintenance; `nav_api`, `tbo_api` and `lke_api` are the generated clients
    over the same connections. The committee's calendar may move during the flow (`approve`); the processes are
    back on the wall clock when the flow is done."""

    def __init__(self, system: System) -> None:
        self.system = system
        self.nav = system.client("temporary-housing", Agency.nav, subject="nav-e2e")
        self.nav_reader = system.client("temporary-housing", Agency.coordinator)
        self.tbo = system.client("applications", Agency.boligkontoret, subject="tbo-e2e")
        self.applications_coordinator = system.client("applications", Agency.coordinator)
        self.lke = system.client("maintenance", Agency.lke, subject="lke-e2e")
        self.nav_api = typed(temporary_housing_client.AuthenticatedClient, self.nav)
        self.tbo_api = typed(applications_client.AuthenticatedClient, self.tbo)
        self.lke_api = typed(maintenance_client.AuthenticatedClient, self.lke)
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
            await providers.register_provider.asyncio_detailed(
                client=self.nav_api,
                body=ProviderIn(
                    name=f"Pensjonat {suffix()}",
                    kind=ProviderKind.PENSION,
                    address=f"Storgata {random.randint(1, 99)}, 3256 Larvik",
                    owner_operator="Pensjonat AS",
                    capacity=10,
                ),
            ),
            201,
        )
        ok(
            await providers.add_agreement.asyncio_detailed(
                provider["provider_id"],
                client=self.nav_api,
                body=AgreementIn(
                    valid_from=today - timedelta(days=30), valid_to=today + timedelta(days=365), price_per_night=650
                ),
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
        result: dict[str, Any] = ok(
            await stays.start_stay.asyncio_detailed(client=self.nav_api, body=StayIn.from_dict(body)), 201
        )
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
        registered = await applicants.register_applicant.asyncio_detailed(
            client=self.tbo_api, body=ApplicantIn.from_dict(applicant_details(person))
        )
        applicant = ok(registered, 201)
        consent = ConsentIn(signed_on=self.system.today(), scope=[ConsentInScopeItem.COLLECT_INFORMATION])
        ok(await applicants.record_consent.asyncio_detailed(applicant["id"], client=self.tbo_api, body=consent), 201)
        body = {
            "applicant_id": applicant["id"],
            "kind": "rental",
            "household": {"adults": 1, "children": 0},
            "needs": {"bedrooms": bedrooms},
            "priority_factors": priority_factors,
            "ownership_check": {"able_to_buy": False},
            "documents_received": DOCUMENTS,
        }
        submitted = await applications.submit_application.asyncio_detailed(
            client=self.tbo_api, body=ApplicationIn.from_dict(body)
        )
        result: dict[str, Any] = ok(submitted, 201)
        return result

    async def approve(self, application_ids: list[str]) -> dict[str, Any]:
        """The committee's way: case list of a coming meeting (before it freezes), then the meeting itself, on
        its day (the processes' calendar is moved forward to it), approving every case."""
        for application_id in application_ids:
            if (await self.application(application_id))["state"] in ("submitted", "incomplete"):
                ok(await applications.completeness_check.asyncio_detailed(application_id, client=self.tbo_api))
        meeting: dict[str, Any] | None = None
        for days_ahead in range(10, 60):  # another flow may hold a meeting on a day already
            meeting_in = MeetingIn(meeting_date=self.system.today() + timedelta(days=days_ahead))
            response = await committee.create_meeting.asyncio_detailed(client=self.tbo_api, body=meeting_in)
            if response.status_code == 201 and not ok(response, 201)["case_list_frozen"]:
                meeting = ok(response, 201)
                break
            # Another flow holds a meeting that day, or its case list is frozen already (holidays count).
            assert response.status_code in (201, 409), response.content
        assert meeting is not None
        for application_id in application_ids:
            case = CaseIn(application_id=application_id)
            ok(await committee.add_case.asyncio_detailed(meeting["id"], client=self.tbo_api, body=case), 201)
        meeting_date = date.fromisoformat(meeting["meeting_date"])
        self.system.advance_clock((meeting_date - self.system.today()).days)
        assert self.system.today() == meeting_date
        for application_id in application_ids:
            decision = DecisionIn(application_id=application_id, outcome=DecisionOutcome.APPROVED)
            decided = ok(await committee.decide.asyncio_detailed(meeting["id"], client=self.tbo_api, body=decision))
            assert decided["state"] == "approved", decided
        return meeting

    async def close_gates(self, application_id: str, deposit_kind: str) -> dict[str, Any]:
        return await close_gates(self.system, self.tbo, application_id, deposit_kind)

    # --- LKE ----------------------------------------------------------------------------------------------------

    async def ready_dwelling(self, bedrooms: int, monthly_rent: int = 8200) -> dict[str, Any]:
        """LKE registers an empty dwelling and makes it ready: an inspection against the minimum standard passes,
        with photographs and the meter reading."""
        dwelling = ok(
            await dwellings.register_dwelling.asyncio_detailed(
                client=self.lke_api,
                body=DwellingCreate.from_dict(
                    {
                        "external_ref": f"F-E2E-{suffix()}",
                        "address": f"Kirkestredet {random.randint(1, 99)}",
                        "category": "ordinary",
                        "owner": "lke",
                        "rooms": bedrooms + 1,
                        "bedrooms": bedrooms,
                        "monthly_rent": monthly_rent,
                        "status": "vacant",
                    }
                ),
            ),
            201,
        )
        assert dwelling["status"] == "vacant", dwelling
        booking = InspectionBook(planned_on=self.system.today())
        inspection = ok(
            await inspections.book_inspection.asyncio_detailed(dwelling["id"], client=self.lke_api, body=booking), 201
        )
        checklist = ok(await self.lke.get("/v1/inspection-checklist"))
        result = ok(
            await inspections.complete_inspection.asyncio_detailed(
                inspection["id"],
                client=self.lke_api,
                body=InspectionResult.from_dict(
                    {
                        "inspector": "LKE e2e",
                        "results": [{"item": item["code"], "passed": True} for item in checklist["items"]],
                        "readiness": {
                            "photographs": [
                                f"photos/{dwelling['id']}/kitchen.jpg",
                                f"photos/{dwelling['id']}/bath.jpg",
                            ],
                            "meter_number": f"M-{suffix()}",
                            "meter_reading_kwh": 48_213,
                        },
                    }
                ),
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
