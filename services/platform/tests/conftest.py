from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table

from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.contracts.examples import example_for
from boligflyt.platform.bus import EventBus
from boligflyt.platform.bus.embedded import EmbeddedLog
from boligflyt.platform.bus.kafka import KafkaBus
from boligflyt.platform.db import Database
from boligflyt.platform.migrate import migrate
from boligflyt.testkit import (
    create_postgres_database,
    drop_kafka_namespace,
    drop_postgres_database,
    kafka_bootstrap,
    unique_name,
)


@pytest.fixture(params=["embedded", "kafka"])
async def bus(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[EventBus]:
    """The same suite runs against both adapters: the services may rely only on what both promise."""
    if request.param == "embedded":
        adapter: EventBus = EmbeddedLog(tmp_path / "events.sqlite")
    else:
        adapter = KafkaBus(kafka_bootstrap(), partitions=3, topic_prefix=f"{unique_name('platform')}.")
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()
        if isinstance(adapter, KafkaBus):
            await drop_kafka_namespace(adapter.topic_prefix)


@dataclass
class Deployment:
    """A bus and a service database of one kind: embedded (SQLite + log) or distributed (PostgreSQL + Kafka)."""

    kind: str
    bus: EventBus
    database: Database


@pytest.fixture(params=["embedded", "distributed"])
async def deployment(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Deployment]:
    postgres_url: str | None = None
    if request.param == "embedded":
        bus: EventBus = EmbeddedLog(tmp_path / "events.sqlite")
        database = Database(f"sqlite+aiosqlite:///{tmp_path / 'service.sqlite'}", service="applications")
    else:
        # Topics of the test's own: what earlier runs left on a long-lived broker must not be read first.
        bus = KafkaBus(kafka_bootstrap(), partitions=3, topic_prefix=f"{unique_name('platform')}.")
        postgres_url = await create_postgres_database()
        database = Database(postgres_url, service="applications")
    await bus.start()
    await migrate(database, None)
    async with database.engine.begin() as connection:
        await connection.run_sync(effects_metadata.create_all)
    try:
        yield Deployment(request.param, bus, database)
    finally:
        await database.dispose()
        await bus.stop()
        if postgres_url:
            await drop_postgres_database(postgres_url)
        if isinstance(bus, KafkaBus):
            await drop_kafka_namespace(bus.topic_prefix)


# What the test handlers do: one row per effect, so "exactly once" is a count.
effects_metadata = MetaData()
effects = Table(
    "effects",
    effects_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("key", String(64), nullable=False),
    Column("n", Integer, nullable=False),
)


def need_reported(key: str, n: int) -> NeedReported:
    """A real catalogue event whose key and sequence number the test chooses."""
    example = example_for(NeedReported.event_type)
    assert isinstance(example, NeedReported)
    return example.model_copy(update={"need_id": key, "dwellings": n})
