"""Rebuild the read model: wipe it, then replay every topic from the start under a new consumer group.

The events go through the same inbox handling as the live consumer (consumer name `dashboard`), so an
event the live consumer handles during the rebuild is still projected once. The live consumer keeps its
own group and position; the rebuild's group reads everything once and is then left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import uuid
from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import delete, insert

from boligflyt.contracts.envelope import Envelope
from boligflyt.dashboard.handlers import handlers
from boligflyt.dashboard.models import rebuild_state
from boligflyt.dashboard.service import PreparedEvent, prepare, prepared_events, topics_of_catalogue, wipe
from boligflyt.platform.bus import EventBus
from boligflyt.platform.bus.port import Record
from boligflyt.platform.db import Database, utcnow
from boligflyt.platform.inbox import InboxConsumer, RetryPolicy

CONSUMER = "dashboard"

Progress = Callable[[int, int], None]
"""Called with (records done so far, records in total) as the replay goes."""

# Records parsed and prepared ahead between two turns of the event loop.
AHEAD_CHUNK = 50
# Net allocations of container objects between two young collections while a rebuild runs (Python's default: 700).
REBUILD_GC_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The garbage collector's young generation collected every REBUILD_GC_THRESHOLD allocations instead of 700.

    A replay allocates objects by the million (envelopes, payload models, rows), almost all of them freed again by
    their reference counts; at the default threshold the collector ran about 3,000 times per 100,000 events, full
    collections of the process's heap among them, and took a third of the replay's CPU (2.3 of 7.1 s). What reference
    cycles a rebuild leaves wait a little longer for their collection, in memory. The whole process's collector is
    set, and set back when the rebuild ends.
    """
    before = gc.get_threshold()
    gc.set_threshold(REBUILD_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def prepare_ahead(envelopes: Sequence[Envelope]) -> dict[str, PreparedEvent]:
    """The events' projections, as far as they can be made ahead. One that fails here fails again where the batch is
    handled, and is dealt with there (the batch falls back to one by one, with retries and dead letters)."""
    ahead = {}
    for envelope in envelopes:
        with contextlib.suppress(Exception):
            ahead[envelope.id] = prepare(envelope)
    return ahead


async def rebuild(
    database: Database,
    bus: EventBus,
    *,
    progress: Progress | None = None,
    retry: RetryPolicy | None = None,
    batch_size: int = 2000,
) -> int:
    """Wipe and replay; returns how many records were read."""
    group = f"{CONSUMER}.rebuild.{uuid.uuid4().hex[:12]}"
    async with database.unit_of_work(actor="system:rebuild") as uow:
        await wipe(uow.session, CONSUMER)
        uow.audit("read_model.wiped", "read_model", group)
        await uow.commit()
    consumer = InboxConsumer(
        name=CONSUMER, database=database, bus=bus, handlers=handlers, retry=retry, batch_size=batch_size
    )
    subscription = consumer.subscription = await bus.subscribe(group, list(topics_of_catalogue()))

    async def next_batch() -> tuple[list[Record], list[Envelope] | None, dict[str, PreparedEvent]]:
        records = await subscription.fetch(max_records=batch_size, timeout=0.5)
        envelopes: list[Envelope] = []
        prepared: dict[str, PreparedEvent] = {}
        for start in range(0, len(records), AHEAD_CHUNK):
            chunk = consumer.parse_batch(records[start : start + AHEAD_CHUNK])
            if chunk is None:
                return records, None, {}  # one breaks its contract: the batch goes one by one
            envelopes += chunk
            prepared.update(prepare_ahead(chunk))
            # A turn for the batch being written, whose answer from PostgreSQL may be in: this work is to fill
            # its waits, not to keep it waiting.
            await asyncio.sleep(0)
        return records, envelopes, prepared

    with fewer_collections():
        # The next batch is fetched, parsed and prepared (service.prepare) while this one is written: that is half
        # of the replay's work, and it can run while the event loop would otherwise only wait for PostgreSQL.
        upcoming = asyncio.create_task(next_batch())
        try:
            done = 0
            if progress:
                progress(done, sum((await subscription.lag()).values()))
            while True:
                records, envelopes, prepared = await upcoming
                # Nothing is being fetched now, so "caught up" means every record on the topics was handled.
                if not records and await subscription.caught_up():
                    break
                upcoming = asyncio.create_task(next_batch())
                handled_ahead = prepared_events.set(prepared)
                try:
                    await consumer.handle_fetched(records, envelopes)
                finally:
                    prepared_events.reset(handled_ahead)
                done += len(records)
                if progress:
                    # What is left is the new group's lag (Kafka knows it only once the group has its partitions).
                    progress(done, done + sum((await subscription.lag()).values()))
        finally:
            upcoming.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):  # a failed prefetch changes nothing now
                await upcoming
            await consumer.close()
    async with database.unit_of_work(actor="system:rebuild") as uow:
        await uow.session.execute(delete(rebuild_state))
        await uow.session.execute(insert(rebuild_state).values(id=1, group_id=group, rebuilt_at=utcnow(), events=done))
        await uow.commit()
    return done
