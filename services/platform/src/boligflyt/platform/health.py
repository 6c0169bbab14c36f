"""Liveness, readiness and Prometheus metrics endpoints. They need no token.

They stay out of the OpenAPI document: they are for operators, not API clients, and a fuzzer must not
count a 503 from /readyz (a dependency down) as a server error of the API.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest
from starlette.responses import Response

from boligflyt.platform.problems import problem_response, problem_type

HealthCheck = Callable[[], Awaitable[None]]
"""Returns if the dependency is usable, raises (anything) if not."""

CHECK_TIMEOUT_SECONDS = 2.0

log = structlog.get_logger(__name__)


def health_router(checks: Mapping[str, HealthCheck]) -> APIRouter:
    """GET /healthz, /readyz (running `checks`, e.g. {"database": ..., "bus": ...}) and /metrics."""
    router = APIRouter(include_in_schema=False)
    checks = dict(checks)

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz(request: Request) -> Response:
        names = list(checks)
        results = await asyncio.gather(*(_run(checks[name]) for name in names))
        outcome = dict(zip(names, results, strict=True))
        failed = [name for name, result in outcome.items() if result != "ok"]
        if not failed:
            return JSONResponse({"status": "ok", "checks": outcome})
        log.warning("not ready", failed=failed, checks=outcome)
        return problem_response(
            503,
            "Service not ready",
            "; ".join(f"{name}: {outcome[name]}" for name in failed),
            type=problem_type("not-ready"),
            instance=request.url.path,
            checks=outcome,
            failed=failed,
        )

    @router.get("/metrics")
    async def metrics() -> Response:
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return router


async def _run(check: HealthCheck) -> str:
    """Either "ok" or why the check failed. Checks run concurrently: one slow check costs 2 s, not more."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
            await check()
    except TimeoutError:
        return f"timed out after {CHECK_TIMEOUT_SECONDS:g} s"
    except Exception as exc:
        reason = str(exc)[:200]
        return f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    return "ok"
