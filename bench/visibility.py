"""Benchmark 5 of issue 11: visibility latency, embedded mode.

From the 201 of a write on a service's API to the event arriving on the dashboard's live stream (SSE), at 50
writes/s: the ordering function reports needs, and need.reported travels outbox -> embedded log -> the
dashboard's inbox consumer -> its read model -> the stream. Anchor: a plain request's round trip to the same
server (what any answer costs there). Target embedded: p50 <= 20 ms.
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

import httpx

from bench.common import Result
from bench.footprint import wait_ready
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.settings import Settings
from boligflyt.platform.testing import free_port

WRITES_PER_SECOND = 50
SECONDS = int(os.environ.get("BENCH_VISIBILITY_SECONDS", "10"))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def measure(base: str, settings: Settings) -> tuple[list[float], list[float]]:
    coordinator = {"Authorization": f"Bearer {mint_token(settings, subject='bench', agency=Agency.coordinator)}"}
    bestiller = {"Authorization": f"Bearer {mint_token(settings, subject='bench', agency=Agency.bestiller)}"}
    written: dict[str, float] = {}
    latencies: list[float] = []
    done = asyncio.Event()
    total = WRITES_PER_SECOND * SECONDS

    async def listen(ready: asyncio.Event) -> None:
        async with (
            httpx.AsyncClient(base_url=base, headers=coordinator, timeout=None) as client,
            client.stream("GET", "/stream/events") as stream,
        ):
            ready.set()
            async for line in stream.aiter_lines():
                if not line.startswith("data:"):
                    continue
                arrived = time.perf_counter()
                key = json.loads(line[5:])["key"]
                if key in written:
                    latencies.append((arrived - written[key]) * 1000)
                    if len(latencies) >= total:
                        done.set()
                        return

    ready = asyncio.Event()
    listener = asyncio.create_task(listen(ready))
    await ready.wait()
    round_trips: list[float] = []
    async with httpx.AsyncClient(base_url=f"{base}/ordering", headers=bestiller, timeout=30) as client:
        for n in range(total):
            started = time.perf_counter()
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
            answered = time.perf_counter()
            assert response.status_code == 201, response.text
            written[response.json()["need_id"]] = answered
            probe = time.perf_counter()
            await client.get("/healthz")
            round_trips.append((time.perf_counter() - probe) * 1000)
            await asyncio.sleep(max(0.0, 1 / WRITES_PER_SECOND - (time.perf_counter() - started)))
    try:
        await asyncio.wait_for(done.wait(), 30)
    finally:
        listener.cancel()
    return latencies, round_trips


def start_embedded(data: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BOLIGFLYT_DATA_DIR": f"{data}/data", "BOLIGFLYT_LOG_LEVEL": "WARNING"}
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "boligflyt.platform.host:embedded_app", "--port", str(port)],
        env=env,
    )


async def visibility_latency() -> Result:
    with tempfile.TemporaryDirectory() as data:
        port = free_port()
        process = start_embedded(data, port)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready([f"{base}/ordering/readyz", f"{base}/readyz"], process)
            latencies, round_trips = await measure(base, Settings())
        finally:
            process.terminate()
            process.wait(timeout=30)
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    return Result(
        name="visibility_latency_embedded",
        unit="ms p50",
        value=p50,
        anchor_name="a plain request's round trip",
        anchor_value=statistics.median(round_trips),
        target="p50 <= 20 ms (embedded)",
        met=p50 <= 20,
        details={"p99_ms": round(p99, 1), "events": len(latencies), "writes_per_second": WRITES_PER_SECOND},
    )
