"""The identity provider, found by its OpenID discovery document: where its keys, token, sign-in and sign-out
endpoints are, and a machine client's token from it (OAuth 2.0 client credentials).

Any provider that publishes a discovery document works the same: Microsoft Entra ID, Keycloak, and the
development provider `./dev oidc` starts (docs/identity-providers.md).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import anyio
import httpx

# The development provider's (deploy/mock-oauth2) secret for every client: it checks none. A real provider's
# secrets come from BOLIGFLYT_OIDC_CLIENT_SECRET.
DEVELOPMENT_CLIENT_SECRET = "development"

# Renew a machine token this long before it expires, so a call never carries one that lapses on the way.
RENEW_BEFORE_SECONDS = 60


def provider_client(service: str) -> str:
    """A service's own client at the development provider (deploy/mock-oauth2/config.json), and the name
    docs/identity-providers.md suggests for its app registration or client at a real one."""
    return f"boligflyt-{service}"


class ProviderUnavailable(Exception):
    """The identity provider did not answer, or answered something that is not a discovery document."""


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    jwks_uri: str
    token_endpoint: str
    authorization_endpoint: str | None = None
    end_session_endpoint: str | None = None

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> ProviderMetadata:
        try:
            return cls(
                issuer=str(document["issuer"]),
                jwks_uri=str(document["jwks_uri"]),
                token_endpoint=str(document["token_endpoint"]),
                authorization_endpoint=document.get("authorization_endpoint"),
                end_session_endpoint=document.get("end_session_endpoint"),
            )
        except KeyError as exc:
            raise ProviderUnavailable(f"the discovery document lacks {exc.args[0]}") from None


def discover(url: str, *, timeout: float = 5.0) -> ProviderMetadata:
    """The provider's metadata from its discovery document (blocking: call it off the event loop)."""
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=False)
        response.raise_for_status()
        return ProviderMetadata.from_document(response.json())
    except (httpx.HTTPError, ValueError) as exc:
        raise ProviderUnavailable(f"cannot read the discovery document at {url}: {exc}") from exc


class ClientCredentials:
    """A machine client's access token from the provider's token endpoint, fetched when first needed and again
    shortly before it expires (`grant_type=client_credentials`, the client authenticating with its secret)."""

    def __init__(self, discovery_url: str, client_id: str, client_secret: str, *, scope: str | None = None) -> None:
        self._discovery_url = discovery_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._scope = scope
        self._metadata: ProviderMetadata | None = None
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = anyio.Lock()

    async def token(self) -> str:
        async with self._lock:
            if self._token is None or time.monotonic() >= self._renew_at:
                if self._metadata is None:
                    self._metadata = await anyio.to_thread.run_sync(discover, self._discovery_url)
                self._token, lifetime = await self._fetch(self._metadata.token_endpoint)
                self._renew_at = time.monotonic() + max(lifetime - RENEW_BEFORE_SECONDS, lifetime / 2)
            return self._token

    async def _fetch(self, token_endpoint: str) -> tuple[str, float]:
        form = {"grant_type": "client_credentials"}
        if self._scope:
            form["scope"] = self._scope
        try:
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.post(
                    token_endpoint, data=form, auth=httpx.BasicAuth(self._client_id, self._client_secret)
                )
            response.raise_for_status()
            body = response.json()
            return str(body["access_token"]), float(body.get("expires_in", 300))
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            raise ProviderUnavailable(f"the token endpoint gave no token to {self._client_id}: {exc}") from exc
