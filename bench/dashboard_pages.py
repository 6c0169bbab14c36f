"""Issue 22: every dashboard page and JSON endpoint with 1,000,000 events in the log (`dashboard-pages`).

Setup (not timed): the replay benchmark's events (`bench.replay.history`: the contracts' worked examples retold as
case after case) projected straight into a PostgreSQL database of the benchmark's own, the way the live consumer
and the rebuild write them (`service.project_prepared`: the event log and the read model). Then the dashboard
alone in its uvicorn process (`./dev up --distributed`'s command line) on that database.

Timed: every page and every GET endpoint under `/v1` (found in the server's OpenAPI document), today and "as of"
a day two years back where it takes `as_of`, 200 requests each one after the other, after a warm-up request; an
endpoint still slow after `--seconds` (default 60) stops there and its figure is of the requests it got.

Anchor: a plain authenticated request to the same server (`/reports`, the list of report names: a token checked,
a template rendered, no figures). Target: p95 <= 150 ms for every page and endpoint.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from bench.common import Options, Result, Stopwatch, percentile, postgres_database
from bench.footprint import wait_ready
from bench.processes import Server, uvicorn_command
from bench.replay import EVENTS, check_valid, history
from boligflyt.contracts.envelope import from_wire
from boligflyt.dashboard import domain, reports, service
from boligflyt.dashboard.main import definition
from boligflyt.dashboard.models import event_log
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.db import Database
from boligflyt.platform.settings import Settings
from boligflyt.testkit import free_port

REQUESTS = 200
SECONDS_PER_ENDPOINT = 60.0
P95_MS = 150.0
BATCH = 5_000
ANCHOR = "/reports"


@dataclass(frozen=True)
class Timing:
    path: str
    requests: int
    p50_ms: float
    p95_ms: float


async def seed(database: Database, count: int) -> float:
    """Setup: the events into the event log and the read model, a batch per transaction; returns the seconds."""
    started = datetime.now(UTC) - timedelta(milliseconds=count)
    with Stopwatch() as watch:
        batch: list[service.PreparedEvent] = []
        for n, message in enumerate(history(count, started), start=1):
            batch.append(service.prepare(from_wire(message.key, message.value, message.headers)))
            if len(batch) >= BATCH or n == count:
                async with database.sessions() as session, session.begin():
                    await service.project_prepared(session, batch)
                batch.clear()
            if n % 100_000 == 0:
                print(f"dashboard-pages: {n:,} events projected", flush=True)
    return watch.seconds


async def sample_ids(database: Database) -> tuple[str, str]:
    async with database.sessions() as session:
        person = await session.execute(select(event_log.c.person_ref).where(event_log.c.person_ref.isnot(None)))
        dwelling = await session.execute(select(event_log.c.dwelling_id).where(event_log.c.dwelling_id.isnot(None)))
        return str(person.scalars().first()), str(dwelling.scalars().first())


def pages(person_ref: str, dwelling_id: str) -> list[tuple[str, bool]]:
    """Every page: its path and whether it takes `as_of`."""
    result = [("/", True), ("/flow", True), ("/stuck", True), ("/reports", False), ("/stream", False)]
    result += [(f"/flow/cases?step={step}", True) for step in domain.STEPS]
    result += [(f"/flow/stages/{stage}", True) for stage in domain.STAGES]
    result += [(f"/persons/{person_ref}", False), (f"/dwellings/{dwelling_id}", True)]
    result += [(f"/reports/{name}", True) for name in reports.REPORTS]
    result += [(f"/reports/{name}.csv", True) for name in reports.REPORTS]
    return result


def json_endpoints(openapi: dict[str, object], person_ref: str, dwelling_id: str) -> list[tuple[str, bool]]:
    """Every GET under /v1 of the server's OpenAPI document, path parameters filled in from the seeded events."""
    result = []
    paths = openapi.get("paths", {})
    assert isinstance(paths, dict)
    for path, operations in sorted(paths.items()):
        get = operations.get("get") if isinstance(operations, dict) else None
        if not path.startswith("/v1/") or not get:
            continue
        parameters = {p["name"]: p for p in get.get("parameters", [])}
        filled = path.replace("{person_ref}", person_ref).replace("{dwelling_id}", dwelling_id)
        for name, values in (("stage", domain.STAGES), ("step", domain.STEPS), ("name", list(reports.REPORTS))):
            if "{" + name + "}" in filled:
                filled = filled.replace("{" + name + "}", values[0])
        if "{" in filled:
            continue  # a path whose parameter the benchmark cannot fill (none so far)
        if parameters.get("step", {}).get("required"):
            filled += f"?step={domain.STEPS[0]}"
        result.append((filled, "as_of" in parameters))
    return result


