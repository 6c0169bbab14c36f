"""Bearer JWT authentication and agency/scope authorisation, HS256 (embedded) and RS256 via JWKS."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Annotated, Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import Depends, FastAPI
from typer.testing import CliRunner

from boligflyt.platform.auth import (
    LEEWAY_SECONDS,
    Agency,
    InvalidToken,
    Principal,
    TokenVerifier,
    authenticated,
    mint_token,
    require,
)
from boligflyt.platform.cli import app as cli_app
from boligflyt.platform.problems import install_problem_handlers
from boligflyt.platform.settings import Settings

SECRET = "test-secret-for-hs256-signing-at-least-32-bytes"
OTHER_SECRET = "another-secret-for-hs256-signing-at-least-32-bytes"


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"environment": "test", "jwt_secret": SECRET, "jwt_jwks_url": None}
    values.update(overrides)
    return Settings(**values)


def principal_json(principal: Principal) -> dict[str, Any]:
    return {
        "subject": principal.subject,
        "agency": principal.agency,
        "scopes": sorted(principal.scopes),
        "actor": principal.actor,
    }


def service_app(app_settings: Settings) -> FastAPI:
    """What the app factory does for auth, plus routes guarded the three ways services guard them."""
    app = FastAPI()
    app.state.token_verifier = TokenVerifier(app_settings)
    install_problem_handlers(app)

    @app.get("/me")
    async def me(principal: Annotated[Principal, Depends(authenticated)]) -> dict[str, Any]:
        return principal_json(principal)

    @app.post("/stays")
    async def start_stay(principal: Annotated[Principal, Depends(require(Agency.nav))]) -> dict[str, Any]:
        return principal_json(principal)

    @app.post("/applications/{application_id}/decision")
    async def decide(
        application_id: str,
        principal: Annotated[
            Principal, Depends(require(Agency.boligkontoret, Agency.coordinator, scope="applications:decide"))
        ],
    ) -> dict[str, Any]:
        return principal_json(principal)

    @app.get("/reports")
    async def reports(
        principal: Annotated[Principal, Depends(require(scope="reports:read"))],
    ) -> dict[str, Any]:
        return principal_json(principal)

    @app.post("/dwelling-batches")
    async def sync_dwellings(
        principal: Annotated[Principal, Depends(require(Agency.lke, scoped={Agency.integrator: "register:write"}))],
    ) -> dict[str, Any]:
        return principal_json(principal)

    return app


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=service_app(settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["type"]
    return body


def assert_unauthorized(response: httpx.Response, detail_mentions: str) -> None:
    body = assert_problem(response, 401)
    assert detail_mentions in body["detail"]
    assert response.headers["www-authenticate"].startswith("Bearer")


# --- 401: who are you? ---


async def test_missing_token_is_401_problem_with_bearer_challenge(client: httpx.AsyncClient) -> None:
    response = await client.get("/me")
    assert_unauthorized(response, "missing bearer token")
    assert "error=" not in response.headers["www-authenticate"]  # RFC 6750: no error code without a token
    assert response.json()["instance"] == "/me"


async def test_other_authorization_scheme_counts_as_missing(client: httpx.AsyncClient) -> None:
    response = await client.get("/me", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert_unauthorized(response, "missing bearer token")


async def test_malformed_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get("/me", headers=bearer("not-a-jwt"))
    assert_unauthorized(response, "malformed")
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


async def test_expired_token_is_401_saying_expired(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(), subject="caseworker-17", agency=Agency.nav, ttl_seconds=-120)
    response = await client.get("/me", headers=bearer(token))
    assert_unauthorized(response, "token expired")
    assert 'error_description="token expired"' in response.headers["www-authenticate"]


async def test_wrongly_signed_token_is_401(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(jwt_secret=OTHER_SECRET), subject="caseworker-17", agency=Agency.nav)
    assert_unauthorized(await client.get("/me", headers=bearer(token)), "signature")


async def test_wrong_audience_is_401(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(jwt_audience="someone-else"), subject="caseworker-17", agency=Agency.nav)
    assert_unauthorized(await client.get("/me", headers=bearer(token)), "audience")


async def test_wrong_issuer_is_401(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(jwt_issuer="elsewhere"), subject="caseworker-17", agency=Agency.nav)
    assert_unauthorized(await client.get("/me", headers=bearer(token)), "issuer")


def hs256(claims: dict[str, Any]) -> str:
    base = {"iss": "boligflyt", "aud": "boligflyt", "sub": "caseworker-17", "exp": int(time.time()) + 600}
    return jwt.encode({**base, **claims}, SECRET, algorithm="HS256")


async def test_unknown_agency_claim_is_401(client: httpx.AsyncClient) -> None:
    token = hs256({"agency": "skatteetaten"})
    assert_unauthorized(await client.get("/me", headers=bearer(token)), "agency")


async def test_missing_agency_claim_is_401(client: httpx.AsyncClient) -> None:
    assert_unauthorized(await client.get("/me", headers=bearer(hs256({}))), "agency")


async def test_missing_subject_is_401(client: httpx.AsyncClient) -> None:
    token = jwt.encode(
        {"iss": "boligflyt", "aud": "boligflyt", "agency": "nav", "exp": int(time.time()) + 600},
        SECRET,
        algorithm="HS256",
    )
    assert_unauthorized(await client.get("/me", headers=bearer(token)), "sub")


async def test_missing_expiry_is_401(client: httpx.AsyncClient) -> None:
    token = jwt.encode({"iss": "boligflyt", "aud": "boligflyt", "sub": "x", "agency": "nav"}, SECRET, algorithm="HS256")
    assert_unauthorized(await client.get("/me", headers=bearer(token)), "exp")


async def test_scope_claim_that_is_not_a_string_is_401(client: httpx.AsyncClient) -> None:
    token = hs256({"agency": "nav", "scope": ["a", "b"]})
    assert_unauthorized(await client.get("/me", headers=bearer(token)), "scope")


async def test_unsigned_token_is_401(client: httpx.AsyncClient) -> None:
    claims = {
        "iss": "boligflyt",
        "aud": "boligflyt",
        "sub": "x",
        "agency": "nav",
        "exp": int(time.time()) + 60,
    }
    token = jwt.encode(claims, key="", algorithm="none")
    assert_problem(await client.get("/me", headers=bearer(token)), 401)


async def test_valid_token_gives_the_principal(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(), subject="caseworker-17", agency=Agency.nav, scopes=["stays:write", "x"])
    response = await client.get("/me", headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "subject": "caseworker-17",
        "agency": "nav",
        "scopes": ["stays:write", "x"],
        "actor": "nav:caseworker-17",
    }


@dataclass
class FakeClock:
    now: float = field(default_factory=time.time)

    def __call__(self) -> float:
        return self.now


async def test_a_remembered_token_is_refused_once_it_expires() -> None:
    clock = FakeClock()
    verifier = TokenVerifier(settings(), clock=clock)
    token = mint_token(settings(), subject="caseworker-17", agency=Agency.nav, ttl_seconds=60)
    assert (await verifier.verify(token)).subject == "caseworker-17"
    assert (await verifier.verify(token)).subject == "caseworker-17"  # remembered
    clock.now += 60 + LEEWAY_SECONDS
    with pytest.raises(InvalidToken, match="token expired"):
        await verifier.verify(token)


async def test_a_refused_token_is_not_remembered() -> None:
    verifier = TokenVerifier(settings())
    token = hs256({"agency": "skatteetaten"})
    for _ in range(2):
        with pytest.raises(InvalidToken, match="agency"):
            await verifier.verify(token)


# --- 403: you may not ---


async def test_wrong_agency_is_403_problem(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(), subject="inspector-3", agency=Agency.lke)
    body = assert_problem(await client.post("/stays", headers=bearer(token)), 403)
    assert body["detail"] == "agency lke may not POST /stays"
    assert body["type"].endswith("/problems/forbidden")
    assert body["agency"] == "lke"
    assert body["allowed_agencies"] == ["nav"]


async def test_allowed_agency_passes_and_gets_the_principal(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(), subject="caseworker-17", agency="nav")
    response = await client.post("/stays", headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json()["actor"] == "nav:caseworker-17"


async def test_require_still_needs_a_valid_token(client: httpx.AsyncClient) -> None:
    assert_problem(await client.post("/stays"), 401)


async def test_scope_is_enforced(client: httpx.AsyncClient) -> None:
    without = mint_token(settings(), subject="tbo-1", agency=Agency.boligkontoret, scopes=["applications:read"])
    body = assert_problem(await client.post("/applications/a-1/decision", headers=bearer(without)), 403)
    assert "applications:decide" in body["detail"]
    assert (
        body["detail"]
        == "POST /applications/a-1/decision needs scope applications:decide, which the token does not grant"
    )
    assert body["required_scope"] == "applications:decide"

    with_scope = mint_token(settings(), subject="tbo-1", agency=Agency.boligkontoret, scopes=["applications:decide"])
    response = await client.post("/applications/a-1/decision", headers=bearer(with_scope))
    assert response.status_code == 200, response.text


async def test_agency_is_checked_before_scope(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(), subject="x", agency=Agency.nav, scopes=["applications:decide"])
    body = assert_problem(await client.post("/applications/a-1/decision", headers=bearer(token)), 403)
    assert body["detail"].startswith("agency nav may not")


async def test_scope_alone_admits_any_agency(client: httpx.AsyncClient) -> None:
    token = mint_token(settings(), subject="facilit", agency=Agency.integrator, scopes=["reports:read"])
    assert (await client.get("/reports", headers=bearer(token))).status_code == 200
    token = mint_token(settings(), subject="facilit", agency=Agency.integrator)
    assert_problem(await client.get("/reports", headers=bearer(token)), 403)


async def test_a_scope_can_be_asked_of_one_agency_only(client: httpx.AsyncClient) -> None:
    staff = mint_token(settings(), subject="lke-1", agency=Agency.lke)
    assert (await client.post("/dwelling-batches", headers=bearer(staff))).status_code == 200
    scoped = mint_token(settings(), subject="facilit", agency=Agency.integrator, scopes=["register:write"])
    assert (await client.post("/dwelling-batches", headers=bearer(scoped))).status_code == 200

    unscoped = mint_token(settings(), subject="facilit", agency=Agency.integrator, scopes=["other"])
    body = assert_problem(await client.post("/dwelling-batches", headers=bearer(unscoped)), 403)
    assert body["required_scope"] == "register:write"
    other = mint_token(settings(), subject="x", agency=Agency.nav, scopes=["register:write"])
    body = assert_problem(await client.post("/dwelling-batches", headers=bearer(other)), 403)
    assert body["allowed_agencies"] == ["integrator", "lke"]


def test_an_agency_cannot_be_both_scoped_and_not() -> None:
    with pytest.raises(ValueError, match="integrator"):
        require(Agency.integrator, scoped={Agency.integrator: "register:write"})


# --- which verifier: the app the route belongs to ---


async def test_mounted_sub_app_uses_its_own_verifier_and_top_level_app_its_own() -> None:
    parent_settings = settings(jwt_secret=OTHER_SECRET)
    parent = service_app(parent_settings)
    parent.mount("/temporary-housing", service_app(settings()))
    child_token = mint_token(settings(), subject="caseworker-17", agency=Agency.nav)
    parent_token = mint_token(parent_settings, subject="coordinator-1", agency=Agency.coordinator)

    transport = httpx.ASGITransport(app=parent)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.get("/temporary-housing/me", headers=bearer(child_token))
        assert response.status_code == 200, response.text
        assert response.json()["actor"] == "nav:caseworker-17"
        assert_problem(await http.get("/temporary-housing/me", headers=bearer(parent_token)), 401)

        response = await http.get("/me", headers=bearer(parent_token))
        assert response.status_code == 200, response.text
        assert_problem(await http.get("/me", headers=bearer(child_token)), 401)

        body = assert_problem(await http.post("/temporary-housing/stays", headers=bearer(parent_token)), 401)
        assert "signature" in body["detail"]


async def test_app_without_verifier_fails_loudly() -> None:
    app = service_app(settings())
    del app.state.token_verifier
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        token = mint_token(settings(), subject="x", agency=Agency.nav)
        assert_problem(await http.get("/me", headers=bearer(token)), 500)


# --- RS256 against the identity provider's JWKS ---


@dataclass
class IdentityProvider:
    url: str
    keys: list[dict[str, Any]] = field(default_factory=list)
    fetches: int = 0


@pytest.fixture(scope="module")
def rsa_keys() -> tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]:
    return (
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
    )


@pytest.fixture
def identity_provider(rsa_keys: tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]) -> Iterator[IdentityProvider]:
    """A JWKS endpoint on loopback publishing the first key as kid "key-1"."""
    provider = IdentityProvider(url="")
    jwk: dict[str, Any] = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(rsa_keys[0].public_key()))
    provider.keys.append({**jwk, "kid": "key-1", "use": "sig", "alg": "RS256"})

    class JWKSHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            provider.fetches += 1
            body = json.dumps({"keys": provider.keys}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), JWKSHandler)
    provider.url = f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()


def rs256(key: rsa.RSAPrivateKey, kid: str, **overrides: Any) -> str:
    claims = {
        "iss": "https://idp.example",
        "aud": "boligflyt-api",
        "sub": "caseworker-17",
        # A provider's token: the agency from its role (as settings map roles), never from an agency claim.
        "roles": ["Boligflyt.Nav"],
        "scope": "stays:write",
        "iat": int(time.time()),
        "exp": int(time.time()) + 600,
        **overrides,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


def jwks_settings(url: str) -> Settings:
    return settings(jwt_jwks_url=url, jwt_issuer="https://idp.example", jwt_audience="boligflyt-api")


async def test_rs256_token_verified_against_jwks(
    identity_provider: IdentityProvider, rsa_keys: tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]
) -> None:
    transport = httpx.ASGITransport(app=service_app(jwks_settings(identity_provider.url)))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        good = rs256(rsa_keys[0], "key-1")
        for _ in range(3):
            response = await http.post("/stays", headers=bearer(good))
            assert response.status_code == 200, response.text
        assert response.json()["scopes"] == ["stays:write"]
        assert identity_provider.fetches == 1  # the key set is cached

        forged = rs256(rsa_keys[1], "key-1")  # right kid, wrong key
        assert_unauthorized(await http.get("/me", headers=bearer(forged)), "signature")

        unknown_kid = rs256(rsa_keys[1], "key-2")
        assert_unauthorized(await http.get("/me", headers=bearer(unknown_kid)), "does not publish")

        expired = rs256(rsa_keys[0], "key-1", exp=int(time.time()) - 120)
        assert_unauthorized(await http.get("/me", headers=bearer(expired)), "token expired")

        wrong_audience = rs256(rsa_keys[0], "key-1", aud="boligflyt")
        assert_unauthorized(await http.get("/me", headers=bearer(wrong_audience)), "audience")

        # The embedded-mode secret is worth nothing once a JWKS is configured.
        hs_token = mint_token(jwks_settings(identity_provider.url), subject="x", agency=Agency.nav)
        assert_problem(await http.get("/me", headers=bearer(hs_token)), 401)


async def test_rotated_key_is_fetched_when_its_kid_appears(
    identity_provider: IdentityProvider, rsa_keys: tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]
) -> None:
    verifier = TokenVerifier(jwks_settings(identity_provider.url))
    assert (await verifier.verify(rs256(rsa_keys[0], "key-1"))).agency is Agency.nav
    jwk: dict[str, Any] = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(rsa_keys[1].public_key()))
    identity_provider.keys.append({**jwk, "kid": "key-2", "use": "sig", "alg": "RS256"})
    verifier._jwks.cooldown_duration = 0  # type: ignore[union-attr]  # the 30 s refetch cooldown
    principal = await verifier.verify(rs256(rsa_keys[1], "key-2", sub="other"))
    assert principal.subject == "other"


async def test_unreachable_jwks_is_503_not_401() -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = service_app(jwks_settings(f"http://127.0.0.1:{port}/jwks.json"))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        response = await http.get("/me", headers=bearer(rs256(key, "key-1")))
    body = assert_problem(response, 503)
    assert "identity provider" in body["detail"]


# --- minting ---


def test_mint_token_claims() -> None:
    token = mint_token(settings(), subject="s", agency=Agency.lke, scopes=("a", "b"), ttl_seconds=60)
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], audience="boligflyt", issuer="boligflyt")
    assert claims["sub"] == "s"
    assert claims["agency"] == "lke"
    assert claims["scope"] == "a b"
    assert 55 <= claims["exp"] - time.time() <= 60


def test_mint_token_refuses_unknown_agency() -> None:
    with pytest.raises(ValueError):
        mint_token(settings(), subject="s", agency="skatteetaten")


async def test_cli_token_command_mints_a_token_the_services_accept() -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli_app,
        ["token", "--agency", "nav", "--subject", "caseworker-17", "--scope", "a", "--scope", "b"],
        env={"BOLIGFLYT_JWT_SECRET": SECRET, "BOLIGFLYT_JWT_JWKS_URL": ""},
    )
    assert result.exit_code == 0, result.output
    principal = await TokenVerifier(settings()).verify(result.stdout.strip())
    assert principal == Principal(subject="caseworker-17", agency=Agency.nav, scopes=frozenset({"a", "b"}))


def test_cli_token_default_subject_and_unknown_agency() -> None:
    runner = CliRunner()
    ok = runner.invoke(cli_app, ["token", "--agency", "coordinator"], env={"BOLIGFLYT_JWT_SECRET": SECRET})
    assert ok.exit_code == 0, ok.output
    claims = jwt.decode(ok.stdout.strip(), options={"verify_signature": False})
    assert claims["sub"] == "dev-coordinator"
    assert runner.invoke(cli_app, ["token", "--agency", "police"]).exit_code != 0


def test_cli_token_gives_a_development_integrator_the_scopes_it_needs() -> None:
    runner = CliRunner()
    bare = runner.invoke(cli_app, ["token", "--agency", "integrator"], env={"BOLIGFLYT_JWT_SECRET": SECRET})
    assert bare.exit_code == 0, bare.output
    claims = jwt.decode(bare.stdout.strip(), options={"verify_signature": False})
    assert set(claims["scope"].split()) == {"events:read:*", "property-import:write"}
    chosen = runner.invoke(
        cli_app,
        ["token", "--agency", "integrator", "--scope", "events:read:tenancy.*"],
        env={"BOLIGFLYT_JWT_SECRET": SECRET},
    )
    claims = jwt.decode(chosen.stdout.strip(), options={"verify_signature": False})
    assert claims["scope"] == "events:read:tenancy.*"


async def test_openapi_declares_the_bearer_scheme(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes == {"HTTPBearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
    assert spec["paths"]["/stays"]["post"]["security"] == [{"HTTPBearer": []}]
