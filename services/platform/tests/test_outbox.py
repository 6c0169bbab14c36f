"""The writer side: state, events and audit rows commit together; the relay publishes them in order."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from boligflyt.contracts.envelope import ContractViolation, WireMessage, from_wire
from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.platform.bus import EventBus
from boligflyt.platform.bus.port import BusUnavailable
from boligflyt.platform.outbox import OutboxRelay
from boligflyt.platform.tables import audit_log, outbox

from .conftest import Deployment, effects, need_reported


async def count(deployment: Deployment, table) -> int:  # type: ignore[no-untyped-def]
    async with deployment.database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_state_events_and_audit_commit_together(deployment: Deployment) -> None:
    async with deployment.database.unit_of_work(actor="bestiller:anne") as uow:
        await uow.session.execute(insert(effects).values(event_id="e1", key="need-1", n=1))
        uow.record(need_reported("need-1", 1))
        uow.audit("need.reported", "need", "need-1", reason="NAV Intro's order for Q1")
        await uow.commit()

    assert await count(deployment, effects) == 1
    assert await count(deployment, outbox) == 1
    async with deployment.database.sessions() as session:
        row = (await session.execute(select(audit_log))).one()
    assert (row.actor, row.action, row.entity_id, row.reason) == (
        "bestiller:anne",
        "need.reported",
        "need-1",
        "NAV Intro's order for Q1",
    )


async def test_a_use_case_that_fails_leaves_nothing_behind(deployment: Deployment) -> None:
    with pytest.raises(RuntimeError):
        async with deployment.database.unit_of_work(actor="bestiller:anne") as uow:
            await uow.session.execute(insert(effects).values(event_id="e1", key="need-1", n=1))
            uow.record(need_reported("need-1", 1))
            uow.audit("need.reported", "need", "need-1")
            raise RuntimeError("a rule refused it after the writes")
    assert (await count(deployment, effects), await count(deployment, outbox), await count(deployment, audit_log)) == (
        0,
        0,
        0,
    )


async def test_an_event_that_breaks_its_contract_is_refused_before_it_reaches_the_outbox(
    deployment: Deployment,
) -> None:
    invalid = NeedReported.model_construct(**{**need_reported("need-2", 1).__dict__, "dwellings": -3})
    async with deployment.database.unit_of_work(actor="bestiller:anne") as uow:
        with pytest.raises(ContractViolation):
            uow.record(invalid)
        await uow.commit()
    assert await count(deployment, outbox) == 0


async def record_needs(deployment: Deployment, prefix: str) -> list[str]:
    """Needs 1 to 40 over four keys of a run of their own, each committed in a unit of work; returns the keys."""
    run = uuid.uuid4().hex[:6]
    keys = [f"{prefix}-{run}-{i}" for i in range(4)]
    for n in range(1, 41):
        async with deployment.database.unit_of_work(actor="test") as uow:
            uow.record(need_reported(keys[n % 4], n))
            await uow.commit()
    return keys


async def test_the_relay_publishes_every_event_once_in_order_per_key(deployment: Deployment) -> None:
    keys = await record_needs(deployment, "relay")

    relay = OutboxRelay(deployment.database, deployment.bus, batch_size=7)
    assert await relay.backlog() == 40
    assert await relay.drain() == 40
    assert await relay.backlog() == 0
    assert await relay.drain() == 0  # nothing is sent twice

    subscription = await deployment.bus.subscribe(f"check-{uuid.uuid4().hex[:6]}", ["boligflyt.ordering"])
    seen: dict[str, list[int]] = defaultdict(list)
    for _ in range(40):
        for record in await subscription.fetch(timeout=0.5):
            if record.key in keys:
                envelope = from_wire(record.key, record.value, record.headers)
                seen[envelope.key].append(envelope.data.dwellings)  # type: ignore[attr-defined]
        if sum(map(len, seen.values())) >= 40:
            break
    await subscription.close()
    for i, key in enumerate(keys):
        assert seen[key] == [n for n in range(1, 41) if n % 4 == i]


class AcknowledgementLost:
    """The bus, but the `lost`-th send's acknowledgement never comes: the broker went away after taking it."""

    def __init__(self, bus: EventBus, lost: int) -> None:
        self.bus = bus
        self.lost = lost
        self.sends = 0

    async def send(self, messages: Sequence[WireMessage]) -> asyncio.Future[None]:
        self.sends += 1
        delivery = await self.bus.send(messages)
        if self.sends != self.lost:
            return delivery
        await delivery  # on the bus all the same: the relay cannot know, and sends it again
        failed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        failed.set_exception(BusUnavailable("the broker went away before acknowledging"))
        return failed

    def __getattr__(self, name: str) -> Any:
        return getattr(self.bus, name)


