"""The whole system as real processes, for end-to-end tests: the same flows drive both ways to run.

- distributed: every service its own uvicorn process, its own PostgreSQL database, Kafka as the bus (topics in a
  namespace of the test's own, so runs never see each other's events);
- embedded: one uvicorn process with every service mounted at its prefix, SQLite files and the embedded log.

Tests talk to services only through their public REST APIs, each agency with its own token, and wait for the
flow to move on with `eventually`.

The processes read the time from one calendar the test moves: the wall clock plus an offset kept in a file every
process reads (`System.today()`, `System.advance_clock(days)`). The committee (TBO) decides only on its meeting
day, and its case list freezes five working days before, so on the bare wall clock nobody could be approved in a
test at all. A flow that moves the calendar does so inside `with system.calendar_moved():`, which puts every
process back on the wall clock when the flow is done, so the next flow finds today where it is. The offset survives
a restart. Jobs run every few seconds (instead of every few minutes or hours) so that what the clock makes due
happens while the test waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import httpx
from fastapi import FastAPI

from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.clock import LOCAL_ZONE
from boligflyt.platform.host import ROOT_SERVICE, service_definitions
from boligflyt.platform.oidc import DEVELOPMENT_CLIENT_SECRET, provider_client
from boligflyt.platform.runtime import ServiceDefinition, create_embedded_app, create_service_app
from boligflyt.platform.settings import Settings
from boligflyt.testkit import (
    create_postgres_database,
    drop_kafka_namespace,
    drop_postgres_database,
    free_port,
    kafka_bootstrap,
    unique_name,
)

T = TypeVar("T")
FAST = {
    "BOLIGFLYT_OUTBOX_POLL_SECONDS": "0.1",
    "BOLIGFLYT_CONSUMER_BACKOFF_SECONDS": "0.05",
    "BOLIGFLYT_CONSUMER_BACKOFF_MAX_SECONDS": "0.5",
    "BOLIGFLYT_LOG_JSON": "true",
    "BOLIGFLYT_ENVIRONMENT": "test",
    "BOLIGFLYT_E2E_JOBS_EVERY_SECONDS": "2",
}
CLOCK_FILE_ENV = "BOLIGFLYT_E2E_CLOCK_FILE"
JOBS_ENV = "BOLIGFLYT_E2E_JOBS_EVERY_SECONDS"
HERE = Path(__file__).resolve().parent


class SharedClock:
    """The wall clock plus an offset read from a file (written by `System.advance_clock`); a platform `Clock`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: int | None = None
        self._offset = timedelta(0)

    def offset(self) -> timedelta:
        try:
            stamp = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return timedelta(0)
        if stamp != self._seen:
            self._offset = timedelta(seconds=float(json.loads(self.path.read_text())["offset_seconds"]))
            self._seen = stamp
        return self._offset

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset()

    def today(self) -> date:
        return self.now().astimezone(LOCAL_ZONE).date()


def _definitions() -> dict[str, ServiceDefinition]:
    """The installed services, each job running every JOBS_ENV seconds at most."""
    seconds = float(os.environ.get(JOBS_ENV) or 0)
    definitions = service_definitions()
    if seconds <= 0:
        return definitions
    return {
        name: dataclasses.replace(
            definition,
            jobs=[dataclasses.replace(job, every_seconds=min(job.every_seconds, seconds)) for job in definition.jobs],
        )
        for name, definition in definitions.items()
    }


def e2e_embedded_app() -> FastAPI:
    """uvicorn factory: every service in one process, on the shared clock."""
    app = create_embedded_app(list(_definitions().values()), root_service=ROOT_SERVICE)
    clock = SharedClock(Path(os.environ[CLOCK_FILE_ENV]))
    for runtime in app.state.runtimes.values():
        runtime.clock = clock
    return app


def e2e_service_app() -> FastAPI:
    """uvicorn factory: the service named by BOLIGFLYT_SERVICE alone, on the shared clock."""
    app = create_service_app(_definitions()[os.environ["BOLIGFLYT_SERVICE"]])
    app.state.runtime.clock = SharedClock(Path(os.environ[CLOCK_FILE_ENV]))
    return app


def env_name(prefix: str, service: str) -> str:
    return prefix + service.upper().replace("-", "_")


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PERSONAL_FIELDS = ("national_id", "name", "phone", "email")


