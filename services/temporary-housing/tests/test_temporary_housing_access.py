"""Who may do what: NAV writes, coordinators read, everyone else is refused; every route is authorized.
And the service runs in the embedded host at its prefix."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from boligflyt.platform.auth import Agency
from boligflyt.platform.runtime import create_embedded_app
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness, embedded_settings

SERVICE = "temporary-housing"


def routes() -> list[tuple[str, str]]:
    schema = definition_app_openapi()
    return [
        (method.upper(), re.sub(r"\{[^}]+\}", "x", path))
        for path, operations in schema["paths"].items()
        if path.startswith("/v1/")
        for method in operations
    ]


def definition_app_openapi() -> dict[str, Any]:
    app = FastAPI()
    for router in definition.routers:
        app.include_router(router)
    return app.openapi()


async def test_every_route_needs_a_token_and_the_right_agency(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path) as harness:
        found = routes()
        assert len(found) >= 25
        async with (
            harness.client(SERVICE) as anonymous,
            harness.client(SERVICE, Agency.boligkontoret) as other,
            harness.client(SERVICE, Agency.coordinator) as coordinator,
        ):
            for method, path in found:
                assert (await anonymous.request(method, path, json={})).status_code == 401, (method, path)
                assert (await other.request(method, path, json={})).status_code == 403, (method, path)
                status = (await coordinator.request(method, path, json={})).status_code
                if method in ("POST", "PUT") or path in ("/v1/tasks", "/v1/audit"):
                    assert status == 403, (method, path)
                else:
                    assert status != 403 and status < 500, (method, path, status)


async def test_the_embedded_host_serves_nav_at_its_prefix(tmp_path: Path) -> None:
    host = create_embedded_app([definition], embedded_settings(tmp_path / "data"))
    async with host.router.lifespan_context(host):
        transport = httpx.ASGITransport(app=host)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            assert (await client.get("/temporary-housing/readyz")).status_code == 200
            paths = (await client.get("/temporary-housing/openapi.json")).json()["paths"]
            assert {"/v1/stays", "/v1/providers", "/v1/reports/monthly", "/v1/settlements"} <= paths.keys()
