"""The service's database and the unit of work: state, outbox rows and audit rows commit together, once."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import String, Table, func, insert, select, text
from sqlalchemy import event as sa_event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, InterfaceError, InvalidatePoolError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from boligflyt.contracts.base import Event
from boligflyt.contracts.envelope import DEFAULT_CONTRACTS_BASE_URL, Envelope, to_wire
from boligflyt.platform import concurrency, idempotency
from boligflyt.platform.apirequest import ApiRequest, current_api_request
from boligflyt.platform.auth import current_principal
from boligflyt.platform.clock import Clock, SystemClock
from boligflyt.platform.errors import NotFound
from boligflyt.platform.observability import current_trace_id, current_traceparent
from boligflyt.platform.tables import audit_log, inbox, outbox

# Execution option naming how a SQLite transaction begins: a unit of work takes the write lock up front.
SQLITE_BEGIN = "boligflyt_sqlite_begin"
# How long a SQLite writer waits for the file's write lock (its busy timeout), or for its turn in this process.
SQLITE_BUSY_SECONDS = 30


# A pooled connection idle longer than this is pinged before use (see create_engine).
PING_AFTER_IDLE_SECONDS = 1.0
_IDLE_SINCE = "boligflyt_idle_since"

# SQLSTATEs of a PostgreSQL that is unreachable (class 08), shutting down (57P01, 57P02) or starting up (57P03).
# asyncpg reports some of them as plain database errors, so they are told apart by code, not by exception class.
OUTAGE_SQLSTATES = ("08", "57P01", "57P02", "57P03")


def is_outage(exc: BaseException) -> bool:
    """A failure of the surroundings (database down, starting up or locked, network), not of the event or the
    handler."""
    if isinstance(exc, OperationalError | InterfaceError | ConnectionError | OSError):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None) or ""
    return exc.connection_invalidated or sqlstate.startswith(OUTAGE_SQLSTATES)


@sa_event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    # A unit of work's changes may have been flushed before its commit (a query autoflushes): it wrote all the same.
    session.info["flushed"] = True


def utcnow() -> datetime:
    return datetime.now(UTC)


def create_engine(url: str) -> AsyncEngine:
    """An async engine; SQLite files get WAL (readers never block the writer) and a busy timeout."""
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

        @sa_event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # pysqlite would only BEGIN at the first write, leaving a use case's reads outside its transaction;
            # we BEGIN ourselves (below), IMMEDIATE for units of work, so read-then-write cannot lose updates.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
            cursor.close()

        @sa_event.listens_for(engine.sync_engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine
    engine = create_async_engine(url, pool_size=10, max_overflow=10)

    # A connection the server closed meanwhile (a restart, an idle timeout) must not fail the request that takes
    # it from the pool. SQLAlchemy's pool_pre_ping made sure by pinging at every checkout, which on asyncpg is
    # three round trips (BEGIN, an empty statement, ROLLBACK): more than a read of the waiting list needs in all.
    # Now only a connection idle for a while is pinged. One used a moment ago that the server closed since (it
    # went away under load) fails its statement instead: an outage, answered 503 like the rest of that outage,
    # and SQLAlchemy then replaces every connection of the pool, as a failed ping did.
    @sa_event.listens_for(engine.sync_engine, "checkin")
    def _idle_from_now(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @sa_event.listens_for(engine.sync_engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        idle_since = record.info.get(_IDLE_SINCE)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return  # new, or used a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            # The pool then discards this connection and every older one, and checks out a new one.
            raise InvalidatePoolError(f"ping failed: {exc!r}") from exc

    return engine


class Database:
    """One service's database. Knows who to tell when a commit wrote events (the outbox relay)."""

    def __init__(self, url: str, *, service: str) -> None:
        self.url = url
        self.service = service
        self.engine = create_engine(url)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # For a read of one statement, which PostgreSQL runs in a snapshot of its own anyway: no transaction around
        # it, so no BEGIN and ROLLBACK, each a round trip to the server (most of a short read's cost). SQLite
        # keeps its transactions: they cost no round trip, and its BEGIN is ours to issue (create_engine).
        self.autocommit_sessions = (
            async_sessionmaker(self.engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)
            if self.dialect == "postgresql"
            else self.sessions
        )
        # The service's clock (the runtime sets its own): what a reaction's unit of work calls "now".
        self.clock: Clock = SystemClock()
        # Where the contracts are published (the runtime sets the deployment's): each event's `dataschema`.
        self.contracts_base_url = DEFAULT_CONTRACTS_BASE_URL
        # How long an Idempotency-Key's answer is kept (the runtime sets the deployment's).
        self.idempotency_ttl_seconds = 24 * 3600
        self._event_listeners: list[Callable[[], None]] = []
        self._write_turns: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def write_turn(self) -> AsyncIterator[None]:
        """On SQLite, this process's writers of the file take turns here before they BEGIN IMMEDIATE.

        SQLite lets one writer at a time have the file. A second one waits in SQLite's busy handler, which sleeps
        1, 2, 5, 10 ms and longer between tries however soon the first commits, and lets whichever waiter wakes
        first have it: with 20 writers at once a unit of work waited up to a second while others got the file again
        and again. Here writers are woken in the order they came, the moment the one before is done (the longest
        wait then 50 ms; docs/benchmarks.md). Writers of other processes (the command line) still meet in the busy
        handler. On PostgreSQL: no turns, row locks.
        """
        if self.dialect != "sqlite":
            yield
            return
        loop = asyncio.get_running_loop()
        if self._write_turns is None or self._write_turns[0] is not loop:
            self._write_turns = (loop, asyncio.Lock())
        turns = self._write_turns[1]
        # As long as SQLite's own wait; a TimeoutError, like "database is locked", is an outage (is_outage).
        async with asyncio.timeout(SQLITE_BUSY_SECONDS):
            await turns.acquire()
        try:
            yield
        finally:
            turns.release()

    def on_events_committed(self, listener: Callable[[], None]) -> None:
        self._event_listeners.append(listener)

    def events_committed(self) -> None:
        for listener in self._event_listeners:
            listener()

    def unit_of_work(self, actor: str) -> UnitOfWork:
        return UnitOfWork(self, actor=actor)

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


