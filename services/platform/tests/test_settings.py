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
    with pytest.raises(ValidationError, match="BOLIGFLYT_JWT_SECRET"):
        Settings(jwt_secret=DEV_JWT_SECRET)


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
