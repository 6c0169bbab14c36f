"""The embedded event log: a durable, replayable, multi-group log in one SQLite file, for one machine.

One partition per topic, so every key's records are in order (a stronger promise than Kafka's, which is
enough). Several processes may share the file: writers serialise on SQLite's lock, and readers that were
not woken in-process notice new records by polling.

In one process every service's consumer shares the log's reader connection, and every append wakes them all;
so a reader asks the file only when this process appended to one of its topics, or when its poll for other
processes' records is due, and then in one query for all its topics. That keeps an event's way from the
outbox to the dashboard's stream short (bench/visibility.py).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import aiosqlite

from boligflyt.contracts.envelope import WireMessage
from boligflyt.platform.bus.port import BusUnavailable, Record, delivered

SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    topic TEXT NOT NULL,
    offset INTEGER NOT NULL,
    key TEXT,
    value BLOB NOT NULL,
    headers TEXT NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    PRIMARY KEY (topic, offset)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS group_offsets (
    group_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    next_offset INTEGER NOT NULL,
    PRIMARY KEY (group_id, topic)
) WITHOUT ROWID;
"""

# How often a waiting reader looks for records written by another process.
CROSS_PROCESS_POLL_SECONDS = 0.2


def _encode_headers(headers: Sequence[tuple[str, bytes]]) -> str:
    return json.dumps([[name, value.decode("latin-1")] for name, value in headers])


def _decode_headers(raw: str) -> tuple[tuple[str, bytes], ...]:
    return tuple((name, value.encode("latin-1")) for name, value in json.loads(raw))


