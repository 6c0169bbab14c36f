"""The outbox relay: publishes committed outbox rows in order and marks them sent.

A broker outage delays events and never loses them: rows stay unpublished until the bus takes them. On
PostgreSQL a transaction-scoped advisory lock makes one relay the publisher at a time (so order holds even
with several replicas of a service). Nothing else writes an outbox row once it is committed, so the rows take no
row locks of their own (`FOR UPDATE` cost a WAL record per row read, often with a full page image).

The relay does not wait idle while the bus acknowledges a batch: in one transaction it sends batch after batch,
each before the previous one's acknowledgement is awaited, and marks a batch sent only once it was acknowledged.
A failure leaves every row not yet acknowledged unpublished, to be sent again (consumers drop duplicates).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence

import structlog
from sqlalchemy import BigInteger, Row, Text, any_, bindparam, cast, func, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.envelope import WireMessage
from boligflyt.platform.bus.port import BusUnavailable, EventBus
from boligflyt.platform.db import SQLITE_BEGIN, Database, utcnow
from boligflyt.platform.observability import EVENTS_PUBLISHED, OUTBOX_BACKLOG
from boligflyt.platform.tables import outbox

log = structlog.get_logger(__name__)

# How often the relay counts its backlog for the outbox_backlog gauge. Counting after every publish cost a query
# per committed request under load; once a second is enough for a gauge (the inbox measures its lag likewise).
BACKLOG_EVERY_SECONDS = 1.0


# What the relay reads of an outbox row: id, topic, key, value and the headers' JSON text.
OutboxRow = Row[int, str, str, bytes, str]


def _wire_messages(rows: Sequence[OutboxRow]) -> Iterator[WireMessage]:
    """One at a time, as the bus takes them: a batch's messages built up front were enough live objects for the
    garbage collector to run a full collection of the process's heap every 20,000 or so."""
    for _, topic, key, value, headers in rows:
        # Stored in wire order by UnitOfWork.record; JSON (not JSONB) keeps that order.
        yield WireMessage(
            topic, key, value, tuple([(name, text.encode()) for name, text in json.loads(headers).items()])
        )


class OutboxRelay:
    def __init__(
        self,
        database: Database,
        bus: EventBus,
        *,
        batch_size: int = 500,
        batches_per_transaction: int = 10,
        poll_seconds: float = 0.5,
        max_backoff_seconds: float = 10.0,
    ) -> None:
        self.database = database
        self.bus = bus
        self.batch_size = batch_size
        # The bus works on one batch while the next is read and sent, in one transaction that holds the lock; a
        # bound keeps the transaction short enough that a crash resends little. SQLite's transaction holds the
        # file's write lock and blocks every unit of work, and the embedded log acknowledges as it appends, so
        # there is nothing to overlap: one batch a transaction.
        postgres = database.dialect == "postgresql"
        self.batches_per_transaction = batches_per_transaction if postgres else 1
        self.poll_seconds = poll_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self._wake = asyncio.Event()
        self._lock_key = zlib.crc32(f"boligflyt.outbox.{database.service}".encode())
        self._backlog_counted_at = -BACKLOG_EVERY_SECONDS
        database.on_events_committed(self._wake.set)

        # Built once: SQLAlchemy reuses their compiled forms, and asyncpg its prepared statements.
        self._take_lock = select(func.pg_try_advisory_xact_lock(self._lock_key))
        # The headers as their JSON text, parsed as each message is built (the driver would parse a whole batch's
        # up front). `after` is the last id sent in this transaction: those rows stay unpublished until marked.
        self._select_batch = (
            select(
                outbox.c.id,
                outbox.c.topic,
                outbox.c.key,
                outbox.c.value,
                cast(outbox.c.headers, Text).label("headers"),
            )
            .where(outbox.c.published_at.is_(None), outbox.c.id > bindparam("after"))
            .order_by(outbox.c.id)
            .limit(batch_size)
        )
        ids = bindparam("ids", type_=ARRAY(BigInteger)) if postgres else bindparam("ids", expanding=True)
        # One array parameter on PostgreSQL, rather than an IN list of batch_size parameters rendered every time.
        self._mark_sent = (
            update(outbox)
            .where(outbox.c.id == any_(ids) if postgres else outbox.c.id.in_(ids))
            .values(published_at=bindparam("at"))
        )

    async def publish_batch(self) -> int:
        """Publish the oldest unpublished rows, up to `batches_per_transaction` batches of them; return how many
        were published (acknowledged by the bus and marked sent)."""
        published: Counter[str] = Counter()
        failure: BusUnavailable | None = None
        async with self.database.write_turn(), self.database.sessions() as session, session.begin():
            if self.database.dialect == "postgresql":
                if not await session.scalar(self._take_lock):
                    return 0
            else:
                # The write lock from the start: a deferred read could not become the write that marks the rows
                # sent once a unit of work had committed meanwhile ("database is locked"), and the rows, already
                # on the bus, would be sent again.
                await session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"})
            try:
                await self._publish_in_order(session, published)
            except BusUnavailable as exc:
                failure = exc  # what the bus acknowledged before is marked sent and commits all the same
        for topic, count in published.items():
            EVENTS_PUBLISHED.labels(service=self.database.service, topic=topic).inc(count)
        if failure is not None:
            raise failure
        return published.total()

    async def _publish_in_order(self, session: AsyncSession, published: Counter[str]) -> None:
        """Send batch after batch in id order, and mark each sent once the bus has acknowledged it; count the rows
        marked, per topic, into `published`."""
        unmarked: list[tuple[Sequence[OutboxRow], asyncio.Future[None]]] = []  # sent, oldest first

        async def mark_oldest_then_read(after: int | None) -> Sequence[OutboxRow]:
            if unmarked:
                rows, delivery = unmarked[0]
                await delivery
                await session.execute(self._mark_sent, {"ids": [row[0] for row in rows], "at": utcnow()})
                unmarked.pop(0)
                published.update(row[1] for row in rows)
            if after is None:
                return ()
            return (await session.execute(self._select_batch, {"after": after})).all()

        async def send(rows: Sequence[OutboxRow]) -> asyncio.Future[None]:
            return await self.bus.send(_wire_messages(rows))

        try:
            rows = await mark_oldest_then_read(0)
            batches = 1
            while rows:
                more = len(rows) == self.batch_size and batches < self.batches_per_transaction
                # While this batch is built and sent, the database marks the one before (once the bus has
                # acknowledged it) and reads the next: the bus, the database and this process work at once.
                read, sent = await asyncio.gather(
                    mark_oldest_then_read(rows[-1][0] if more else None),  # first, to be on its way first
                    send(rows),
                    return_exceptions=True,
                )
                if not isinstance(sent, BaseException):
                    unmarked.append((rows, sent))
                if isinstance(read, BaseException):
                    raise read
                if isinstance(sent, BaseException):
                    raise sent
                rows, batches = read, batches + 1
            while unmarked:
                await mark_oldest_then_read(None)
        finally:
            # Left by a failure: their rows stay unpublished, whatever becomes of these deliveries, and go again.
            for _, delivery in unmarked:
                delivery.cancel()
            await asyncio.gather(*(delivery for _, delivery in unmarked), return_exceptions=True)

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
