"""The committed client is what the services' OpenAPI documents generate, and it speaks to a running service."""

from __future__ import annotations

import copy
from http import HTTPStatus
from pathlib import Path

import httpx
import pytest

from boligflyt.client import generate
from boligflyt.client.maintenance import AuthenticatedClient
from boligflyt.client.maintenance.api.dwellings import get_dwelling, list_dwellings, register_dwelling
from boligflyt.client.maintenance.models import (
    DwellingCategory,
    DwellingCreate,
    DwellingOut,
    DwellingOwner,
    InitialStatus,
    PageDwellingOut,
    ProblemDetails,
)
from boligflyt.maintenance.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness


@pytest.mark.slow
def test_the_committed_client_is_what_the_services_generate() -> None:
    drift = generate.differences()
    assert drift == [], f"the generated client is out of date: {drift}; {generate.RUN}"


@pytest.mark.slow
def test_an_endpoint_changed_without_regenerating_is_drift() -> None:
    document = copy.deepcopy(generate.served_documents()["dashboard"])
    document["paths"]["/v1/key-figures"] = document["paths"].pop("/v1/kpis")
    drift = generate.differences(expected=generate.rendered_files({"dashboard": document}))
    assert "changed: openapi/dashboard.json" in drift
    assert "changed: src/boligflyt/client/dashboard/api/figures/kpis_json.py" in drift


def test_for_generator_shares_the_problem_body_and_refuses_twin_operation_ids() -> None:
    problem = {"title": "ProblemDetails", "type": "object", "properties": {"title": {"type": "string"}}}
    document = {
        "info": {"title": "a service"},
        "paths": {
            "/v1/things": {
                "get": {
                    "operationId": "list_things",
                    "responses": {"404": {"content": {"application/problem+json": {"schema": problem}}}},
                }
            }
        },
    }
    shaped = generate.for_generator(document)
    content = shaped["paths"]["/v1/things"]["get"]["responses"]["404"]["content"]["application/problem+json"]
    assert content["schema"] == {"$ref": "#/components/schemas/ProblemDetails"}
    assert shaped["components"]["schemas"]["ProblemDetails"] == problem
    assert document["paths"]["/v1/things"]["get"]["responses"]["404"]["content"]["application/problem+json"] == {
        "schema": problem
    }, "the served document is left as it is"

    document["paths"]["/v1/other-things"] = {"get": {"operationId": "list_things", "responses": {}}}
    with pytest.raises(ValueError, match="list_things"):
        generate.for_generator(document)


def dwelling(external_ref: str) -> DwellingCreate:
    return DwellingCreate(
        address="Kirkestredet 4",
        category=DwellingCategory.ORDINARY,
        owner=DwellingOwner.LKE,
        rooms=3,
        bedrooms=2,
        monthly_rent=8200,
        external_ref=external_ref,
        status=InitialStatus.VACANT,
    )


@pytest.mark.parametrize("kind", ["embedded", "distributed"])
async def test_a_typed_client_against_the_service(tmp_path: Path, kind: str) -> None:
    async with ServiceHarness([definition], tmp_path, kind=kind) as harness:
        transport = httpx.ASGITransport(app=harness.runtimes["maintenance"].app)
        lke = AuthenticatedClient(
            base_url="http://testserver", token=harness.token(Agency.lke), httpx_args={"transport": transport}
        )
        nav = AuthenticatedClient(
            base_url="http://testserver", token=harness.token(Agency.nav), httpx_args={"transport": transport}
        )
        async with lke, nav:
            created = await register_dwelling.asyncio_detailed(client=lke, body=dwelling("F-CLIENT-1"))
            assert created.status_code == HTTPStatus.CREATED, created.content
            assert isinstance(created.parsed, DwellingOut)
            assert created.parsed.external_ref == "F-CLIENT-1" and created.parsed.bedrooms == 2
            assert created.parsed.category is DwellingCategory.ORDINARY

            fetched = await get_dwelling.asyncio(created.parsed.id, client=lke)
            assert isinstance(fetched, DwellingOut) and fetched.id == created.parsed.id

            page = await list_dwellings.asyncio(client=lke, external_ref="F-CLIENT-1")
            assert isinstance(page, PageDwellingOut) and [item.id for item in page.items] == [created.parsed.id]

            # Refusals come back typed as problem+json, and change nothing.
            refused = await register_dwelling.asyncio_detailed(client=nav, body=dwelling("F-CLIENT-2"))
            assert refused.status_code == HTTPStatus.FORBIDDEN
            assert isinstance(refused.parsed, ProblemDetails) and refused.parsed.status == 403
            missing = await get_dwelling.asyncio("dwl-0000000000000000", client=lke)
            assert isinstance(missing, ProblemDetails) and missing.status == 404
            page = await list_dwellings.asyncio(client=lke)
            assert isinstance(page, PageDwellingOut) and page.total == 1
