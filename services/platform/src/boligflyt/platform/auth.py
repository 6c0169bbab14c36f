"""Bearer JWT authentication and agency/scope authorisation (docs/architecture.md).

Embedded mode and tests sign HS256 with `settings.jwt_secret` (`mint_token`, `./dev token`), and the
development secret is taken from this machine (loopback) only. With an identity provider (production, and
`./dev up --distributed`) tokens are verified RS256 against its key set (`settings.jwt_discovery_url` or
`settings.jwt_jwks_url`); their agency and scopes come from their roles as `settings.jwt_role_agencies` and
`jwt_role_scopes` map them, never from a claim the provider does not vouch for, and a token that lives
longer than `settings.jwt_max_lifetime_seconds` is refused.

The app factory sets `app.state.token_verifier = TokenVerifier(settings)`; routes declare
`Depends(authenticated)` or `Depends(require(Agency.nav, scope=...))`. Failures are raised as exceptions
that problems.py renders as problem+json, so `install_problem_handlers` must be installed too.
"""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

import anyio.to_thread
import jwt
from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from boligflyt.platform.errors import Forbidden
from boligflyt.platform.oidc import ProviderUnavailable, discover
from boligflyt.platform.settings import Settings

# Clock skew tolerated between the identity provider and us.
LEEWAY_SECONDS = 30
# How long the identity provider's key set is cached, and so also the longest a verified token is trusted
# without verifying it again: a key the provider withdraws stops verifying tokens within that time either way.
JWKS_LIFESPAN_SECONDS = 300
# Verified tokens remembered (the least recently used go first): a client sends the same token with every request.
VERIFIED_TOKENS = 1024


class Agency(StrEnum):
    boligkontoret = "boligkontoret"
    nav = "nav"
    lke = "lke"
    bestiller = "bestiller"
    coordinator = "coordinator"
    integrator = "integrator"


@dataclass(frozen=True)
class Principal:
    subject: str
    agency: Agency
    scopes: frozenset[str]
    # The person's name as the token gives it (name, else preferred_username); none for a machine client.
    name: str | None = None

    @property
    def actor(self) -> str:
        """Who did it, as written to audit rows: e.g. "nav:caseworker-17"."""
        return f"{self.agency}:{self.subject}"


# The principal of the request being served: the audit rows it writes carry its display name beside `actor`.
current_principal: ContextVar[Principal | None] = ContextVar("current_principal", default=None)


class InvalidToken(Exception):
    """The token cannot be trusted; the message says why and is safe to show to the caller."""


class SigningKeysUnavailable(Exception):
    """The identity provider's JWKS could not be fetched: our problem, not the caller's."""


@dataclass(frozen=True)
class _Verified:
    principal: Principal
    expires_at: int  # the token's exp claim
    trusted_until: float  # when it must be verified again, expired or not


