"""Schemathesis against every service's OpenAPI: no 5xx, every error is problem+json, responses match schemas.

Each service runs in-process (`ServiceHarness`: SQLite + the embedded log) and every operation is called with
generated data, valid (positive) and invalid (negative), carrying a token of the agency that writes the
service, so the fuzzer gets past authorization and into the handlers. The dashboard keeps its HTML pages out
of its OpenAPI; they are documented here from its routers so they are fuzzed too.

Bounded and deterministic: a fixed number of examples per operation and mode, `derandomize=True`, no
example database, no shrinking.
"""

from __future__ import annotations

import asyncio
import copy
import io
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
import schemathesis
import structlog
import urllib3
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from requests.adapters import HTTPAdapter
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from boligflyt.contracts.envelope import to_wire
from boligflyt.platform.auth import Agency
from boligflyt.platform.host import service_definitions
from boligflyt.platform.runtime import ServiceDefinition
from boligflyt.testkit import ServiceHarness
from boligflyt.testkit import dashboard_story as story

pytestmark = pytest.mark.slow

# The agency that writes each service (reads are open to more, writes to this one only).
WRITER = {
    "applications": Agency.boligkontoret,
    "temporary-housing": Agency.nav,
    "maintenance": Agency.lke,
    "ordering": Agency.bestiller,
    "dashboard": Agency.coordinator,
    "integrations": Agency.integrator,
}

EXAMPLES_PER_MODE = 20
BASE_URL = "http://testserver"

# Left out, each for a reason, and counted in the report line of its service.
NOT_FUZZED = {
    # Server-sent events: the response never ends while the client is connected.
    ("dashboard", "GET", "/stream/events"): "an endless SSE stream",
}
# Documented here only for the fuzzer; FastAPI describes them as text/html strings, nothing to conform to.
NO_SCHEMA_CONFORMANCE = {"dashboard"}


def test_every_service_is_fuzzed() -> None:
    assert set(WRITER) == set(service_definitions())


@dataclass
class Tally:
    operations: int = 0
    cases: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    valid_but_unauthenticated: int = 0
    not_fuzzed: list[str] = field(default_factory=list)
    no_negative: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class _HarnessAdapter(HTTPAdapter):
    """Hands schemathesis's (requests) calls to the ASGI app on the harness's own event loop.

    Schemathesis's ASGI transport runs the app on an event loop thread of its own, while the harness's
    database connections and bus belong to the loop that started them; so requests go through this instead.
    No cookies are kept and no redirects followed: every case stands alone.
    """

    def __init__(self, runner: asyncio.Runner, app: FastAPI) -> None:
        super().__init__()
        self.runner = runner
        self.transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        body = request.body.encode() if isinstance(request.body, str) else request.body
        outgoing = httpx.Request(
            request.method or "GET", str(request.url), headers=dict(request.headers), content=body or b""
        )
        incoming = self.runner.run(self._send(outgoing))
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(incoming.content),
            headers=list(incoming.headers.multi_items()),
            status=incoming.status_code,
            reason=incoming.reason_phrase,
            version=11,
            preload_content=False,
        )
        return self.build_response(request, raw)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self.transport.handle_async_request(request)
        await response.aread()
        return response


def problem_json(response: schemathesis.Response) -> None:
    """An error answers with an RFC 9457 body: the media type, a title, and the status it was sent with."""
    if response.status_code < 400:
        return
    media_type = (response.headers.get("content-type") or [""])[0]
    assert media_type.startswith("application/problem+json"), f"{response.status_code} answered as {media_type!r}"
    body = json.loads(response.content)
    assert isinstance(body, dict) and isinstance(body.get("title"), str), body
    assert body.get("status") == response.status_code, body


