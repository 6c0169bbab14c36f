"""Use cases of the dashboard: project an event into the read model, read the model (now or as of a day).

The projection itself is pure (domain.project); here its changes are written to the SQL tables, and the
event log is replayed into an in-memory model for "as of" questions.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import String, bindparam, delete, func, insert, or_, select, text, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.base import catalogue
from boligflyt.contracts.envelope import Envelope
from boligflyt.contracts.topics import dead_letter_topic
from boligflyt.dashboard import domain
from boligflyt.dashboard.live import live_model
from boligflyt.dashboard.models import event_log, read_model_tables, stuck_thresholds
from boligflyt.platform.bus import EventBus
from boligflyt.platform.db import Database, copy_rows
from boligflyt.platform.inbox import redrive
from boligflyt.platform.tables import inbox, outbox

T = TypeVar("T")


def as_utc(moment: datetime) -> datetime:
    """SQLite keeps no time zone: every instant is stored and compared in UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


EVENT_LOG_COLUMNS = ("id", "type", "name", "time", "on_date", "key", "person_ref", "dwelling_id", "agency", "topic")


def event_log_values(envelope: Envelope) -> tuple[Any, ...]:
    """An event's line in the event log without its payload, in EVENT_LOG_COLUMNS' order."""
    data = envelope.data
    event_type = data.event_type
    return (
        envelope.id,
        event_type,
        domain.short_name(event_type),
        as_utc(envelope.time),
        domain.event_date(data),
        data.key,
        domain.person_ref_of(data),
        domain.dwelling_id_of(data),
        domain.AGENCY_OF_PRODUCER.get(data.producer, data.producer),
        envelope.topic,
    )


# Keys per SELECT ... IN on SQLite: well under its limit on bound parameters (32766).
KEYS_PER_QUERY = 1000


async def apply_changes(session: AsyncSession, table_name: str, changes: Sequence[domain.Change]) -> None:
    """Changes to one read-model table, in order, as if applied one by one, in at most a few statements.

    The rows the changes name are read at once (locked on PostgreSQL: a rebuild and the live consumer may
    project at the same time), merged in memory in the changes' order, then the new rows inserted and the
    changed ones updated, each in one executemany. A rebuild replays a million events: one SELECT and one
    write per change was what it spent its time on.
    """
    table = read_model_tables[table_name]
    key_name = domain.primary_key(table_name)
    key_column = table.c[key_name]
    keys = list(dict.fromkeys(change.key for change in changes))
    postgresql = session.get_bind().dialect.name == "postgresql"
    existing: dict[str, domain.Row] = {}
    if postgresql:
        # The keys as one array: the statement is the same whatever their number, compiled and planned once, where
        # an IN list was a new statement for each length. Unnested in a subquery, since `= ANY(array)` under a
        # generic plan (the driver's prepared statement, from its sixth use) scanned the whole table.
        keys_param = bindparam("keys", type_=ARRAY(String))
        query = select(table).where(key_column.in_(select(func.unnest(keys_param)))).with_for_update(of=table)
        found = (await session.execute(query, {"keys": keys})).mappings()
        existing.update((row[key_name], dict(row)) for row in found)
    else:
        for start in range(0, len(keys), KEYS_PER_QUERY):
            query = select(table).where(key_column.in_(keys[start : start + KEYS_PER_QUERY]))
            existing.update((row[key_name], dict(row)) for row in (await session.execute(query)).mappings())
    rows = dict(existing)
    for change in changes:
        row = domain.merge(rows.get(change.key), change)
        if row is not None:
            rows[change.key] = row
    columns = [column.name for column in table.columns]
    # Every new row names every column; a column no change set is NULL, as before.
    new = [tuple([row.get(name) for name in columns]) for key, row in rows.items() if key not in existing]
    changed = [row for key, row in rows.items() if key in existing and row != existing[key]]
    if new and postgresql:
        await copy_rows(session, table, columns, new)
    elif new:
        await session.execute(insert(table), [dict(zip(columns, values, strict=True)) for values in new])
    if changed:
        others = [name for name in columns if name != key_name]
        statement = (
            update(table)
            .where(key_column == bindparam("key_"))
            .values({name: bindparam(f"set_{name}") for name in others})
        )
        await session.execute(
            statement,
            [{"key_": row[key_name], **{f"set_{name}": row.get(name) for name in others}} for row in changed],
        )