class TokenVerifier:
    """Verifies bearer tokens, and remembers those it found valid (never the others) until they expire."""

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.time) -> None:
        self._settings = settings
        self._issuer = settings.jwt_issuer
        self._audience = settings.jwt_audience
        self._secret = settings.jwt_secret
        self._clock = clock
        self._verified: OrderedDict[str, _Verified] = OrderedDict()
        self._jwks: jwt.PyJWKClient | None = None
        self.development_secret = settings.uses_development_secret
        if settings.jwt_jwks_url is not None:
            self._jwks = self._key_set(settings.jwt_jwks_url)

    @staticmethod
    def _key_set(url: str) -> jwt.PyJWKClient:
        # Caches the key set and refetches on an unknown kid (key rotation).
        return jwt.PyJWKClient(url, cache_jwk_set=True, lifespan=JWKS_LIFESPAN_SECONDS, timeout=5)

    def _discover(self) -> jwt.PyJWKClient:
        """The key set (and, unless set, the issuer) from the provider's discovery document, once."""
        if self._jwks is None:
            url = self._settings.jwt_discovery_url
            assert url is not None
            try:
                metadata = discover(url)
            except ProviderUnavailable as exc:
                raise SigningKeysUnavailable(str(exc)) from exc
            if "jwt_issuer" not in self._settings.model_fields_set:
                self._issuer = metadata.issuer
            self._jwks = self._key_set(metadata.jwks_uri)
        return self._jwks

    async def verify(self, token: str) -> Principal:
        """The principal a valid token names; raises InvalidToken or SigningKeysUnavailable."""
        now = self._clock()
        verified = self._verified.get(token)
        if verified is not None:
            # PyJWT's rule, with the same leeway: expired once exp <= now - leeway.
            if verified.expires_at <= now - LEEWAY_SECONDS:
                del self._verified[token]
                raise InvalidToken("token expired")
            if now < verified.trusted_until:
                self._verified.move_to_end(token)
                return verified.principal
        if not self._settings.uses_identity_provider:
            principal, expires_at = self._decode(token, self._secret, "HS256")
        else:
            # PyJWKClient fetches with blocking urllib; keep that off the event loop.
            principal, expires_at = await anyio.to_thread.run_sync(self._verify_with_jwks, token)
        self._verified[token] = _Verified(principal, expires_at, trusted_until=now + JWKS_LIFESPAN_SECONDS)
        self._verified.move_to_end(token)
        if len(self._verified) > VERIFIED_TOKENS:
            self._verified.popitem(last=False)
        return principal

    def _verify_with_jwks(self, token: str) -> tuple[Principal, int]:
        try:
            algorithm = jwt.get_unverified_header(token).get("alg")
        except jwt.DecodeError as exc:
            raise InvalidToken("token is malformed") from exc
        if algorithm != "RS256":  # an HS256 token, say, signed with a secret rather than by the provider
            raise InvalidToken("token must be signed with RS256 by the identity provider")
        jwks = self._discover() if self._settings.jwt_discovery_url else self._jwks
        assert jwks is not None
        try:
            signing_key = jwks.get_signing_key_from_jwt(token)
        except (jwt.PyJWKClientConnectionError, jwt.PyJWKSetError) as exc:  # unreachable, or a broken key set
            raise SigningKeysUnavailable(str(exc)) from exc
        except jwt.PyJWKClientError as exc:
            raise InvalidToken("token is signed with a key the identity provider does not publish") from exc
        except jwt.DecodeError as exc:
            raise InvalidToken("token is malformed") from exc
        return self._decode(token, signing_key, "RS256")

    def _decode(self, token: str, key: Any, algorithm: str) -> tuple[Principal, int]:
        """The token's principal and its expiry (exp), or InvalidToken."""
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                audience=self._audience,
                issuer=self._issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise InvalidToken("token expired") from exc
        except jwt.InvalidSignatureError as exc:
            raise InvalidToken("token signature is invalid") from exc
        except jwt.InvalidAlgorithmError as exc:
            raise InvalidToken(f"token must be signed with {algorithm}") from exc
        except jwt.InvalidAudienceError as exc:
            raise InvalidToken(f"token audience is not {self._audience}") from exc
        except jwt.InvalidIssuerError as exc:
            raise InvalidToken(f"token issuer is not {self._issuer}") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise InvalidToken(f"token lacks the {exc.claim} claim") from exc
        except jwt.ImmatureSignatureError as exc:
            raise InvalidToken("token is not valid yet") from exc
        except jwt.DecodeError as exc:
            raise InvalidToken("token is malformed") from exc
        except jwt.InvalidTokenError as exc:
            raise InvalidToken(f"token is invalid: {exc}") from exc
        if algorithm == "HS256":
            return _principal(claims), int(claims["exp"])
        return self._provider_principal(claims), int(claims["exp"])

    def _provider_principal(self, claims: dict[str, Any]) -> Principal:
        """An identity provider's token: its lifetime within the cap, its agency and scopes from its roles."""
        settings = self._settings
        issued_at = claims.get("iat")
        if not isinstance(issued_at, int | float):
            raise InvalidToken("token lacks the iat claim")
        if claims["exp"] - issued_at > settings.jwt_max_lifetime_seconds:
            raise InvalidToken(f"token lives longer than {settings.jwt_max_lifetime_seconds} s, which is refused")
        roles = _claim_at(claims, settings.jwt_roles_claim)
        if isinstance(roles, str):
            roles = roles.split()
        if not isinstance(roles, list):
            roles = []
        agencies = {Agency(settings.jwt_role_agencies[r]) for r in roles if r in settings.jwt_role_agencies}
        if not agencies:
            raise InvalidToken("token grants no role of an agency of Boligflyt")
        if len(agencies) > 1:
            raise InvalidToken(f"token grants roles of several agencies ({', '.join(sorted(agencies))})")
        scopes = {settings.jwt_role_scopes[r] for r in roles if r in settings.jwt_role_scopes}
        for claim in ("scope", "scp"):  # scp: Entra ID's delegated scopes
            value = claims.get(claim)
            if isinstance(value, str):
                scopes.update(value.split())
        return Principal(subject=claims["sub"], agency=agencies.pop(), scopes=frozenset(scopes), name=_name(claims))


def _claim_at(claims: dict[str, Any], path: str) -> Any:
    """A claim by a dotted path (Keycloak's realm roles are at realm_access.roles)."""
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _name(claims: dict[str, Any]) -> str | None:
    for claim in ("name", "preferred_username"):
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            return value.strip()[:200]
    return None


