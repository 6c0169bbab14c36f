"""The live stream: one reader of the event log per process feeds every stream, and the limits on streams.

A stream used to read the event log itself, once per wake-up: N idle browsers were N readers polling the
database, and a stream opened with `after=0` replayed the whole log. Here one `EventFeed` per process reads
what is new (woken by this process's projection, or its poll for events another process wrote) into a window
of the newest events, and each stream only walks that window with its own position and filters. A stream may
start anywhere inside the window; older history is paged on `/stream?before=`. How many streams a process
serves, in all and per user, is bounded: past that a new one is refused (`StreamsExhausted`).
"""

from __future__ import annotations

import asyncio
import bisect
import json
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import structlog

from boligflyt.dashboard import service
from boligflyt.dashboard.settings import DashboardSettings
from boligflyt.platform.db import Database
from boligflyt.platform.errors import RuleViolation

log = structlog.get_logger(__name__)

# Rows per read of the log: a burst larger than this is read in several, without waiting between them.
READ_BATCH = 500


class StreamsExhausted(Exception):
    """A new stream would pass a limit; `code` says which (`streams_per_user` or `streams`)."""

    def __init__(self, detail: str, *, code: str) -> None:
        super().__init__(detail)
        self.detail = detail
        self.code = code


class FellBehind(Exception):
    """A stream's client read so slowly that events it had not been sent left the window."""


@dataclass(frozen=True)
class StreamFilters:
    """What a stream shows: the same filters as the stream page (`service.events`), checked in memory."""

    agency: str | None = None
    type_name: str | None = None
    person_ref: str | None = None
    dwelling_id: str | None = None
    search: str | None = None

    def matches(self, event: FeedEvent) -> bool:
        fields = event.fields
        return (
            (self.agency is None or fields["agency"] == self.agency)
            and (self.type_name is None or self.type_name in (fields["name"], fields["type"]))
            and (self.person_ref is None or fields["person_ref"] == self.person_ref)
            and (self.dwelling_id is None or fields["dwelling_id"] == self.dwelling_id)
            and (self.search is None or self.search in (fields["id"], fields["key"]))
        )


@dataclass(frozen=True)
class FeedEvent:
    """One line of the event log as the streams send it: its fields (`event_json`), and their JSON, encoded once
    for every stream that sends it."""

    seq: int
    fields: dict[str, Any]
    data: str

    @classmethod
    def of(cls, row: dict[str, Any]) -> FeedEvent:
        fields = event_json(row)
        return cls(seq=fields["seq"], fields=fields, data=json.dumps(fields))


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": row["seq"],
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "time": row["time"].isoformat(timespec="seconds"),
        "on_date": row["on_date"].isoformat() if row.get("on_date") else None,
        "key": row["key"],
        "agency": row["agency"],
        "person_ref": row.get("person_ref"),
        "dwelling_id": row.get("dwelling_id"),
    }