_CLAIM_MANY_POSTGRESQL = text(
    'INSERT INTO inbox (consumer, event_id, event_type, topic, "partition", "offset", handled_at) '
    "SELECT :consumer, event_id, event_type, topic, partition_, offset_, :handled_at "
    "FROM unnest(CAST(:event_ids AS varchar[]), CAST(:event_types AS varchar[]), CAST(:topics AS varchar[]), "
    "CAST(:partitions AS integer[]), CAST(:offsets AS bigint[])) "
    "AS batch(event_id, event_type, topic, partition_, offset_) "
    "ON CONFLICT DO NOTHING RETURNING event_id"
).columns(event_id=String())


async def copy_rows(
    session: AsyncSession, table: Table, columns: Sequence[str], records: Sequence[Sequence[Any]]
) -> None:
    """Append rows to a PostgreSQL table with COPY (binary), inside the session's transaction: for a bulk load
    (a replay of the whole history), where even an executemany INSERT spends most of its time binding
    parameters. Values are the driver's own (a `json` column takes the document as text)."""
    if session.get_bind().dialect.name != "postgresql":
        raise ValueError("COPY is PostgreSQL's; insert the rows with an executemany elsewhere")
    connection = await session.connection()
    driver: Any = (await connection.get_raw_connection()).driver_connection  # asyncpg's Connection
    if not driver.is_in_transaction():
        # asyncpg's adapter begins the transaction at the first statement through it, not on checkout.
        await connection.execute(text("SELECT 1"))
    await driver.copy_records_to_table(table.name, records=records, columns=list(columns))