async def test_rows_whose_acknowledgement_failed_stay_unpublished_and_order_per_key_holds(
    deployment: Deployment,
) -> None:
    keys = await record_needs(deployment, "lost")

    failing = OutboxRelay(deployment.database, AcknowledgementLost(deployment.bus, lost=3), batch_size=7)  # type: ignore[arg-type]
    with pytest.raises(BusUnavailable):
        await failing.drain()
    # The two batches acknowledged are marked sent; the third, and any sent after it, are not.
    assert await failing.backlog() == 40 - 2 * 7
    assert await OutboxRelay(deployment.database, deployment.bus, batch_size=7).drain() == 40 - 2 * 7

    subscription = await deployment.bus.subscribe(f"check-{uuid.uuid4().hex[:6]}", ["boligflyt.ordering"])
    arrived: dict[str, list[int]] = defaultdict(list)
    for _ in range(40):
        records = await subscription.fetch(timeout=0.5)
        for record in records:
            if record.key in keys:
                envelope = from_wire(record.key, record.value, record.headers)
                arrived[envelope.key].append(envelope.data.dwellings)  # type: ignore[attr-defined]
        if not records and len({n for ns in arrived.values() for n in ns}) >= 40:
            break
    await subscription.close()
    every = [n for ns in arrived.values() for n in ns]
    assert sorted(set(every)) == list(range(1, 41))
    assert all(every.count(n) == 1 for n in range(1, 15)), "an acknowledged row was sent again"
    for i, key in enumerate(keys):
        # A consumer's inbox drops the second copy of an event: what it handles is the first copies, in order.
        assert list(dict.fromkeys(arrived[key])) == [n for n in range(1, 41) if n % 4 == i]


async def test_concurrent_read_then_write_use_cases_do_not_lose_updates(deployment: Deployment) -> None:
    """Two use cases read a number and write it + 1 at the same time: both increments survive."""
    import asyncio

    async with deployment.database.unit_of_work(actor="test") as uow:
        await uow.session.execute(insert(effects).values(event_id="counter", key="counter", n=0))
        await uow.commit()

    async def increment() -> None:
        async with deployment.database.unit_of_work(actor="test") as uow:
            query = select(effects.c.n).where(effects.c.key == "counter")
            if deployment.database.dialect == "postgresql":
                query = query.with_for_update()
            current = (await uow.session.execute(query)).scalar_one()
            await asyncio.sleep(0.05)  # the other use case reads meanwhile
            await uow.session.execute(effects.update().where(effects.c.key == "counter").values(n=current + 1))
            await uow.commit()

    await asyncio.gather(increment(), increment())
    async with deployment.database.sessions() as session:
        assert (await session.execute(select(effects.c.n).where(effects.c.key == "counter"))).scalar_one() == 2


async def test_after_commit_callbacks_run_only_when_the_transaction_commits(deployment: Deployment) -> None:
    woken: list[str] = []
    async with deployment.database.unit_of_work(actor="test") as uow:
        uow.after_commit(lambda: woken.append("committed"))
        assert woken == []  # not before the commit
        await uow.commit()
    with pytest.raises(RuntimeError):
        async with deployment.database.unit_of_work(actor="test") as uow:
            uow.after_commit(lambda: woken.append("rolled back"))
            raise RuntimeError("refused")
    assert woken == ["committed"]