def personal_data_in(body: object) -> set[str]:
    """The personal data in a request body: the fields of each object naming a person by national id, and the
    names of household members."""
    found: set[str] = set()
    if isinstance(body, dict):
        if "national_id" in body:
            found.update(str(body[field]) for field in PERSONAL_FIELDS if body.get(field))
        members = body.get("household_members") or ()
        found.update(str(member["name"]) for member in members if isinstance(member, dict) and member.get("name"))
        for value in body.values():
            found |= personal_data_in(value)
    elif isinstance(body, list):
        for item in body:
            found |= personal_data_in(item)
    return found


@dataclasses.dataclass(frozen=True)
class Write:
    """A write a service accepted (2xx) from a test's client: who asked for it and under which trace."""

    service: str
    what: str  # "POST /v1/stays"
    actor: str  # as the audit log names it: "nav:nav-e2e"
    trace_id: str


class System:
    """A running Boligflyt, started by `start()` and ended by `stop()`."""

    def __init__(
        self,
        kind: str,
        workdir: Path,
        services: list[str] | None = None,
        *,
        database_urls: Mapping[str, str] | None = None,
        identity_provider: str | None = None,
    ) -> None:
        self.kind = kind
        # Distributed: the discovery URL of an OpenID provider every service then trusts (and calls the others with
        # a client of its own there) instead of development tokens; `client()` cannot mint its tokens then.
        self.identity_provider = identity_provider
        self.workdir = workdir
        self.services = services or list(service_definitions())
        self.settings = Settings()
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.base_urls: dict[str, str] = {}
        self.ports: dict[str, int] = {}  # per process: a service's, or 'embedded'
        self.factories: dict[str, str] = {}
        self.topic_prefix = f"{unique_name('e2e')}."
        self._databases: dict[str, str] = {}
        # Distributed: databases the caller brings (a cluster a fault test restarts), used as they are, never dropped.
        self._given_databases = dict(database_urls or {})
        self._env: dict[str, dict[str, str]] = {}
        self.clock = SharedClock(workdir / "clock.json")
        self._calendar_moved = False
        self.writes: list[Write] = []
        self.personal_data: set[str] = set()  # every person's id, name, phone and e-mail sent to an API

    async def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.kind == "embedded":
            port = free_port()
            self._env["embedded"] = {
                **os.environ,
                **FAST,
                CLOCK_FILE_ENV: str(self.clock.path),
                "BOLIGFLYT_DATA_DIR": str(self.workdir / "data"),
                # Where this system serves its contracts: every event's `dataschema` resolves there.
                "BOLIGFLYT_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
            }
            root = f"http://127.0.0.1:{port}"
            self.base_urls = {name: root if name == ROOT_SERVICE else f"{root}/{name}" for name in self.services}
            self._spawn("embedded", "system:e2e_embedded_app", port)
        else:
            ports = {name: free_port() for name in self.services}
            self.base_urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
            urls = {env_name("BOLIGFLYT_SERVICE_URL_", name): url for name, url in self.base_urls.items()}
            if "integrations" in self.base_urls:
                urls["BOLIGFLYT_CONTRACTS_BASE_URL"] = f"{self.base_urls['integrations']}/v1/contracts"
            for name in self.services:
                self._databases[name] = self._given_databases.get(name) or await create_postgres_database()
                self._env[name] = {
                    **os.environ,
                    **FAST,
                    **urls,
                    CLOCK_FILE_ENV: str(self.clock.path),
                    "BOLIGFLYT_SERVICE": name,
                    "BOLIGFLYT_BUS": "kafka",
                    "BOLIGFLYT_KAFKA_BOOTSTRAP": kafka_bootstrap(),
                    "BOLIGFLYT_KAFKA_TOPIC_PREFIX": self.topic_prefix,
                    env_name("BOLIGFLYT_DATABASE_URL_", name): self._databases[name],
                }
                if self.identity_provider:
                    self._env[name] |= {
                        "BOLIGFLYT_JWT_DISCOVERY_URL": self.identity_provider,
                        "BOLIGFLYT_OIDC_CLIENT_ID": provider_client(name),
                        "BOLIGFLYT_OIDC_CLIENT_SECRET": DEVELOPMENT_CLIENT_SECRET,
                    }
                self._spawn(name, "system:e2e_service_app", ports[name])
        await self.wait_ready()

    def _spawn(self, name: str, factory: str, port: int) -> None:
        self.ports[name], self.factories[name] = port, factory
        log = (self.workdir / f"{name}.log").open("ab")
        # --app-dir: the factories are in this module, which uvicorn imports as `system`.
        command = [sys.executable, "-m", "uvicorn", "--app-dir", str(HERE), "--factory", factory]
        self.processes[name] = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port)],
            env=self._env[name],
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    async def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2) as client:
            for name, url in self.base_urls.items():
                while True:
                    self._check_alive()
                    try:
                        if (await client.get(f"{url}/readyz")).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    if time.monotonic() > deadline:
                        raise AssertionError(f"{name} not ready after {timeout} s; see {self.workdir}")
                    await asyncio.sleep(0.2)

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                log = (self.workdir / f"{name}.log").read_text()[-3000:]
                raise AssertionError(f"{name} exited with {process.returncode}:\n{log}")

    def today(self) -> date:
        """Today in Larvik on the processes' calendar."""
        return self.clock.today()

    def advance_clock(self, days: int) -> date:
        """Move every process's calendar `days` forward; returns the new today. Only inside `calendar_moved()`."""
        if not self._calendar_moved:
            raise RuntimeError("move the calendar only inside `with system.calendar_moved():`")
        if days < 0:
            raise ValueError("time does not go backwards")
        self._write_offset(self.clock.offset() + timedelta(days=days))
        return self.today()

    @contextlib.contextmanager
    def calendar_moved(self) -> Iterator[None]:
        """A flow that moves the calendar: the processes are back on the wall clock when it is done."""
        self._calendar_moved = True
        try:
            yield
        finally:
            self._calendar_moved = False
            self._write_offset(timedelta(0))

    def _write_offset(self, offset: timedelta) -> None:
        scratch = self.clock.path.with_suffix(".tmp")
        scratch.write_text(json.dumps({"offset_seconds": offset.total_seconds()}))
        os.replace(scratch, self.clock.path)  # a process never reads half a file

    def kill(self, name: str) -> None:
        """SIGKILL one process (distributed: a service; embedded: 'embedded'), as a crash would."""
        process = self.processes[name]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    async def restart(self, name: str) -> None:
        """Start a killed or stopped process again on its port, with its data: it must pick up where it was."""
        self._spawn(name, self.factories[name], self.ports[name])
        await self.wait_ready()

    async def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for name, url in self._databases.items():
            if name not in self._given_databases:
                await drop_postgres_database(url)
        if self.kind == "distributed":
            await drop_kafka_namespace(self.topic_prefix)

    def database_url(self, service: str) -> str:
        """Distributed: the service's PostgreSQL database, for a test that looks into its outbox and inbox."""
        return self._databases[service]

    def client(self, service: str, agency: Agency | str, subject: str | None = None) -> httpx.AsyncClient:
        """A client of one service's API with a token of `agency`; each request it makes carries a trace of its
        own, and every write the service accepts is noted in `writes` (to find its audit rows afterwards)."""
        agency = Agency(agency)
        subject = subject or f"{agency.value}-e2e"
        token = mint_token(self.settings, subject=subject, agency=agency)

        async def new_trace(request: httpx.Request) -> None:
            request.headers["traceparent"] = f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"
            if request.headers.get("content-type") == "application/json":
                self.personal_data.update(personal_data_in(json.loads(request.content)))

        async def note_write(response: httpx.Response) -> None:
            request = response.request
            if request.method in WRITE_METHODS and response.is_success:
                self.writes.append(
                    Write(
                        service=service,
                        what=f"{request.method} {request.url.path}",
                        actor=f"{agency.value}:{subject}",
                        trace_id=request.headers["traceparent"][3:35],
                    )
                )

        return httpx.AsyncClient(
            base_url=self.base_urls[service],
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
            event_hooks={"request": [new_trace], "response": [note_write]},
        )


async def eventually(check: Callable[[], Awaitable[T | None]], *, timeout: float = 30, what: str = "") -> T:
    """Wait until `check` returns something truthy (the flow moves on by itself through events)."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or check.__name__}")
        await asyncio.sleep(0.2)
