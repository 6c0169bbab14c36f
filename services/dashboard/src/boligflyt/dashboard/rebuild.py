"""Rebuild the read model: wipe it, then replay every topic from the start under a new consumer group.

The live consumer keeps its own group and position, and goes on projecting during a rebuild; the rebuild's group
reads everything once and is then left behind. An event both come to project is projected once: the event log is
the projection's own record of what it has seen (`service.project_prepared`).

A large replay is parsed and prepared (`service.prepare`) in a second process while this one writes: the Python of
a replay was more than one core could do (docs/benchmarks.md)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import uuid
from collections.abc import Callable, Iterator, Sequence

import structlog
from sqlalchemy import delete, insert, text

from boligflyt.dashboard.handlers import handlers
from boligflyt.dashboard.models import rebuild_state
from boligflyt.dashboard.preparer import REBUILD_GC_THRESHOLD, Preparer
from boligflyt.dashboard.service import PreparedEvent, project_prepared, topics_of_catalogue, wipe
from boligflyt.platform.bus import EventBus
from boligflyt.platform.bus.port import Record
from boligflyt.platform.db import Database, utcnow
from boligflyt.platform.inbox import InboxConsumer, RetryPolicy

log = structlog.get_logger()

CONSUMER = "dashboard"

Progress = Callable[[int, int], None]
"""Called with (records done so far, records in total) as the replay goes."""

# Records on the topics from which a second process prepares them: it takes about a second to start.
PARALLEL_FROM = 20_000
# Batches read ahead of the one being written (handed to the second process at once: it always has the next).
BATCHES_AHEAD = 2
FETCH_TIMEOUT = 0.5


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


async def project_prepared_batch(database: Database, prepared: Sequence[PreparedEvent]) -> bool:
    """Project a batch prepared in the second process, in one transaction. Not claimed in the inbox: the event log
    is the projection's own record of what it has seen (`service.project_prepared`), which the live consumer's
    projection heeds as well. False if anything failed: then nothing of it was kept."""
    try:
        async with database.unit_of_work(actor=f"event:{CONSUMER}") as uow:
            if database.dialect == "postgresql":
                # Not waiting for each batch's WAL to reach the disk: a crash before the rebuild's end fails the
                # rebuild, which is run again, and its last commit (rebuild_state, synchronous) flushes all of it.
                await uow.session.execute(text("SET LOCAL synchronous_commit = off"))
            await project_prepared(uow.session, prepared)
            await uow.commit()
    except Exception as exc:
        log.info("rebuild.batch_handled_here", size=len(prepared), reason=repr(exc))
        return False
    return True


async def rebuild(
    database: Database,
    bus: EventBus,
    *,
    progress: Progress | None = None,
    retry: RetryPolicy | None = None,
    batch_size: int = 2000,
    parallel: bool | None = None,
) -> int:
    """Wipe and replay; returns how many records were read.

    `parallel`: prepare the events in a second process; None: when the topics hold PARALLEL_FROM records or more.
    """
    group = f"{CONSUMER}.rebuild.{uuid.uuid4().hex[:12]}"
    async with database.unit_of_work(actor="system:rebuild") as uow:
        await wipe(uow.session, CONSUMER)
        uow.audit("read_model.wiped", "read_model", group)
        await uow.commit()
    consumer = InboxConsumer(
        name=CONSUMER, database=database, bus=bus, handlers=handlers, retry=retry, batch_size=batch_size
    )
    subscription = consumer.subscription = await bus.subscribe(group, list(topics_of_catalogue()))
    # Batches read ahead, each with whether the second process has it to prepare; None at the end, or what stopped
    # the reading.
    ahead: asyncio.Queue[tuple[list[Record], bool] | BaseException | None] = asyncio.Queue(BATCHES_AHEAD)
    done = 0
    preparer: Preparer | None = None
    reader: asyncio.Task[None] | None = None
    try:
        with fewer_collections():
            batch = await subscription.fetch(max_records=batch_size, timeout=FETCH_TIMEOUT)
            # What is left is the new group's lag: Kafka knows it once the group has its partitions, after a fetch.
            total = sum((await subscription.lag()).values())
            if progress:
                progress(done, total)
            if parallel is None:
                parallel = total >= PARALLEL_FROM
            if parallel:
                preparer = await Preparer.start()

            async def hand_over(records: list[Record]) -> bool:
                if preparer is None:
                    return False
                try:
                    await preparer.send(records)
                except ConnectionError:
                    return False  # the second process is gone: told when its answers end
                return True

            async def read(batch: list[Record]) -> None:
                """Fetch batch after batch while the batches before are written, until every record was read."""
                try:
                    while True:
                        if batch:
                            await ahead.put((batch, await hand_over(batch)))
                        # Nothing fetched although a fetch waited: if the group's positions are at the topics'
                        # ends, every record was read.
                        elif await subscription.caught_up():
                            await ahead.put(None)
                            return
                        batch = await subscription.fetch(max_records=batch_size, timeout=FETCH_TIMEOUT)
                except Exception as exc:
                    await ahead.put(exc)

            reader = asyncio.create_task(read(batch))
            while (item := await ahead.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                records, handed_over = item
                prepared = None
                if handed_over and preparer is not None:
                    try:
                        prepared = await preparer.receive()
                    except (asyncio.IncompleteReadError, ConnectionError):
                        log.warning("rebuild.second_process_lost", note="the remaining batches are prepared here")
                        await preparer.stop()
                        preparer = None
                    if prepared is None:
                        log.info("rebuild.batch_handled_here", size=len(records), reason="not prepared")
                if prepared is not None and await project_prepared_batch(database, prepared):
                    await subscription.commit(records)
                else:
                    # Handled the inbox's way: as a batch, then one by one with retries and dead letters.
                    await consumer.handle_fetched(records)
                done += len(records)
                if progress:
                    progress(done, done + sum((await subscription.lag()).values()))
    finally:
        if reader is not None:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
        if preparer is not None:
            await preparer.stop()
        await consumer.close()
    async with database.unit_of_work(actor="system:rebuild") as uow:
        await uow.session.execute(delete(rebuild_state))
        await uow.session.execute(insert(rebuild_state).values(id=1, group_id=group, rebuilt_at=utcnow(), events=done))
        await uow.commit()
    return done
