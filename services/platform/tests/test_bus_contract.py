"""The bus contract: what every service relies on, proved against the embedded log and real Kafka alike."""

from __future__ import annotations

import uuid
from collections import defaultdict

import pytest

from boligflyt.contracts.envelope import WireMessage
from boligflyt.platform.bus import EventBus, Record, Subscription


def fresh_topic() -> str:
    return f"test.bus.{uuid.uuid4().hex[:10]}"


def message(topic: str, key: str, n: int) -> WireMessage:
    return WireMessage(topic=topic, key=key, value=f"{key}:{n}".encode(), headers=(("x-n", str(n).encode()),))


async def read(subscription: Subscription, count: int, *, rounds: int = 60) -> list[Record]:
    records: list[Record] = []
    for _ in range(rounds):
        if len(records) >= count:
            break
        records.extend(await subscription.fetch(max_records=500, timeout=0.5))
    return records


@pytest.mark.parametrize("pipelined", [False, True], ids=["publish", "send"])
async def test_records_of_one_key_stay_in_order(bus: EventBus, pipelined: bool) -> None:
    topic = fresh_topic()
    await bus.ensure_topics([topic])
    keys = [f"case-{i}" for i in range(5)]
    sent = [message(topic, keys[n % 5], n) for n in range(300)]
    if pipelined:
        # Every batch is sent before the first is acknowledged, as the outbox relay does.
        deliveries = [await bus.send(sent[start : start + 50]) for start in range(0, len(sent), 50)]
        for delivery in deliveries:
            await delivery
    else:
        for start in range(0, len(sent), 50):
            await bus.publish(sent[start : start + 50])

    subscription = await bus.subscribe(f"group-{uuid.uuid4().hex[:6]}", [topic])
    records = await read(subscription, len(sent))
    await subscription.close()

    assert len(records) == len(sent)
    seen: dict[str, list[int]] = defaultdict(list)
    for record in records:
        assert record.key is not None
        seen[record.key].append(int(record.header("x-n") or -1))
    for key in keys:
        expected = [n for n in range(300) if keys[n % 5] == key]
        assert seen[key] == expected, f"{key} out of order"


async def test_new_group_replays_from_the_start(bus: EventBus) -> None:
    topic = fresh_topic()
    await bus.ensure_topics([topic])
    await bus.publish([message(topic, "a", n) for n in range(10)])

    first = await bus.subscribe("group-first-" + topic, [topic])
    records = await read(first, 10)
    await first.commit(records)
    await first.close()

    await bus.publish([message(topic, "a", n) for n in range(10, 15)])

    again = await bus.subscribe("group-first-" + topic, [topic])
    later = await read(again, 5)
    await again.close()
    assert sorted(int(r.header("x-n") or -1) for r in later) == list(range(10, 15))

    newcomer = await bus.subscribe("group-new-" + topic, [topic])
    everything = await read(newcomer, 15)
    await newcomer.close()
    assert sorted(int(r.header("x-n") or -1) for r in everything) == list(range(15))


async def test_records_not_committed_are_delivered_again(bus: EventBus) -> None:
    topic = fresh_topic()
    await bus.ensure_topics([topic])
    await bus.publish([message(topic, "k", n) for n in range(6)])
    group = "group-crash-" + topic

    crashed = await bus.subscribe(group, [topic])
    records = await read(crashed, 6)
    assert [int(r.header("x-n") or -1) for r in records] == list(range(6))  # one key: one partition, in order
    await crashed.commit(records[:3])
    await crashed.close()  # as if the process died before committing the rest

    survivor = await bus.subscribe(group, [topic])
    again = await read(survivor, 3)
    await survivor.close()
    assert sorted(int(r.header("x-n") or -1) for r in again) == [3, 4, 5]


async def test_lag_counts_what_the_group_has_not_committed(bus: EventBus) -> None:
    topic = fresh_topic()
    await bus.ensure_topics([topic])
    await bus.publish([message(topic, f"k{n}", n) for n in range(8)])
    subscription = await bus.subscribe("group-lag-" + topic, [topic])
    records = await read(subscription, 8)
    assert len(records) == 8
    assert (await subscription.lag()).get(topic, 0) == 8
    await subscription.commit(records)
    assert (await subscription.lag()).get(topic, 0) == 0
    await subscription.close()


async def test_headers_and_bytes_survive_the_trip(bus: EventBus) -> None:
    topic = fresh_topic()
    await bus.ensure_topics([topic])
    value = bytes(range(256))
    sent = WireMessage(
        topic=topic, key="bin", value=value, headers=(("ce_type", b"x.y"), ("traceparent", "æøå".encode()))
    )
    await bus.publish([sent])
    subscription = await bus.subscribe("group-bytes-" + topic, [topic])
    [record] = await read(subscription, 1)
    await subscription.close()
    assert record.value == value
    assert record.header("traceparent") == "æøå"
    assert record.key == "bin"