@dataclass(frozen=True)
class PreparedEvent:
    """What projecting an event takes before any database: its line in the event log (EVENT_LOG_COLUMNS, then the
    payload's JSON) and its read-model changes. Plain values only: a rebuild prepares events in a second process."""

    log_record: tuple[Any, ...]
    changes: list[domain.Change]

    @property
    def id(self) -> str:
        return str(self.log_record[0])


def prepare(envelope: Envelope) -> PreparedEvent:
    return PreparedEvent(
        (*event_log_values(envelope), envelope.data.model_dump_json()), domain.project(envelope.data, envelope.id)
    )


async def project_envelopes(session: AsyncSession, envelopes: Sequence[Envelope]) -> None:
    """The whole effect of some events, in order: their lines in the event log and their read-model changes."""
    await project_prepared(session, [prepare(envelope) for envelope in envelopes])


# The log's new lines as arrays, one per column, unnested by the server: one statement and one round trip for a
# batch of any size, and the driver encodes arrays natively. The log is the projection's own record of what it
# has seen: an event already in it (the live consumer and a rebuild both at work) is not logged or projected again.
_LOG_COLUMNS_SQL = ", ".join(f'"{name}"' for name in (*EVENT_LOG_COLUMNS, "payload"))
_LOG_EVENTS_POSTGRESQL = text(
    f"INSERT INTO event_log ({_LOG_COLUMNS_SQL}) SELECT {_LOG_COLUMNS_SQL} "
    "FROM unnest(CAST(:id AS varchar[]), CAST(:type AS varchar[]), CAST(:name AS varchar[]), "
    "CAST(:time AS timestamptz[]), CAST(:on_date AS date[]), CAST(:key AS varchar[]), "
    "CAST(:person_ref AS varchar[]), CAST(:dwelling_id AS varchar[]), CAST(:agency AS varchar[]), "
    "CAST(:topic AS varchar[]), CAST(:payload AS json[])) "
    f"WITH ORDINALITY AS batch({_LOG_COLUMNS_SQL}, ordinality) "
    # The lines get their sequence numbers in the events' order.
    "ORDER BY ordinality ON CONFLICT (id) DO NOTHING RETURNING id"
).columns(id=String())


async def log_events(session: AsyncSession, prepared: Sequence[PreparedEvent]) -> set[str]:
    """The events' lines in the event log, in order; returns the ids that were not in it before."""
    if session.get_bind().dialect.name == "postgresql":
        columns = zip(*(event.log_record for event in prepared), strict=True)
        values = dict(zip((*EVENT_LOG_COLUMNS, "payload"), map(list, columns), strict=True))
        return set((await session.execute(_LOG_EVENTS_POSTGRESQL, values)).scalars())
    statement = sqlite.insert(event_log).on_conflict_do_nothing(index_elements=["id"]).returning(event_log.c.id)
    rows = [
        {
            **dict(zip(EVENT_LOG_COLUMNS, event.log_record[:-1], strict=True)),
            "payload": json.loads(event.log_record[-1]),
        }
        for event in prepared
    ]
    return set((await session.execute(statement, rows)).scalars())


async def project_prepared(session: AsyncSession, prepared: Sequence[PreparedEvent]) -> None:
    """The whole effect of some prepared events, in order, a few statements per table for all of them. An event
    the log has already (or twice in `prepared`) is projected once."""
    if not prepared:
        return
    logged = await log_events(session, prepared)
    by_table: dict[str, list[domain.Change]] = {}
    for event in prepared:
        if event.id not in logged:
            continue
        logged.discard(event.id)
        for change in event.changes:
            by_table.setdefault(change.table, []).append(change)
    # Tables are independent: only the order of changes within one table matters, and that is kept.
    for table_name, changes in by_table.items():
        await apply_changes(session, table_name, changes)


