"""What tests of every service share (and benchmarks reuse): settings for a throwaway world, real PostgreSQL and
Kafka when given, and `ServiceHarness`, which runs services for real. A pytest plugin: the root conftest.py loads it.

`./dev test` starts PostgreSQL and Kafka and exports BOLIGFLYT_POSTGRES_URL (a server URL; each test gets a
fresh database on it) and BOLIGFLYT_KAFKA_BOOTSTRAP. Run outside it, tests that need them are skipped, unless
BOLIGFLYT_REQUIRE_INFRA=1 (as `./dev test` sets), when their absence is a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from boligflyt.contracts.envelope import Envelope, from_wire
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.bus import create_bus
from boligflyt.platform.bus.port import Record
from boligflyt.platform.clock import ManualClock
from boligflyt.platform.runtime import ServiceDefinition, ServiceRuntime
from boligflyt.platform.settings import Settings, normalise_database_url

# An unset environment is production, which refuses the development secrets tests sign with: tests ask for the
# test environment (as ./dev test does), here because this plugin loads before any test reads Settings, and the
# processes tests start inherit it.
os.environ.setdefault("BOLIGFLYT_ENVIRONMENT", "test")


def _infrastructure(variable: str, what: str) -> str:
    value = os.environ.get(variable)
    if value:
        return value
    if os.environ.get("BOLIGFLYT_REQUIRE_INFRA") == "1":
        pytest.fail(f"{what} is required but {variable} is not set (run the tests with ./dev test)")
    pytest.skip(f"{what} not available: set {variable} or run ./dev test")


def kafka_bootstrap() -> str:
    return _infrastructure("BOLIGFLYT_KAFKA_BOOTSTRAP", "a Kafka broker")


def postgres_server_url() -> str:
    return normalise_database_url(_infrastructure("BOLIGFLYT_POSTGRES_URL", "a PostgreSQL server"))


def free_port() -> int:
    """A loopback port nobody listens on now, for a server a test or benchmark starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def unique_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


async def create_postgres_database(name: str | None = None) -> str:
    """A new, empty database on the test server; returns its async URL."""
    server = postgres_server_url()
    name = name or unique_name("test")
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await admin.dispose()
    base, _, _ = server.rpartition("/")
    return f"{base}/{name}"


async def drop_postgres_database(url: str) -> None:
    server = postgres_server_url()
    name = url.rpartition("/")[2]
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


async def drop_kafka_namespace(prefix: str) -> None:
    """Delete the topics of a test's namespace (its `kafka_topic_prefix`), as `drop_postgres_database` drops its
    database. Left behind, they piled up on the long-lived development broker (3,500 topics, 10,000 partitions):
    its controller's periodic work then took most of a core for a second at a time, about once a minute, and
    stalled whatever ran beside it (docs/benchmarks.md, API latency). A broker that does not answer leaves them:
    a test's cleanup must not fail the test."""
    if not prefix:
        raise ValueError("an empty prefix names every topic on the broker")
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap(), request_timeout_ms=10_000)
    try:
        await admin.start()
        if topics := [topic for topic in await admin.list_topics() if topic.startswith(prefix)]:
            await admin.delete_topics(topics)
    except (KafkaError, OSError) as exc:
        print(f"topics under {prefix!r} left on the broker: {exc!r}")
    finally:
        await admin.close()


