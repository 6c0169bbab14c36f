"""EventBus on Apache Kafka through aiokafka: idempotent producer with acks=all, manual offset commits."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable, Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError
from aiokafka.structs import RecordMetadata

from boligflyt.contracts.envelope import WireMessage
from boligflyt.platform.bus.port import BusUnavailable, Record

# A broker that does not answer within this time counts as down; the outbox keeps the events meanwhile.
PUBLISH_TIMEOUT_SECONDS = 15.0
CONNECT_TIMEOUT_MS = 5_000


class KafkaBus:
    """`topic_prefix` puts every topic and consumer group into a namespace of its own (tests share one broker);
    services see the catalogue's topic names and their own group names either way. Groups too: every test's
    `applications` consumer joined the one group `applications`, so each test that started one rebalanced all
    the others, and the development system's, on the same broker."""

    def __init__(
        self, bootstrap: str, *, partitions: int = 3, replication_factor: int = 1, topic_prefix: str = ""
    ) -> None:
        self.bootstrap = bootstrap
        self.topic_prefix = topic_prefix
        self.partitions = partitions
        self.replication_factor = replication_factor
        self._producer: AIOKafkaProducer | None = None
        self._producer_lock = asyncio.Lock()

    async def start(self) -> None:
        """Nothing to do up front: a service must start, and take requests, while the broker is down."""

    async def stop(self) -> None:
        await self._drop_producer()

    async def _get_producer(self) -> AIOKafkaProducer:
        async with self._producer_lock:
            if self._producer is None:
                producer = AIOKafkaProducer(
                    bootstrap_servers=self.bootstrap,
                    enable_idempotence=True,
                    acks="all",
                    linger_ms=2,
                    request_timeout_ms=int(PUBLISH_TIMEOUT_SECONDS * 1000),
                )
                try:
                    await asyncio.wait_for(producer.start(), PUBLISH_TIMEOUT_SECONDS)
                except (KafkaError, OSError, TimeoutError) as exc:
                    await producer.stop()
                    raise BusUnavailable(f"Kafka at {self.bootstrap} does not answer: {exc!r}") from exc
                self._producer = producer
            return self._producer

    async def _drop_producer(self) -> None:
        async with self._producer_lock:
            producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(KafkaError, OSError, TimeoutError):
                await asyncio.wait_for(producer.stop(), 5)

    async def publish(self, messages: Sequence[WireMessage]) -> None:
        if messages:
            await (await self.send(messages))

    async def send(self, messages: Iterable[WireMessage]) -> asyncio.Future[None]:
        producer = await self._get_producer()
        try:
            # send() only queues (waiting while the partition's batch is full); the idempotent producer keeps the
            # queue's order per partition.
            async with asyncio.timeout(PUBLISH_TIMEOUT_SECONDS):
                acks = [
                    await producer.send(
                        self.topic_prefix + message.topic,
                        value=message.value,
                        key=message.key.encode(),
                        headers=list(message.headers),
                    )
                    for message in messages
                ]
        except (KafkaError, OSError, TimeoutError) as exc:
            await self._drop_producer()
            raise BusUnavailable(f"publishing to Kafka failed: {exc!r}") from exc
        return asyncio.ensure_future(self._acknowledged(acks))

    async def _acknowledged(self, acks: list[asyncio.Future[RecordMetadata]]) -> None:
        try:
            async with asyncio.timeout(PUBLISH_TIMEOUT_SECONDS):
                # One by one rather than gather(): most are done by the time the first is, and awaiting a done
                # future costs nothing, while gather() schedules a callback for each.
                for ack in acks:
                    await ack
        except (KafkaError, OSError, TimeoutError) as exc:
            # A half-sent batch is sent again from the outbox: consumers' inboxes drop the duplicates.
            await self._drop_producer()
            raise BusUnavailable(f"publishing to Kafka failed: {exc!r}") from exc

    async def subscribe(self, group: str, topics: Sequence[str]) -> KafkaSubscription:
        consumer = AIOKafkaConsumer(
            *(self.topic_prefix + topic for topic in topics),
            bootstrap_servers=self.bootstrap,
            group_id=self.topic_prefix + group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            request_timeout_ms=30_000,
            session_timeout_ms=10_000,
            heartbeat_interval_ms=2_000,
            max_poll_interval_ms=600_000,
        )
        try:
            await consumer.start()
        except (KafkaError, OSError) as exc:
            await consumer.stop()
            raise BusUnavailable(f"Kafka at {self.bootstrap} does not answer: {exc!r}") from exc
        return KafkaSubscription(consumer, self.topic_prefix)

    async def ensure_topics(self, topics: Sequence[str]) -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=CONNECT_TIMEOUT_MS)
        try:
            await admin.start()
            existing = set(await admin.list_topics())
            missing = [self.topic_prefix + topic for topic in topics if self.topic_prefix + topic not in existing]
            if missing:
                new_topics = [
                    NewTopic(name=topic, num_partitions=self.partitions, replication_factor=self.replication_factor)
                    for topic in missing
                ]
                with contextlib.suppress(TopicAlreadyExistsError):
                    await admin.create_topics(new_topics)
        except (KafkaError, OSError) as exc:
            raise BusUnavailable(f"Kafka at {self.bootstrap} does not answer: {exc!r}") from exc
        finally:
            await admin.close()

    async def ping(self) -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=CONNECT_TIMEOUT_MS)
        try:
            await asyncio.wait_for(admin.start(), CONNECT_TIMEOUT_MS / 1000)
            await asyncio.wait_for(admin.list_topics(), CONNECT_TIMEOUT_MS / 1000)
        except (KafkaError, OSError, TimeoutError) as exc:
            raise BusUnavailable(f"Kafka at {self.bootstrap} does not answer: {exc!r}") from exc
        finally:
            await admin.close()


