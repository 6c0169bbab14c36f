"""What every benchmark shares: a fresh world (PostgreSQL database, Kafka topic namespace), timing, results."""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.contracts.examples import example_for
from boligflyt.platform.db import Database
from boligflyt.platform.migrate import migrate
from boligflyt.testkit import (
    create_postgres_database,
    drop_kafka_namespace,
    drop_postgres_database,
    unique_name,
)

RESULTS = Path(__file__).parent / "results"


@dataclass(frozen=True)
class Options:
    """What `./dev bench` was asked beyond the names; each benchmark has its own default for what is None."""

    events: int | None = None  # how many events (relay, consumer, replay)
    seconds: float | None = None  # how long the load runs (latency, visibility)
    rate: float | None = None  # requests/s of the API load (latency), to find where a server stops keeping up
    days: int | None = None  # simulated days (outcomes)


@dataclass
class Result:
    name: str
    unit: str
    value: float
    anchor_name: str
    anchor_value: float
    target: str
    met: bool
    details: dict[str, object] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.value / self.anchor_value if self.anchor_value else float("nan")

    def report(self) -> None:
        verdict = "met" if self.met else "MISSED"
        details = "".join(f"; {name} {value}" for name, value in self.details.items())
        print(
            f"{self.name}: {self.value:,.1f} {self.unit}; anchor {self.anchor_name}: {self.anchor_value:,.1f} "
            f"{self.unit}; ratio {self.ratio:.2f}; target {self.target}: {verdict}{details}"
        )
        RESULTS.mkdir(exist_ok=True)
        record = {
            **asdict(self),
            "ratio": self.ratio,
            "at": datetime.now(UTC).isoformat(),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        }
        (RESULTS / f"{self.name}.json").write_text(json.dumps(record, indent=2) + "\n")


def need(key: str, n: int) -> NeedReported:
    example = example_for(NeedReported.event_type)
    assert isinstance(example, NeedReported)
    return example.model_copy(update={"need_id": key, "dwellings": n})


@asynccontextmanager
async def postgres_database(service: str, migrations: Path | None = None) -> AsyncIterator[Database]:
    """A fresh database with the platform's tables (and the service's, given its migrations), dropped after."""
    url = await create_postgres_database(unique_name("bench"))
    database = Database(url, service=service)
    try:
        await migrate(database, migrations)
        yield database
    finally:
        await database.dispose()
        await drop_postgres_database(url)


def bootstrap() -> str:
    return os.environ["BOLIGFLYT_KAFKA_BOOTSTRAP"]


# The system's own topics are about twenty; thousands are what earlier runs left (drop_kafka_namespace).
CROWDED_BROKER_TOPICS = 500


async def warn_if_broker_crowded() -> None:
    """A broker that carries thousands of topics of earlier runs does housekeeping over all of them, about a second
    of most of a core once a minute, and every figure taken beside it (the API latency's p99 above all: 16 ms on
    a clean broker, 240 ms with 3,500 topics) measures that instead."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap())
    await admin.start()
    try:
        topics = len(await admin.list_topics())
    finally:
        await admin.close()
    if topics > CROWDED_BROKER_TOPICS:
        print(
            f"warning: the broker at {bootstrap()} holds {topics:,} topics, most of them left by earlier runs; its "
            "housekeeping stalls the benchmarks. `./dev kafka wipe` (development data only) gives a clean one.",
            flush=True,
        )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@asynccontextmanager
async def kafka_namespace() -> AsyncIterator[str]:
    """A topic prefix of the benchmark's own; its topics are deleted afterwards (`drop_kafka_namespace` says why)."""
    prefix = unique_name("bench") + "."
    try:
        yield prefix
    finally:
        await drop_kafka_namespace(prefix)


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.started
