"""The read model held by this process: loaded once, then caught up from the event log's tail, and the figures
drawn from it kept until the log moves.

Pages and the JSON API ask for the read model on every request. Loading every read-model table (and replaying the
log for trends and "as of") made each request cost what the whole log costs; here a request costs one indexed
query for events newer than the model (usually none), and figures already drawn for the same log position, day
and clock are taken as they are. `docs/architecture.md`, section 12, says why this and not SQL snapshots.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, or_, select

from boligflyt.contracts.base import catalogue
from boligflyt.dashboard import domain
from boligflyt.dashboard.models import event_log, read_model_tables
from boligflyt.platform.db import Database

T = TypeVar("T")

# A position the log skipped may still come: a transaction that took it has not committed yet. It is looked for
# again this long; after that it was a rolled-back insert or a duplicate the log refused (both leave gaps).
GAP_SECONDS = 30.0
# Figures kept per log position (a day and clock each: the overview's twelve month ends, pages, reports).
MEMO_SIZE = 256


class LiveModel:
    """The read model of one database as this process last saw it, and the figures drawn from it."""

    def __init__(self) -> None:
        self.model = domain.ReadModel()
        self.seq = 0  # the newest event of the log applied
        self.first_seq: int | None = None  # the oldest in the log when loaded: a rebuild's wipe changes it
        self.loaded = False
        self._gaps: dict[int, float] = {}  # skipped positions -> when they were first missed
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = asyncio.Lock()

    async def current(self, database: Database) -> tuple[domain.ReadModel, int]:
        """The read model up to the newest logged event, and that event's position."""
        async with self._lock:
            await self._catch_up(database)
            return self.model, self.seq

    async def figure(self, database: Database, key: Hashable, compute: Callable[[domain.ReadModel], T]) -> T:
        """`compute(model)` for the current log position, drawn once per position and `key`."""
        model, seq = await self.current(database)
        memo_key = (seq, key)
        if memo_key in self._memo:
            self._memo.move_to_end(memo_key)
            return self._memo[memo_key]  # type: ignore[no-any-return]
        value = compute(model)
        self._memo[memo_key] = value
        while len(self._memo) > MEMO_SIZE:
            self._memo.popitem(last=False)
        return value

    async def remembered(self, key: Hashable, seq: int, compute: Callable[[], Awaitable[T]]) -> T:
        """A figure that is not drawn from the live model (a replay "as recorded on"), kept per log position too."""
        memo_key = (seq, key)
        if memo_key not in self._memo:
            self._memo[memo_key] = await compute()
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return self._memo[memo_key]  # type: ignore[no-any-return]

    async def _catch_up(self, database: Database) -> None:
        bounds = select(func.min(event_log.c.seq), func.max(event_log.c.seq))
        async with database.sessions() as session:
            first, last = (await session.execute(bounds)).one()
        if not self.loaded or first != self.first_seq or (last or 0) < self.seq:
            await self._load(database)
            return
        now = time.monotonic()
        self._gaps = {seq: seen for seq, seen in self._gaps.items() if now - seen < GAP_SECONDS}
        if last == self.seq and not self._gaps:
            return
        query = select(event_log.c.seq, event_log.c.id, event_log.c.type, event_log.c.payload)
        query = query.where(or_(event_log.c.seq > self.seq, event_log.c.seq.in_(sorted(self._gaps))))
        async with database.sessions() as session:
            rows = (await session.execute(query.order_by(event_log.c.seq))).all()
        events = catalogue()
        for seq, event_id, event_type, payload in rows:
            self.model.apply(domain.project(events[event_type].model_validate(payload), event_id))
            self._gaps.pop(seq, None)
            if seq > self.seq:
                self._gaps.update((missed, now) for missed in range(self.seq + 1, seq))
                self.seq = seq
        if rows:
            self._memo.clear()

    async def _load(self, database: Database) -> None:
        """Every read-model table and the log's bounds, from one snapshot: no event both loaded and applied."""
        model = domain.ReadModel()
        async with database.sessions() as session, session.begin():
            if session.get_bind().dialect.name == "postgresql":
                await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            bounds = select(func.min(event_log.c.seq), func.max(event_log.c.seq))
            first, last = (await session.execute(bounds)).one()
            for name, table in read_model_tables.items():
                key = domain.primary_key(name)
                for row in (await session.execute(select(table))).mappings():
                    model.tables[name][row[key]] = dict(row)
        self.model, self.first_seq, self.seq, self.loaded = model, first, last or 0, True
        self._gaps.clear()
        self._memo.clear()


_models: weakref.WeakKeyDictionary[Database, LiveModel] = weakref.WeakKeyDictionary()


def live_model(database: Database) -> LiveModel:
    """This process's live model of `database` (one per database: tests run many side by side)."""
    model = _models.get(database)
    if model is None:
        model = _models[database] = LiveModel()
    return model
