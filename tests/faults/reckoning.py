"""After a fault: was anything lost, was anything done twice? Counted from the outside, in four places.

- The topics: every event a request the load got a 2xx for must cause is there, once (by event id; a second
  record with the same id is a copy the at-least-once relay may send, counted apart as `wire_copies`, and a second
  event id for the same fact is a duplicate).
- The outboxes: nothing left unpublished, and every row's event is on its topic.
- The inboxes: each consumer has claimed every event of a type it handles, one row per event id (the primary key
  allows no more), except dead letters the test put there on purpose.
- The state the events caused in the consuming services, where a second application would show: Boligkontoret
  counts a dwelling's letting rounds, the ordering function adds a row per dwelling that became ready, NAV links a
  stay once, LKE opens one project per order, the dashboard logs each event once.

Read through each service's own database (the outbox and inbox are not in any API, and neither are the counters a
second application would raise) and the broker, never through a consumer group, so nothing here moves a service.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from e2e.events import name_of, records_on
from e2e.system import System, eventually
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from boligflyt.applications.models import Dwelling as OfferableDwelling
from boligflyt.contracts.envelope import ContractViolation, Envelope, from_wire
from boligflyt.contracts.topics import dead_letter_topic
from boligflyt.dashboard.models import event_log
from boligflyt.maintenance.models import AcquisitionProject
from boligflyt.ordering.models import DwellingReady, KnownDwelling, Order
from boligflyt.platform.host import service_definitions
from boligflyt.platform.inbox import ERROR, FAILED_CONSUMER, ORIGINAL_TOPIC
from boligflyt.platform.tables import inbox, outbox
from boligflyt.temporary_housing.models import Stay

from .load import APPLICATIONS, MAINTENANCE, ORDERING, TEMPORARY_HOUSING, Load, Operation

TOPICS = (APPLICATIONS, TEMPORARY_HOUSING, MAINTENANCE, ORDERING)


@dataclass(frozen=True)
class Delivery:
    """One record as read from a topic: the event it carries (None if it does not parse) and its headers."""

    topic: str
    partition: int
    offset: int
    event_id: str
    headers: dict[str, str]
    envelope: Envelope | None


@dataclass
class Findings:
    """What one fault's load did and what the system made of it; `lost` and `duplicated` name each miss."""

    fault: str
    operations: int = 0
    operations_done: int = 0
    operations_failed: int = 0
    # Started while the fault was on (from the blow until the system was whole again).
    operations_under_fault: int = 0
    operations_done_under_fault: int = 0
    requests: dict[str, int] = field(default_factory=dict)
    # What the operations that failed were answered: a status code, or the error when no answer came.
    failed_with: dict[str, int] = field(default_factory=dict)
    events_expected: int = 0
    events_found: int = 0
    # The events the load's accepted requests caused, by type, each found once.
    events_by_type: dict[str, int] = field(default_factory=dict)
    effects_checked: int = 0
    inbox_rows_checked: int = 0
    events_on_topics: int = 0
    wire_copies: int = 0
    copied: list[str] = field(default_factory=list)  # the events sent more than once, and how often
    dead_letters: int = 0
    lost: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        numbers = {name: value for name, value in asdict(self).items() if name not in ("lost", "duplicated", "copied")}
        return {**numbers, "lost": len(self.lost), "duplicated": len(self.duplicated)}

    def report(self, folder: Path, **facts: object) -> None:
        """Print the numbers (they show with `pytest -s` and in a failure's captured output) and keep them, with
        `facts` of the fault itself, in fault-<name>.json in `folder`."""
        summary = {**self.summary(), **facts}
        print(f"\nfault {self.fault}: " + ", ".join(f"{name}={value}" for name, value in summary.items()))
        (folder / f"fault-{self.fault}.json").write_text(
            json.dumps(
                {**summary, "lost_items": self.lost, "duplicated_items": self.duplicated, "copied": self.copied},
                indent=2,
            )
        )


async def read_topics(system: System, topics: Iterable[str]) -> list[Delivery]:
    """Every record on these topics now, from the start, without a consumer group."""
    deliveries = []
    for record in await records_on(system, topics):
        envelope: Envelope | None
        try:
            envelope = from_wire(record.key, record.value, record.headers)
        except ContractViolation:
            envelope = None
        decoded = {name: value.decode(errors="replace") for name, value in record.headers}
        deliveries.append(
            Delivery(record.topic, record.partition, record.offset, decoded.get("ce_id", ""), decoded, envelope)
        )
    return deliveries


def refs_of(envelope: Envelope) -> set[str]:
    """What an event names: its key and the ids among its fields (an acquisition's order, a linked stay's key)."""
    data = envelope.data.model_dump(mode="json")
    return {envelope.key or "", *(value for value in data.values() if isinstance(value, str))}


