"""The consumer side: each event handled once in effect, in one transaction with its inbox row.

Per record: parse and validate against the catalogue (what does not parse goes straight to the dead-letter
topic), skip types this service does not handle, else run the handler inside a unit of work that first
claims the inbox row (a duplicate is skipped), retry with backoff on failure, and dead-letter what still
fails. Offsets are committed only after the records before them were handled or dead-lettered.
"""

from __future__ import annotations

import asyncio
import time
import traceback
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

import structlog

from boligflyt.contracts.base import Event
from boligflyt.contracts.envelope import ContractViolation, Envelope, WireMessage, from_wire
from boligflyt.contracts.topics import dead_letter_topic, topic_for
from boligflyt.platform.bus.port import BusUnavailable, EventBus, Record, Subscription
from boligflyt.platform.db import Database, UnitOfWork, is_outage, utcnow
from boligflyt.platform.observability import (
    CONSUMER_LAG,
    DEAD_LETTERS,
    EVENTS_HANDLED,
    bound_trace,
    continue_trace,
)

log = structlog.get_logger(__name__)

Handler = Callable[[Envelope, UnitOfWork], Awaitable[None]]
BatchHandler = Callable[[Sequence[Envelope], UnitOfWork], Awaitable[None]]
E = TypeVar("E", bound=Event)
F = TypeVar("F", bound=Event)
G = TypeVar("G", bound=Event)
# A reaction takes the contract event itself; `uow.cause` is its envelope (id, time), `uow.clock` the service's clock.
Reaction = Callable[[E, UnitOfWork], Awaitable[None]]

# Headers a dead letter carries about where it came from and why it failed (operators filter on these).
ORIGINAL_TOPIC = "x-original-topic"
ORIGINAL_PARTITION = "x-original-partition"
ORIGINAL_OFFSET = "x-original-offset"
FAILED_CONSUMER = "x-consumer"
ERROR = "x-error"
ERROR_KIND = "x-error-kind"
ATTEMPTS = "x-attempts"
DEAD_LETTERED_AT = "x-dead-lettered-at"
REDRIVEN_AT = "x-redriven-at"
# How often a consumer measures its lag for the consumer_lag gauge.
LAG_EVERY_SECONDS = 1.0

DEAD_LETTER_HEADERS = (
    ORIGINAL_TOPIC,
    ORIGINAL_PARTITION,
    ORIGINAL_OFFSET,
    FAILED_CONSUMER,
    ERROR,
    ERROR_KIND,
    ATTEMPTS,
    DEAD_LETTERED_AT,
)


