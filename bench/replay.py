"""Benchmark 3 of issue 11: rebuilding the dashboard's read model from 1,000,000 events.

The events are the contracts' worked examples (one of every type of the catalogue, telling one story), told
again and again: each retelling is a case of its own, every id and person ref varied, so the projection creates
and merges real rows rather than rewriting the same few. They are produced straight onto Kafka topics in a
namespace of the benchmark's own (setup, not timed), then timed:

- the dashboard's real rebuild (`boligflyt.dashboard.rebuild.rebuild`: a new consumer group over every topic,
  the platform inbox, the projection into the read model and event log) into a PostgreSQL database of its own;
- the anchor: a bare aiokafka consumer reading the same topics to the end.

Both clocks run from subscribing until the last record, so both include joining the group.
Target: the rebuild in under 60 s.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import func, select

from bench.common import Options, Result, Stopwatch, bootstrap, kafka_namespace, postgres_database
from boligflyt.contracts.envelope import Envelope, WireMessage, from_wire, to_wire
from boligflyt.contracts.examples import examples
from boligflyt.dashboard.main import definition
from boligflyt.dashboard.models import event_log
from boligflyt.dashboard.rebuild import rebuild
from boligflyt.dashboard.service import topics_of_catalogue
from boligflyt.platform.bus.kafka import KafkaBus

EVENTS = 1_000_000
TARGET_SECONDS = 60
TARGET_RATE = EVENTS / TARGET_SECONDS  # a quicker run with --events is held to the same pace
SEND_WINDOW = 20_000  # messages in flight before the producer waits for their acknowledgements


@dataclass(frozen=True)
class Template:
    """One worked example as it travels, with the fields a retelling varies."""

    topic: str
    key_field: str
    payload: dict[str, Any]
    headers: dict[str, bytes]
    varied: tuple[str, ...]  # ids (`*_id`, `*_ids`) and `person_ref`


def templates() -> list[Template]:
    result = []
    for example in examples():
        wire = to_wire(Envelope(data=example, subject=example.key))
        payload = example.model_dump(mode="json")
        varied = tuple(name for name in payload if name == "person_ref" or name.endswith(("_id", "_ids")))
        result.append(Template(wire.topic, example.key_field, payload, dict(wire.headers), varied))
    return result


def retold(value: Any, case: int) -> Any:
    """An id or person ref of case `case`: ids get a suffix, person refs (64 hex digits) a last 8 of their own."""
    if isinstance(value, list):
        return [retold(item, case) for item in value]
    if not isinstance(value, str):
        return value  # an optional id that is not set
    if len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return value[:56] + f"{case:08x}"
    return f"{value}.{case}"


def history(count: int, started: datetime, first: int = 0) -> Iterator[WireMessage]:
    """Events `first` to `count`: the examples in order, retold as case 0, 1, 2, ... (one event a millisecond)."""
    stories = templates()
    for n in range(first, count):
        case, index = divmod(n, len(stories))
        template = stories[index]
        payload = dict(template.payload)
        for name in template.varied:
            payload[name] = retold(payload[name], case)
        key = str(payload[template.key_field])
        moment = (started + timedelta(milliseconds=n)).isoformat().replace("+00:00", "Z")
        headers = {
            **template.headers,
            "ce_id": uuid.uuid4().hex.encode(),
            "ce_partitionkey": key.encode(),
            "ce_subject": key.encode(),
            "ce_time": moment.encode(),
        }
        yield WireMessage(template.topic, key, json.dumps(payload).encode(), tuple(headers.items()))


def check_valid(count: int) -> None:
    """Every type, in the first and the last case, parses against its contract (the consumer would dead-letter
    what does not, and the benchmark would measure dead-lettering)."""
    started, size = datetime.now(UTC), len(examples())
    for message in [*history(min(size, count), started), *history(count, started, first=max(0, count - size))]:
        from_wire(message.key, message.value, message.headers)


async def produce(prefix: str, count: int) -> float:
    """Setup: the events onto the topics as fast as the broker takes them; returns the seconds it took."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap(), acks=1, linger_ms=20, max_batch_size=512 * 1024)
    await producer.start()
    try:
        with Stopwatch() as watch:
            pending: list[asyncio.Future[Any]] = []
            for message in history(count, datetime.now(UTC) - timedelta(milliseconds=count)):
                pending.append(
                    await producer.send(
                        prefix + message.topic,
                        value=message.value,
                        key=message.key.encode(),
                        headers=list(message.headers),
                    )
                )
                if len(pending) >= SEND_WINDOW:
                    await asyncio.gather(*pending)
                    pending.clear()
            await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return watch.seconds


async def bare_read(prefix: str, topics: list[str], count: int) -> float:
    """The anchor: subscribe a new group to the topics and read until every record was seen; seconds."""
    with Stopwatch() as watch:
        consumer = AIOKafkaConsumer(
            *(prefix + topic for topic in topics),
            bootstrap_servers=bootstrap(),
            group_id=f"bench-bare-{uuid.uuid4().hex[:8]}",
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        await consumer.start()
        try:
            seen = 0
            while seen < count:
                batches = await consumer.getmany(timeout_ms=1000, max_records=500)
                seen += sum(len(batch) for batch in batches.values())
        finally:
            await consumer.stop()
    return watch.seconds


async def dashboard_replay(options: Options) -> Result:
    count = options.events or EVENTS
    check_valid(count)
    async with kafka_namespace() as prefix:  # a million events are most of a gigabyte on the broker's disk
        return await dashboard_replay_in(prefix, count)


async def dashboard_replay_in(prefix: str, count: int) -> Result:
    topics = list(topics_of_catalogue())
    bus = KafkaBus(bootstrap(), topic_prefix=prefix)
    await bus.ensure_topics(topics)
    try:
        produced = await produce(prefix, count)
        print(f"replay: {count:,} events produced in {produced:.1f} s (setup, not timed)", flush=True)
        anchor_seconds = await bare_read(prefix, topics, count)
        async with postgres_database("dashboard", definition.migrations) as database:
            started = time.perf_counter()
            replayed = await rebuild(database, bus)
            seconds = time.perf_counter() - started
            async with database.sessions() as session:
                logged = (await session.execute(select(func.count()).select_from(event_log))).scalar_one()
    finally:
        await bus.stop()
    if replayed != count or logged != count:
        raise RuntimeError(f"the rebuild read {replayed} and logged {logged} of {count} events")
    rate, anchor = count / seconds, count / anchor_seconds
    return Result(
        name="dashboard_replay",
        unit="events/s",
        value=rate,
        anchor_name="bare aiokafka consumer reading the same topics",
        anchor_value=anchor,
        target=f"{EVENTS:,} events in < {TARGET_SECONDS} s (>= {TARGET_RATE:,.0f} events/s)",
        met=rate >= TARGET_RATE,
        details={
            "events": count,
            "seconds": round(seconds, 1),
            "anchor_seconds": round(anchor_seconds, 1),
            "slower_than_anchor": round(seconds / anchor_seconds, 1),
        },
    )
