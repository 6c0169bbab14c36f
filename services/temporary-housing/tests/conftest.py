"""Helpers for NAV's tests: synthetic identity numbers, fakes of the ports, publishing Boligkontoret's events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx

from boligflyt.contracts.base import Event
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.platform.personref import person_ref
from boligflyt.platform.settings import DEV_PERSON_REF_KEY
from boligflyt.temporary_housing.ports import (
    ApplicationRequest,
    HousingOrderRequest,
    SubmittedApplication,
)
from boligflyt.testkit import ServiceHarness
from boligflyt.testkit.people import national_id


def ref_of(nid: str) -> str:
    return person_ref(nid, DEV_PERSON_REF_KEY)


@dataclass
class FakeApplications:
    submitted: list[ApplicationRequest] = field(default_factory=list)

    async def submit_for(self, request: ApplicationRequest) -> SubmittedApplication:
        self.submitted.append(request)
        return SubmittedApplication(application_id=f"app-{len(self.submitted):04d}", submitted_on=request.submitted_on)


@dataclass
class FakeOrders:
    ordered: list[HousingOrderRequest] = field(default_factory=list)

    async def order_housing(self, request: HousingOrderRequest) -> str:
        self.ordered.append(request)
        return f"need-{len(self.ordered):04d}"


async def publish(harness: ServiceHarness, data: Event, envelope: Envelope | None = None) -> Envelope:
    """Put one of another service's events on the bus, as that service would."""
    envelope = envelope or Envelope(data=data)
    await harness.bus.publish([to_wire(envelope)])
    return envelope


async def new_provider(client: httpx.AsyncClient, **overrides: Any) -> str:
    body = {
        "name": "Larvik pensjonat",
        "kind": "pension",
        "address": "Storgata 1, 3256 Larvik",
        "owner_operator": "Pensjonat AS",
        "capacity": 10,
        **overrides,
    }
    response = await client.post("/v1/providers", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["provider_id"])


async def new_agreement(client: httpx.AsyncClient, provider_id: str, **overrides: Any) -> dict[str, Any]:
    body = {"valid_from": "2014-06-01", "valid_to": "2016-05-31", "price_per_night": 600, **overrides}
    response = await client.post(f"/v1/providers/{provider_id}/agreements", json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def stay_body(
    provider_id: str, *, birth: date = date(1980, 3, 4), serial: int = 123, **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "person": {"national_id": national_id(birth, serial), "name": "Test Person", "birth_date": birth.isoformat()},
        "adults": 1,
        "children": 0,
        "cause": "eviction",
        "decision_date": "2015-01-05",
        "provider_id": provider_id,
        "start_date": "2015-01-05",
        **overrides,
    }
    return body
