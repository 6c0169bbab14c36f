"""Benchmark 4 of issue 11: API latency under load, distributed mode.

Boligkontoret's service alone under uvicorn (`./dev up --distributed`'s command line, with WORKERS worker
processes), on a PostgreSQL database of its own and Kafka (topics in a namespace of the benchmark's own), with a
waiting list of 200 approved applications. This process drives an open-loop load of 200 requests/s for 60 s, alternately
submitting an application (POST /v1/applications, 201) and reading the waiting list (GET /v1/waiting-list,
its first page). Open loop: each request has its time in a fixed schedule, and its latency counts from that
time, not from when it was sent, so a stall of the server shows in full instead of slowing the load down
(coordinated omission).

Anchor: a bare FastAPI app under the same uvicorn command line (the same workers), answering the same paths with
the JSON the service gave, driven by the same schedule. Targets: write p99 <= 50 ms, read p99 <= 20 ms, no errors.
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import statistics
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bench.common import Options, Result, kafka_namespace, percentile
from bench.footprint import wait_ready
from bench.processes import Server, start_bare_app, start_service
from boligflyt.contracts.codes import PriorityFactor
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.db import Database
from boligflyt.platform.host import service_definition
from boligflyt.platform.migrate import migrate
from boligflyt.platform.settings import Settings
from boligflyt.testkit import create_postgres_database, drop_postgres_database, unique_name
from boligflyt.testkit.people import random_person

RATE = 200  # requests/s, every other one a submission
# uvicorn worker processes, for the service and the anchor alike. One process answered at most about 160 requests/s
# on the 2-core development machine and queued the rest; two share the cores with PostgreSQL and Kafka.
WORKERS = 2
SECONDS = 60
WARM_UP_SECONDS = 3  # the same load first, not measured: connections opened, code paths and caches warm
CONNECTIONS = 64  # requests in flight at most, each on a kept-alive connection
GIVE_UP_SECONDS = 10.0
REQUEST_TIMEOUT_SECONDS = 30.0
IDLE_SECONDS = 4.0  # a kept-alive connection idle longer is not used again (uvicorn closes it after 5 s)
WAITING_LIST = 200  # approved applications, about Larvik's waiting list
APPLICANTS = 50  # the submissions cycle through them (an applicant may have several applications)
WRITE_P99_MS, READ_P99_MS = 50.0, 20.0
DOCUMENTS = ["income_documentation", "tax_assessment", "housing_situation"]
APPROVE = text("UPDATE applications SET state = 'approved', outcome = 'approved', decided_on = :on WHERE id = :id")

BARE_APP = """
import json
from typing import Any
from fastapi import FastAPI, Request

app = FastAPI()
SUBMITTED = json.loads({submitted!r})
WAITING_LIST = json.loads({waiting_list!r})


@app.post("/v1/applications", status_code=201)
async def submit(request: Request) -> Any:
    await request.json()
    return SUBMITTED


@app.get("/v1/waiting-list")
async def waiting_list() -> Any:
    return WAITING_LIST


@app.get("/readyz")
async def ready() -> dict[str, str]:
    return {{"status": "ok"}}