async def load_read_model(session: AsyncSession) -> domain.ReadModel:
    """The live read model, as the projection left it."""
    model = domain.ReadModel()
    for name, table in read_model_tables.items():
        key = domain.primary_key(name)
        for row in (await session.execute(select(table))).mappings():
            model.tables[name][row[key]] = dict(row)
    return model


async def replay(session: AsyncSession, until: datetime | None = None) -> domain.ReadModel:
    """The read model rebuilt in memory from the event log, from events up to `until` (exclusive)."""
    model = domain.ReadModel()
    events = catalogue()
    query = select(event_log.c.id, event_log.c.type, event_log.c.payload).order_by(event_log.c.seq)
    if until is not None:
        query = query.where(event_log.c.time < as_utc(until))
    for event_id, event_type, payload in (await session.execute(query)).all():
        data = events[event_type].model_validate(payload)
        model.apply(domain.project(data, event_id))
    return model


class Clock(StrEnum):
    """The two days a figure can be told "as of" (`docs/architecture.md`, section 12)."""

    # As of a business date: the read model as known now, each stay, let, notice and decision counted on its own
    # dates however late it was registered. `?as_of=`; today's figures are this clock's.
    business = "business"
    # As recorded on: what the system knew at the end of that day, the log replayed up to then. `?recorded_on=`.
    recorded = "recorded"


@dataclass(frozen=True)
class View:
    """The day figures are told for, and by which clock."""

    day: date
    clock: Clock = Clock.business


def view_of(as_of: date | None, today: date, clock: Clock = Clock.business) -> View:
    """`as_of` (today if none) by `clock`; "as recorded on" today is what is known now, the business clock's."""
    day = as_of or today
    return View(day, clock if day < today else Clock.business)


async def figure(database: Database, view: View, name: Hashable, compute: Callable[[domain.ReadModel, date], T]) -> T:
    """`compute(model, day)` for the view, drawn once per log position: on the live model (business clock), or on
    the log replayed up to the end of the day (as recorded on)."""
    live = live_model(database)
    if view.clock is Clock.business:
        return await live.figure(database, (name, view.day), lambda model: compute(model, view.day))
    _, seq = await live.current(database)

    async def replayed() -> T:
        async with database.sessions() as session:
            return compute(await replay(session, domain.cutoff(view.day)), view.day)

    return await live.remembered((name, view.day, Clock.recorded), seq, replayed)


async def read_model(
    database: Database, as_of: date | None, today: date, clock: Clock = Clock.business
) -> tuple[domain.ReadModel, date]:
    """The read model for a day: the live model (business clock, or today), or the log replayed up to the end of
    the day (as recorded on a past day)."""
    view = view_of(as_of, today, clock)
    if view.clock is Clock.business:
        model, _ = await live_model(database).current(database)
        return model, view.day
    async with database.sessions() as session:
        return await replay(session, domain.cutoff(view.day)), view.day


async def thresholds(database: Database) -> dict[str, int]:
    async with database.sessions() as session:
        rows = (await session.execute(select(stuck_thresholds))).all()
    return {**domain.STUCK_RULES, **{rule: days for rule, days in rows if rule in domain.STUCK_RULES}}


async def set_thresholds(database: Database, values: Mapping[str, int], actor: str) -> None:
    """Coordinators choose the stuck-case thresholds; the change is audited like any other."""
    async with database.unit_of_work(actor) as uow:
        for rule, days in values.items():
            if rule not in domain.STUCK_RULES:
                continue
            await uow.session.execute(delete(stuck_thresholds).where(stuck_thresholds.c.rule == rule))
            await uow.session.execute(insert(stuck_thresholds).values(rule=rule, days=days))
        uow.audit("stuck_thresholds.set", "stuck_thresholds", "all", detail=dict(values))
        await uow.commit()


