"""Production-safe defaults: development is asked for, never fallen back to (issue 23)."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from boligflyt.platform.settings import DEV_JWT_SECRET, Settings


@pytest.fixture
def bare_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No BOLIGFLYT_ variable at all, as on a server where nobody set one."""
    for variable in list(os.environ):
        if variable.startswith("BOLIGFLYT_"):
            monkeypatch.delenv(variable)


@pytest.mark.usefixtures("bare_environment")
def test_an_unset_environment_is_production_and_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="BOLIGFLYT_ENVIRONMENT=local"):
        Settings()
    with pytest.raises(ValidationError, match="BOLIGFLYT_JWT_DISCOVERY_URL or BOLIGFLYT_JWT_JWKS_URL"):
        Settings(jwt_secret=DEV_JWT_SECRET)


PRODUCTION = {
    "jwt_discovery_url": "https://login.example/boligflyt/.well-known/openid-configuration",
    "person_ref_key": "a-key-of-the-municipality-of-at-least-32-bytes",
}


@pytest.mark.usefixtures("bare_environment")
def test_production_takes_tokens_from_an_identity_provider_only() -> None:
    assert Settings(**PRODUCTION).uses_identity_provider
    # The development secret, and any HS256 secret shorter than 32 bytes, are refused even beside a provider.
    with pytest.raises(ValidationError, match="development BOLIGFLYT_JWT_SECRET is refused"):
        Settings(**PRODUCTION, jwt_secret=DEV_JWT_SECRET)
    with pytest.raises(ValidationError, match="at least 32 bytes"):
        Settings(**PRODUCTION, jwt_secret="short-secret-of-31-bytes-......")
    assert Settings(**PRODUCTION, jwt_secret="x" * 32).environment == "production"
    # Signing sessions in with the development key is refused too.
    with pytest.raises(ValidationError, match="BOLIGFLYT_SESSION_SECRET"):
        Settings(**PRODUCTION, oidc_client_id="boligflyt-dashboard")
    # A role may only be mapped to an agency there is.
    with pytest.raises(ValidationError, match="names no agency"):
        Settings(**PRODUCTION, jwt_role_agencies={"Boligflyt.Admin": "root"})


@pytest.mark.usefixtures("bare_environment")
def test_development_tokens_are_for_development_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOLIGFLYT_ENVIRONMENT", "local")
    assert Settings().uses_development_secret
    assert not Settings(jwt_discovery_url=PRODUCTION["jwt_discovery_url"]).uses_development_secret


@pytest.mark.usefixtures("bare_environment")
@pytest.mark.parametrize("environment", ["local", "test"])
def test_development_is_asked_for_by_name(monkeypatch: pytest.MonkeyPatch, environment: str) -> None:
    monkeypatch.setenv("BOLIGFLYT_ENVIRONMENT", environment)
    settings = Settings()
    assert settings.environment == environment
    assert settings.jwt_secret == DEV_JWT_SECRET


@pytest.mark.usefixtures("bare_environment")
def test_production_with_its_own_secrets_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOLIGFLYT_JWT_JWKS_URL", "https://idp.example/jwks")
    monkeypatch.setenv("BOLIGFLYT_PERSON_REF_KEY", "a-key-of-the-municipality-of-at-least-32-bytes")
    assert Settings().environment == "production"
