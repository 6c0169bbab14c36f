"""Who is looking at the dashboard: a signed session cookie, from OpenID Connect sign-in at the identity
provider (authorization code with PKCE, Authlib), or in development from a pasted development token.

The session (Starlette's SessionMiddleware: itsdangerous-signed, HttpOnly, SameSite=Lax, so that the provider's
redirect back carries it) holds who signed in, when the session ends, a CSRF token and the ID token (the hint
for the provider's sign-out). Roles come from the provider's access token as the platform maps them (auth.py).
"""

from __future__ import annotations

import hmac
import secrets
import time
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware

from boligflyt.dashboard.settings import DashboardSettings
from boligflyt.platform.auth import Agency, Principal
from boligflyt.platform.settings import Settings

if TYPE_CHECKING:
    from authlib.integrations.starlette_client import OAuth

SESSION_COOKIE = "boligflyt_session"
PROVIDER = "idp"


def configure(app: FastAPI, settings: Settings) -> None:
    """The session middleware, and the OpenID client when this dashboard has one at an identity provider."""
    dashboard = DashboardSettings.load()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret,
        session_cookie=SESSION_COOKIE,
        max_age=dashboard.session_seconds,
        same_site="lax",
        https_only=settings.public_base_url.startswith("https://"),
    )
    app.state.oauth = None
    if settings.jwt_discovery_url and settings.oidc_client_id:
        # Imported only with a provider: the embedded system signs its own development tokens, and Authlib (with
        # its httpx integration) is a noticeable part of a start.
        from authlib.integrations.starlette_client import OAuth

        oauth = OAuth()
        oauth.register(
            PROVIDER,
            client_id=settings.oidc_client_id,
            client_secret=settings.oidc_client_secret,
            server_metadata_url=settings.jwt_discovery_url,
            client_kwargs={"scope": dashboard.sign_in_scope, "code_challenge_method": "S256"},
        )
        app.state.oauth = oauth


def provider(request: Request) -> Any:
    """The OpenID client (Authlib's), or None: then development tokens are pasted instead."""
    oauth: OAuth | None = getattr(request.app.state, "oauth", None)
    return None if oauth is None else oauth.create_client(PROVIDER)


def start_session(request: Request, principal: Principal, expires_at: float, id_token: str | None = None) -> None:
    session = request.session
    session.clear()
    session["who"] = {
        "sub": principal.subject,
        "name": principal.name,
        "agency": str(principal.agency),
        "scopes": sorted(principal.scopes),
    }
    session["until"] = int(min(expires_at, time.time() + DashboardSettings.load().session_seconds))
    session["csrf"] = secrets.token_urlsafe(32)
    if id_token:
        session["id_token"] = id_token


def session_principal(request: Request) -> Principal | None:
    """Who the session names, while it lasts; an ended session is cleared."""
    session = request.session
    who = session.get("who")
    if not isinstance(who, dict):
        return None
    if float(session.get("until", 0)) <= time.time():
        session.clear()
        return None
    return Principal(
        subject=str(who["sub"]),
        agency=Agency(who["agency"]),
        scopes=frozenset(who.get("scopes", ())),
        name=who.get("name"),
    )


def csrf_token(request: Request) -> str | None:
    value = request.session.get("csrf") if "session" in request.scope else None
    return value if isinstance(value, str) else None


def csrf_valid(request: Request, sent: object) -> bool:
    expected = csrf_token(request)
    return expected is not None and isinstance(sent, str) and hmac.compare_digest(expected, sent)