class UnitOfWork:
    """One use case's transaction. Use as `async with database.unit_of_work(actor) as uow: ...; await uow.commit()`.

    Leaving the block without commit rolls everything back: state, events and audit rows alike.
    """

    def __init__(self, database: Database, *, actor: str) -> None:
        self.database = database
        self.actor = actor
        self.session: AsyncSession = database.sessions()
        self.recorded: list[Envelope] = []
        self._outbox_rows: list[dict[str, Any]] = []
        self._audit_rows: list[dict[str, Any]] = []
        self._after_commit: list[Callable[[], None]] = []
        self._committed = False
        self._write_turn = AsyncExitStack()
        # In a request: the Idempotency-Key this unit of work claimed, and the version of the route's resource it
        # started from (concurrency.py).
        self._claimed_key: ApiRequest | None = None
        self._start_version: int | None = None
        # The event a reaction handles in this unit of work (set by the inbox), for its id and time.
        self.cause: Envelope | None = None

    @property
    def clock(self) -> Clock:
        return self.database.clock

    async def __aenter__(self) -> UnitOfWork:
        try:
            if self.database.dialect == "sqlite":
                # One writer at a time per SQLite file, from the first read on (PostgreSQL uses row locks instead).
                await self._write_turn.enter_async_context(self.database.write_turn())
                await self.session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"})
            await self._begin_request_work()
        except BaseException:
            await self.session.close()
            await self._write_turn.aclose()
            raise
        return self

    async def _begin_request_work(self) -> None:
        """In a request to this service: claim its Idempotency-Key as the transaction's first write (a twin waits
        here until this one ends), and check If-Match against the route's resource, locked (concurrency.py)."""
        api = current_api_request.get()
        if api is None or api.service != self.database.service:
            return
        if api.idempotency_key is not None and api.client is not None and not api.key_claimed:
            await idempotency.claim(self.session, api, utcnow(), self.database.idempotency_ttl_seconds)
            self._claimed_key = api
        self._start_version = await concurrency.start_of_unit_of_work(self.session, self.database.service)

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        async with self._write_turn:  # the next writer's turn once this transaction is over
            if not self._committed:
                await self.session.rollback()
            await self.session.close()

    def record(self, data: Event, *, subject: str | None = None) -> Envelope:
        """Validate an event against its contract and add it to the outbox of this transaction."""
        envelope = Envelope(data=data, subject=subject or data.key, traceparent=current_traceparent())
        wire = to_wire(envelope, self.database.contracts_base_url)
        self._outbox_rows.append(
            {
                "event_id": envelope.id,
                "event_type": envelope.type,
                "topic": wire.topic,
                "key": wire.key,
                "value": wire.value,
                "headers": {name: value.decode() for name, value in wire.headers},
                "created_at": envelope.time,
            }
        )
        self.recorded.append(envelope)
        return envelope

    def audit(
        self,
        action: str,
        entity_type: str,
        entity_id: str,
        *,
        reason: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Who changed what, when and why: written in the same transaction as the change itself."""
        # The signed-in person's name, when the request's principal is the one acting (not a reaction to an event).
        principal = current_principal.get()
        actor_name = principal.name if principal is not None and principal.actor == self.actor else None
        self._audit_rows.append(
            {
                "at": utcnow(),
                "actor": self.actor,
                "actor_name": actor_name,
                "action": action,
                "entity_type": entity_type,
                "entity_id": str(entity_id),
                "reason": reason,
                "detail": detail,
                "trace_id": current_trace_id(),
            }
        )

    async def claim_many(self, consumer: str, deliveries: Sequence[tuple[Envelope, str, int, int]]) -> set[str]:
        """Claim several incoming events at once ((envelope, topic, partition, offset) each); returns the ids
        this consumer had not handled before, which are now its to handle."""
        if not deliveries:
            return set()
        now = utcnow()
        if self.database.dialect == "postgresql":
            # The batch as five arrays, unnested by the server: one statement whatever its size, and the driver
            # encodes arrays natively, where a multi-row VALUES cost a bound parameter (and its Python-side
            # processing) per column and row: the claim was a tenth of a dashboard replay.
            envelopes, topics, partitions, offsets = zip(*deliveries, strict=True)
            result = await self.session.execute(
                _CLAIM_MANY_POSTGRESQL,
                {
                    "consumer": consumer,
                    "handled_at": now,
                    "event_ids": [envelope.id for envelope in envelopes],
                    "event_types": [envelope.type for envelope in envelopes],
                    "topics": list(topics),
                    "partitions": list(partitions),
                    "offsets": list(offsets),
                },
            )
            return set(result.scalars())
        # One statement executed for many rows (SQLAlchemy batches them into multi-row INSERTs), not one
        # .values([...]) statement per batch: that one is compiled afresh each time, most of a batch's cost.
        statement = sqlite.insert(inbox).on_conflict_do_nothing().returning(inbox.c.event_id)
        rows = [
            {
                "consumer": consumer,
                "event_id": envelope.id,
                "event_type": envelope.type,
                "topic": topic,
                "partition": partition,
                "offset": offset,
                "handled_at": now,
            }
            for envelope, topic, partition, offset in deliveries
        ]
        return set((await self.session.execute(statement, rows)).scalars())

    async def claim(self, consumer: str, envelope: Envelope, *, topic: str, partition: int, offset: int) -> bool:
        """Insert the inbox row for an incoming event; False when this consumer has handled it already."""
        dialect_insert = postgresql.insert if self.database.dialect == "postgresql" else sqlite.insert
        statement = (
            dialect_insert(inbox)
            .values(
                consumer=consumer,
                event_id=envelope.id,
                event_type=envelope.type,
                topic=topic,
                partition=partition,
                offset=offset,
                handled_at=utcnow(),
            )
            .on_conflict_do_nothing()
        )
        result = await self.session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    async def lock(self, name: str) -> None:
        """Take turns, until this unit of work ends, with every other one that locks the same name: for a check
        followed by an insert, where no row exists yet to lock `FOR UPDATE` and two requests at once would both
        find nothing and both insert. The second then sees what the first committed. On PostgreSQL a
        transaction-scoped advisory lock (64 bits of a hash of the name); SQLite needs none, since a unit of work
        holds the file's write lock from its start."""
        if self.database.dialect == "postgresql":
            digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
            await self.session.execute(select(func.pg_advisory_xact_lock(int.from_bytes(digest, "big", signed=True))))

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call `callback` once this transaction has committed (never if it rolls back): to wake readers."""
        self._after_commit.append(callback)

    async def commit(self) -> None:
        session = self.session
        wrote = bool(
            session.new
            or session.dirty
            or session.deleted
            or session.sync_session.info.get("flushed")
            or self._outbox_rows
            or self._audit_rows
        )
        await session.flush()
        if self._outbox_rows:
            await session.execute(insert(outbox), self._outbox_rows)
        if self._audit_rows:
            await session.execute(insert(audit_log), self._audit_rows)
        if wrote and self._start_version is not None:
            await concurrency.count_the_change(session, self._start_version)
        await session.commit()
        self._committed = True
        if self._claimed_key is not None:
            self._claimed_key.key_claimed = True
        if self._outbox_rows:
            self.database.events_committed()
        for callback in self._after_commit:
            callback()


M = TypeVar("M")


async def get_or_404(
    session: AsyncSession,
    model: type[M],
    key: object,
    *,
    what: str,
    lock: bool = False,
    detail: str | None = None,
    extra: dict[str, Any] | None = None,
) -> M:
    """The row with this primary key, or a 404 naming what is missing. With `lock`, the row stays locked until
    the transaction ends: on PostgreSQL a request and a reaction changing the same row at once would both read it
    unchanged and both act on it (SQLite serialises writers anyway)."""
    row = await session.get(model, key, with_for_update=lock or None)
    if row is None:
        raise NotFound(detail or f"there is no {what} {key}", extra=extra)
    return row


async def read_or_404(database: Database, model: type[M], key: object, *, what: str, detail: str | None = None) -> M:
    """`get_or_404` in a session of its own: one row for a read, outside any unit of work."""
    async with database.sessions() as session:
        return await get_or_404(session, model, key, what=what, detail=detail)
