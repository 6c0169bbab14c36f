"""What tests of every service share: settings for a throwaway world, real PostgreSQL and Kafka when given.

`./dev test` starts PostgreSQL and Kafka and exports BOLIGFLYT_POSTGRES_URL (a server URL; each test gets a
fresh database on it) and BOLIGFLYT_KAFKA_BOOTSTRAP. Run outside it, tests that need them are skipped, unless
BOLIGFLYT_REQUIRE_INFRA=1 (as `./dev test` sets), when their absence is a failure.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from boligflyt.platform.settings import Settings, normalise_database_url


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
def data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data"


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
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
        self.data_dir = data_dir
        self.bootstrap = f"127.0.0.1:{port}"

    def _run(self, *args: str) -> None:
        env = {**os.environ, "KAFKA_PORT": str(self.port), "KAFKA_DATA_DIR": str(self.data_dir)}
        subprocess.run([str(KAFKA_SCRIPT), *args], env=env, check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        self._run("start")

    def kill(self) -> None:
        self._run("stop", "--kill")

    def wipe(self) -> None:
        self._run("wipe")