@dataclass
class EventHandlers:
    """A service's reactions to other services' events: `@handlers.on(TenancyMovedIn)` for one event at a time
    (`async def moved_in(event: TenancyMovedIn, uow: UnitOfWork)`), `@handlers.on_batch(...)` for a reaction that
    takes all new envelopes of a fetched batch at once."""

    by_type: dict[str, Handler] = field(default_factory=dict)
    batch_by_type: dict[str, BatchHandler] = field(default_factory=dict)

    # One reaction to several event types takes their union (`event: A | B`): the overloads say so to mypy.
    @overload
    def on(self, model: type[E], /) -> Callable[[Reaction[E]], Reaction[E]]: ...
    @overload
    def on(self, first: type[E], second: type[F], /) -> Callable[[Reaction[E | F]], Reaction[E | F]]: ...
    @overload
    def on(
        self, first: type[E], second: type[F], third: type[G], /
    ) -> Callable[[Reaction[E | F | G]], Reaction[E | F | G]]: ...
    @overload
    def on(self, *models: type[Event]) -> Callable[[Reaction[Any]], Reaction[Any]]: ...

    def on(self, *models: type[Event]) -> Callable[[Reaction[Any]], Reaction[Any]]:
        def register(reaction: Reaction[Any]) -> Reaction[Any]:
            async def handle(envelope: Envelope, uow: UnitOfWork) -> None:
                # The catalogue parsed the data into the model registered for its type; this only tells mypy.
                if not isinstance(envelope.data, models):
                    raise TypeError(f"{envelope.type} carries {type(envelope.data).__name__}, not a {models}")
                uow.cause = envelope
                await reaction(envelope.data, uow)

            for model in models:
                self._check_free(model.event_type)
                self.by_type[model.event_type] = handle
            return reaction

        return register

    def on_batch(self, *models: type[Event]) -> Callable[[BatchHandler], BatchHandler]:
        """The handler gets the new events of its types in each fetched batch (in order, after the batch's
        one-at-a-time handlers ran), inside the batch's unit of work: to write many events in a few statements,
        as the dashboard's projection does. It runs in a trace of its own; each envelope carries its
        traceparent. When a batch falls back to one event at a time, it gets one event at a time too."""

        def register(handler: BatchHandler) -> BatchHandler:
            for model in models:
                self._check_free(model.event_type)
                self.batch_by_type[model.event_type] = handler
            return handler

        return register

    def _check_free(self, event_type: str) -> None:
        if event_type in self.by_type or event_type in self.batch_by_type:
            raise ValueError(f"{event_type} already has a handler")

    @property
    def handled_types(self) -> set[str]:
        return {*self.by_type, *self.batch_by_type}

    def one_at_a_time(self, event_type: str) -> Handler | None:
        """The handler of one event of this type (a batch handler given a batch of one), or None."""
        if (handler := self.by_type.get(event_type)) is not None:
            return handler
        batch_handler = self.batch_by_type.get(event_type)
        if batch_handler is None:
            return None

        async def handle_one(envelope: Envelope, uow: UnitOfWork) -> None:
            await batch_handler([envelope], uow)

        return handle_one

    @property
    def topics(self) -> list[str]:
        from boligflyt.contracts.base import catalogue

        events = catalogue()
        return sorted({topic_for(events[event_type].producer) for event_type in self.handled_types})


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    backoff_seconds: float = 0.2
    backoff_max_seconds: float = 5.0

    def delay(self, attempt: int) -> float:
        return float(min(self.backoff_seconds * 2 ** (attempt - 1), self.backoff_max_seconds))


