"""Tokens from a real identity provider (the development provider, deploy/mock-oauth2), on PostgreSQL and Kafka.

An agency system gets a client-credentials token and calls its own service; another agency's token is refused
(403); a token of another issuer, one living past the lifetime cap, and an HS256 token in production are not
tokens at all (401). A person who signed in (authorization code with PKCE) is named in the audit rows of what
they did, by subject and display name.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.settings import Settings
from boligflyt.temporary_housing.main import definition as temporary_housing
from boligflyt.testkit import ServiceHarness

from .conftest import client_token, discovery, sign_in

pytestmark = pytest.mark.slow

PROVIDER_BODY = {
    "name": "Pensjonat Identitet",
    "kind": "pension",
    "address": "Storgata 5, 3256 Larvik",
    "owner_operator": "Pensjonat AS",
    "capacity": 10,
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def nav(issuer: str, tmp_path: Path) -> ServiceHarness:
    async with ServiceHarness(
        [temporary_housing], tmp_path, kind="distributed", jwt_discovery_url=discovery(issuer)
    ) as harness:
        yield harness  # type: ignore[misc]


def client(harness: ServiceHarness) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=harness.runtimes["temporary-housing"].app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def test_an_agency_system_calls_its_own_service_with_its_client_credentials(
    issuer: str, nav: ServiceHarness
) -> None:
    async with client(nav) as http:
        own = client_token(issuer, "boligflyt-temporary-housing")
        created = await http.post("/v1/providers", json=PROVIDER_BODY, headers=bearer(own))
        assert created.status_code == 201, created.text
        assert (await http.get("/v1/providers", headers=bearer(own))).status_code == 200

        # LKE's system is a real client of the provider, but not NAV's: 403, and nothing changes.
        lke = client_token(issuer, "boligflyt-maintenance")
        refused = await http.post("/v1/providers", json={**PROVIDER_BODY, "name": "LKE"}, headers=bearer(lke))
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        # A client the provider knows but Boligflyt gave no role: not a principal at all.
        stranger = await http.get("/v1/providers", headers=bearer(client_token(issuer, "someone-else")))
        assert stranger.status_code == 401 and "no role of an agency" in stranger.json()["detail"]

        # The same client's token from another issuer of the provider (which signs with keys of its own).
        elsewhere = client_token(issuer.replace("/boligflyt", "/elsewhere"), "boligflyt-temporary-housing")
        other = await http.post("/v1/providers", json={**PROVIDER_BODY, "name": "Other"}, headers=bearer(elsewhere))
        assert other.status_code == 401
        assert other.json()["detail"] in ("token is signed with a key the identity provider does not publish",)

        listed = (await http.get("/v1/providers", headers=bearer(own))).json()
        names = [p["name"] for p in listed["items"]]
        assert names == ["Pensjonat Identitet"]

        # The NAV system's 200 again: then its audit row names the machine client, and no person.
        audit = await http.get("/v1/audit", params={"actor": "nav:boligflyt-temporary-housing"}, headers=bearer(own))
        assert audit.status_code == 200, audit.text
        rows = audit.json()["items"]
        assert rows and all(row["actor_name"] is None for row in rows)


async def test_a_token_living_past_the_lifetime_cap_is_refused(issuer: str, tmp_path: Path) -> None:
    # The provider issues one-hour tokens; this service takes at most half an hour.
    async with (
        ServiceHarness(
            [temporary_housing],
            tmp_path,
            kind="distributed",
            jwt_discovery_url=discovery(issuer),
            jwt_max_lifetime_seconds=1800,
        ) as harness,
        client(harness) as http,
    ):
        response = await http.get("/v1/providers", headers=bearer(client_token(issuer, "boligflyt-temporary-housing")))
        assert response.status_code == 401
        assert "lives longer than 1800 s" in response.json()["detail"]


async def test_an_hs256_token_is_refused_in_production(issuer: str, tmp_path: Path) -> None:
    production = Settings(
        environment="production",
        jwt_discovery_url=discovery(issuer),
        person_ref_key="a-key-of-the-municipality-of-at-least-32-bytes",
    )
    # Signed with a secret long enough and the right issuer and audience: still not from the provider.
    forged = mint_token(
        Settings(environment="test", jwt_secret="s" * 40, jwt_issuer=issuer), subject="x", agency=Agency.nav
    )
    async with (
        ServiceHarness(
            [temporary_housing],
            tmp_path,
            kind="distributed",
            environment="production",
            jwt_discovery_url=production.jwt_discovery_url,
            person_ref_key=production.person_ref_key,
        ) as harness,
        client(harness) as http,
    ):
        response = await http.get("/v1/providers", headers=bearer(forged))
        assert response.status_code == 401
        assert "RS256" in response.json()["detail"]
        assert (
            await http.get("/v1/providers", headers=bearer(client_token(issuer, "boligflyt-temporary-housing")))
        ).status_code == 200


async def test_audit_rows_name_the_person_who_signed_in(issuer: str, nav: ServiceHarness) -> None:
    nils = sign_in(issuer, "nils")  # NAV's caseworker, at the provider's login page
    async with client(nav) as http:
        created = await http.post("/v1/providers", json=PROVIDER_BODY, headers=bearer(nils))
        assert created.status_code == 201, created.text
        provider_id = created.json()["provider_id"]
        audit = await http.get(
            "/v1/audit",
            params={"entity_id": provider_id},
            headers=bearer(client_token(issuer, "boligflyt-temporary-housing")),
        )
        rows = audit.json()["items"]
        assert rows, audit.text
        assert {(row["actor"], row["actor_name"]) for row in rows} == {("nav:nils", "Nils Hansen")}


async def test_the_demo_agencies_take_their_tokens_from_the_provider(issuer: str, nav: ServiceHarness) -> None:
    """With a provider, the demo's desks (seeding, `./dev simulate`) carry each agency's client-credentials token:
    NAV's desk is NAV at NAV's service, LKE's desk is LKE there and refused."""
    from boligflyt.demo.agencies import open_larvik

    settings = Settings(environment="test", jwt_discovery_url=discovery(issuer))
    app = nav.runtimes["temporary-housing"].app
    urls = {name: "http://testserver" for name in ("applications", "temporary-housing", "maintenance", "ordering")}
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with open_larvik(urls, settings, transport=transport) as larvik:
        created = await larvik.nav.post("/v1/providers", {**PROVIDER_BODY, "name": "Pensjonat Demo"})
        refused = await larvik.lke.client.post("/v1/providers", json={**PROVIDER_BODY, "name": "LKE"})
        assert refused.status_code == 403, refused.text
        audit = await larvik.nav.get("/v1/audit", entity_id=created["provider_id"])
    assert [row["actor"] for row in audit["items"]] == ["nav:boligflyt-temporary-housing"]
