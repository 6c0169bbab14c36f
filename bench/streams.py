"""Issue 23: ordinary page requests while 300 clients hold the dashboard's live stream open (`streams`).

The dashboard alone in its uvicorn process (`./dev up --distributed`'s command line) on the embedded log and a SQLite
file, with the dashboard story's events projected. 300 stream clients of 150 users (two each) open
`/stream/events` at once: the caps (the defaults, 3 per user and 100 per process) let 100 in and refuse 200 with 429.
With those 100 streams open and idle, this process times page requests one after the other, alternately the stream
page (`/stream`) and a person's timeline (`/persons/{ref}`), and reads the server's CPU while nothing happens.

Anchor: the same page requests to the same server without stream clients, half before they came and half after
they left. Target: p50 <= 20 ms with the
stream clients, and the streams past the caps refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import Options, Result, percentile
from bench.footprint import wait_ready
from bench.processes import Server, uvicorn_command
from boligflyt.contracts.envelope import to_wire
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.bus.embedded import EmbeddedLog
from boligflyt.platform.settings import Settings
from boligflyt.testkit import dashboard_story as story
from boligflyt.testkit import free_port

STREAM_CLIENTS = 300
STREAMS_PER_USER = 2  # under the cap of 3 per user: what refuses is the cap of 100 per process
PAGE_REQUESTS = 200
WARM_UP_REQUESTS = 20
IDLE_SECONDS = 5.0  # the server's CPU is read over this long, with the streams open and nothing to send
P50_MS = 20.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


async def seed(data: Path) -> int:
    """The story's events on the embedded log, for the dashboard to project when it starts; returns how many."""
    log = EmbeddedLog(data / "events.sqlite")
    await log.start()
    try:
        envelopes = story.envelopes()
        await log.publish([to_wire(envelope) for envelope in envelopes])
        return len(envelopes)
    finally:
        await log.stop()


def start_dashboard(folder: Path, data: Path) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "BOLIGFLYT_SERVICE": "dashboard",
        "BOLIGFLYT_BUS": "embedded",
        "BOLIGFLYT_DATA_DIR": str(data),
        "BOLIGFLYT_LOG_LEVEL": "WARNING",
    }
    env.pop("BOLIGFLYT_DATABASE_URL_DASHBOARD", None)
    command = uvicorn_command("boligflyt.platform.host:service_app_from_env", port, factory=True)
    return Server("dashboard", command, port, env, folder / "dashboard.log", folder)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def token(settings: Settings, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_token(settings, subject=user, agency=Agency.coordinator)}"}


async def page_timings(client: httpx.AsyncClient, headers: dict[str, str], count: int) -> list[float]:
    timings = []
    for n in range(count):
        path = "/stream" if n % 2 else f"/persons/{story.KARI}"
        started = time.perf_counter()
        response = await client.get(path, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:300]}")
    return timings


async def projected(client: httpx.AsyncClient, headers: dict[str, str], events: int) -> None:
    deadline = time.monotonic() + 60
    while len(re.findall(r'data-seq="', (await client.get("/stream", headers=headers)).text)) < events:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the dashboard did not project the story's {events} events in 60 s")
        await asyncio.sleep(0.2)


async def measure(server: Server, events: int) -> dict[str, float]:
    """The page requests alone, beside the stream clients, and alone again once they have left: the anchor is both
    runs alone together, so a machine that speeds up or slows down during the run does not favour either side."""
    settings = Settings()
    reader = token(settings, "bench-reader")
    limits = httpx.Limits(max_connections=STREAM_CLIENTS + 50, max_keepalive_connections=50)
    async with (
        httpx.AsyncClient(base_url=server.base_url, timeout=30) as pages,
        httpx.AsyncClient(base_url=server.base_url, timeout=httpx.Timeout(30, read=None), limits=limits) as streams,
    ):
        await projected(pages, reader, events)
        await page_timings(pages, reader, WARM_UP_REQUESTS)
        alone = await page_timings(pages, reader, PAGE_REQUESTS // 2)
        readers: list[asyncio.Task[None]] = []

        async def drain(response: httpx.Response) -> None:
            async for _ in response.aiter_bytes():
                pass

        async with contextlib.AsyncExitStack() as stack:

            async def open_stream(n: int) -> int:
                headers = token(settings, f"bench-user-{n // STREAMS_PER_USER}")
                request = streams.build_request("GET", "/stream/events", headers=headers)
                response = await streams.send(request, stream=True)
                stack.push_async_callback(response.aclose)
                if response.status_code == 200:
                    readers.append(asyncio.create_task(drain(response)))
                else:
                    await response.aread()
                return response.status_code

            statuses = await asyncio.gather(*(open_stream(n) for n in range(STREAM_CLIENTS)))
            cpu_before, idle_started = cpu_seconds(server.process.pid), time.perf_counter()
            await asyncio.sleep(IDLE_SECONDS)
            idle_cpu = (cpu_seconds(server.process.pid) - cpu_before) / (time.perf_counter() - idle_started)
            crowded = await page_timings(pages, reader, PAGE_REQUESTS)
            for task in readers:
                task.cancel()
        await asyncio.sleep(1.0)  # the server sees the streams go
        alone += await page_timings(pages, reader, PAGE_REQUESTS // 2)
    return {
        "p50_ms": statistics.median(crowded),
        "p99_ms": percentile(crowded, 0.99),
        "anchor_p50_ms": statistics.median(alone),
        "anchor_p99_ms": percentile(alone, 0.99),
        "accepted": statuses.count(200),
        "refused": statuses.count(429),
        "other": len(statuses) - statuses.count(200) - statuses.count(429),
        "idle_cpu_share": idle_cpu,
    }


async def stream_clients_page_latency(options: Options) -> Result:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        data = folder / "data"
        data.mkdir()
        events = await seed(data)
        server = start_dashboard(folder, data)
        try:
            wait_ready([f"{server.base_url}/readyz"], server.process)
            figures = await measure(server, events)
        except Exception:
            print(f"--- dashboard:\n{server.tail()}")
            raise
        finally:
            server.stop()
    refused_past_caps = figures["accepted"] == 100 and figures["refused"] == STREAM_CLIENTS - 100
    return Result(
        name="stream_clients_page_latency",
        unit="ms p50",
        value=figures["p50_ms"],
        anchor_name="the same page requests with no stream clients",
        anchor_value=figures["anchor_p50_ms"],
        target=f"p50 <= {P50_MS:g} ms beside {STREAM_CLIENTS} stream clients, those past the caps refused",
        met=figures["p50_ms"] <= P50_MS and refused_past_caps,
        details={
            "p99_ms": round(figures["p99_ms"], 1),
            "anchor_p99_ms": round(figures["anchor_p99_ms"], 1),
            "streams_open": int(figures["accepted"]),
            "streams_refused": int(figures["refused"]),
            "streams_other": int(figures["other"]),
            "server_cpu_idle_with_streams": f"{figures['idle_cpu_share']:.1%} of a core",
            "page_requests": PAGE_REQUESTS,
        },
    )