async def kpis(database: Database, as_of: date | None, today: date, clock: Clock = Clock.business) -> domain.Kpis:
    return await kpis_in(database, view_of(as_of, today, clock))


async def kpis_in(database: Database, view: View) -> domain.Kpis:
    limits = await thresholds(database)
    key = ("kpis", tuple(sorted(limits.items())))
    return await figure(database, view, key, lambda model, day: domain.kpis(model, day, limits))


async def trend(
    database: Database, view: View, months: int = 12, thresholds_: Mapping[str, int] | None = None
) -> list[domain.Kpis]:
    """The KPIs at the end of each of the last `months` months (the last one: the view's day). By the business
    clock each month end is drawn from the live model (and kept); as recorded, one pass over the log."""
    if view.clock is Clock.recorded:
        return await monthly_trend(database, view.day, months, thresholds_)
    limits = dict(thresholds_ or domain.STUCK_RULES)
    key = ("kpis", tuple(sorted(limits.items())))
    result = []
    for first in domain.months_back(view.day, months):
        day = min(domain.month_end(first), view.day)
        result.append(await figure(database, View(day), key, lambda model, d: domain.kpis(model, d, limits)))
    return result


# --- The event log: the live stream and timelines ---------------------------------------------------------


def event_row(row: Any) -> dict[str, Any]:
    result = dict(row)
    result["time"] = as_utc(result["time"])
    return result


async def events(
    database: Database,
    *,
    after_seq: int = 0,
    before_seq: int | None = None,
    agency: str | None = None,
    type_name: str | None = None,
    person_ref: str | None = None,
    dwelling_id: str | None = None,
    search: str | None = None,
    limit: int = 100,
    newest_first: bool = True,
) -> list[dict[str, Any]]:
    query = select(event_log).where(event_log.c.seq > after_seq)
    if before_seq is not None:
        query = query.where(event_log.c.seq < before_seq)
    if agency:
        query = query.where(event_log.c.agency == agency)
    if type_name:
        query = query.where(or_(event_log.c.name == type_name, event_log.c.type == type_name))
    if person_ref:
        query = query.where(event_log.c.person_ref == person_ref)
    if dwelling_id:
        query = query.where(event_log.c.dwelling_id == dwelling_id)
    if search:
        query = query.where(or_(event_log.c.id == search, event_log.c.key == search))
    order = event_log.c.seq.desc() if newest_first else event_log.c.seq
    async with database.sessions() as session:
        rows = (await session.execute(query.order_by(order).limit(limit))).mappings().all()
    return [event_row(r) for r in rows]