@dataclass(frozen=True)
class Fault:
    """What struck and when (time.monotonic()), and the dead letters the test made on purpose: allowed on a
    dead-letter topic, and, until redriven, allowed to be missing from the consumers' inboxes."""

    name: str
    began: float
    ended: float
    dead_letters: Collection[str] = ()
    awaiting_redrive: Collection[str] = ()


async def reckon(system: System, fault: Fault, *loads: Load) -> Findings:
    """One look at the whole system after `fault`, and at what the `loads` did meanwhile."""
    operations = [operation for load in loads for operation in load.operations]
    under_fault = [op for op in operations if fault.began <= op.started_at <= fault.ended]
    findings = Findings(
        fault.name,
        operations=len(operations),
        operations_done=sum(op.done for op in operations),
        operations_failed=sum(not op.done for op in operations),
        operations_under_fault=len(under_fault),
        operations_done_under_fault=sum(op.done for op in under_fault),
        requests=dict(sum((load.requests for load in loads), Counter[str]())),
        failed_with=dict(Counter(op.failed_with for op in operations if op.failed_with)),
    )
    deliveries = await read_topics(system, [*TOPICS, *map(dead_letter_topic, TOPICS)])
    on_topics = [d for d in deliveries if d.topic in TOPICS]
    dead = [d for d in deliveries if d.topic not in TOPICS]
    events: dict[str, Envelope] = {}
    for delivery in on_topics:
        if delivery.envelope is not None:
            events.setdefault(delivery.event_id, delivery.envelope)
    findings.events_on_topics = len(events)
    copies = Counter(d.event_id for d in on_topics)
    findings.wire_copies = sum(copies.values()) - len(copies)
    copied = [(event_id, n) for event_id, n in copies.items() if n > 1 and event_id in events]
    findings.copied = sorted(f"{name_of(events[event_id])} {event_id} x{n}" for event_id, n in copied)
    findings.dead_letters = len(dead)

    _check_events_of_operations(findings, operations, events)
    engines = {name: create_async_engine(system.database_url(name), poolclass=NullPool) for name in system.services}
    claimed: dict[str, Counter[str]] = {}
    try:
        for name, engine in engines.items():
            async with engine.connect() as connection:
                await _check_outbox(findings, name, connection, events)
                claimed[name] = await _check_inbox(findings, name, connection, events, fault.awaiting_redrive)
        await _check_effects(findings, operations, engines, events)
    finally:
        for engine in engines.values():
            await engine.dispose()
    for delivery in dead:
        if delivery.event_id in fault.dead_letters:
            continue
        consumer = delivery.headers.get(FAILED_CONSUMER, "")
        what = (
            f"{delivery.event_id} dead-lettered by {consumer} from {delivery.headers.get(ORIGINAL_TOPIC)}: "
            f"{delivery.headers.get(ERROR, '')[:200]}"
        )
        # A consumer that had handled the event before and failed at it again was handling it a second time.
        handled_before = claimed.get(consumer, Counter[str]())[delivery.event_id] > 0
        (findings.duplicated if handled_before else findings.lost).append(what)
    return findings


async def reckon_when_settled(system: System, fault: Fault, *loads: Load, timeout: float = 120) -> Findings:
    """Look again until nothing is missing any more (consumers catch up after a fault) or `timeout` passes;
    the last look either way, so that a failing test says what stayed missing."""
    latest: list[Findings] = []

    async def nothing_missing() -> Findings | None:
        latest[:] = [await reckon(system, fault, *loads)]
        return None if latest[0].lost else latest[0]

    with contextlib.suppress(AssertionError):
        await eventually(nothing_missing, timeout=timeout, what=f"the system to settle after {fault.name}")
    return latest[0]


def assert_exactly_once(findings: Findings) -> None:
    assert findings.operations_done_under_fault > 0, "the load got nothing done while the fault was on"
    assert not findings.lost, f"{len(findings.lost)} lost: " + "; ".join(findings.lost[:20])
    assert not findings.duplicated, f"{len(findings.duplicated)} done twice: " + "; ".join(findings.duplicated[:20])


def _check_events_of_operations(findings: Findings, operations: list[Operation], events: dict[str, Envelope]) -> None:
    found: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for event_id, envelope in events.items():
        for ref in refs_of(envelope):
            found[(name_of(envelope), ref)].add(event_id)
    for operation in operations:
        for expected in operation.expected:
            ids = found[(expected.name, expected.ref)]
            findings.events_expected += 1
            findings.events_found += bool(ids)
            if len(ids) == 1:
                findings.events_by_type[expected.name] = findings.events_by_type.get(expected.name, 0) + 1
            if not ids:
                findings.lost.append(f"{expected.name} of {expected.ref} ({operation.kind}) is not on {expected.topic}")
            elif len(ids) > 1:
                findings.duplicated.append(f"{expected.name} of {expected.ref} ({operation.kind}): {len(ids)} events")


