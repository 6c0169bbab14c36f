"""CPU time per request of the latency benchmark's two requests, measured in one process: what to watch while making
the service cheaper, since its wall-clock latency on a shared 2-core machine mostly measures the other tenants.

`.venv/bin/python -m bench.latency_cpu [--requests N] [--profile FILE.html]` (BOLIGFLYT_POSTGRES_URL and
BOLIGFLYT_KAFKA_BOOTSTRAP as for ./dev bench). Boligkontoret's app as distributed mode builds it (its outbox relay
running, on Kafka), on a PostgreSQL database of its own, seeded as bench/latency.py seeds it; then N submissions
one after another and N reads of the waiting list's first page, each sent straight to the ASGI app (no client, no
HTTP server: those cost the same for the bare anchor). Prints, per request, this process's CPU time (the relay's
work for the submissions' events included) and that of the PostgreSQL backends serving the database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import httpx
from starlette.types import ASGIApp, Message

from bench.latency import seed
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.host import service_definition
from boligflyt.platform.runtime import create_service_app
from boligflyt.platform.settings import Settings
from boligflyt.testkit import (
    create_postgres_database,
    drop_kafka_namespace,
    drop_postgres_database,
    unique_name,
)

WARM_UP = 50  # of each request, not measured


async def request(app: ASGIApp, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes = b"") -> int:
    """One request straight into the ASGI app; returns the status."""
    if body:
        headers = [*headers, (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    received = False
    status = 0

    async def receive() -> Message:
        nonlocal received
        if received:  # the app only asks again to learn of a disconnect
            await asyncio.Event().wait()
        received = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


def postgres_cpu_seconds(database: str) -> float:
    """CPU time of the PostgreSQL backends connected to `database` (their process titles name it), Linux only."""
    total = 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes()
            if title.startswith(b"postgres:") and f" {database} ".encode() in title:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
        except OSError:  # gone meanwhile
            continue
    return total


async def measure(requests: int, *, profile: bool) -> str | None:
    """Prints the figures; returns the profile of the measured requests (HTML) when asked for one."""
    name = unique_name("benchcpu")
    database_url = await create_postgres_database(name)
    os.environ["BOLIGFLYT_DATABASE_URL_APPLICATIONS"] = database_url
    settings = Settings(bus="kafka", kafka_topic_prefix=f"{name}.", log_level="WARNING")
    app = create_service_app(service_definition("applications"), settings)
    token = mint_token(settings, subject="bench-boligkontoret", agency=Agency.boligkontoret)
    headers = [(b"host", b"bench"), (b"authorization", f"Bearer {token}".encode())]
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", headers={"Authorization": f"Bearer {token}"}
            ) as client:
                bodies = [json.dumps(body).encode() for body in await seed(client, database_url, random.Random(11))]

            async def submit(n: int) -> None:
                assert await request(app, "POST", "/v1/applications", headers, bodies[n % len(bodies)]) == 201

            async def read(_: int) -> None:
                assert await request(app, "GET", "/v1/waiting-list", headers) == 200

            for n in range(WARM_UP):
                await submit(n)
                await read(n)
            profiler: Any = None
            if profile:
                from pyinstrument import Profiler

                profiler = Profiler(interval=0.0005)
                profiler.start()
            for label, one in (("submission", submit), ("waiting-list read", read)):
                cpu, postgres = time.process_time(), postgres_cpu_seconds(name)
                for n in range(requests):
                    await one(n)
                if one is submit:
                    await asyncio.sleep(1)  # the relay publishes the last events (its CPU counts, its sleep little)
                cpu, postgres = time.process_time() - cpu, postgres_cpu_seconds(name) - postgres
                print(
                    f"{label}: {cpu / requests * 1000:.2f} ms CPU per request in the service's process, "
                    f"{postgres / requests * 1000:.2f} ms in PostgreSQL ({requests} requests)"
                )
            if profiler is None:
                return None
            profiler.stop()
            return str(profiler.output_html())
    finally:
        await drop_postgres_database(database_url)
        await drop_kafka_namespace(f"{name}.")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.latency_cpu", description=__doc__)
    parser.add_argument("--requests", type=int, default=400, help="of each kind (default 400)")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile of the measured requests here")
    arguments = parser.parse_args()
    html = asyncio.run(measure(arguments.requests, profile=arguments.profile is not None))
    if html is not None:
        arguments.profile.write_text(html)
