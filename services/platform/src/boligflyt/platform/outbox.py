"""The outbox relay: publishes committed outbox rows in order and marks them sent.

A broker outage delays events and never loses them: rows stay unpublished until the bus takes them. On
PostgreSQL a transaction-scoped advisory lock makes one relay the publisher at a time (so order holds even
with several replicas of a service), and `FOR UPDATE SKIP LOCKED` keeps the row lock from blocking anyone.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import zlib
from collections import Counter

import structlog
from sqlalchemy import func, select, update

from boligflyt.contracts.envelope import WireMessage
from boligflyt.platform.bus.port import BusUnavailable, EventBus
from boligflyt.platform.db import SQLITE_BEGIN, Database, utcnow
from boligflyt.platform.observability import EVENTS_PUBLISHED, OUTBOX_BACKLOG
from boligflyt.platform.tables import outbox

log = structlog.get_logger(__name__)

# How often the relay counts its backlog for the outbox_backlog gauge. Counting after every publish cost a query
# per committed request under load; once a second is enough for a gauge (the inbox measures its lag likewise).
BACKLOG_EVERY_SECONDS = 1.0


class OutboxRelay:
    def __init__(
        self,
        database: Database,
        bus: EventBus,
        *,
        batch_size: int = 500,
        poll_seconds: float = 0.5,
        max_backoff_seconds: float = 10.0,
    ) -> None:
        self.database = database
        self.bus = bus
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self._wake = asyncio.Event()
        self._lock_key = zlib.crc32(f"boligflyt.outbox.{database.service}".encode())
        self._backlog_counted_at = -BACKLOG_EVERY_SECONDS
        database.on_events_committed(self._wake.set)

    async def publish_batch(self) -> int:
        """Publish the oldest unpublished rows; return how many were published."""
        async with self.database.sessions() as session, session.begin():
            if self.database.dialect == "postgresql":
                got_lock = await session.scalar(select(func.pg_try_advisory_xact_lock(self._lock_key)))
                if not got_lock:
                    return 0
            else:
                # The write lock from the start: a deferred read could not become the write that marks the rows
                # sent once a unit of work had committed meanwhile ("database is locked"), and the rows, already
                # on the bus, would be sent again.
                await session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"})
            query = (
                select(outbox.c.id, outbox.c.topic, outbox.c.key, outbox.c.value, outbox.c.headers)
                .where(outbox.c.published_at.is_(None))
                .order_by(outbox.c.id)
                .limit(self.batch_size)
            )
            if self.database.dialect == "postgresql":
                query = query.with_for_update(skip_locked=True)
            rows = (await session.execute(query)).all()
            if not rows:
                return 0
            # Headers were stored in wire order by UnitOfWork.record; JSON (not JSONB) keeps that order.
            messages = [
                WireMessage(
                    topic=row.topic,
                    key=row.key,
                    value=row.value,
                    headers=tuple([(name, value.encode()) for name, value in row.headers.items()]),
                )
                for row in rows
            ]
            await self.bus.publish(messages)
            await session.execute(
                update(outbox).where(outbox.c.id.in_([row.id for row in rows])).values(published_at=utcnow())
            )
        for topic, count in Counter(message.topic for message in messages).items():
            EVENTS_PUBLISHED.labels(service=self.database.service, topic=topic).inc(count)
        return len(rows)

    async def backlog(self) -> int:
        async with self.database.sessions() as session:
            count = await session.scalar(
                select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            )
        return int(count or 0)

    async def drain(self) -> int:
        """Publish until nothing is left (used by tests and at shutdown)."""
        total = 0
        while published := await self.publish_batch():
            total += published
        return total

    async def run(self) -> None:
        """Publish forever: woken by commits in this process, polling for the rest, backing off on outage."""
        backoff = self.poll_seconds
        while True:
            self._wake.clear()
            try:
                published = await self.publish_batch()
                backoff = self.poll_seconds
                if published >= self.batch_size:
                    continue  # more waiting: no time for counting while draining
                if time.monotonic() - self._backlog_counted_at >= BACKLOG_EVERY_SECONDS:
                    self._backlog_counted_at = time.monotonic()
                    OUTBOX_BACKLOG.labels(service=self.database.service).set(await self.backlog())
            except BusUnavailable as exc:
                log.warning("outbox.bus_unavailable", service=self.database.service, error=str(exc))
                backoff = min(backoff * 2, self.max_backoff_seconds)
                await asyncio.sleep(backoff)
                continue
            except Exception:
                log.exception("outbox.relay_failed", service=self.database.service)
                backoff = min(backoff * 2, self.max_backoff_seconds)
                await asyncio.sleep(backoff)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