async def _check_outbox(
    findings: Findings, service: str, connection: AsyncConnection, events: dict[str, Envelope]
) -> None:
    rows = (await connection.execute(select(outbox.c.event_id, outbox.c.published_at))).all()
    for event_id, published_at in rows:
        if published_at is None:
            findings.lost.append(f"{service}'s outbox has {event_id} unpublished")
        elif event_id not in events:
            findings.lost.append(f"{service}'s outbox marks {event_id} published, but it is on no topic")


async def _check_inbox(
    findings: Findings,
    service: str,
    connection: AsyncConnection,
    events: dict[str, Envelope],
    awaiting_redrive: Collection[str],
) -> Counter[str]:
    """Checks that `service` claimed every event it handles; returns its claims."""
    handlers = service_definitions()[service].handlers
    if not handlers.by_type:
        return Counter()
    claimed = Counter((await connection.execute(select(inbox.c.event_id).where(inbox.c.consumer == service))).scalars())
    findings.inbox_rows_checked += sum(claimed.values())
    for event_id, envelope in events.items():
        if envelope.type not in handlers.by_type or envelope.topic not in handlers.topics:
            continue
        if claimed[event_id] == 0 and event_id not in awaiting_redrive:
            findings.lost.append(f"{service} has not handled {name_of(envelope)} {event_id} (no inbox row)")
        elif claimed[event_id] > 1:
            findings.duplicated.append(f"{service} claimed {event_id} {claimed[event_id]} times")
    return claimed


async def _check_effects(
    findings: Findings,
    operations: list[Operation],
    engines: dict[str, AsyncEngine],
    events: dict[str, Envelope],
) -> None:
    done = [op for op in operations if op.done]
    linked = {op.ids["stay"]: op.ids["application"] for op in done if op.kind == "application"}
    ready = [op.ids["dwelling"] for op in done if op.kind in ("ready_dwelling", "inspected_dwelling")]
    inspected = [op.ids["dwelling"] for op in done if op.kind == "inspected_dwelling"]
    orders = [op.ids["order"] for op in done if op.kind == "order"]

    def count(what: str, wanted: Iterable[str], seen: Counter[str], once: str) -> None:
        for ref in wanted:
            findings.effects_checked += 1
            if seen[ref] == 0:
                findings.lost.append(f"{what} {ref}: {once} did not happen")
            elif seen[ref] > 1:
                findings.duplicated.append(f"{what} {ref}: {once} happened {seen[ref]} times")

    # NAV links each applying person's stay to the application, once.
    async with engines["temporary-housing"].connect() as connection:
        rows = await connection.execute(select(Stay.id, Stay.application_id).where(Stay.id.in_(linked)))
        count("stay", linked, Counter(stay for stay, app in rows if app == linked[stay]), "the application link")
    # Boligkontoret starts a letting round each time a dwelling comes up for letting: one each here.
    async with engines["applications"].connect() as connection:
        query = select(OfferableDwelling.id, OfferableDwelling.letting_round).where(OfferableDwelling.id.in_(ready))
        rounds = Counter({dwelling: letting_round for dwelling, letting_round in await connection.execute(query)})
        count("dwelling", ready, rounds, "Boligkontoret's letting round")
    async with engines["ordering"].connect() as connection:
        known = Counter((await connection.execute(select(KnownDwelling.dwelling_id))).scalars())
        count("dwelling", ready, known, "the ordering function learning of it")
        # One row for each time a dwelling became ready: the supply side of the unmet-need signal.
        query = select(DwellingReady.dwelling_id).where(DwellingReady.dwelling_id.in_(inspected))
        count("dwelling", inspected, Counter((await connection.execute(query)).scalars()), "counting it as supply")
        query = select(Order.order_id).where(Order.order_id.in_(orders), Order.state == "accepted")
        count("order", orders, Counter((await connection.execute(query)).scalars()), "its acceptance by LKE's project")
    async with engines["maintenance"].connect() as connection:
        query = select(AcquisitionProject.order_id).where(AcquisitionProject.order_id.in_(orders))
        count("order", orders, Counter((await connection.execute(query)).scalars()), "LKE's acquisition project")
    # The dashboard logs every event once (its read model is built from that log).
    async with engines["dashboard"].connect() as connection:
        query = select(event_log.c.id, func.count()).group_by(event_log.c.id)
        logged = Counter[str]({event_id: n for event_id, n in await connection.execute(query)})
        count("event", events, logged, "the dashboard's log line")