class KafkaSubscription:
    def __init__(self, consumer: AIOKafkaConsumer, topic_prefix: str = "") -> None:
        self.consumer = consumer
        self.topic_prefix = topic_prefix

    def _logical(self, topic: str) -> str:
        return topic[len(self.topic_prefix) :] if self.topic_prefix and topic.startswith(self.topic_prefix) else topic

    async def fetch(self, max_records: int = 500, timeout: float = 1.0) -> list[Record]:
        try:
            batches = await self.consumer.getmany(timeout_ms=int(timeout * 1000), max_records=max_records)
        except KafkaError as exc:
            raise BusUnavailable(f"fetching from Kafka failed: {exc!r}") from exc
        records: list[Record] = []
        for partition in sorted(batches, key=lambda tp: (tp.topic, tp.partition)):
            topic = self._logical(partition.topic)
            # aiokafka gives each header as (str, bytes) already: a replay reads millions, so no copying here.
            records.extend(
                Record(
                    topic=topic,
                    partition=message.partition,
                    offset=message.offset,
                    key=message.key.decode() if message.key is not None else None,
                    value=message.value or b"",
                    headers=tuple(message.headers),
                    timestamp_ms=message.timestamp,
                )
                for message in batches[partition]
            )
        return records

    async def commit(self, records: Sequence[Record]) -> None:
        offsets: dict[TopicPartition, int] = {}
        for record in records:
            partition = TopicPartition(self.topic_prefix + record.topic, record.partition)
            offsets[partition] = max(offsets.get(partition, 0), record.offset + 1)
        if not offsets:
            return
        try:
            await self.consumer.commit(offsets)
        except KafkaError as exc:
            raise BusUnavailable(f"committing offsets failed: {exc!r}") from exc

    async def lag(self) -> dict[str, int]:
        lag: dict[str, int] = {}
        for partition in self.consumer.assignment():
            highwater = self.consumer.highwater(partition)
            committed = await self.consumer.committed(partition)
            if highwater is None:
                continue
            topic = self._logical(partition.topic)
            lag[topic] = lag.get(topic, 0) + highwater - (committed or 0)
        return lag

    async def caught_up(self) -> bool:
        assignment = list(self.consumer.assignment())
        if not assignment:
            return False  # not yet joined the group: nothing is known about what there is to read
        ends = await self.consumer.end_offsets(assignment)
        for partition in assignment:
            if await self.consumer.position(partition) < ends[partition]:
                return False
        return True

    async def close(self) -> None:
        await self.consumer.stop()
