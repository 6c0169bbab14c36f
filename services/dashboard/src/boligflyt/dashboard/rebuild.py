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
import multiprocessing
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import structlog
from sqlalchemy import delete, insert

from boligflyt.contracts.envelope import from_wire
from boligflyt.dashboard.handlers import handlers
from boligflyt.dashboard.models import rebuild_state
from boligflyt.dashboard.service import PreparedEvent, prepare, project_prepared, topics_of_catalogue, wipe
from boligflyt.platform.bus import EventBus
from boligflyt.platform.bus.port import Record
from boligflyt.platform.db import Database, utcnow
from boligflyt.platform.inbox import InboxConsumer, RetryPolicy

log = structlog.get_logger()

CONSUMER = "dashboard"

Progress = Callable[[int, int], None]
"""Called with (records done so far, records in total) as the replay goes."""

# Net allocations of container objects between two young collections while a rebuild runs (Python's default: 700).
REBUILD_GC_THRESHOLD = 50_000
# Records on the topics from which a second process prepares them: it takes about a second to start.
PARALLEL_FROM = 20_000
# Batches handed to the second process ahead of the one being written, so that it always has the next at hand.
BATCHES_AHEAD = 2
FETCH_TIMEOUT = 0.5

# A batch's events being prepared in the second process.
Preparing = asyncio.Future[list[PreparedEvent] | None]
# A record as the second process gets it: key, value and headers, all it takes to parse the event.
Message = tuple[str | None, bytes, tuple[tuple[str, bytes], ...]]


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


def prepare_messages(messages: Sequence[Message]) -> list[PreparedEvent] | None:
    """In the second process: the records' events parsed and prepared, or None if any of them fails (a record that
    breaks its contract, a projection that raises); the rebuild then handles that batch itself, the inbox's way,
    with retries and dead letters."""
    try:
        return [prepare(from_wire(key, value, headers)) for key, value, headers in messages]
    except Exception:
        return None


@contextlib.contextmanager
def second_process() -> Iterator[ProcessPoolExecutor]:
    """A process that prepares batches. Spawned, not forked: this process has threads (SQLite's connections) and
    open connections that a fork would copy."""
    workers = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=gc.set_threshold,
        initargs=(REBUILD_GC_THRESHOLD,),
    )
    try:
        yield workers
    finally:
        workers.shutdown(wait=True, cancel_futures=True)


async def project_prepared_batch(database: Database, prepared: Sequence[PreparedEvent]) -> bool:
    """Project a batch prepared in the second process, in one transaction. Not claimed in the inbox: the event log
    is the projection's own record of what it has seen (`service.project_prepared`), which the live consumer's
    projection heeds as well. False if anything failed: then nothing of it was kept."""
    try:
        async with database.unit_of_work(actor=f"event:{CONSUMER}") as uow:
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
    loop = asyncio.get_running_loop()
    # Batches read ahead, each with its events being prepared in the second process (None: prepared when handled);
    # None at the end, or what stopped the reading.
    ahead: asyncio.Queue[tuple[list[Record], Preparing | None] | BaseException | None] = asyncio.Queue(BATCHES_AHEAD)
    done = 0
    with fewer_collections(), contextlib.ExitStack() as stack:
        batch = await subscription.fetch(max_records=batch_size, timeout=FETCH_TIMEOUT)
        # What is left is the new group's lag: Kafka knows it once the group has its partitions, after a fetch.
        total = sum((await subscription.lag()).values())
        if progress:
            progress(done, total)
        workers = (
            stack.enter_context(second_process())
            if (total >= PARALLEL_FROM if parallel is None else parallel)
            else None
        )

        def prepared_elsewhere(records: list[Record]) -> Preparing | None:
            if workers is None:
                return None
            messages = [(record.key, record.value, record.headers) for record in records]
            return loop.run_in_executor(workers, prepare_messages, messages)

        async def read(batch: list[Record]) -> None:
            """Fetch batch after batch while the batches before are written, until every record was read."""
            try:
                while True:
                    if batch:
                        await ahead.put((batch, prepared_elsewhere(batch)))
                    # Nothing fetched although a fetch waited: if the group's positions are at the topics' ends,
                    # every record was read.
                    elif await subscription.caught_up():
                        await ahead.put(None)
                        return
                    batch = await subscription.fetch(max_records=batch_size, timeout=FETCH_TIMEOUT)
            except Exception as exc:
                await ahead.put(exc)

        reader = asyncio.create_task(read(batch))
        try:
            while (item := await ahead.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                records, preparing = item
                prepared = None
                if preparing is not None:
                    try:
                        prepared = await preparing
                    except BrokenProcessPool:
                        log.warning("rebuild.second_process_lost", note="the remaining batches are prepared here")
                        workers = None
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
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
            while not ahead.empty():
                if isinstance(left := ahead.get_nowait(), tuple) and left[1] is not None:
                    left[1].cancel()
            await consumer.close()
    async with database.unit_of_work(actor="system:rebuild") as uow:
        await uow.session.execute(delete(rebuild_state))
        await uow.session.execute(insert(rebuild_state).values(id=1, group_id=group, rebuilt_at=utcnow(), events=done))
        await uow.commit()
    return done
