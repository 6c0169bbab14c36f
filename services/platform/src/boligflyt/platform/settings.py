"""Settings from the environment, prefix BOLIGFLYT_ (pydantic-settings). Services never read os.environ."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The agencies a role may be mapped to (auth.Agency's values; auth imports this module, so not from there).
AGENCY_NAMES = frozenset({"boligkontoret", "nav", "lke", "bestiller", "coordinator", "integrator"})

# Development defaults that must never reach production; refused there by the validator below.
DEV_JWT_SECRET = "boligflyt-dev-secret-change-me-in-production-0123456789"
DEV_PERSON_REF_KEY = "boligflyt-dev-person-ref-key-change-me"
DEV_SESSION_SECRET = "boligflyt-dev-session-secret-change-me-0123456789"
# The shortest HS256 secret production takes: HS256's key should be as long as its hash (RFC 7518 §3.2).
MIN_HS256_SECRET_BYTES = 32

# What an identity provider's roles (Entra ID app roles, Keycloak client roles or groups) mean here, unless
# BOLIGFLYT_JWT_ROLE_AGENCIES / BOLIGFLYT_JWT_ROLE_SCOPES say otherwise (a JSON object each).
DEFAULT_ROLE_AGENCIES = {
    "Boligflyt.Boligkontoret": "boligkontoret",
    "Boligflyt.Nav": "nav",
    "Boligflyt.Lke": "lke",
    "Boligflyt.Bestiller": "bestiller",
    "Boligflyt.Coordinator": "coordinator",
    "Boligflyt.Integrator": "integrator",
}
DEFAULT_ROLE_SCOPES = {"Boligflyt.DwellingRegister.Write": "dwelling-register:write"}


class Settings(BaseSettings):
    """What every service process needs to know about its surroundings."""

    model_config = SettingsConfigDict(env_prefix="BOLIGFLYT_", env_ignore_empty=True, extra="ignore")

    # Unset means production: development (its known secrets) must be asked for, never fallen back to.
    # ./dev exports BOLIGFLYT_ENVIRONMENT=local for its commands (test for ./dev test).
    environment: Literal["local", "test", "production"] = "production"
    data_dir: Path = Field(default=Path("data"), description="Embedded mode: SQLite files and the event log")
    bus: Literal["embedded", "kafka"] = "embedded"
    kafka_bootstrap: str = "127.0.0.1:19092"
    kafka_partitions: int = Field(default=3, ge=1)
    kafka_topic_prefix: str = Field(
        default="", description="A namespace for every topic and consumer group (tests share a broker)"
    )
    # Per-service database URLs come from BOLIGFLYT_DATABASE_URL_<SERVICE>; see database_url().
    database_urls: dict[str, str] = Field(default_factory=dict)

    jwt_secret: str = DEV_JWT_SECRET
    jwt_jwks_url: str | None = None
    # The identity provider's OpenID discovery document (.../.well-known/openid-configuration): its key set
    # and, unless BOLIGFLYT_JWT_ISSUER is set, its issuer come from there.
    jwt_discovery_url: str | None = None
    jwt_issuer: str = "boligflyt"
    jwt_audience: str = "boligflyt"
    jwt_max_lifetime_seconds: int = Field(
        default=2 * 3600,
        ge=60,
        description="The longest an identity provider's token may live (exp - iat); longer ones are refused",
    )
    # Where a provider's token lists its roles (a dotted path: Keycloak's realm roles are realm_access.roles),
    # and what each role means: an agency, or a scope.
    jwt_roles_claim: str = "roles"
    jwt_role_agencies: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_ROLE_AGENCIES))
    jwt_role_scopes: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_ROLE_SCOPES))
    # This process's own client at the identity provider: the dashboard's sign-in (authorization code with
    # PKCE) and a service's calls to others (client credentials).
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    # Signs the dashboard's session cookie.
    session_secret: str = DEV_SESSION_SECRET
    person_ref_key: str = DEV_PERSON_REF_KEY

    outbox_batch_size: int = Field(default=500, ge=1)
    outbox_poll_seconds: float = Field(default=0.5, gt=0)
    consumer_max_attempts: int = Field(default=5, ge=1)
    consumer_backoff_seconds: float = Field(default=0.2, ge=0)
    consumer_backoff_max_seconds: float = Field(default=5.0, ge=0)

    # Where other services' APIs are, for service-to-service calls in distributed mode:
    # BOLIGFLYT_SERVICE_URL_<SERVICE>, else <public_base_url>/<service> (the embedded layout).
    public_base_url: str = "http://127.0.0.1:8000"
    # Where integrators fetch the published contracts without a token: every event's `dataschema` and every
    # served schema's `$id` lie under it. Unset: <public_base_url>/integrations/v1/contracts (the embedded layout,
    # and the reverse proxy's); a distributed deployment without the proxy names the integrations service's URL.
    contracts_base_url: str | None = None
    # With an identity provider (jwt_jwks_url), the token this service presents to others (client credentials).
    service_token: str | None = None

    log_level: str = "INFO"
    log_json: bool = True

    # What a request may send (checked before its body is parsed or its token read), and how slowly.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, description="The largest request body, in bytes")
    max_import_body_bytes: int = Field(
        default=64 * 1024 * 1024, ge=1024, description="The largest body of a bulk import route, in bytes"
    )
    body_timeout_seconds: float = Field(default=30.0, gt=0, description="How long a request body may take to arrive")
    # Business dates a request may give: within this many years of today (a typo's year 9999 is refused).
    plausible_years_back: int = Field(default=30, ge=1)
    plausible_years_ahead: int = Field(default=10, ge=1)

    # What a client system can plan for (docs/api-changelog.md): how long the answer to a request with an
    # Idempotency-Key is kept for its retries, and how many requests a client may make per window.
    idempotency_ttl_seconds: int = Field(default=24 * 3600, ge=60)
    rate_limit_window_seconds: int = Field(default=60, ge=1)
    # Requests per client (a token's subject) per window, for an agency not named in rate_limits.
    rate_limit_default: int = Field(default=60_000, ge=1)
    # Per agency, e.g. BOLIGFLYT_RATE_LIMITS='{"integrator": 600}'.
    rate_limits: dict[str, int] = Field(default_factory=dict)
    # A change of a versioned resource without If-Match is a 428 (off until every client sends If-Match).
    require_if_match: bool = False
    # Where a deprecated route's Link rel="deprecation" points: the API's changelog (docs/api-changelog.md).
    api_changelog_url: str = "https://boligflyt.larvik.kommune.no/docs/api-changelog"

    @model_validator(mode="after")
    def _no_dev_secrets_in_production(self) -> Settings:
        if self.environment == "production":
            # Production is also what an unset BOLIGFLYT_ENVIRONMENT means: say how to ask for development.
            hint = " (BOLIGFLYT_ENVIRONMENT is production unless set; BOLIGFLYT_ENVIRONMENT=local for development)"
            # Production verifies the identity provider's signatures only: services never share a secret there.
            if not self.jwt_jwks_url and not self.jwt_discovery_url:
                raise ValueError(
                    "BOLIGFLYT_JWT_DISCOVERY_URL or BOLIGFLYT_JWT_JWKS_URL must be set in production" + hint
                )
            if "jwt_secret" in self.model_fields_set:
                if self.jwt_secret == DEV_JWT_SECRET:
                    raise ValueError("the development BOLIGFLYT_JWT_SECRET is refused in production" + hint)
                if len(self.jwt_secret.encode()) < MIN_HS256_SECRET_BYTES:
                    raise ValueError(f"BOLIGFLYT_JWT_SECRET must be at least {MIN_HS256_SECRET_BYTES} bytes" + hint)
            if self.person_ref_key == DEV_PERSON_REF_KEY:
                raise ValueError("BOLIGFLYT_PERSON_REF_KEY must be set in production" + hint)
            if self.oidc_client_id and self.session_secret == DEV_SESSION_SECRET:
                raise ValueError("BOLIGFLYT_SESSION_SECRET must be set in production" + hint)
        if set(self.rate_limits) - AGENCY_NAMES:
            raise ValueError(f"BOLIGFLYT_RATE_LIMITS names no agency {sorted(set(self.rate_limits) - AGENCY_NAMES)}")
        unknown = set(self.jwt_role_agencies.values()) - AGENCY_NAMES
        if unknown:
            raise ValueError(f"BOLIGFLYT_JWT_ROLE_AGENCIES names no agency {sorted(unknown)}")
        return self

    @property
    def uses_identity_provider(self) -> bool:
        """Tokens come from an identity provider (RS256, its key set), not from our own HS256 secret."""
        return bool(self.jwt_jwks_url or self.jwt_discovery_url)

    @property
    def uses_development_secret(self) -> bool:
        """Tokens are HS256 with the development secret, which is accepted from this machine only."""
        return not self.uses_identity_provider and self.jwt_secret == DEV_JWT_SECRET

    def database_url(self, service: str) -> str:
        """The service's own database: BOLIGFLYT_DATABASE_URL_<SERVICE>, else a SQLite file in data_dir."""
        env_name = "BOLIGFLYT_DATABASE_URL_" + service.upper().replace("-", "_")
        url = self.database_urls.get(service) or os.environ.get(env_name)
        if url:
            return normalise_database_url(url)
        return f"sqlite+aiosqlite:///{self.data_dir / (service.replace('-', '_') + '.sqlite')}"

    def service_url(self, service: str) -> str:
        env_name = "BOLIGFLYT_SERVICE_URL_" + service.upper().replace("-", "_")
        return os.environ.get(env_name) or f"{self.public_base_url.rstrip('/')}/{service}"

    @property
    def contracts_url(self) -> str:
        return (self.contracts_base_url or f"{self.public_base_url.rstrip('/')}/integrations/v1/contracts").rstrip("/")

    @property
    def event_log_path(self) -> Path:
        return self.data_dir / "events.sqlite"


def normalise_database_url(url: str) -> str:
    """Accept plain postgresql:// URLs (as operators write them) and use the async driver."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+asyncpg://" + url[len(plain) :]
    return url


def service_settings_config(service: str) -> SettingsConfigDict:
    """Where a service's own settings come from: BOLIGFLYT_<SERVICE>_* (`temporary-housing` ->
    BOLIGFLYT_TEMPORARY_HOUSING_*); an empty variable means the default."""
    return SettingsConfigDict(
        env_prefix=f"BOLIGFLYT_{service.upper().replace('-', '_')}_", env_ignore_empty=True, extra="ignore"
    )


class ServiceSettings(BaseSettings):
    """The base of a service's own settings, beside the platform's `Settings`:

        class NavSettings(ServiceSettings):
            model_config = service_settings_config("temporary-housing")
            limit_days: int = 90

    `NavSettings.load()` reads the environment once per process; tests construct their own instance."""

    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore")

    @classmethod
    def load(cls) -> Self:
        loaded = _loaded.get(cls)
        if not isinstance(loaded, cls):
            loaded = _loaded[cls] = cls()
        return loaded


_loaded: dict[type[ServiceSettings], ServiceSettings] = {}
