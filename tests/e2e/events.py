"""Reading a topic of the running system from the outside, as an auditor would: every event on it so far.

Distributed: the topic's partitions in the system's Kafka namespace, read from the beginning up to their end
offsets at the time of the call (no consumer group, so nothing is committed and services are not disturbed).
Embedded: the embedded log's SQLite file, read from the start.

The relay delivers at least once: after a crash an event may be on the topic twice, with the same id. Consumers'
inboxes drop the second copy, and so does `topic_events`: it gives each event once, where it first appeared.

Kafka keeps order only per partition (all events of one key are in one partition); partitions are merged by the
events' own time, so each key's events stay in the order they were published and events of different keys
come in the order they happened.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable

from aiokafka import AIOKafkaConsumer, TopicPartition

from boligflyt.contracts.base import EVENT_TYPE_PREFIX
from boligflyt.contracts.envelope import Envelope, from_wire
from boligflyt.platform.bus import Record
from boligflyt.platform.bus.embedded import EmbeddedLog, _decode_headers
from boligflyt.testkit import kafka_bootstrap

from .system import System


async def topic_events(system: System, topic: str) -> list[Envelope]:
    """Every event on `topic` (a catalogue name such as "boligflyt.applications") so far, in order, each once."""
    partitions = [
        [from_wire(record.key, record.value, record.headers) for record in records]
        for records in await _records(system, lambda name: name == topic)
    ]
    # heapq.merge never reorders within one input, so each partition (and so each key) keeps its order.
    events = heapq.merge(*partitions, key=lambda event: event.time)
    seen: set[str] = set()
    distinct = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            distinct.append(event)
    return distinct


def name_of(event: Envelope) -> str:
    """The event's catalogue name without prefix and version: "application.approved"."""
    return event.type.removeprefix(EVENT_TYPE_PREFIX).rsplit(".v", 1)[0]


def of_type(events: Iterable[Envelope], *names: str) -> list[Envelope]:
    """The events with these names (e.g. "application.approved"), in their order."""
    return [event for event in events if name_of(event) in names]


async def every_record(system: System) -> list[Record]:
    """Every record on every topic of the system so far, dead-letter topics included, duplicates kept."""
    return [record for records in await _records(system, lambda _: True) for record in records]


async def records_on(system: System, topics: Iterable[str]) -> list[Record]:
    """Every record on these topics (catalogue names) so far, duplicates kept, each partition in offset order."""
    wanted = set(topics)
    return [record for records in await _records(system, wanted.__contains__) for record in records]


async def _records(system: System, wanted: Callable[[str], bool]) -> list[list[Record]]:
    """The records so far on the topics `wanted` (by catalogue name): a list per partition, in offset order."""
    if system.kind == "embedded":
        return await _embedded_records(system, wanted)
    return await _kafka_records(system, wanted)


async def _embedded_records(system: System, wanted: Callable[[str], bool]) -> list[list[Record]]:
    path = system.workdir / "data" / "events.sqlite"
    if not path.exists():
        return []
    log = EmbeddedLog(path)
    await log.start()
    try:
        cursor = await log.reader.execute(
            "SELECT topic, offset, key, value, headers, timestamp_ms FROM records ORDER BY topic, offset"
        )
        rows = await cursor.fetchall()
    finally:
        await log.stop()
    per_topic: dict[str, list[Record]] = {}
    for topic, offset, key, value, headers, timestamp_ms in rows:
        if wanted(topic):
            record = Record(topic, 0, offset, key, bytes(value), _decode_headers(headers), timestamp_ms)
            per_topic.setdefault(topic, []).append(record)
    return list(per_topic.values())


async def _kafka_records(system: System, wanted: Callable[[str], bool]) -> list[list[Record]]:
    """Distributed: the partitions read from the beginning up to their end offsets at the time of the call."""
    consumer = AIOKafkaConsumer(bootstrap_servers=kafka_bootstrap(), enable_auto_commit=False, group_id=None)
    await consumer.start()
    try:
        # Fresh metadata: the consumer's cached view may not know a topic created a moment ago.
        cluster = await consumer._client.fetch_all_metadata()
        assigned = [
            TopicPartition(name, partition)
            for name in sorted(cluster.topics())
            if name.startswith(system.topic_prefix) and wanted(name.removeprefix(system.topic_prefix))
            for partition in sorted(cluster.partitions_for_topic(name) or ())
        ]
        if not assigned:
            return []
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        ends = await consumer.end_offsets(assigned)
        per_partition: dict[TopicPartition, list[Record]] = {tp: [] for tp in assigned}
        remaining = {tp for tp in assigned if ends[tp] > 0}
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, messages in batches.items():
                topic = tp.topic.removeprefix(system.topic_prefix)
                for message in messages:
                    if message.offset < ends[tp]:
                        headers = tuple((header, bytes(value)) for header, value in message.headers)
                        key = None if message.key is None else message.key.decode()
                        value = message.value or b""
                        record = Record(topic, tp.partition, message.offset, key, value, headers, message.timestamp)
                        per_partition[tp].append(record)
                if await consumer.position(tp) >= ends[tp]:
                    remaining.discard(tp)
    finally:
        await consumer.stop()
    return list(per_partition.values())