def _principal(claims: dict[str, Any]) -> Principal:
    try:
        agency = Agency(str(claims["agency"]))
    except (KeyError, ValueError):
        raise InvalidToken("token agency claim is missing or not a known agency") from None
    scope = claims.get("scope", "")
    if not isinstance(scope, str):
        raise InvalidToken("token scope claim must be a space-separated string")
    return Principal(subject=claims["sub"], agency=agency, scopes=frozenset(scope.split()), name=_name(claims))


def from_this_machine(request: Request) -> bool:
    """The request came over loopback: the only place the development secret's tokens are taken from."""
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def mint_token(
    settings: Settings,
    *,
    subject: str,
    agency: Agency | str,
    scopes: Iterable[str] = (),
    ttl_seconds: int = 3600,
    name: str | None = None,
) -> str:
    """An HS256 token signed with settings.jwt_secret (embedded mode, `./dev token`, tests)."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": subject,
        "agency": str(Agency(agency)),
        "iat": now,
        "exp": now + ttl_seconds,
    }
    scope = " ".join(scopes)
    if scope:
        claims["scope"] = scope
    if name:
        claims["name"] = name
    return jwt.encode(claims, settings.jwt_secret, algorithm="HS256")


# auto_error=False: we raise our own 401 (problem+json, a precise detail); this object also puts the
# bearer scheme into OpenAPI.
_bearer = HTTPBearer(auto_error=False, bearerFormat="JWT")


def _unauthorized(detail: str, *, invalid: bool) -> HTTPException:
    # RFC 6750 §3: no error code when credentials are simply missing; the description is a quoted string.
    description = detail.replace('"', "'").replace("\\", "/")
    challenge = f'Bearer realm="boligflyt", error="invalid_token", error_description="{description}"'
    return HTTPException(
        status_code=401,
        detail=detail,
        headers={"WWW-Authenticate": challenge if invalid else 'Bearer realm="boligflyt"'},
    )


async def authenticated(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> Principal:
    """FastAPI dependency: the verified principal, or a 401 problem."""
    if credentials is None:
        raise _unauthorized("missing bearer token (Authorization: Bearer <jwt>)", invalid=False)
    # request.app is the app the route belongs to: a mounted Starlette/FastAPI app sets scope["app"] to
    # itself on entry, so each service in embedded mode uses its own verifier.
    verifier = getattr(request.app.state, "token_verifier", None)
    if not isinstance(verifier, TokenVerifier):
        raise RuntimeError("app.state.token_verifier is not set; the app factory must set it")
    if verifier.development_secret and not from_this_machine(request):
        raise _unauthorized("development tokens are accepted from this machine only", invalid=True)
    try:
        principal = await verifier.verify(credentials.credentials)
        current_principal.set(principal)
        return principal
    except InvalidToken as exc:
        raise _unauthorized(str(exc), invalid=True) from exc
    except SigningKeysUnavailable as exc:
        raise HTTPException(
            status_code=503,
            detail="cannot verify tokens now: the identity provider's keys are unavailable",
            headers={"Retry-After": "5"},
        ) from exc


def require(
    *agencies: Agency, scope: str | None = None, scoped: Mapping[Agency, str] | None = None
) -> Callable[..., Awaitable[Principal]]:
    """A dependency giving the principal if its agency is one of `agencies` (any, if neither `agencies` nor
    `scoped` is given) and it holds `scope` (when given), or its agency is a key of `scoped` and it holds that
    agency's scope (e.g. `require(Agency.lke, scoped={Agency.integrator: "dwelling-register:write"})`: LKE's
    staff, and integrators only with a token granting the scope); otherwise a 403 problem."""
    allowed = frozenset(agencies)
    scoped = dict(scoped or {})
    overlap = allowed & scoped.keys()
    if overlap:
        raise ValueError(f"agencies {sorted(overlap)} are given both with and without a scope")

    async def dependency(request: Request, principal: Annotated[Principal, Depends(authenticated)]) -> Principal:
        action = f"{request.method} {request.url.path}"
        needed = scoped.get(principal.agency, scope)
        if (allowed or scoped) and principal.agency not in allowed and principal.agency not in scoped:
            raise Forbidden(
                f"agency {principal.agency} may not {action}",
                extra={"agency": principal.agency, "allowed_agencies": sorted(allowed | scoped.keys())},
            )
        if needed is not None and needed not in principal.scopes:
            raise Forbidden(
                f"{action} needs scope {needed}, which the token does not grant",
                extra={"required_scope": needed},
            )
        return principal

    return dependency
