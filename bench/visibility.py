"""Benchmark 5 of issue 11: visibility latency, embedded (`visibility`) and on Kafka (`visibility-kafka`).

From the 201 of a write on a service's API to the event arriving on the dashboard's live stream (SSE), at 50
writes/s: the ordering function reports needs, and need.reported travels outbox -> bus -> the dashboard's inbox
consumer -> its read model -> the stream. Anchor: a plain request's round trip to the ordering service (what any
answer costs there).

- embedded: `./dev up`'s one process, SQLite files and the embedded log. Target: p50 <= 20 ms.
- Kafka: the ordering service and the dashboard each in its own uvicorn process with its own PostgreSQL
  database, on Kafka (topics in a namespace of the benchmark's own). Targets: p50 <= 50 ms, p99 <= 250 ms.

Both first write one need and wait for it on the stream, not measured: the dashboard's consumer has joined its
group and everything is connected before the clock runs.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import Options, Result, kafka_namespace, percentile
from bench.footprint import wait_ready
from bench.processes import start_service
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.settings import Settings
from boligflyt.testkit import create_postgres_database, drop_postgres_database, free_port, unique_name

WRITES_PER_SECOND = 50
SECONDS = 10


async def measure(ordering: str, dashboard: str, settings: Settings, seconds: float) -> tuple[list[float], list[float]]:
    """Latencies (ms) from each 201 to its event on the stream, and the plain round trips measured alongside."""
    coordinator = {"Authorization": f"Bearer {mint_token(settings, subject='bench', agency=Agency.coordinator)}"}
    bestiller = {"Authorization": f"Bearer {mint_token(settings, subject='bench', agency=Agency.bestiller)}"}
    total = int(WRITES_PER_SECOND * seconds)
    # Arrival times by key, matched with the 201s afterwards: an event may reach the stream before this process
    # has read the 201 that announced it (the commit precedes both), which would then count as a negative latency.
    arrived: dict[str, float] = {}
    answered: dict[str, float] = {}
    ready = asyncio.Event()

    async def listen() -> None:
        async with (
            httpx.AsyncClient(base_url=dashboard, headers=coordinator, timeout=None) as client,
            client.stream("GET", "/stream/events") as stream,
        ):
            ready.set()
            async for line in stream.aiter_lines():
                if line.startswith("data:"):
                    arrived[json.loads(line[5:])["key"]] = time.perf_counter()

    async def seen(keys: list[str], timeout: float) -> None:
        deadline = time.perf_counter() + timeout
        while not all(key in arrived for key in keys):
            if listener.done():
                raise RuntimeError(f"the stream ended: {listener.exception()!r}")
            if time.perf_counter() > deadline:
                missing = sum(1 for key in keys if key not in arrived)
                raise RuntimeError(f"{missing} of {len(keys)} events did not reach the stream in {timeout} s")
            await asyncio.sleep(0.01)

    listener = asyncio.create_task(listen())
    await asyncio.wait_for(ready.wait(), 30)
    round_trips: list[float] = []
    async with httpx.AsyncClient(base_url=ordering, headers=bestiller, timeout=30) as client:

        async def report_need(n: int) -> str:
            response = await client.post(
                "/v1/needs",
                json={
                    "quantity": 1,
                    "dwelling_type": "ordinary",
                    "target_group": "homeless",
                    "justification": f"Benchmark need {n}.",
                    "reported_by": "nav",
                },
            )
            assert response.status_code == 201, response.text
            return str(response.json()["need_id"])

        await seen([await report_need(-1)], timeout=60)
        for n in range(total):
            started = time.perf_counter()
            need_id = await report_need(n)
            answered[need_id] = time.perf_counter()
            probe = time.perf_counter()
            await client.get("/healthz")
            round_trips.append((time.perf_counter() - probe) * 1000)
            await asyncio.sleep(max(0.0, 1 / WRITES_PER_SECOND - (time.perf_counter() - started)))
    try:
        await seen(list(answered), timeout=30)
    finally:
        listener.cancel()
    return [(arrived[key] - moment) * 1000 for key, moment in answered.items()], round_trips


def start_embedded(data: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BOLIGFLYT_DATA_DIR": f"{data}/data", "BOLIGFLYT_LOG_LEVEL": "WARNING"}
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "boligflyt.platform.host:embedded_app", "--port", str(port)],
        env=env,
    )


async def visibility_latency(options: Options) -> Result:
    with tempfile.TemporaryDirectory() as data:
        port = free_port()
        process = start_embedded(data, port)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready([f"{base}/ordering/readyz", f"{base}/readyz"], process)
            latencies, round_trips = await measure(f"{base}/ordering", base, Settings(), options.seconds or SECONDS)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return visibility_result("visibility_latency_embedded", latencies, round_trips, p50_ms=20, p99_ms=None)


async def visibility_latency_kafka(options: Options) -> Result:
    async with kafka_namespace() as prefix:
        return await visibility_latency_kafka_in(prefix, options)


async def visibility_latency_kafka_in(prefix: str, options: Options) -> Result:
    databases = {name: await create_postgres_database(unique_name("bench")) for name in ("ordering", "dashboard")}
    quiet = {"BOLIGFLYT_LOG_LEVEL": "WARNING"}  # as the embedded run
    try:
        with tempfile.TemporaryDirectory() as scratch:
            servers = [
                start_service(name, Path(scratch), database_url=url, topic_prefix=prefix, extra_env=quiet)
                for name, url in databases.items()
            ]
            ordering, dashboard = servers
            try:
                for server in servers:
                    wait_ready([f"{server.base_url}/readyz"], server.process)
                latencies, round_trips = await measure(
                    ordering.base_url, dashboard.base_url, Settings(), options.seconds or SECONDS
                )
            except Exception:
                for server in servers:
                    print(f"--- {server.name}:\n{server.tail()}")
                raise
            finally:
                for server in servers:
                    server.stop()
    finally:
        for url in databases.values():
            await drop_postgres_database(url)
    return visibility_result("visibility_latency_kafka", latencies, round_trips, p50_ms=50, p99_ms=250)


def visibility_result(
    name: str, latencies: list[float], round_trips: list[float], *, p50_ms: float, p99_ms: float | None
) -> Result:
    """The figures against the targets (p50, and p99 where the issue sets one) and the round-trip anchor."""
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    target = f"p50 <= {p50_ms:g} ms" + (f", p99 <= {p99_ms:g} ms" if p99_ms is not None else "")
    return Result(
        name=name,
        unit="ms p50",
        value=p50,
        anchor_name="a plain request's round trip",
        anchor_value=statistics.median(round_trips),
        target=target,
        met=p50 <= p50_ms and (p99_ms is None or p99 <= p99_ms),
        details={"p99_ms": round(p99, 1), "events": len(latencies), "writes_per_second": WRITES_PER_SECOND},
    )