def openapi_of(definition: ServiceDefinition, app: FastAPI) -> dict[str, Any]:
    """The service's OpenAPI; for a service whose routers keep their routes out of it (the dashboard's
    pages), those routes documented all the same, so the fuzzer reaches them."""
    routes = [route for router in definition.routers for route in router.routes if isinstance(route, APIRoute)]
    if all(route.include_in_schema for route in routes):
        return app.openapi()
    shown = []
    for route in routes:
        route = copy.copy(route)
        route.include_in_schema = True
        shown.append(route)
    return get_openapi(title=app.title, version=app.version, routes=shown)


def fuzz_operation(
    operation: schemathesis.APIOperation,
    mode: GenerationMode,
    call: Callable[[schemathesis.Case], schemathesis.Response],
    checks: list[Any],
    tally: Tally,
) -> None:
    @settings(
        max_examples=EXAMPLES_PER_MODE,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        tally.cases += 1
        response = call(case)
        tally.statuses[response.status_code] += 1
        if mode is GenerationMode.POSITIVE and response.status_code == 401:
            tally.valid_but_unauthenticated += 1
        case.validate_response(response, checks=checks)
        problem_json(response)

    run()


@pytest.fixture
def runner() -> Iterator[asyncio.Runner]:
    # Logs are kept, not rendered: rendering the tracebacks of the 500s took longer than the fuzzing.
    with asyncio.Runner() as runner, structlog.testing.capture_logs():
        yield runner


@pytest.mark.parametrize("name", sorted(WRITER))
def test_fuzz(name: str, tmp_path: Path, runner: asyncio.Runner) -> None:
    started = time.monotonic()
    definition = service_definitions()[name]
    harness = ServiceHarness([definition], tmp_path)
    runner.run(harness.__aenter__())
    try:
        if name == "dashboard":
            # Pages over a read model with something in it, rather than only empty tables.
            runner.run(harness.bus.publish([to_wire(envelope) for envelope in story.envelopes()]))
            runner.run(harness.settle())
        app = harness.runtimes[name].app
        schema = schemathesis.openapi.from_dict(openapi_of(definition, app))
        session = requests.Session()
        session.mount("http://", _HarnessAdapter(runner, app))
        auth = {"Authorization": f"Bearer {harness.token(WRITER[name])}"}
        checks: list[Any] = [not_a_server_error]
        if name not in NO_SCHEMA_CONFORMANCE:
            checks.append(response_schema_conformance)

        def call(case: schemathesis.Case) -> schemathesis.Response:
            return case.call(base_url=BASE_URL, session=session, headers=auth)

        tally = Tally()
        for result in schema.get_all_operations():
            operation = result.ok()
            key = (name, operation.method.upper(), operation.path)
            if key in NOT_FUZZED:
                tally.not_fuzzed.append(f"{key[1]} {key[2]} ({NOT_FUZZED[key]})")
                continue
            tally.operations += 1
            for mode in GenerationMode:
                try:
                    fuzz_operation(operation, mode, call, checks, tally)
                except Unsatisfiable:
                    # Nothing of the operation can be made invalid (no parameters, or only free-form strings).
                    tally.no_negative.append(operation.label)
                except (Exception, BaseExceptionGroup) as exc:
                    tally.failures.append(f"{operation.label} [{mode.value}]: {exc}")
    finally:
        runner.run(harness.__aexit__(None, None, None))
    print(
        f"\nfuzz {name}: {tally.operations} operations, {tally.cases} cases "
        f"(statuses {dict(sorted(tally.statuses.items()))}), "
        f"{time.monotonic() - started:.1f}s; not fuzzed: {tally.not_fuzzed or 'none'}; "
        f"no invalid input possible: {tally.no_negative or 'none'}"
    )
    assert tally.operations > 0
    # The writer's token gets every valid case past authentication, or the fuzzing only saw the front door.
    # (Negative cases may leave the token out on purpose: schemathesis's "missing auth" mutation, a 401.)
    assert tally.valid_but_unauthenticated == 0
    assert not tally.failures, "\n\n".join(tally.failures)