class InboxConsumer:
    """Runs one consumer group (named after the service) over the topics its handlers need."""

    def __init__(
        self,
        *,
        name: str,
        database: Database,
        bus: EventBus,
        handlers: EventHandlers,
        retry: RetryPolicy | None = None,
        batch_size: int = 200,
    ) -> None:
        self.name = name
        self.database = database
        self.bus = bus
        self.handlers = handlers
        self.retry = retry or RetryPolicy()
        self.batch_size = batch_size
        self.subscription: Subscription | None = None
        self._lag_measured_at = -LAG_EVERY_SECONDS

    async def run(self) -> None:
        """Consume forever; reconnects after bus outages."""
        while True:
            try:
                if self.subscription is None:
                    self.subscription = await self.bus.subscribe(self.name, self.handlers.topics)
                await self.poll_once()
            except BusUnavailable as exc:
                log.warning("consumer.bus_unavailable", consumer=self.name, error=str(exc))
                await self._close_subscription()
                await asyncio.sleep(1.0)

    async def poll_once(self, timeout: float = 1.0) -> int:
        """Fetch one batch, handle every record in order, then commit. Returns how many were fetched."""
        if self.subscription is None:
            self.subscription = await self.bus.subscribe(self.name, self.handlers.topics)
        records = await self.subscription.fetch(max_records=self.batch_size, timeout=timeout)
        await self.handle_fetched(records)
        return len(records)

    def parse_batch(self, records: Sequence[Record]) -> list[Envelope] | None:
        """The records' envelopes, or None if any of them breaks its contract (then they go one by one)."""
        try:
            return [from_wire(record.key, record.value, record.headers) for record in records]
        except ContractViolation:
            return None

    async def handle_fetched(self, records: Sequence[Record], envelopes: list[Envelope] | None = None) -> None:
        """Handle fetched records (parsed already, if `envelopes` is given), then commit their offsets."""
        if not records or self.subscription is None:
            return
        if envelopes is None:
            envelopes = self.parse_batch(records)
        if envelopes is None or not await self._handle_batch(records, envelopes):
            for record in records:
                await self.handle(record)
        await self.subscription.commit(records)
        # Measuring the lag asks the broker; once a second is enough for a gauge, and keeps it off the way of
        # every event.
        if time.monotonic() - self._lag_measured_at >= LAG_EVERY_SECONDS:
            self._lag_measured_at = time.monotonic()
            for topic, lag in (await self.subscription.lag()).items():
                CONSUMER_LAG.labels(service=self.database.service, topic=topic).set(lag)

    async def _close_subscription(self) -> None:
        if self.subscription is not None:
            try:
                await self.subscription.close()
            except Exception:
                log.warning("consumer.close_failed", consumer=self.name)
            self.subscription = None

    async def close(self) -> None:
        await self._close_subscription()

    async def _handle_batch(self, records: Sequence[Record], envelopes: list[Envelope]) -> bool:
        """Handle a whole batch in one transaction: one commit instead of one per event.

        Exactly-once holds the same way (every inbox row commits with its effects). If anything in the batch
        fails, nothing of it is kept, and the caller handles the records one by one, where retries and dead
        letters apply to the one that fails.
        """
        outcomes: list[str] = []
        handled_types = self.handlers.handled_types
        wanted = [
            (record, envelope)
            for record, envelope in zip(records, envelopes, strict=True)
            if envelope.type in handled_types
        ]
        outcomes += ["ignored"] * (len(records) - len(wanted))
        if not wanted:
            # Nothing for this service: no transaction at all. On SQLite it would take the file's write lock, and in
            # the embedded host every consumer of a topic wakes for each event appended to it.
            self._count("ignored", len(records))
            return True
        try:
            async with self.database.unit_of_work(actor=f"event:{self.name}") as uow:
                claimed = await uow.claim_many(
                    self.name, [(envelope, r.topic, r.partition, r.offset) for r, envelope in wanted]
                )
                batches: dict[BatchHandler, list[Envelope]] = {}
                for _record, envelope in wanted:
                    # An event twice in one batch (a relay that sent it twice) is claimed once: handle it once.
                    if envelope.id not in claimed:
                        outcomes.append("duplicate")
                        continue
                    claimed.discard(envelope.id)
                    outcomes.append("handled")
                    handler = self.handlers.by_type.get(envelope.type)
                    if handler is None:
                        batches.setdefault(self.handlers.batch_by_type[envelope.type], []).append(envelope)
                        continue
                    with bound_trace(continue_trace(envelope.traceparent), service=self.name):
                        await handler(envelope, uow)
                for batch_handler, batch in batches.items():
                    with bound_trace(continue_trace(None), service=self.name):
                        await batch_handler(batch, uow)
                await uow.commit()
        except Exception as exc:
            log.info("consumer.batch_fell_back", consumer=self.name, size=len(records), error=repr(exc))
            return False
        for outcome, count in Counter(outcomes).items():
            self._count(outcome, count)
        return True

    async def handle(self, record: Record) -> str:
        """Handle one record to its end: 'handled', 'duplicate', 'ignored' or 'dead-lettered'."""
        try:
            envelope = from_wire(record.key, record.value, record.headers)
        except ContractViolation as exc:
            await self.dead_letter(record, exc, attempts=0)
            return self._count("dead-lettered")
        handler = self.handlers.one_at_a_time(envelope.type)
        if handler is None:
            return self._count("ignored")
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._count(await self._handle_once(record, envelope, handler))
            except Exception as exc:
                if is_outage(exc):
                    # The database being away is no fault of the event: wait for it, never dead-letter.
                    log.warning("consumer.database_unavailable", consumer=self.name, error=repr(exc))
                    attempt -= 1
                    await asyncio.sleep(self.retry.backoff_max_seconds or 1.0)
                    continue
                if attempt >= self.retry.max_attempts:
                    log.error(
                        "consumer.gave_up",
                        consumer=self.name,
                        event_id=envelope.id,
                        type=envelope.type,
                        error=repr(exc),
                    )
                    await self.dead_letter(record, exc, attempts=attempt)
                    return self._count("dead-lettered")
                log.warning(
                    "consumer.retry",
                    consumer=self.name,
                    event_id=envelope.id,
                    attempt=attempt,
                    error=repr(exc),
                )
                await asyncio.sleep(self.retry.delay(attempt))

    async def _handle_once(self, record: Record, envelope: Envelope, handler: Handler) -> str:
        # The trace of the request that caused the event goes on into what the handler writes and records.
        with bound_trace(continue_trace(envelope.traceparent), service=self.name):
            return await self._handle_in_transaction(record, envelope, handler)

    async def _handle_in_transaction(self, record: Record, envelope: Envelope, handler: Handler) -> str:
        async with self.database.unit_of_work(actor=f"event:{self.name}") as uow:
            claimed = await uow.claim(
                self.name, envelope, topic=record.topic, partition=record.partition, offset=record.offset
            )
            if not claimed:
                return "duplicate"
            await handler(envelope, uow)
            await uow.commit()
        return "handled"

    def _count(self, outcome: str, count: int = 1) -> str:
        EVENTS_HANDLED.labels(service=self.database.service, consumer=self.name, outcome=outcome).inc(count)
        return outcome

    async def dead_letter(self, record: Record, error: BaseException, *, attempts: int) -> None:
        """Put the record on `<topic>.dlq` with its origin and the error, so the consumer can go on."""
        kept = tuple((name, value) for name, value in record.headers if name not in DEAD_LETTER_HEADERS)
        detail = "".join(traceback.format_exception_only(type(error), error)).strip()[:2000]
        headers = (
            *kept,
            (ORIGINAL_TOPIC, record.topic.encode()),
            (ORIGINAL_PARTITION, str(record.partition).encode()),
            (ORIGINAL_OFFSET, str(record.offset).encode()),
            (FAILED_CONSUMER, self.name.encode()),
            (ERROR, detail.encode()),
            (ERROR_KIND, ("contract" if isinstance(error, ContractViolation) else "handler").encode()),
            (ATTEMPTS, str(attempts).encode()),
            (DEAD_LETTERED_AT, utcnow().isoformat().encode()),
        )
        message = WireMessage(
            topic=dead_letter_topic(record.topic), key=record.key or "", value=record.value, headers=headers
        )
        # Until the dead letter is safely written the offset is not committed, so nothing is lost.
        while True:
            try:
                await self.bus.publish([message])
                break
            except BusUnavailable as exc:
                log.warning("consumer.dead_letter_retry", consumer=self.name, error=str(exc))
                await asyncio.sleep(1.0)
        DEAD_LETTERS.labels(service=self.database.service, topic=record.topic).inc()
        log.error(
            "consumer.dead_lettered",
            consumer=self.name,
            topic=record.topic,
            offset=record.offset,
            error=detail,
        )


