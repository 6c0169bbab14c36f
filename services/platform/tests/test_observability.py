"""Health endpoints, request metrics, W3C trace context and structured logs."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest
import structlog
from fastapi import APIRouter, FastAPI, Request
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families
from structlog.testing import capture_logs

from boligflyt.platform import health
from boligflyt.platform.health import health_router
from boligflyt.platform.observability import (
    DEAD_LETTERS,
    OUTBOX_BACKLOG,
    UNMATCHED_ROUTE,
    RequestContextMiddleware,
    bound_trace,
    configure_logging,
    continue_trace,
    current_trace_id,
    current_traceparent,
)
from boligflyt.platform.problems import install_problem_handlers
from boligflyt.platform.settings import Settings

TRACEPARENT = re.compile(r"^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

log = structlog.get_logger("test")


def unique_service() -> str:
    return f"svc-{uuid.uuid4().hex[:8]}"


def build_app(service: str | None, checks: Mapping[str, health.HealthCheck] | None = None) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    if service is not None:
        app.add_middleware(RequestContextMiddleware, service=service)
    app.include_router(health_router(checks or {}))

    items = APIRouter(prefix="/api")

    @items.get("/items/{item_id}")
    async def item(item_id: int, request: Request) -> dict[str, Any]:
        log.info("item read", item_id=item_id)
        return {
            "traceparent": current_traceparent(),
            "trace_id": current_trace_id(),
            "state_trace_id": getattr(request.state, "trace_id", None),
        }

    app.include_router(items)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("kaboom")

    return app


def client(app: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


def requests_counted(service: str, method: str, route: str, status: str) -> float:
    labels = {"service": service, "method": method, "route": route, "status": status}
    return REGISTRY.get_sample_value("boligflyt_http_requests_total", labels) or 0.0


# --- health ---


async def test_healthz_is_always_ok() -> None:
    async with client(build_app(unique_service())) as http:
        response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_ok_when_every_check_passes() -> None:
    async def database() -> None:
        pass

    async def bus() -> None:
        await asyncio.sleep(0)

    async with client(build_app(unique_service(), {"database": database, "bus": bus})) as http:
        response = await http.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "bus": "ok"}}


async def test_readyz_503_problem_names_failed_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "CHECK_TIMEOUT_SECONDS", 0.2)

    async def database() -> None:
        pass

    async def bus() -> None:
        raise ConnectionRefusedError("broker at 127.0.0.1:19092 refused")

    async def consumer_lag() -> None:
        await asyncio.sleep(30)

    checks = {"database": database, "bus": bus, "consumer_lag": consumer_lag}
    async with client(build_app(unique_service(), checks)) as http:
        started = time.monotonic()
        response = await http.get("/readyz")
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["failed"] == ["bus", "consumer_lag"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["bus"] == "ConnectionRefusedError: broker at 127.0.0.1:19092 refused"
    assert body["checks"]["consumer_lag"] == "timed out after 0.2 s"
    assert "bus: ConnectionRefusedError" in body["detail"]
    assert elapsed < 2  # checks run concurrently, each bounded by the timeout


async def test_health_routes_stay_out_of_openapi() -> None:
    async with client(build_app(unique_service())) as http:
        paths = (await http.get("/openapi.json")).json()["paths"]
    assert not {"/healthz", "/readyz", "/metrics"} & set(paths)


# --- metrics ---


async def test_metrics_count_requests_by_route_template() -> None:
    service = unique_service()
    async with client(build_app(service)) as http:
        assert (await http.get("/api/items/7")).status_code == 200
        assert (await http.get("/api/items/8")).status_code == 200
        response = await http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }
    labels = {"service": service, "method": "GET", "route": "/api/items/{item_id}"}
    assert samples[("boligflyt_http_requests_total", tuple(sorted({**labels, "status": "200"}.items())))] == 2
    assert samples[("boligflyt_http_request_seconds_count", tuple(sorted(labels.items())))] == 2
    assert "/api/items/7" not in response.text  # raw paths would explode cardinality
    families = {family.name for family in text_string_to_metric_families(response.text)}
    assert {
        "boligflyt_outbox_backlog",
        "boligflyt_consumer_lag",
        "boligflyt_dead_letters",
        "boligflyt_events_published",
        "boligflyt_events_handled",
    } <= families


async def test_unmatched_paths_share_one_label_and_odd_methods_are_other() -> None:
    service = unique_service()
    async with client(build_app(service)) as http:
        assert (await http.get("/no/such/path/123")).status_code == 404
        assert (await http.request("BREW", "/api/items/1")).status_code == 405
        assert (await http.get("/api/items/not-a-number")).status_code == 422
    assert requests_counted(service, "GET", UNMATCHED_ROUTE, "404") == 1
    assert requests_counted(service, "OTHER", "/api/items/{item_id}", "405") == 1
    assert requests_counted(service, "GET", "/api/items/{item_id}", "422") == 1


async def test_unhandled_exception_counts_as_500_and_problem_carries_trace_id() -> None:
    service = unique_service()
    with capture_logs() as logs:
        async with client(build_app(service)) as http:
            response = await http.get("/boom", headers={"traceparent": INCOMING})
    assert response.status_code == 500
    body = response.json()
    assert body["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert "kaboom" not in response.text
    assert requests_counted(service, "GET", "/boom", "500") == 1
    [entry] = [entry for entry in logs if entry["event"] == "unhandled exception"]
    assert entry["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"


def test_platform_metrics_are_registered() -> None:
    service = unique_service()
    OUTBOX_BACKLOG.labels(service=service).set(3)
    DEAD_LETTERS.labels(service=service, topic="boligflyt.maintenance").inc()
    assert REGISTRY.get_sample_value("boligflyt_outbox_backlog", {"service": service}) == 3
    labels = {"service": service, "topic": "boligflyt.maintenance"}
    assert REGISTRY.get_sample_value("boligflyt_dead_letters_total", labels) == 1


# --- trace context ---


async def test_incoming_traceparent_is_continued_in_a_new_span() -> None:
    async with client(build_app(unique_service())) as http:
        response = await http.get("/api/items/1", headers={"traceparent": INCOMING})
    header = response.headers["traceparent"]
    assert TRACEPARENT.match(header)
    trace_id, span_id, flags = header.split("-")[1:]
    assert trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert span_id != "00f067aa0ba902b7"
    assert flags == "01"
    body = response.json()
    assert body["traceparent"] == header  # what the outbox will put into events
    assert body["trace_id"] == body["state_trace_id"] == trace_id


@pytest.mark.parametrize(
    "incoming",
    [
        None,
        "garbage",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",  # all-zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",  # all-zero parent id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  # forbidden version
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",  # version 00 has no more fields
    ],
)
async def test_missing_or_invalid_traceparent_starts_a_new_trace(incoming: str | None) -> None:
    headers = {"traceparent": incoming} if incoming else {}
    async with client(build_app(unique_service())) as http:
        first = (await http.get("/api/items/1", headers=headers)).headers["traceparent"]
        second = (await http.get("/api/items/1", headers=headers)).headers["traceparent"]
    assert TRACEPARENT.match(first) and TRACEPARENT.match(second)
    assert "4bf92f3577b34da6a3ce929d0e0e4736" not in first
    assert first.split("-")[1] != second.split("-")[1]


async def test_trace_context_does_not_outlive_the_request() -> None:
    async with client(build_app(unique_service())) as http:
        await http.get("/api/items/1")
    assert current_traceparent() is None
    assert "trace_id" not in structlog.contextvars.get_contextvars()


def test_continue_trace_and_bound_trace() -> None:
    future_version = "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-whatever"
    child = continue_trace(future_version)
    assert child.startswith("00-4bf92f3577b34da6a3ce929d0e0e4736-") and child.endswith("-00")

    with bound_trace(child, service="maintenance") as traceparent:
        assert traceparent == child == current_traceparent()
        assert current_trace_id() == "4bf92f3577b34da6a3ce929d0e0e4736"
        assert structlog.contextvars.get_contextvars() == {
            "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
            "service": "maintenance",
        }
    assert current_traceparent() is None and current_trace_id() is None


# --- embedded mode: services mounted in one host app ---


async def test_mounted_service_counts_its_own_routes() -> None:
    service = unique_service()
    host = FastAPI()
    host.mount("/maintenance", build_app(service))
    async with client(host) as http:
        response = await http.get("/maintenance/api/items/3")
    assert response.status_code == 200
    assert TRACEPARENT.match(response.headers["traceparent"])
    assert requests_counted(service, "GET", "/api/items/{item_id}", "200") == 1


async def test_host_and_service_middleware_share_one_trace_and_count_once() -> None:
    host_service, service = unique_service(), unique_service()
    host = FastAPI()
    host.add_middleware(RequestContextMiddleware, service=host_service)
    host.mount("/maintenance", build_app(service))
    async with client(host) as http:
        response = await http.get("/maintenance/api/items/3", headers={"traceparent": INCOMING})
        assert (await http.get("/elsewhere")).status_code == 404
    assert response.headers.get_list("traceparent") == [response.json()["traceparent"]]
    assert response.json()["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert requests_counted(service, "GET", "/api/items/{item_id}", "200") == 1
    assert requests_counted(host_service, "GET", "/api/items/{item_id}", "200") == 0
    assert requests_counted(host_service, "GET", "/maintenance/api/items/{item_id}", "200") == 0
    assert requests_counted(host_service, "GET", UNMATCHED_ROUTE, "404") == 1


async def test_host_only_middleware_labels_routes_with_the_mount_prefix() -> None:
    host_service = unique_service()
    host = FastAPI()
    host.add_middleware(RequestContextMiddleware, service=host_service)
    host.mount("/maintenance", build_app(None))
    async with client(host) as http:
        assert (await http.get("/maintenance/api/items/3")).status_code == 200
    assert requests_counted(host_service, "GET", "/maintenance/api/items/{item_id}", "200") == 1


# --- logs ---


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    uvicorn_access = logging.getLogger("uvicorn.access")
    access_state = (
        list(uvicorn_access.handlers),
        uvicorn_access.propagate,
        uvicorn_access.level,
        uvicorn_access.disabled,
    )
    # A uvicorn started earlier in the same process (other tests serve apps for real) may have set its own
    # level on the access logger or disabled it; these tests start from uvicorn's defaults.
    uvicorn_access.setLevel(logging.NOTSET)
    uvicorn_access.disabled = False
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    (uvicorn_access.handlers[:], uvicorn_access.propagate, level_before, uvicorn_access.disabled) = access_state
    uvicorn_access.setLevel(level_before)
    structlog.reset_defaults()


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


async def test_json_logs_carry_trace_id_and_service(restore_logging: None, capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(log_json=True, log_level="INFO"), service="process-default")
    service = unique_service()
    async with client(build_app(service)) as http:
        response = await http.get("/api/items/5", headers={"traceparent": INCOMING})
    logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", "/x", "1.1", 200)
    log.info("outside any request")
    try:
        raise ValueError("bad national id 01019012345")
    except ValueError:
        log.exception("handler failed")

    lines = json_lines(capsys.readouterr().err)
    [item] = [line for line in lines if line["event"] == "item read"]
    assert item["trace_id"] == response.headers["traceparent"].split("-")[1]
    assert item["service"] == service  # the request's binding wins over the process default
    assert item["item_id"] == 5 and item["level"] == "info" and "timestamp" in item

    [access] = [line for line in lines if line.get("logger") == "uvicorn.access"]
    assert access["event"] == '127.0.0.1:5 - "GET /x HTTP/1.1" 200'
    assert access["service"] == "process-default"

    [outside] = [line for line in lines if line["event"] == "outside any request"]
    assert "trace_id" not in outside

    [failure] = [line for line in lines if line["event"] == "handler failed"]
    [exception] = failure["exception"]
    assert exception["exc_type"] == "ValueError"
    assert all("locals" not in frame for frame in exception["frames"])


async def test_console_logs(restore_logging: None, capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(log_json=False, log_level="INFO"))
    configure_logging(Settings(log_json=False, log_level="INFO"))  # again: still one handler
    log.info("hello console", answer=42)
    err = capsys.readouterr().err
    assert err.count("hello console") == 1
    assert "answer=42" in err
