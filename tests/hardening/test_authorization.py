"""The authorization matrix: every route of every service, called with a token of every agency (and with no
token, an expired one and a wrongly signed one), answers as services/<name>/authorization.yaml says.

"Allowed" means authorization let the call through: anything but 401/403 (a 404 or 422 for the dummy id and
empty body is fine). "Refused" means 403 problem+json for a valid token of another agency, 401 problem+json
for a token that cannot be trusted. A route the service serves that the table does not list fails, and so
does a table entry for a route that no longer exists, so the table cannot drift from the code.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.host import service_definitions
from boligflyt.testkit import ServiceHarness

REPO_ROOT = Path(__file__).resolve().parents[2]
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
PUBLIC = "public"
DUMMY_ID = "00000000-0000-4000-8000-000000000000"
DUMMY_INTEGER = "2026"
SCOPED = re.compile(r"^(?P<agency>\w+) with scope (?P<scope>\S+)$")
DEFINITIONS = service_definitions()

Operation = tuple[str, str]  # (path template, method)


@dataclass(frozen=True)
class Rule:
    """Who may call one route+method: no one needs a token if public; else these agencies, and these
    agencies only when their token holds the scope."""

    public: bool = False
    agencies: frozenset[Agency] = frozenset()
    scoped: tuple[tuple[Agency, str], ...] = ()


@dataclass
class Findings:
    checks: int = 0
    failures: list[str] = field(default_factory=list)

    def expect(self, ok: bool, what: str) -> None:
        self.checks += 1
        if not ok:
            self.failures.append(what)


def load_table(service: str) -> dict[Operation, Rule]:
    path = REPO_ROOT / "services" / service / "authorization.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["service"] == service, f"{path} names service {document['service']!r}"
    table: dict[Operation, Rule] = {}
    for route, methods in document["routes"].items():
        for method, entry in methods.items():
            assert method in METHODS, f"{path}: {route} has unknown method {method!r}"
            table[(route, method)] = _rule(entry, f"{path}: {method} {route}")
    return table


def _rule(entry: Any, where: str) -> Rule:
    if entry == PUBLIC:
        return Rule(public=True)
    assert isinstance(entry, list) and entry, f"{where}: expected `public` or a non-empty list of agencies"
    agencies: set[Agency] = set()
    scoped: list[tuple[Agency, str]] = []
    for item in entry:
        if match := SCOPED.match(str(item)):
            scoped.append((Agency(match["agency"]), match["scope"]))
        else:
            assert item in Agency.__members__, f"{where}: {item!r} is not an agency"
            agencies.add(Agency(item))
    return Rule(agencies=frozenset(agencies), scoped=tuple(scoped))


def served_operations(service: str, openapi: dict[str, Any]) -> dict[Operation, dict[str, str]]:
    """Every route+method the service answers, with the JSON type of each path parameter.

    The OpenAPI document, plus the routes left out of it (the dashboard's HTML pages): those are served and
    guarded all the same. Health and metrics routes belong to the platform and are public by design."""
    operations: dict[Operation, dict[str, str]] = {}
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            if method.upper() not in METHODS:
                continue
            types = {
                p["name"]: p.get("schema", {}).get("type", "string")
                for p in operation.get("parameters", [])
                if p.get("in") == "path"
            }
            operations[(path, method.upper())] = types
    for router in DEFINITIONS[service].routers:
        for route in router.routes:
            if isinstance(route, APIRoute) and not route.include_in_schema:
                for method in (route.methods or set()) & set(METHODS):
                    operations[(route.path, method)] = {}
    return operations


def concrete_url(path: str, types: dict[str, str]) -> str:
    def fill(match: re.Match[str]) -> str:
        return DUMMY_INTEGER if types.get(match[1]) == "integer" else DUMMY_ID

    return re.sub(r"\{([^}]+)\}", fill, path)


def hangs_up(app: ASGIApp) -> ASGIApp:
    """The app, called by a client that leaves as soon as the response headers arrive.

    The dashboard's live stream (SSE) never ends on its own, and httpx's ASGI transport waits for the whole
    body; a client that hangs up once it has the status is what a browser closing the tab looks like."""

    async def app_with_hangup(scope: Scope, receive: Receive, send: Send) -> None:
        started = asyncio.Event()
        request_read = False
        response_done = False

        async def receive_until_answered() -> Message:
            nonlocal request_read
            if request_read:
                await started.wait()
                return {"type": "http.disconnect"}
            message = await receive()
            request_read = message["type"] == "http.request" and not message.get("more_body", False)
            return message

        async def send_and_watch(message: Message) -> None:
            nonlocal response_done
            if message["type"] == "http.response.start":
                started.set()
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                response_done = True
            await send(message)

        await app(scope, receive_until_answered, send_and_watch)
        if started.is_set() and not response_done:
            # A stream cut off by the disconnect: end the body so the transport sees a complete response.
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    return app_with_hangup


def is_problem(response: httpx.Response, status: int) -> bool:
    return response.status_code == status and response.headers.get("content-type", "").startswith(
        "application/problem+json"
    )


def test_every_service_has_a_table() -> None:
    missing = [name for name in DEFINITIONS if not (REPO_ROOT / "services" / name / "authorization.yaml").exists()]
    assert not missing, f"services without services/<name>/authorization.yaml: {missing}"


@pytest.mark.parametrize("service", sorted(DEFINITIONS))
async def test_authorization_matrix(service: str, tmp_path: Path) -> None:
    table = load_table(service)
    async with ServiceHarness([DEFINITIONS[service]], tmp_path) as harness:
        app = harness.runtimes[service].app
        served = served_operations(service, app.openapi())

        unlisted = sorted(set(served) - set(table))
        stale = sorted(set(table) - set(served))
        assert not unlisted, f"routes of {service} missing from its authorization.yaml: {unlisted}"
        assert not stale, f"routes in {service}'s authorization.yaml that it does not serve: {stale}"

        impostor = harness.settings.model_copy(update={"jwt_secret": "not-" + harness.settings.jwt_secret})
        transport = httpx.ASGITransport(app=hangs_up(app), raise_app_exceptions=False)
        findings = Findings()
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:

            async def call(path: str, method: str, token: str | None) -> httpx.Response:
                url = concrete_url(path, served[(path, method)])
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                body: dict[str, Any] | None = {} if method in ("POST", "PUT", "PATCH") else None
                return await client.request(method, url, headers=headers, json=body)

            for (path, method), rule in sorted(table.items()):
                what = f"{method} {service}{path}"
                for agency in Agency:
                    response = await call(path, method, harness.token(agency))
                    if rule.public or agency in rule.agencies:
                        findings.expect(
                            response.status_code not in (401, 403),
                            f"{what} as {agency}: allowed by the table, answered {response.status_code}",
                        )
                    else:
                        findings.expect(
                            is_problem(response, 403),
                            f"{what} as {agency}: refused by the table, answered {response.status_code} "
                            f"{response.headers.get('content-type')}",
                        )
                for agency, scope in rule.scoped:
                    response = await call(path, method, harness.token(agency, scopes=[scope]))
                    findings.expect(
                        response.status_code not in (401, 403),
                        f"{what} as {agency} with scope {scope}: allowed, answered {response.status_code}",
                    )

                # Bad tokens of an agency that would be let through, so only the token itself can be refused.
                agency = min(rule.agencies) if rule.agencies else Agency.coordinator
                untrusted = {
                    "no token": None,
                    "an expired token": mint_token(
                        harness.settings, subject="authz-expired", agency=agency, ttl_seconds=-120
                    ),
                    "a wrongly signed token": mint_token(impostor, subject="authz-impostor", agency=agency),
                }
                for label, token in untrusted.items():
                    response = await call(path, method, token)
                    if rule.public:
                        findings.expect(
                            response.status_code not in (401, 403),
                            f"{what} with {label}: public, answered {response.status_code}",
                        )
                    else:
                        findings.expect(
                            is_problem(response, 401),
                            f"{what} with {label}: expected 401 problem+json, answered {response.status_code} "
                            f"{response.headers.get('content-type')}",
                        )

    print(
        f"{service}: {len(table)} route+method x {len(Agency)} agencies + 3 untrusted tokens: {findings.checks} checks"
    )
    assert not findings.failures, f"{len(findings.failures)} of {findings.checks} checks failed:\n" + "\n".join(
        findings.failures
    )