async def redrive(
    bus: EventBus,
    topic: str,
    *,
    consumer: str | None = None,
    idle_seconds: float = 2.0,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Put the dead letters of `topic` back on it, once each; returns how many.

    Consumers that handled an event before skip it through their inbox, so sending it to everyone is safe.
    With `consumer`, only that consumer's dead letters are sent back; the others stay for a later redrive
    (each filter keeps a position of its own).
    """
    group = f"boligflyt.redrive.{topic}" + (f".{consumer}" if consumer else "")
    subscription = await bus.subscribe(group, [dead_letter_topic(topic)])
    redriven = 0
    try:
        deadline = time.monotonic() + idle_seconds
        while time.monotonic() < deadline:
            records = await subscription.fetch(max_records=500, timeout=0.5)
            if not records:
                continue
            deadline = time.monotonic() + idle_seconds
            selected = [r for r in records if consumer is None or r.header(FAILED_CONSUMER) == consumer]
            messages = [
                WireMessage(
                    topic=record.header(ORIGINAL_TOPIC) or topic,
                    key=record.key or "",
                    value=record.value,
                    headers=(
                        *((name, value) for name, value in record.headers if name not in DEAD_LETTER_HEADERS),
                        (REDRIVEN_AT, utcnow().isoformat().encode()),
                    ),
                )
                for record in selected
            ]
            await bus.publish(messages)
            await subscription.commit(records)
            redriven += len(messages)
            if progress:
                progress(len(messages))
    finally:
        await subscription.close()
    return redriven
