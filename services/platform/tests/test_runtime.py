"""A toy pair of services on the real runtime: routes, auth, problems, outbox -> bus -> inbox, health, embedded host."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, Depends
from pydantic import BaseModel
from sqlalchemy import func, insert, select

from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.platform.auth import Agency, Principal, require
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.errors import Conflict
from boligflyt.platform.inbox import EventHandlers
from boligflyt.platform.runtime import DatabaseDep, ServiceDefinition, create_embedded_app
from boligflyt.platform.tables import audit_log
from boligflyt.testkit import ServiceHarness, embedded_settings

from .conftest import effects, effects_metadata, need_reported


class NeedIn(BaseModel):
    need_id: str
    dwellings: int


router = APIRouter(prefix="/v1")


@router.post("/needs", status_code=201)
async def report_need(
    body: NeedIn, database: DatabaseDep, principal: Annotated[Principal, Depends(require(Agency.bestiller))]
) -> dict[str, str]:
    if body.need_id == "taken":
        raise Conflict("that need is already closed", current_state="closed")
    async with database.unit_of_work(principal.actor) as uow:
        uow.record(need_reported(body.need_id, body.dwellings))
        uow.audit("need.reported", "need", body.need_id)
        await uow.commit()
    return {"need_id": body.need_id}


handlers = EventHandlers()


@handlers.on(NeedReported)
async def remember_need(event: NeedReported, uow: UnitOfWork) -> None:
    envelope = uow.cause
    assert envelope is not None
    await uow.session.run_sync(lambda s: effects_metadata.create_all(s.connection()))
    await uow.session.execute(insert(effects).values(event_id=envelope.id, key=envelope.key, n=1))


producer = ServiceDefinition(name="ordering", title="toy ordering", description="", routers=[router])
consumer = ServiceDefinition(name="maintenance", title="toy maintenance", description="", handlers=handlers)


@pytest.mark.parametrize("kind", ["embedded", "distributed"])
async def test_a_request_becomes_an_event_that_another_service_handles_once(tmp_path: Path, kind: str) -> None:
    async with ServiceHarness([producer, consumer], tmp_path, kind=kind) as harness:
        async with harness.client("ordering", Agency.bestiller, subject="anne") as client:
            response = await client.post("/v1/needs", json={"need_id": "need-7", "dwellings": 2})
            assert response.status_code == 201
        await harness.settle()

        [event] = [e for e in await harness.events("boligflyt.ordering") if e.key == "need-7"]
        assert isinstance(event.data, NeedReported)
        maintenance = harness.runtimes["maintenance"].database
        async with maintenance.sessions() as session:
            assert await session.scalar(select(func.count()).select_from(effects)) == 1
        async with harness.runtimes["ordering"].database.sessions() as session:
            assert (await session.execute(select(audit_log.c.actor))).scalar_one() == "bestiller:anne"


async def test_wrong_agency_bad_input_and_conflicts_are_problems_and_change_nothing(tmp_path: Path) -> None:
    async with ServiceHarness([producer], tmp_path) as harness:
        async with harness.client("ordering", Agency.nav) as nav:
            forbidden = await nav.post("/v1/needs", json={"need_id": "n1", "dwellings": 1})
        async with harness.client("ordering") as anonymous:
            unauthenticated = await anonymous.post("/v1/needs", json={"need_id": "n1", "dwellings": 1})
        async with harness.client("ordering", Agency.bestiller) as client:
            invalid = await client.post("/v1/needs", json={"need_id": "n1", "dwellings": "many"})
            conflict = await client.post("/v1/needs", json={"need_id": "taken", "dwellings": 1})
        assert [r.status_code for r in (forbidden, unauthenticated, invalid, conflict)] == [403, 401, 422, 409]
        for response in (forbidden, unauthenticated, invalid, conflict):
            assert response.headers["content-type"].startswith("application/problem+json")
        assert conflict.json()["current_state"] == "closed"
        await harness.settle()
        assert await harness.events("boligflyt.ordering") == []


async def test_the_embedded_host_serves_every_service_at_its_prefix(tmp_path: Path) -> None:
    settings = embedded_settings(tmp_path / "data")
    host = create_embedded_app([producer, consumer], settings)
    async with host.router.lifespan_context(host):
        transport = httpx.ASGITransport(app=host)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            for prefix in ("/ordering", "/maintenance"):
                ready = await client.get(f"{prefix}/readyz")
                assert ready.status_code == 200, ready.text
            document = (await client.get("/ordering/openapi.json")).json()
            assert document["paths"].keys() >= {"/v1/needs"}
            # Operations are named by their functions: the generated client's names (clients/python).
            assert document["paths"]["/v1/needs"]["post"]["operationId"] == "report_need"


async def test_a_unique_constraint_lost_in_a_race_is_a_conflict_not_a_server_error(tmp_path: Path) -> None:
    from sqlalchemy import Column, String, Table
    from sqlalchemy import MetaData as SaMetaData

    claims = Table("claims", SaMetaData(), Column("name", String(20), primary_key=True))
    claim_router = APIRouter(prefix="/v1")

    @claim_router.post("/claims/{name}", status_code=201)
    async def claim(name: str, database: DatabaseDep) -> dict[str, str]:
        async with database.unit_of_work("test") as uow:
            await uow.session.execute(insert(claims).values(name=name))
            await uow.commit()
        return {"name": name}

    service = ServiceDefinition(name="ordering", title="toy", description="", routers=[claim_router])
    async with ServiceHarness([service], tmp_path) as harness:
        async with harness.runtimes["ordering"].database.engine.begin() as connection:
            await connection.run_sync(claims.metadata.create_all)
        async with harness.client("ordering", Agency.bestiller) as client:
            first = await client.post("/v1/claims/lke-0153")
            second = await client.post("/v1/claims/lke-0153")
    assert (first.status_code, second.status_code) == (201, 409)
    assert second.headers["content-type"].startswith("application/problem+json")
    assert "UNIQUE" not in second.text and "claims" not in second.json()["detail"]
