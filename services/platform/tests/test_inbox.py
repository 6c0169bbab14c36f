"""The consumer side, against both deployments: each event's effect happens once; failures go to the DLQ."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, insert, select

from boligflyt.contracts.envelope import Envelope, WireMessage, to_wire
from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.contracts.topics import dead_letter_topic
from boligflyt.platform.bus import Record
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import (
    ATTEMPTS,
    ERROR,
    ERROR_KIND,
    FAILED_CONSUMER,
    ORIGINAL_OFFSET,
    ORIGINAL_TOPIC,
    EventHandlers,
    InboxConsumer,
    RetryPolicy,
    redrive,
)

from .conftest import Deployment, effects, need_reported

NEED_TOPIC = "boligflyt.ordering"


def consumer_for(deployment: Deployment, handlers: EventHandlers, *, attempts: int = 3) -> InboxConsumer:
    # A fresh consumer group per test, so that nothing another consumer committed is skipped.
    return InboxConsumer(
        name=f"test-{uuid.uuid4().hex[:8]}",
        database=deployment.database,
        bus=deployment.bus,
        handlers=handlers,
        retry=RetryPolicy(max_attempts=attempts, backoff_seconds=0.01, backoff_max_seconds=0.02),
    )


def recording_handlers() -> EventHandlers:
    handlers = EventHandlers()

    @handlers.on(type(need_reported("k", 1)))
    async def record_effect(event: NeedReported, uow: UnitOfWork) -> None:
        envelope = uow.cause
        assert envelope is not None
        await uow.session.execute(insert(effects).values(event_id=envelope.id, key=envelope.key, n=event.dwellings))

    return handlers


async def effect_rows(deployment: Deployment, run: str) -> list[tuple[str, int]]:
    async with deployment.database.sessions() as session:
        rows = await session.execute(
            select(effects.c.key, effects.c.n).where(effects.c.key.like(f"{run}%")).order_by(effects.c.id)
        )
        return [(row.key, row.n) for row in rows]


async def consume_until(consumer: InboxConsumer, predicate, rounds: int = 40) -> None:  # type: ignore[no-untyped-def]
    for _ in range(rounds):
        await consumer.poll_once(timeout=0.5)
        if await predicate():
            return


async def test_each_event_takes_effect_once_even_when_delivered_twice(deployment: Deployment) -> None:
    run = f"dup-{uuid.uuid4().hex[:6]}"
    wire = [to_wire(Envelope(data=need_reported(f"{run}-a", n))) for n in range(1, 4)]
    await deployment.bus.publish(wire)
    await deployment.bus.publish(wire)  # the same events (same ids) once more, as a retrying relay might

    consumer = consumer_for(deployment, recording_handlers())

    for _ in range(20):
        await consumer.poll_once(timeout=0.5)
        if len(await effect_rows(deployment, run)) >= 3:
            # drain the rest, which must all be duplicates
            await consumer.poll_once(timeout=0.5)
            break
    await consumer.close()
    assert await effect_rows(deployment, run) == [(f"{run}-a", 1), (f"{run}-a", 2), (f"{run}-a", 3)]


async def test_a_crash_after_handling_but_before_the_offset_commit_does_not_repeat_the_effect(
    deployment: Deployment,
) -> None:
    run = f"crash-{uuid.uuid4().hex[:6]}"
    await deployment.bus.publish([to_wire(Envelope(data=need_reported(f"{run}-k", n))) for n in range(1, 6)])
    handlers = recording_handlers()
    group = f"test-crash-{uuid.uuid4().hex[:6]}"

    first = InboxConsumer(name=group, database=deployment.database, bus=deployment.bus, handlers=handlers)
    first.subscription = await deployment.bus.subscribe(group, handlers.topics)
    handled: list[Record] = []
    for _ in range(40):
        records = await first.subscription.fetch(timeout=0.5)
        mine = [r for r in records if (r.key or "").startswith(run)]
        for record in records:
            outcome = await first.handle(record)
            if record in mine:
                assert outcome == "handled"
        handled.extend(mine)
        if len(handled) >= 5:
            break
    await first.close()  # died before commit(): the bus still thinks nothing was consumed

    second = InboxConsumer(name=group, database=deployment.database, bus=deployment.bus, handlers=handlers)
    second.subscription = await deployment.bus.subscribe(group, handlers.topics)
    outcomes: list[str] = []
    for _ in range(40):
        records = await second.subscription.fetch(timeout=0.5)
        outcomes += [await second.handle(r) for r in records if (r.key or "").startswith(run)]
        if len(outcomes) >= 5:
            break
    await second.close()

    assert outcomes == ["duplicate"] * 5
    assert [n for _, n in await effect_rows(deployment, run)] == [1, 2, 3, 4, 5]


async def test_a_handler_that_fails_then_succeeds_takes_effect_once(deployment: Deployment) -> None:
    run = f"flaky-{uuid.uuid4().hex[:6]}"
    failures = {"left": 2}
    handlers = EventHandlers()

    @handlers.on(type(need_reported("k", 1)))
    async def flaky(event: NeedReported, uow: UnitOfWork) -> None:
        envelope = uow.cause
        assert envelope is not None
        await uow.session.execute(insert(effects).values(event_id=envelope.id, key=envelope.key, n=1))
        if failures["left"]:
            failures["left"] -= 1
            raise RuntimeError("the handler fell over after writing")  # its write must be rolled back

    await deployment.bus.publish([to_wire(Envelope(data=need_reported(f"{run}-x", 1)))])
    consumer = consumer_for(deployment, handlers, attempts=5)

    async def done() -> bool:
        return bool(await effect_rows(deployment, run))

    await consume_until(consumer, done)
    await consumer.close()
    assert await effect_rows(deployment, run) == [(f"{run}-x", 1)]
    assert failures["left"] == 0


async def test_a_message_that_keeps_failing_is_dead_lettered_and_the_consumer_goes_on_then_redrive_applies_it_once(
    deployment: Deployment,
) -> None:
    run = f"poison-{uuid.uuid4().hex[:6]}"
    broken = {"on": True}
    handlers = EventHandlers()

    @handlers.on(type(need_reported("k", 1)))
    async def picky(event: NeedReported, uow: UnitOfWork) -> None:
        envelope = uow.cause
        assert envelope is not None
        if broken["on"] and event.dwellings == 2:
            raise ValueError("cannot handle two dwellings")
        await uow.session.execute(insert(effects).values(event_id=envelope.id, key=envelope.key, n=event.dwellings))

    key = f"{run}-p"
    await deployment.bus.publish([to_wire(Envelope(data=need_reported(key, n))) for n in (1, 2, 3)])
    consumer = consumer_for(deployment, handlers, attempts=3)

    async def both_others_done() -> bool:
        return len(await effect_rows(deployment, run)) >= 2

    await consume_until(consumer, both_others_done)
    assert [n for _, n in await effect_rows(deployment, run)] == [1, 3]

    dead = await deployment.bus.subscribe(f"inspect-{run}", [dead_letter_topic(NEED_TOPIC)])
    letters: list[Record] = []
    for _ in range(40):
        letters += [r for r in await dead.fetch(timeout=0.5) if r.key == key]
        if letters:
            break
    await dead.close()
    [letter] = letters
    assert letter.header(ORIGINAL_TOPIC) == NEED_TOPIC
    assert letter.header(ORIGINAL_OFFSET) is not None
    assert letter.header(FAILED_CONSUMER) == consumer.name
    assert letter.header(ATTEMPTS) == "3"
    assert letter.header(ERROR_KIND) == "handler"
    assert "cannot handle two dwellings" in (letter.header(ERROR) or "")
    assert letter.header("ce_type") == need_reported(key, 2).event_type

    broken["on"] = False  # the fix is deployed
    redriven = await redrive(deployment.bus, NEED_TOPIC, consumer=consumer.name, idle_seconds=1.5)
    assert redriven >= 1

    async def all_three() -> bool:
        return len(await effect_rows(deployment, run)) >= 3

    await consume_until(consumer, all_three)
    await consumer.poll_once(timeout=0.5)
    await consumer.close()
    assert sorted(n for _, n in await effect_rows(deployment, run)) == [1, 2, 3]


async def test_a_message_that_breaks_its_contract_goes_straight_to_the_dead_letter_topic(
    deployment: Deployment,
) -> None:
    run = f"garbage-{uuid.uuid4().hex[:6]}"
    good = to_wire(Envelope(data=need_reported(f"{run}-g", 1)))
    garbage = WireMessage(
        topic=good.topic,
        key=f"{run}-g",
        value=b'{"need_id": "x", "dwellings": "many"}',
        headers=good.headers,
    )
    await deployment.bus.publish([garbage, good])
    consumer = consumer_for(deployment, recording_handlers())

    async def good_done() -> bool:
        return bool(await effect_rows(deployment, run))

    await consume_until(consumer, good_done)
    await consumer.close()
    assert await effect_rows(deployment, run) == [(f"{run}-g", 1)]

    dead = await deployment.bus.subscribe(f"inspect-{run}", [dead_letter_topic(NEED_TOPIC)])
    letters: list[Record] = []
    for _ in range(40):
        letters += [r for r in await dead.fetch(timeout=0.5) if r.key == f"{run}-g"]
        if letters:
            break
    await dead.close()
    [letter] = letters
    assert letter.header(ERROR_KIND) == "contract"
    assert letter.header(ATTEMPTS) == "0"
    assert letter.value == garbage.value


async def test_inbox_rows_record_what_was_handled(deployment: Deployment) -> None:
    from boligflyt.platform.tables import inbox

    run = f"inbox-{uuid.uuid4().hex[:6]}"
    envelope = Envelope(data=need_reported(f"{run}-i", 4))
    await deployment.bus.publish([to_wire(envelope)])
    consumer = consumer_for(deployment, recording_handlers())

    async def done() -> bool:
        return bool(await effect_rows(deployment, run))

    await consume_until(consumer, done)
    await consumer.close()
    async with deployment.database.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(inbox).where(inbox.c.event_id == envelope.id))
    assert count == 1


async def test_a_batch_handler_gets_each_new_event_once_in_order_and_one_at_a_time_after_a_failure(
    deployment: Deployment,
) -> None:
    run = f"batch-{uuid.uuid4().hex[:6]}"
    handlers = EventHandlers()
    calls: list[list[int]] = []
    fail_next = [True]

    @handlers.on_batch(type(need_reported("k", 1)))
    async def record_effects(envelopes: Sequence[Envelope], uow: UnitOfWork) -> None:
        calls.append([envelope.data.dwellings for envelope in envelopes])  # type: ignore[attr-defined]
        if fail_next[0] and len(envelopes) > 1:
            fail_next[0] = False
            raise RuntimeError("the first batch fails once")
        await uow.session.execute(
            insert(effects),
            [{"event_id": e.id, "key": e.key, "n": e.data.dwellings} for e in envelopes],  # type: ignore[attr-defined]
        )

    wire = [to_wire(Envelope(data=need_reported(f"{run}-a", n))) for n in range(1, 4)]
    await deployment.bus.publish(wire)
    await deployment.bus.publish(wire[1:])  # redelivered: the inbox skips them
    consumer = consumer_for(deployment, handlers)

    async def three_effects() -> bool:
        return len(await effect_rows(deployment, run)) >= 3

    await consume_until(consumer, three_effects)
    # The batch failed as a whole (nothing kept), then went one event at a time, each a batch of one.
    assert calls[:4] == [[1, 2, 3], [1], [2], [3]]
    wire = [to_wire(Envelope(data=need_reported(f"{run}-a", n))) for n in (4, 5)]
    await deployment.bus.publish(wire)

    async def five_effects() -> bool:
        return len(await effect_rows(deployment, run)) >= 5

    await consume_until(consumer, five_effects)
    await consumer.close()
    assert calls[-1] == [4, 5], "after the fall-back, whole batches again"
    assert await effect_rows(deployment, run) == [(f"{run}-a", n) for n in range(1, 6)]