def embedded_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for one test: its own data folder, fast retries, the development secrets."""
    values: dict[str, object] = {
        "environment": "test",
        "data_dir": data_dir,
        "bus": "embedded",
        "outbox_poll_seconds": 0.05,
        "consumer_backoff_seconds": 0.01,
        "consumer_backoff_max_seconds": 0.05,
        "consumer_max_attempts": 3,
        "log_json": False,
        "log_level": "WARNING",
    }
    values.update(overrides)
    return Settings.model_validate(values)


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    url = await create_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def either_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A new, empty database on SQLite, then on PostgreSQL: a migration must work on both."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite'}"
        return
    url = await create_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)


REPO_ROOT = Path(__file__).resolve().parents[5]
KAFKA_SCRIPT = REPO_ROOT / "deploy" / "kafka" / "kafka.sh"


class PrivateKafka:
    """A Kafka broker of the test's own, on its own port and data folder, so the test may kill it."""

    def __init__(self, port: int, data_dir: Path) -> None:
        if not KAFKA_SCRIPT.exists():
            pytest.skip(f"{KAFKA_SCRIPT} is not there (not a source checkout)")
        kafka_bootstrap()  # the same requirement as every Kafka test: skipped or failed alike
        self.port = port
        # A free port of its own: the script's default (port + 1) can be an ephemeral port another process holds.
        self.controller_port = free_port()
        self.data_dir = data_dir
        self.bootstrap = f"127.0.0.1:{port}"

    def _run(self, *args: str) -> None:
        env = {
            **os.environ,
            "KAFKA_PORT": str(self.port),
            "KAFKA_CONTROLLER_PORT": str(self.controller_port),
            "KAFKA_DATA_DIR": str(self.data_dir),
        }
        subprocess.run([str(KAFKA_SCRIPT), *args], env=env, check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        try:
            self._run("start")
        except subprocess.CalledProcessError:
            # Once, on a machine loaded by other test suites, a broker restarted right after a SIGKILL died while
            # starting. Starting it again is what an operator would do, and a start is not what the tests test.
            self._run("start")

    def kill(self) -> None:
        self._run("stop", "--kill")

    def wipe(self) -> None:
        self._run("wipe")


class ServiceHarness:
    """Some services, really running, driven step by step by a test.

    `kind="embedded"`: SQLite files and the embedded log in a temporary folder. `kind="distributed"`: a fresh
    PostgreSQL database per service and Kafka, with topics in a namespace of this harness's own. Background
    tasks do not run: the test calls `settle()` to publish what is in the outboxes and let every consumer handle
    what is on the bus, until nothing moves. Time is a ManualClock the test moves.

        async with ServiceHarness([applications.definition], tmp_path) as harness:
            client = harness.client("applications", Agency.boligkontoret)
            response = await client.post("/v1/applications", json=...)
            await harness.settle()
            events = await harness.events("boligflyt.applications")
    """

    def __init__(
        self,
        definitions: Sequence[ServiceDefinition],
        tmp_path: Path,
        *,
        kind: str = "embedded",
        start: datetime | None = None,
        **settings_overrides: object,
    ) -> None:
        self.definitions = list(definitions)
        self.tmp_path = tmp_path
        self.kind = kind
        self.clock = ManualClock(start or datetime(2015, 1, 5, 9, 0, tzinfo=UTC))
        self.settings_overrides = settings_overrides
        self.runtimes: dict[str, ServiceRuntime] = {}
        self._databases: list[str] = []
        self._topic_prefix = ""

    async def __aenter__(self) -> ServiceHarness:
        overrides: dict[str, object] = dict(self.settings_overrides)
        if self.kind == "distributed":
            urls = {}
            for definition in self.definitions:
                urls[definition.name] = await create_postgres_database()
                self._databases.append(urls[definition.name])
            self._topic_prefix = f"{unique_name('t')}."
            overrides.update(
                bus="kafka",
                kafka_bootstrap=kafka_bootstrap(),
                kafka_topic_prefix=self._topic_prefix,
                database_urls=urls,
            )
        self.settings = embedded_settings(self.tmp_path / "data", **overrides)
        self.bus = create_bus(self.settings)
        await self.bus.start()
        for definition in self.definitions:
            runtime = ServiceRuntime(definition, self.settings, self.bus, clock=self.clock)
            await runtime.start(run_tasks=False)
            self.runtimes[definition.name] = runtime
        for runtime in self.runtimes.values():
            runtime.local_services = {name: other.app for name, other in self.runtimes.items()}
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for runtime in self.runtimes.values():
            await runtime.stop()
        await self.bus.stop()
        for url in self._databases:
            await drop_postgres_database(url)
        if self._topic_prefix:
            await drop_kafka_namespace(self._topic_prefix)

    def token(self, agency: Agency | str, subject: str | None = None, scopes: Sequence[str] = ()) -> str:
        agency = Agency(agency)
        return mint_token(self.settings, subject=subject or f"{agency.value}-tester", agency=agency, scopes=scopes)

    def client(
        self,
        service: str,
        agency: Agency | str | None = None,
        subject: str | None = None,
        scopes: Sequence[str] = (),
    ) -> httpx.AsyncClient:
        """An HTTP client for one service's API, with a bearer token of `agency` granting `scopes` (or none)."""
        headers = {"Authorization": f"Bearer {self.token(agency, subject, scopes)}"} if agency else {}
        transport = httpx.ASGITransport(app=self.runtimes[service].app, raise_app_exceptions=False)
        return httpx.AsyncClient(transport=transport, base_url="http://testserver", headers=headers)

    async def settle(self, rounds: int = 50) -> None:
        """Publish every outbox and handle every event, until a whole round moves nothing."""
        for _ in range(rounds):
            moved = 0
            for runtime in self.runtimes.values():
                moved += await runtime.relay.drain()
            for runtime in self.runtimes.values():
                if runtime.consumer is not None:
                    # The relays above have written everything there is, so the embedded log need not be waited on.
                    moved += await runtime.consumer.poll_once(timeout=0.01 if self.kind == "embedded" else 0.5)
            if not moved and await self._consumers_caught_up():
                return
        raise AssertionError(f"the services did not settle in {rounds} rounds")

    async def _consumers_caught_up(self) -> bool:
        # A Kafka consumer that has not joined its group yet fetches nothing without being done.
        for runtime in self.runtimes.values():
            subscription = runtime.consumer.subscription if runtime.consumer else None
            if subscription is not None and not await subscription.caught_up():
                return False
        return True

    async def run_jobs(self, service: str) -> None:
        """Run a service's periodic jobs once, as their timer would (after moving the clock, say)."""
        runtime = self.runtimes[service]
        for job in runtime.definition.jobs:
            await job.run(runtime)

    async def records(self, topic: str) -> list[Record]:
        """Every record on a topic so far, as it lies there (a dead letter too), in order per partition."""
        subscription = await self.bus.subscribe(unique_name("inspect"), [topic])
        found: list[Record] = []
        try:
            while records := await subscription.fetch(
                max_records=1000, timeout=0.5 if self.kind == "embedded" else 2.0
            ):
                found += records
        finally:
            await subscription.close()
        return found

    async def events(self, topic: str) -> list[Envelope]:
        """Every event on a topic so far, in order per partition (all of one key in order)."""
        return [from_wire(r.key, r.value, r.headers) for r in await self.records(topic)]
