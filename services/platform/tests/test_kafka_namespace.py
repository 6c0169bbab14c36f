"""A Kafka namespace (`kafka_topic_prefix`) holds a test's topics and consumer groups, and goes away with it."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from boligflyt.platform.bus.kafka import KafkaBus
from boligflyt.testkit import drop_kafka_namespace, kafka_bootstrap, unique_name

TOPIC = "boligflyt.ordering"


async def topics_and_groups() -> tuple[set[str], set[str]]:
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap())
    await admin.start()
    try:
        topics = set(await admin.list_topics())
        groups = {group[0] for group in await admin.list_consumer_groups()}
        return topics, groups
    finally:
        await admin.close()


async def test_a_consumer_group_is_named_inside_the_namespace() -> None:
    prefix = f"{unique_name('platform')}."
    bus = KafkaBus(kafka_bootstrap(), partitions=1, topic_prefix=prefix)
    await bus.ensure_topics([TOPIC])
    subscription = await bus.subscribe("applications", [TOPIC])
    try:
        await subscription.fetch(max_records=1, timeout=0.5)
        _, groups = await topics_and_groups()
        assert prefix + "applications" in groups
    finally:
        await subscription.close()
        await drop_kafka_namespace(prefix)


async def test_dropping_a_namespace_deletes_its_topics_and_no_others() -> None:
    ours, theirs = f"{unique_name('platform')}.", f"{unique_name('platform')}."
    for prefix in (ours, theirs):
        await KafkaBus(kafka_bootstrap(), partitions=1, topic_prefix=prefix).ensure_topics([TOPIC, TOPIC + ".dlq"])

    await drop_kafka_namespace(ours)

    for _ in range(50):  # the broker's metadata follows the controller's deletion within moments
        topics, _ = await topics_and_groups()
        if not any(topic.startswith(ours) for topic in topics):
            break
        await asyncio.sleep(0.1)
    assert not {topic for topic in topics if topic.startswith(ours)}
    assert {theirs + TOPIC, theirs + TOPIC + ".dlq"} <= topics
    await drop_kafka_namespace(theirs)


async def test_an_empty_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="every topic"):
        await drop_kafka_namespace("")
