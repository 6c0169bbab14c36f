"""The HTTP adapters of NAV's ports against stand-ins of the applications and ordering APIs, called in-process
with NAV's own service token, as the embedded host and the harness wire them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.platform.auth import Agency, TokenVerifier
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness

from .conftest import new_agreement, new_provider, stay_body

SERVICE = "temporary-housing"


def stand_in(path: str, answer: dict[str, Any], status: int = 201) -> tuple[FastAPI, list[dict[str, Any]]]:
    """A stand-in API that records what it got and who sent it."""
    app = FastAPI()
    received: list[dict[str, Any]] = []

    @app.post(path)
    async def receive(request: Request) -> JSONResponse:
        token = request.headers["authorization"].removeprefix("Bearer ")
        principal = await request.app.state.verifier.verify(token)
        received.append({"body": await request.json(), "agency": principal.agency, "subject": principal.subject})
        return JSONResponse(answer, status_code=status)

    return app, received


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=datetime(2015, 1, 7, 9, tzinfo=UTC)) as h:
        yield h


def plug(harness: ServiceHarness, service: str, app: FastAPI) -> None:
    app.state.verifier = TokenVerifier(harness.settings)
    harness.runtimes[SERVICE].local_services[service] = app


def boligkontoret_stand_in(
    *, refuse_application: bool = False
) -> tuple[FastAPI, list[tuple[str, dict[str, Any], str]]]:
    """The three calls of the applications API: the applicant, their consent, the application."""
    app = FastAPI()
    calls: list[tuple[str, dict[str, Any], str]] = []

    async def who(request: Request) -> str:
        principal = await request.app.state.verifier.verify(request.headers["authorization"].removeprefix("Bearer "))
        return f"{principal.agency}:{principal.subject}"

    @app.post("/v1/applicants")
    async def applicant(request: Request) -> JSONResponse:
        calls.append(("applicant", await request.json(), await who(request)))
        # Registered before or not, NAV is answered alike (Boligkontoret does not tell NAV whom it holds).
        return JSONResponse({"id": "apl-7", "person_ref": "ab" * 32}, status_code=201)

    @app.post("/v1/applicants/{applicant_id}/consents")
    async def consent(applicant_id: str, request: Request) -> JSONResponse:
        calls.append((f"consent:{applicant_id}", await request.json(), await who(request)))
        return JSONResponse({"id": "con-1"}, status_code=201)

    @app.post("/v1/applications")
    async def application(request: Request) -> JSONResponse:
        calls.append(("application", await request.json(), await who(request)))
        if refuse_application:
            return JSONResponse({"detail": "consent missing"}, status_code=422)
        return JSONResponse({"id": "app-2015-0042", "submitted_on": "2015-01-07"}, status_code=201)

    return app, calls


async def test_nav_registers_the_applicant_and_consent_then_applies(harness: ServiceHarness) -> None:
    app, calls = boligkontoret_stand_in()
    plug(harness, "applications", app)
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        body = stay_body(provider_id)
        stay_id = (await nav.post("/v1/stays", json=body)).json()["stay_id"]
        linked = await nav.post(f"/v1/stays/{stay_id}/application", json={"bedrooms_needed": 1})
        assert linked.status_code == 200, linked.text
        assert linked.json()["application_id"] == "app-2015-0042"
    assert [name for name, _, _ in calls] == ["applicant", "consent:apl-7", "application"]
    assert {caller for _, _, caller in calls} == {"nav:service:temporary-housing"}
    assert calls[0][1]["national_id"] == body["person"]["national_id"]
    assert calls[1][1] == {"signed_on": "2015-01-07", "scope": ["collect_information", "share_with_nav"]}
    application = calls[2][1]
    assert application["applicant_id"] == "apl-7" and application["referrer"] == "nav"
    assert application["referrer_case_ref"] == stay_id and application["priority_factors"] == [
        "no_fixed_address",
        "cannot_find_alternative",
    ]
    await harness.settle()
    linked_events = [e.data for e in await harness.events("boligflyt.temporary-housing")]
    assert isinstance(linked_events[-1], ev.StayApplicationLinked)


async def test_a_refusal_upstream_is_a_502_and_changes_nothing(harness: ServiceHarness) -> None:
    app, _ = boligkontoret_stand_in(refuse_application=True)
    plug(harness, "applications", app)
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        stay_id = (await nav.post("/v1/stays", json=stay_body(provider_id))).json()["stay_id"]
        refused = await nav.post(f"/v1/stays/{stay_id}/application", json={})
        assert refused.status_code == 502
        assert refused.json()["upstream_status"] == 422 and "consent missing" in refused.json()["detail"]
        assert (await nav.get(f"/v1/stays/{stay_id}")).json()["application_id"] is None


async def test_nav_orders_housing_with_post_v1_needs(harness: ServiceHarness) -> None:
    app, received = stand_in("/v1/needs", {"need_id": "need-2015-0007"})
    plug(harness, "ordering", app)
    async with harness.client(SERVICE, Agency.nav) as nav:
        settlement = await nav.post(
            "/v1/settlements",
            json={
                "adults": 1,
                "children": 0,
                "category": "single_adult",
                "origin": "transfer_refugee",
                "announced_on": "2015-01-07",
                "planned_settlement_date": "2015-03-01",
            },
        )
        settlement_id = settlement.json()["settlement_id"]
        ordered = await nav.post(f"/v1/settlements/{settlement_id}/housing-order", json={})
        assert ordered.status_code == 200, ordered.text
        assert ordered.json()["need_id"] == "need-2015-0007"
        again = await nav.post(f"/v1/settlements/{settlement_id}/housing-order", json={})
        assert again.status_code == 409
    [call] = received
    assert call["agency"] == Agency.nav
    assert call["body"]["source_ref"] == settlement_id and call["body"]["wanted_by"] == "2015-03-01"
    assert call["body"]["reported_by"] == "nav_intro" and call["body"]["bedrooms"] == 1
    assert call["body"]["target_group"] == "refugees" and call["body"]["quantity"] == 1
