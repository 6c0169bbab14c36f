"""A database outage is waited out, never dead-lettered: also while PostgreSQL is starting up again. A pooled
connection the server closed is not used for a request that could have had a live one.

A server coming back from a crash or a restart refuses connections for a while with SQLSTATE 57P03 ("the database
system is starting up"); asyncpg reports that as a plain database error, not as a lost connection. Found by the
fault suite (tests/faults), where a consumer counted those refusals as failures of the event and came within one
attempt of dead-lettering it.
"""

from __future__ import annotations

import asyncio
import contextlib
import struct
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import create_async_engine

from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.platform import db
from boligflyt.platform.bus import Record
from boligflyt.platform.bus.embedded import EmbeddedLog
from boligflyt.platform.db import Database, UnitOfWork, is_outage
from boligflyt.platform.inbox import EventHandlers, InboxConsumer, RetryPolicy
from boligflyt.platform.migrate import migrate
from boligflyt.platform.tables import inbox
from boligflyt.testkit import postgres_server_url

from .conftest import need_reported

SSL_REQUEST = 80877103


def starting_up_response() -> bytes:
    """The ErrorResponse a PostgreSQL server sends to a new connection while it is starting up."""
    fields = ((b"S", b"FATAL"), (b"V", b"FATAL"), (b"C", b"57P03"), (b"M", b"the database system is starting up"))
    body = b"".join(kind + value + b"\0" for kind, value in fields) + b"\0"
    return b"E" + struct.pack("!i", len(body) + 4) + body


@contextlib.asynccontextmanager
async def restarting_server(url: str, refusals: int) -> AsyncIterator[str]:
    """A stand-in for the server at `url` that is still starting up for its first `refusals` connections and then
    passes everything through to it; yields the stand-in's URL."""
    real = urlsplit(url)
    refused = 0

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal refused
        if refused < refusals:
            refused += 1
            length, code = struct.unpack("!ii", await reader.readexactly(8))
            if code == SSL_REQUEST:  # no TLS here; the startup message follows
                writer.write(b"N")
                length = struct.unpack("!i", await reader.readexactly(4))[0]
                await reader.readexactly(length - 4)
            else:
                await reader.readexactly(length - 8)
            writer.write(starting_up_response())
            await writer.drain()
            writer.close()
            return
        upstream_reader, upstream_writer = await asyncio.open_connection(real.hostname, real.port)
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield url.replace(real.netloc, f"{real.username}:{real.password}@127.0.0.1:{port}")
    finally:
        server.close()


async def test_a_server_starting_up_counts_as_an_outage(postgres_url: str) -> None:
    async with restarting_server(postgres_url, refusals=1) as url:
        database = Database(url, service="applications")
        try:
            try:
                await database.ping()
            except Exception as exc:
                refusal: BaseException = exc
            else:
                raise AssertionError("the stand-in did not refuse the first connection")
            assert is_outage(refusal), repr(refusal)
            await database.ping()  # and then it is back
        finally:
            await database.dispose()


async def test_an_event_waits_for_a_database_that_is_starting_up_and_takes_effect_once(
    postgres_url: str, tmp_path: Path
) -> None:
    """More refusals than the consumer's attempts: counted as failures of the event, they would dead-letter it."""
    setup = Database(postgres_url, service="applications")
    await migrate(setup, None)
    await setup.dispose()
    handled: list[str] = []
    handlers = EventHandlers()

    @handlers.on(NeedReported)
    async def remember(event: NeedReported, uow: UnitOfWork) -> None:
        envelope = uow.cause
        assert envelope is not None
        handled.append(envelope.id)

    wire = to_wire(Envelope(data=need_reported("k", 1)))
    record = Record(wire.topic, 0, 0, wire.key, wire.value, wire.headers, timestamp_ms=0)
    bus = EmbeddedLog(tmp_path / "events.sqlite")
    await bus.start()
    async with restarting_server(postgres_url, refusals=5) as url:
        database = Database(url, service="applications")
        consumer = InboxConsumer(
            name=f"test-{uuid.uuid4().hex[:8]}",
            database=database,
            bus=bus,
            handlers=handlers,
            retry=RetryPolicy(max_attempts=2, backoff_seconds=0.01, backoff_max_seconds=0.02),
        )
        try:
            assert await consumer.handle(record) == "handled"
            async with database.sessions() as session:
                claims = (
                    await session.scalars(select(inbox.c.event_id).where(inbox.c.consumer == consumer.name))
                ).all()
        finally:
            await database.dispose()
            await bus.stop()
    assert len(handled) == 1 and claims == handled  # handled once, claimed once


async def backend(database: Database) -> int:
    async with database.engine.connect() as connection:
        return int(await connection.scalar(text("SELECT pg_backend_pid()")))


async def close_connections_of(url: str) -> None:
    """What a restart of the server does to the connections a pool holds."""
    admin = create_async_engine(postgres_server_url(), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": url.rpartition("/")[2]},
            )
    finally:
        await admin.dispose()


async def test_a_connection_closed_while_idle_in_the_pool_is_replaced_before_use(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.05)
    database = Database(postgres_url, service="applications")
    try:
        closed = await backend(database)
        await close_connections_of(postgres_url)
        await asyncio.sleep(0.1)
        assert await backend(database) != closed
    finally:
        await database.dispose()


async def test_a_connection_closed_right_after_use_fails_once_as_an_outage_then_the_pool_is_renewed(
    postgres_url: str,
) -> None:
    """Not pinged (a ping at every checkout cost three round trips): the server went away under load."""
    database = Database(postgres_url, service="applications")
    try:
        closed = set(await asyncio.gather(*(backend(database) for _ in range(3))))
        await close_connections_of(postgres_url)
        try:
            await backend(database)
        except Exception as exc:
            failure: BaseException = exc
        else:
            raise AssertionError("a closed connection was used without failing")
        assert is_outage(failure), repr(failure)
        assert not {await backend(database) for _ in range(3)} & closed
    finally:
        await database.dispose()