class NewEvents:
    """Wakes this process's reader of the event log for the live streams (`stream.EventFeed`) as soon as projected
    events are committed, instead of on its poll.

    A module-wide object that outlives event loops (each test has its own): every wait makes a future of the
    running loop, so none is bound to a loop that has gone, as an `asyncio.Event` made once would be."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done() and not waiter.get_loop().is_closed():
                waiter.set_result(None)

    async def wait(self, timeout: float) -> None:
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter, timeout)
        finally:
            self._waiters.discard(waiter)


new_events = NewEvents()


async def last_seq(database: Database) -> int:
    async with database.sessions() as session:
        return int((await session.execute(select(func.coalesce(func.max(event_log.c.seq), 0)))).scalar_one())


async def person_events(database: Database, person_ref: str) -> list[dict[str, Any]]:
    """One person's events across agencies: those naming the person, and those of the person's cases."""
    model, _ = await live_model(database).current(database)
    keys = {person_ref}
    for table, key in (
        ("stays", "stay_id"),
        ("applications", "application_id"),
        ("offers", "offer_id"),
        ("tenancies", "tenancy_id"),
    ):
        keys |= {r[key] for r in model.by(table, "person_ref", person_ref)}
    async with database.sessions() as session:
        query = (
            select(event_log)
            .where(or_(event_log.c.person_ref == person_ref, event_log.c.key.in_(sorted(keys))))
            .order_by(event_log.c.on_date, event_log.c.seq)
        )
        rows = [event_row(r) for r in (await session.execute(query)).mappings().all()]
        # LKE's lane: what happened to the person's dwellings while the person's case ran (renovation, ready).
        dwellings = sorted({r["dwelling_id"] for r in rows if r.get("dwelling_id")})
        days = [r["on_date"] for r in rows if r.get("on_date")]
        if dwellings and days:
            seen = {r["id"] for r in rows}
            lke = (
                select(event_log)
                .where(event_log.c.dwelling_id.in_(dwellings), event_log.c.agency == "lke")
                .where(event_log.c.on_date >= min(days), event_log.c.on_date <= max(days))
            )
            rows += [event_row(r) for r in (await session.execute(lke)).mappings().all() if r["id"] not in seen]
    return sorted(rows, key=lambda r: (r.get("on_date") or date.min, r["seq"]))


async def dwelling_events(database: Database, dwelling_id: str) -> list[dict[str, Any]]:
    async with database.sessions() as session:
        query = (
            select(event_log)
            .where(or_(event_log.c.dwelling_id == dwelling_id, event_log.c.key == dwelling_id))
            .order_by(event_log.c.on_date, event_log.c.seq)
        )
        rows = (await session.execute(query)).mappings().all()
    return [event_row(r) for r in rows]


async def wipe(session: AsyncSession, consumer: str) -> None:
    """Empty the read model, the event log and the consumer's inbox rows (the rebuild's first step)."""
    for table in read_model_tables.values():
        await session.execute(delete(table))
    await session.execute(delete(event_log))
    await session.execute(delete(inbox).where(inbox.c.consumer == consumer))


def topics_of_catalogue() -> Sequence[str]:
    from boligflyt.contracts.registry import topics

    return topics()


async def monthly_trend(
    database: Database, as_of: date, months: int = 12, thresholds_: Mapping[str, int] | None = None
) -> list[domain.Kpis]:
    """The KPIs at the end of each of the last `months` months (the last one: `as_of`), from one pass over
    the log: each month adds the events before its end, exactly as an as-of replay of that day would."""
    events = catalogue()
    async with database.sessions() as session:
        rows = (
            await session.execute(
                select(event_log.c.id, event_log.c.type, event_log.c.payload, event_log.c.time).order_by(
                    event_log.c.seq
                )
            )
        ).all()
    pending = [(event_id, event_type, payload, as_utc(moment)) for event_id, event_type, payload, moment in rows]
    model = domain.ReadModel()
    result = []
    for first in domain.months_back(as_of, months):
        day = min(domain.month_end(first), as_of)
        until = domain.cutoff(day)
        remaining = []
        for event_id, event_type, payload, moment in pending:
            if moment < until:
                model.apply(domain.project(events[event_type].model_validate(payload), event_id))
            else:
                remaining.append((event_id, event_type, payload, moment))
        pending = remaining
        result.append(domain.kpis(model, day, thresholds_))
    return result


# --- System health: the outboxes' backlog and the dead letters ---------------------------------------------


async def outbox_backlog(database: Database) -> int:
    """Events a service has recorded and not yet published."""
    async with database.sessions() as session:
        query = select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        return int((await session.execute(query)).scalar_one())


async def dead_letters(bus: EventBus, topic: str) -> int:
    """Dead letters of a topic not yet redriven: the redrive group's lag on `<topic>.dlq`."""
    subscription = await bus.subscribe(f"boligflyt.redrive.{topic}", [dead_letter_topic(topic)])
    try:
        return sum((await subscription.lag()).values())
    finally:
        with contextlib.suppress(Exception):
            await subscription.close()


async def redrive_dead_letters(database: Database, bus: EventBus, topic: str, actor: str) -> int:
    """A coordinator sends a topic's dead letters back onto it; audited like any other change. Returns how many."""
    count = await redrive(bus, topic, idle_seconds=1.0)
    async with database.unit_of_work(actor) as uow:
        uow.audit("dead_letters.redriven", "topic", topic, detail={"count": count})
        await uow.commit()
    return count
