"""A real OpenID provider for these tests: the development provider `./dev oidc` runs (deploy/mock-oauth2),
on OIDC_PORT (18080), started if it is not running and stopped after if this session started it."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pytest

from boligflyt.testkit import REPO_ROOT

SCRIPT = REPO_ROOT / "deploy" / "mock-oauth2" / "mock-oauth2.sh"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def launch_chromium(playwright: object) -> object:
    """Debian's Chromium (./dev test installs it; elsewhere a missing browser skips the test)."""
    if not Path(CHROMIUM).exists():
        required(f"Debian's chromium is not installed at {CHROMIUM}")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)  # type: ignore[attr-defined]


def required(reason: str) -> NoReturn:
    """Where infrastructure is required (./dev test, CI), a missing provider or browser fails; elsewhere it skips."""
    if os.environ.get("BOLIGFLYT_REQUIRE_INFRA") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def issuer() -> Iterator[str]:
    """The issuer URL of the development provider (http://127.0.0.1:PORT/boligflyt): the one BOLIGFLYT_OIDC_ISSUER
    names (./dev test starts it, as it starts Kafka and PostgreSQL), else one this session starts and stops."""
    given = os.environ.get("BOLIGFLYT_OIDC_ISSUER")
    if given:
        try:
            httpx.get(discovery(given), timeout=5).raise_for_status()
        except httpx.HTTPError as exc:
            required(f"the identity provider BOLIGFLYT_OIDC_ISSUER names does not answer: {exc}")
        yield given.rstrip("/")
        return
    try:
        started = subprocess.run([str(SCRIPT), "start"], check=True, capture_output=True, text=True, timeout=300)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        required(f"the development identity provider did not start: {exc}")
    state, url = started.stdout.strip().splitlines()[-1].split(" ", 1)
    try:
        yield url
    finally:
        if state == "started":
            subprocess.run([str(SCRIPT), "stop"], check=False, capture_output=True, timeout=60)


def discovery(issuer: str) -> str:
    return f"{issuer}/.well-known/openid-configuration"


def client_token(issuer: str, client_id: str, secret: str = "development") -> str:
    """A machine client's token (client credentials), as an agency system gets it."""
    response = httpx.post(
        f"{issuer}/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret), timeout=10
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def sign_in(issuer: str, username: str, client_id: str = "boligflyt-dashboard") -> str:
    """A person's access token from the authorization code flow with PKCE, signing in at the provider's own
    login page (its form posted as a browser would)."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect_uri = "http://127.0.0.1/callback"
    query = {
        "client_id": client_id,
        "response_type": "code",
        "redirect_uri": redirect_uri,
        "scope": "openid profile",
        "state": secrets.token_urlsafe(8),
        "nonce": secrets.token_urlsafe(8),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    with httpx.Client(timeout=10) as http:
        authorize = f"{issuer}/authorize?{urlencode(query)}"
        assert 'name="username"' in http.get(authorize).text  # the login page
        answer = http.post(authorize, data={"username": username})
        assert answer.status_code in (302, 303), answer.text
        code = parse_qs(urlparse(answer.headers["location"]).query)["code"][0]
        tokens = http.post(
            f"{issuer}/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
            },
            auth=(client_id, "development"),
        )
        tokens.raise_for_status()
        return str(tokens.json()["access_token"])