def start_dashboard(folder: Path, database_url: str) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "BOLIGFLYT_SERVICE": "dashboard",
        "BOLIGFLYT_BUS": "embedded",
        "BOLIGFLYT_DATA_DIR": str(folder),
        "BOLIGFLYT_LOG_LEVEL": "WARNING",
        "BOLIGFLYT_DATABASE_URL_DASHBOARD": database_url,
    }
    command = uvicorn_command("boligflyt.platform.host:service_app_from_env", port, factory=True)
    return Server("dashboard", command, port, env, folder / "dashboard.log", folder)


def timed(client: httpx.Client, path: str, headers: dict[str, str], requests: int, budget: float) -> Timing:
    client.get(path, headers=headers)  # warm-up: templates compiled, connections open
    timings: list[float] = []
    deadline = time.monotonic() + budget
    while len(timings) < requests and (not timings or time.monotonic() < deadline):
        started = time.perf_counter()
        response = client.get(path, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:300]}")
    return Timing(path, len(timings), percentile(timings, 0.5), percentile(timings, 0.95))


async def dashboard_pages(options: Options) -> Result:
    count = options.events or EVENTS
    budget = options.seconds or SECONDS_PER_ENDPOINT
    check_valid(count)
    async with postgres_database("dashboard", definition.migrations) as database:
        seconds = await seed(database, count)
        print(f"dashboard-pages: {count:,} events projected in {seconds:.0f} s (setup, not timed)", flush=True)
        person_ref, dwelling_id = await sample_ids(database)
        url = database.engine.url.render_as_string(hide_password=False)
        with tempfile.TemporaryDirectory(prefix="bench-dashboard-pages-") as folder:
            server = start_dashboard(Path(folder), url)
            try:
                wait_ready([f"{server.base_url}/readyz"], server.process, timeout=120)
                timings, anchor = measure(server, person_ref, dwelling_id, budget)
            except Exception:
                print(server.tail())
                raise
            finally:
                server.stop()
    worst = max(timings, key=lambda t: t.p95_ms)
    return Result(
        name="dashboard_pages",
        unit="ms p95 (slowest endpoint)",
        value=worst.p95_ms,
        anchor_name=f"authenticated {ANCHOR}",
        anchor_value=anchor.p95_ms,
        target=f"p95 <= {P95_MS:.0f} ms for every page and endpoint, today and as of two years back",
        met=all(t.p95_ms <= P95_MS for t in timings),
        details={
            "events": count,
            "slowest": worst.path,
            "endpoints": len(timings),
            "over_target": [f"{t.path} {t.p95_ms:.0f} ms ({t.requests})" for t in timings if t.p95_ms > P95_MS],
            "cut_short": sum(t.requests < REQUESTS for t in timings),
        },
    )


def measure(server: Server, person_ref: str, dwelling_id: str, budget: float) -> tuple[list[Timing], Timing]:
    settings = Settings()
    headers = {"Authorization": f"Bearer {mint_token(settings, subject='bench', agency=Agency.coordinator)}"}
    past = (date.today() - timedelta(days=730)).isoformat()
    with httpx.Client(base_url=server.base_url, timeout=1800) as client:
        endpoints = pages(person_ref, dwelling_id)
        endpoints += json_endpoints(client.get("/openapi.json").json(), person_ref, dwelling_id)
        anchor = timed(client, ANCHOR, headers, REQUESTS, budget)
        timings = []
        for path, takes_as_of in endpoints:
            for day in [None, past] if takes_as_of else [None]:
                target = path if day is None else f"{path}{'&' if '?' in path else '?'}as_of={day}"
                timing = timed(client, target, headers, REQUESTS, budget)
                print(f"  {target}: p50 {timing.p50_ms:.0f} ms, p95 {timing.p95_ms:.0f} ms ({timing.requests})")
                timings.append(timing)
    return timings, anchor