class EmbeddedLog:
    """EventBus on a SQLite file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        # Readers have a connection of their own so that they never see a write that is not yet committed.
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._appended = asyncio.Condition()
        # The end offset of each topic as far as appends by this process tell (other processes' are polled for).
        self.appended_ends: dict[str, int] = {}

    async def start(self) -> None:
        if self._writer is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = await self._connect()
        await self._writer.executescript(SCHEMA)
        self._reader = await self._connect()

    async def _connect(self) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(self.path, timeout=30, isolation_level=None)
        await connection.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a crashed or killed process; only a power cut may cost the last commits.
        await connection.execute("PRAGMA synchronous=NORMAL")
        await connection.execute("PRAGMA busy_timeout=30000")
        return connection

    async def stop(self) -> None:
        for connection in (self._reader, self._writer):
            if connection is not None:
                await connection.close()
        self._reader = self._writer = None

    @property
    def writer(self) -> aiosqlite.Connection:
        if self._writer is None:
            raise BusUnavailable("the embedded log is not started")
        return self._writer

    @property
    def reader(self) -> aiosqlite.Connection:
        if self._reader is None:
            raise BusUnavailable("the embedded log is not started")
        return self._reader

    async def publish(self, messages: Sequence[WireMessage]) -> None:
        if not messages:
            return
        now_ms = int(time.time() * 1000)
        async with self._write_lock:
            connection = self.writer
            await connection.execute("BEGIN IMMEDIATE")
            try:
                next_offsets: dict[str, int] = {}
                rows = []
                for message in messages:
                    if message.topic not in next_offsets:
                        cursor = await connection.execute(
                            "SELECT COALESCE(MAX(offset) + 1, 0) FROM records WHERE topic = ?",
                            (message.topic,),
                        )
                        row = await cursor.fetchone()
                        next_offsets[message.topic] = int(row[0]) if row else 0
                    offset = next_offsets[message.topic]
                    next_offsets[message.topic] = offset + 1
                    rows.append(
                        (
                            message.topic,
                            offset,
                            message.key,
                            message.value,
                            _encode_headers(message.headers),
                            now_ms,
                        )
                    )
                await connection.executemany(
                    "INSERT INTO records (topic, offset, key, value, headers, timestamp_ms) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
                await connection.execute("COMMIT")
            except BaseException:
                await connection.execute("ROLLBACK")
                raise
            self.appended_ends.update(next_offsets)
        async with self._appended:
            self._appended.notify_all()

    async def send(self, messages: Iterable[WireMessage]) -> asyncio.Future[None]:
        """Appends at once: the log has nothing to acknowledge later, its commit is the acknowledgement."""
        await self.publish(list(messages))
        return delivered()

    async def subscribe(self, group: str, topics: Sequence[str]) -> EmbeddedSubscription:
        await self.start()
        return EmbeddedSubscription(self, group, list(topics))

    async def ensure_topics(self, topics: Sequence[str]) -> None:
        """Topics exist as soon as something is written to them."""

    async def ping(self) -> None:
        await self.reader.execute("SELECT 1")

    async def wait_for_append(self, timeout: float) -> bool:
        """Wait until this process appends, or `timeout`; True if woken by an append."""
        async with self._appended:
            try:
                await asyncio.wait_for(self._appended.wait(), timeout)
            except TimeoutError:
                return False
            return True

    async def end_offsets(self, topics: Sequence[str]) -> dict[str, int]:
        ends: dict[str, int] = {}
        for topic in topics:
            cursor = await self.reader.execute(
                "SELECT COALESCE(MAX(offset) + 1, 0) FROM records WHERE topic = ?", (topic,)
            )
            row = await cursor.fetchone()
            ends[topic] = int(row[0]) if row else 0
        return ends


class EmbeddedSubscription:
    """A consumer group's position on some topics of the embedded log."""

    def __init__(self, log: EmbeddedLog, group: str, topics: list[str]) -> None:
        self.log = log
        self.group = group
        self.topics = topics
        # Where this reader has fetched to; the committed position may lag behind until commit().
        self._fetched: dict[str, int] | None = None

    async def _committed(self) -> dict[str, int]:
        positions = dict.fromkeys(self.topics, 0)
        cursor = await self.log.reader.execute(
            f"SELECT topic, next_offset FROM group_offsets WHERE group_id = ? AND topic IN "
            f"({','.join('?' * len(self.topics))})",
            (self.group, *self.topics),
        )
        for topic, next_offset in await cursor.fetchall():
            positions[topic] = int(next_offset)
        return positions

    async def fetch(self, max_records: int = 500, timeout: float = 1.0) -> list[Record]:
        if self._fetched is None:
            self._fetched = await self._committed()
        deadline = time.monotonic() + timeout
        look = True  # the first look, and each poll for other processes' appends, asks the file
        while True:
            records = await self._read(max_records) if look or self._appended_here() else []
            remaining = deadline - time.monotonic()
            if records or remaining <= 0:
                return records
            look = not await self.log.wait_for_append(min(remaining, CROSS_PROCESS_POLL_SECONDS))

    def _appended_here(self) -> bool:
        """Whether this process appended to one of our topics beyond where we have fetched."""
        assert self._fetched is not None
        ends = self.log.appended_ends
        return any(ends.get(topic, 0) > self._fetched[topic] for topic in self.topics)

    async def _read(self, max_records: int) -> list[Record]:
        assert self._fetched is not None
        # One query for every topic: each branch walks its topic's primary key from where we are.
        branches = " UNION ALL ".join(
            f"SELECT * FROM (SELECT {index} AS branch, topic, offset, key, value, headers, timestamp_ms FROM records "
            "WHERE topic = ? AND offset >= ? ORDER BY offset LIMIT ?)"
            for index in range(len(self.topics))
        )
        parameters = [value for topic in self.topics for value in (topic, self._fetched[topic], max_records)]
        cursor = await self.log.reader.execute(
            f"SELECT * FROM ({branches}) ORDER BY branch, offset LIMIT ?", (*parameters, max_records)
        )
        records: list[Record] = []
        for _, topic, offset, key, value, headers, timestamp_ms in await cursor.fetchall():
            records.append(
                Record(
                    topic=topic,
                    partition=0,
                    offset=int(offset),
                    key=key,
                    value=bytes(value),
                    headers=_decode_headers(headers),
                    timestamp_ms=int(timestamp_ms),
                )
            )
            self._fetched[topic] = int(offset) + 1
        return records

    async def commit(self, records: Sequence[Record]) -> None:
        next_offsets: dict[str, int] = {}
        for record in records:
            next_offsets[record.topic] = max(next_offsets.get(record.topic, 0), record.offset + 1)
        if not next_offsets:
            return
        async with self.log._write_lock:
            await self.log.writer.executemany(
                "INSERT INTO group_offsets (group_id, topic, next_offset) VALUES (?, ?, ?) "
                "ON CONFLICT (group_id, topic) DO UPDATE SET next_offset = MAX(next_offset, excluded.next_offset)",
                [(self.group, topic, offset) for topic, offset in next_offsets.items()],
            )

    async def lag(self) -> dict[str, int]:
        committed = await self._committed()
        ends = await self.log.end_offsets(self.topics)
        return {topic: ends[topic] - committed[topic] for topic in self.topics}

    async def caught_up(self) -> bool:
        fetched = self._fetched if self._fetched is not None else await self._committed()
        ends = await self.log.end_offsets(self.topics)
        return all(fetched[topic] >= ends[topic] for topic in self.topics)

    async def close(self) -> None:
        self._fetched = None
