"""A broker outage delays events and loses none: the acceptance test of the outbox (issue: foundation)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.platform.bus.kafka import KafkaBus
from boligflyt.platform.db import Database, UnitOfWork
from boligflyt.platform.inbox import EventHandlers, InboxConsumer
from boligflyt.platform.migrate import migrate
from boligflyt.platform.outbox import OutboxRelay
from boligflyt.testkit import PrivateKafka

from .conftest import effects, effects_metadata, need_reported

WRITES = 1_000
KEYS = 25


async def test_writes_succeed_while_the_broker_is_down_and_every_event_arrives_once_in_order(
    tmp_path: Path, postgres_url: str
) -> None:
    kafka = PrivateKafka(port=19392, data_dir=tmp_path / "kafka")
    kafka.start()
    database = Database(postgres_url, service="ordering")
    await migrate(database, None)
    async with database.engine.begin() as connection:
        await connection.run_sync(effects_metadata.create_all)
    bus = KafkaBus(kafka.bootstrap, partitions=3)
    await bus.ensure_topics(["boligflyt.ordering", "boligflyt.ordering.dlq"])
    relay = OutboxRelay(database, bus, poll_seconds=0.1, max_backoff_seconds=1.0)
    relay_task = asyncio.create_task(relay.run())
    try:
        kafka.kill()

        run = uuid.uuid4().hex[:6]
        keys = [f"need-{run}-{i}" for i in range(KEYS)]
        started = time.monotonic()
        for n in range(1, WRITES + 1):
            async with database.unit_of_work(actor="bestiller:test") as uow:
                uow.record(need_reported(keys[n % KEYS], n))
                uow.audit("need.reported", "need", keys[n % KEYS])
                await uow.commit()
        write_seconds = time.monotonic() - started
        print(f"{WRITES} writes with the broker down took {write_seconds:.2f} s")
        assert await relay.backlog() == WRITES

        kafka.start()
        for _ in range(240):
            if not await relay.backlog():
                break
            await asyncio.sleep(0.5)
        assert await relay.backlog() == 0, "the relay did not catch up after the broker came back"

        handlers = EventHandlers()

        @handlers.on(type(need_reported("k", 1)))
        async def record_effect(event: NeedReported, uow: UnitOfWork) -> None:
            envelope = uow.cause
            assert envelope is not None
            await uow.session.execute(
                effects.insert().values(event_id=envelope.id, key=envelope.key, n=event.dwellings)
            )

        consumer = InboxConsumer(name=f"outage-{run}", database=database, bus=bus, handlers=handlers)
        deadline = time.monotonic() + 120
        rows: list[tuple[str, int]] = []
        while len(rows) < WRITES and time.monotonic() < deadline:
            await consumer.poll_once(timeout=1.0)
            async with database.sessions() as session:
                rows = [
                    (r.key, r.n)
                    for r in await session.execute(select(effects.c.key, effects.c.n).order_by(effects.c.id))
                ]
        await consumer.close()

        assert len(rows) == WRITES, f"{len(rows)} of {WRITES} events took effect"
        assert len(set(rows)) == WRITES, "an event took effect twice"
        per_key: dict[str, list[int]] = defaultdict(list)
        for key, n in rows:
            per_key[key].append(n)
        for i, key in enumerate(keys):
            assert per_key[key] == [n for n in range(1, WRITES + 1) if n % KEYS == i], f"{key} out of order"
    finally:
        relay_task.cancel()
        await asyncio.gather(relay_task, return_exceptions=True)
        await bus.stop()
        await database.dispose()
        kafka.kill()
        kafka.wipe()