class EventFeed:
    """This process's one reader of the event log, and the streams it feeds.

    The reader runs while at least one stream is open. It holds the newest `settings.stream_window` events;
    `floor` is the position before the oldest of them (0 while the log is no longer than the window), so a
    stream may start after any position from `floor` on and miss nothing.
    """

    def __init__(self, database: Database, settings: DashboardSettings) -> None:
        self.database = database
        self.settings = settings
        self.floor = 0
        self.position = 0  # the newest event read
        self._events: list[FeedEvent] = []
        self._seqs: list[int] = []
        self._appended = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()
        self._streams: Counter[str] = Counter()

    @property
    def open_streams(self) -> int:
        return sum(self._streams.values())

    # --- Admission ---------------------------------------------------------------------------------------

    def admit(self, subject: str) -> None:
        """Count a new stream of `subject` in, or refuse it. Every admitted stream is `release`d once."""
        if self._streams[subject] >= self.settings.max_streams_per_user:
            raise StreamsExhausted(
                f"you have {self._streams[subject]} live streams open, the most one user may hold; close one "
                "(another tab or window) and try again",
                code="streams_per_user",
            )
        if self.open_streams >= self.settings.max_streams:
            raise StreamsExhausted(
                f"this server already serves {self.open_streams} live streams, the most it takes; try again shortly",
                code="streams",
            )
        self._streams[subject] += 1

    def release(self, subject: str) -> None:
        self._streams[subject] -= 1
        if self._streams[subject] <= 0:
            del self._streams[subject]
        if not self._streams and self._reader is not None:
            # Nobody is watching: the reader stops, and the next stream starts it again from the log.
            self._reader.cancel()
            self._reader = None

    # --- Positions ---------------------------------------------------------------------------------------

    async def start_position(self, after: int | None) -> int:
        """Where a new stream starts: after `after`, or after the newest event when it names none. A position
        before the window is refused: those events are no longer held, and the stream would silently miss them."""
        await self._ensure_reading()
        if after is None:
            return self.position
        if after < self.floor:
            raise RuleViolation(
                f"a live stream starts at most {self.settings.stream_window} events back, i.e. after event "
                f"{self.floor}, not after {after}; older events are paged on /stream?before=",
                code="stream_position_outside_window",
                extra={"earliest_after": self.floor, "history": "/stream?before="},
            )
        return after

    async def follow(self, after: int, filters: StreamFilters) -> AsyncIterator[FeedEvent]:
        """The events after `after` that pass `filters`, as they are read, for as long as the caller iterates.
        Raises FellBehind when the window has moved past what this stream had not been sent yet."""
        position = after
        while True:
            appended = self._appended  # taken before looking, so an append while sending wakes the next wait
            if position < self.floor:
                raise FellBehind
            start = bisect.bisect_right(self._seqs, position)
            for event in self._events[start:]:
                position = event.seq
                if filters.matches(event):
                    yield event
            await appended.wait()

    # --- The reader --------------------------------------------------------------------------------------

    async def _ensure_reading(self) -> None:
        async with self._starting:
            if self._reader is not None and not self._reader.done():
                return
            await self._fill()
            self._reader = asyncio.create_task(self._read(), name="dashboard:event-feed")

    async def _fill(self) -> None:
        """The window from the log: its newest events, and the position before them."""
        window = self.settings.stream_window
        rows = await service.events(self.database, limit=window + 1, newest_first=True)
        rows.reverse()
        self.floor = rows.pop(0)["seq"] if len(rows) > window else 0
        self._events = [FeedEvent.of(row) for row in rows]
        self._seqs = [event.seq for event in self._events]
        self.position = self._seqs[-1] if self._seqs else self.floor

    async def _read(self) -> None:
        while True:
            try:
                rows = await service.events(
                    self.database, after_seq=self.position, limit=READ_BATCH, newest_first=False
                )
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a database away for a moment: the streams wait, the reader tries again
                log.warning("event_feed.read_failed", error=repr(exc)[:300])
                rows = []
            if rows:
                self._append([FeedEvent.of(row) for row in rows])
            if len(rows) < READ_BATCH:
                # Woken at once by this process's projection; the poll covers a log written by another process.
                await service.new_events.wait(self.settings.stream_poll_seconds)

    def _append(self, events: list[FeedEvent]) -> None:
        self._events += events
        self._seqs += [event.seq for event in events]
        self.position = self._seqs[-1]
        excess = len(self._events) - self.settings.stream_window
        if excess > 0:
            self.floor = self._seqs[excess - 1]
            del self._events[:excess]
            del self._seqs[:excess]
        appended, self._appended = self._appended, asyncio.Event()
        appended.set()


def feed_of(app_state: Any, database: Database, settings: DashboardSettings) -> EventFeed:
    """The process's feed for this dashboard app, made on first use."""
    feed: EventFeed | None = getattr(app_state, "event_feed", None)
    if feed is None:
        feed = app_state.event_feed = EventFeed(database, settings)
    return feed


async def messages(feed: EventFeed, after: int, filters: StreamFilters) -> AsyncIterator[dict[str, str]]:
    """The server-sent events of one admitted stream: each event after `after` that passes the filters."""
    try:
        async for event in feed.follow(after, filters):
            yield {"event": "dashboard-event", "id": str(event.seq), "data": event.data}
    except FellBehind:
        yield {
            "event": "dashboard-window-passed",
            "data": json.dumps({"detail": "events were missed; reload the page (older ones: /stream?before=)"}),
        }