"""


def submission(rng: random.Random, applicant_id: str) -> dict[str, Any]:
    factors = rng.sample([factor.value for factor in PriorityFactor], rng.randint(0, 3))
    children = rng.randint(0, 3)
    return {
        "applicant_id": applicant_id,
        "kind": "rental",
        "household": {"adults": rng.randint(1, 2), "children": children},
        "needs": {"areas": rng.sample(["SENTRUM", "STAVERN", "KVELDE", "HEDRUM"], rng.randint(0, 2))},
        "priority_factors": factors,
        "ownership_check": {"able_to_buy": False},
        "documents_received": DOCUMENTS,
    }


def ok(response: httpx.Response, status: int) -> Any:
    if response.status_code != status:
        raise RuntimeError(f"{response.request.method} {response.request.url}: {response.status_code} {response.text}")
    return response.json()


async def seed(client: httpx.AsyncClient, database_url: str, rng: random.Random) -> list[dict[str, Any]]:
    """Applicants with consent, and the waiting list; returns the bodies the load will submit."""
    applicants = []
    for n in range(APPLICANTS):
        person = {"national_id": random_person(rng)[1], "name": f"Bench Person {n}", "email": f"bench{n}@example.no"}
        response = await client.post("/v1/applicants", json=person)
        if response.status_code == 409:  # the same synthetic number drawn twice
            continue
        applicant = ok(response, 201)
        # Yesterday: the service dates "today" in Larvik, which may be a day ahead of this machine's date.
        consent = {"signed_on": (date.today() - timedelta(days=1)).isoformat(), "scope": ["collect_information"]}
        ok(await client.post(f"/v1/applicants/{applicant['id']}/consents", json=consent), 201)
        applicants.append(applicant["id"])
    approved = [
        ok(await client.post("/v1/applications", json=submission(rng, applicants[n % len(applicants)])), 201)["id"]
        for n in range(WAITING_LIST)
    ]
    # The committee decides only on its meeting day, which the wall clock does not reach within a benchmark
    # (tests/e2e move a shared calendar for it): the decisions go into the service's database directly.
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as connection:
            for n, application_id in enumerate(approved):
                await connection.execute(
                    APPROVE,
                    {"id": application_id, "on": date.today() - timedelta(days=n % 400)},
                )
    finally:
        await engine.dispose()
    return [submission(rng, applicants[n % len(applicants)]) for n in range(len(applicants) * 4)]


@dataclass(frozen=True)
class Sample:
    write: bool
    scheduled: float  # the event loop's clock, seconds
    milliseconds: float  # from the scheduled time to the whole answer
    late: float  # ms the load generator itself started it after its time (its own stalls, not the server's)
    error: str | None


class Connection:
    """One kept-alive HTTP/1.1 connection of the load generator, sending prepared requests.

    The generator shares the machine's two cores with the server it measures. With httpx it took 1.5-2 ms of CPU
    per request, and about 4 ms once many were in flight: at 200 requests/s as much CPU as the server itself, so a
    server falling a little behind made the generator fall further behind. Writing prepared bytes and reading each
    answer by its Content-Length takes about 0.2 ms.
    """

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.reusable = True
        self.idle_since = 0.0  # the event loop's clock

    def usable(self, now: float) -> bool:
        """Not closed by the server, nor about to be: uvicorn closes a connection idle for 5 s."""
        return now - self.idle_since < IDLE_SECONDS and not self.reader.at_eof()

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        return cls(*await asyncio.open_connection(host, port))

    async def exchange(self, request: bytes) -> int:
        """Send one request and read its whole answer; returns the status."""
        self.writer.write(request)
        status_line, *header_lines = (await self.reader.readuntil(b"\r\n\r\n")).split(b"\r\n")
        headers = dict(line.lower().split(b":", 1) for line in header_lines if line)
        if b"content-length" not in headers:
            raise ConnectionError("an answer without Content-Length")
        await self.reader.readexactly(int(headers[b"content-length"]))
        self.reusable = headers.get(b"connection", b"").strip() != b"close"
        return int(status_line.split(b" ", 2)[1])

    def close(self) -> None:
        self.writer.close()


def prepared(method: str, url: httpx.URL, headers: dict[str, str], body: Any = None) -> bytes:
    """A whole HTTP/1.1 request, as bytes to write."""
    content = b"" if body is None else json.dumps(body).encode()
    lines = [f"{method} {url.raw_path.decode()} HTTP/1.1", f"Host: {url.host}:{url.port}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(content)}"]
    return "\r\n".join([*lines, "", ""]).encode() + content


async def drive(
    base_url: str, headers: dict[str, str], bodies: list[dict[str, Any]], rate: float, seconds: float
) -> list[Sample]:
    """The open-loop schedule: request n at start + n / rate, even numbers submit, odd ones read.

    At most CONNECTIONS requests are in flight, one on each connection; the others wait their turn on a semaphore,
    their wait counted in their latency. (Thousands of requests queued inside a client's pool instead made the
    generator itself stall for minutes under overload, measuring the generator rather than the server.) A request
    that could not even be sent GIVE_UP_SECONDS after its time is dropped as an error, so an overloaded server ends
    the run in bounded time.
    """
    loop = asyncio.get_running_loop()
    base = httpx.URL(base_url)
    assert base.port is not None
    host, port = base.host, base.port
    submissions = [prepared("POST", base.join("/v1/applications"), headers, body) for body in bodies]
    read = prepared("GET", base.join("/v1/waiting-list"), headers)
    slots = asyncio.Semaphore(CONNECTIONS)
    idle: list[Connection] = []

    async def one(n: int, scheduled: float) -> Sample:
        write = n % 2 == 0
        late = (loop.time() - scheduled) * 1000
        async with slots:
            if loop.time() - scheduled > GIVE_UP_SECONDS:
                return Sample(write, scheduled, (loop.time() - scheduled) * 1000, late, "not sent: too far behind")
            connection = None
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT_SECONDS):
                    while idle and not idle[-1].usable(loop.time()):
                        idle.pop().close()
                    connection = idle.pop() if idle else await Connection.open(host, port)
                    status = await connection.exchange(submissions[n // 2 % len(submissions)] if write else read)
                error = None if status == (201 if write else 200) else str(status)
                if connection.reusable:
                    connection.idle_since = loop.time()
                    idle.append(connection)
                    connection = None
            except (OSError, EOFError, ValueError, TimeoutError) as exc:  # IncompleteReadError is an EOFError
                error = type(exc).__name__
            if connection is not None:
                connection.close()
        return Sample(write, scheduled, (loop.time() - scheduled) * 1000, late, error)

    try:
        started = loop.time() + 0.05
        tasks = []
        for n in range(int(rate * seconds)):
            scheduled = started + n / rate
            if (delay := scheduled - loop.time()) > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(n, scheduled)))
        return list(await asyncio.gather(*tasks))
    finally:
        for connection in idle:
            connection.close()


@dataclass(frozen=True)
class Summary:
    p50: float
    p99: float
    max: float
    requests: int
    errors: int
    error_kinds: dict[str, int]  # HTTP status, or the client's exception
    answered_per_second: float  # successful answers over the time from the first request's time to the last answer
    generator_late_p99: float  # when this is high, the load generator could not keep its schedule


def summary(samples: list[Sample], write: bool) -> Summary:
    chosen = [s for s in samples if s.write == write]
    milliseconds = [s.milliseconds for s in chosen]
    errors = Counter(s.error for s in chosen if s.error)
    return Summary(
        p50=round(statistics.median(milliseconds), 1),
        p99=round(percentile(milliseconds, 0.99), 1),
        max=round(max(milliseconds), 1),
        requests=len(chosen),
        errors=sum(errors.values()),
        error_kinds=dict(errors),
        answered_per_second=round(
            (len(chosen) - sum(errors.values()))
            / (max(s.scheduled + s.milliseconds / 1000 for s in chosen) - min(s.scheduled for s in chosen)),
            1,
        ),
        generator_late_p99=round(percentile([s.late for s in chosen], 0.99), 1),
    )


@contextmanager
def no_garbage_collection() -> Iterator[None]:
    """This process's garbage collector off while it drives a load. A full collection of the generator's heap (the
    seeding's objects, the samples so far) paused it for about 100 ms in the middle of a run; the requests it had
    scheduled meanwhile then went out at once, and its own stall was measured as the server's."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


async def load(
    server: Server, headers: dict[str, str], bodies: list[dict[str, Any]], rate: float, seconds: float
) -> list[Sample]:
    with no_garbage_collection():
        await drive(server.base_url, headers, bodies, rate, WARM_UP_SECONDS)
        return await drive(server.base_url, headers, bodies, rate, seconds)


async def api_latency(options: Options) -> Result:
    seconds, rate = options.seconds or SECONDS, options.rate or RATE
    rng = random.Random(11)
    token = mint_token(Settings(), subject="bench-boligkontoret", agency=Agency.boligkontoret)
    headers = {"Authorization": f"Bearer {token}"}
    database_url = await create_postgres_database(unique_name("bench"))
    try:
        async with kafka_namespace() as prefix:
            with tempfile.TemporaryDirectory() as scratch:
                folder = Path(scratch)
                # Before the workers start: each migrates as it starts, and two would race on a fresh database.
                database = Database(database_url, service="applications")
                try:
                    await migrate(database, service_definition("applications").migrations)
                finally:
                    await database.dispose()
                service = start_service(
                    "applications", folder, database_url=database_url, topic_prefix=prefix, workers=WORKERS
                )
                try:
                    wait_ready([f"{service.base_url}/readyz"], service.process)
                    async with httpx.AsyncClient(base_url=service.base_url, headers=headers, timeout=30) as client:
                        bodies = await seed(client, database_url, rng)
                        submitted = ok(await client.post("/v1/applications", json=bodies[0]), 201)
                        waiting_list = ok(await client.get("/v1/waiting-list"), 200)
                    samples = await load(service, headers, bodies, rate, seconds)
                except Exception:
                    print(service.tail())
                    raise
                finally:
                    service.stop()
                bare = start_bare_app(
                    BARE_APP.format(submitted=json.dumps(submitted), waiting_list=json.dumps(waiting_list)),
                    folder,
                    workers=WORKERS,
                )
                try:
                    wait_ready([f"{bare.base_url}/readyz"], bare.process)
                    anchor = await load(bare, headers, bodies, rate, seconds)
                finally:
                    bare.stop()
    finally:
        await drop_postgres_database(database_url)
    write, read = summary(samples, write=True), summary(samples, write=False)
    anchor_write, anchor_read = summary(anchor, write=True), summary(anchor, write=False)
    met = write.p99 <= WRITE_P99_MS and read.p99 <= READ_P99_MS and not write.errors and not read.errors
    return Result(
        name="api_latency",
        unit="ms write p99",
        value=write.p99,
        anchor_name="bare FastAPI app, same JSON, same uvicorn",
        anchor_value=anchor_write.p99,
        target=f"write p99 <= {WRITE_P99_MS:.0f} ms, read p99 <= {READ_P99_MS:.0f} ms, no errors",
        met=met,
        details={
            "write": asdict(write),
            "read": asdict(read),
            "anchor_write": asdict(anchor_write),
            "anchor_read": asdict(anchor_read),
            "read_p99_ratio": round(read.p99 / anchor_read.p99, 1),
            "requests_per_second": rate,
            "seconds": seconds,
            "workers": WORKERS,
            "waiting_list": waiting_list["total"],
        },
    )
