"""The bulk writes a replay relies on: claiming many inbox rows at once, and COPY inside a unit of work."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from boligflyt.contracts.envelope import Envelope
from boligflyt.platform.db import copy_rows
from boligflyt.platform.tables import inbox

from .conftest import Deployment, effects, need_reported


async def test_claim_many_claims_each_event_once_across_batches_and_within_one(deployment: Deployment) -> None:
    first, second, third = (Envelope(data=need_reported(f"need-{n}", n)) for n in range(3))
    async with deployment.database.unit_of_work("test") as uow:
        claimed = await uow.claim_many("dashboard", [(first, "t", 0, 1), (second, "t", 1, 7)])
        await uow.commit()
    assert claimed == {first.id, second.id}
    async with deployment.database.unit_of_work("test") as uow:
        # `second` again (handled before) and `third` twice in the batch (a relay that sent it twice).
        claimed = await uow.claim_many("dashboard", [(second, "t", 1, 7), (third, "t", 2, 3), (third, "t", 2, 4)])
        other = await uow.claim_many("maintenance", [(second, "t", 1, 7)])
        await uow.commit()
    assert claimed == {third.id}
    assert other == {second.id}, "each consumer has inbox rows of its own"
    async with deployment.database.sessions() as session:
        rows = (await session.execute(select(inbox).order_by(inbox.c.consumer, inbox.c.offset))).mappings().all()
    assert [(r["consumer"], r["event_id"], r["event_type"], r["partition"], r["offset"]) for r in rows] == [
        ("dashboard", first.id, first.type, 0, 1),
        ("dashboard", third.id, third.type, 2, 3),
        ("dashboard", second.id, second.type, 1, 7),
        ("maintenance", second.id, second.type, 1, 7),
    ]


async def test_copied_rows_commit_and_roll_back_with_their_unit_of_work(deployment: Deployment) -> None:
    if deployment.kind == "embedded":
        async with deployment.database.unit_of_work("test") as uow:
            with pytest.raises(ValueError, match="PostgreSQL"):
                await copy_rows(uow.session, effects, ("event_id", "key", "n"), [("e", "k", 1)])
        return
    async with deployment.database.unit_of_work("test") as uow:
        await copy_rows(uow.session, effects, ("event_id", "key", "n"), [("e-1", "k", 1), ("e-2", "k", 2)])
        # no commit: leaving the block rolls the COPY back with everything else
    async with deployment.database.unit_of_work("test") as uow:
        await copy_rows(uow.session, effects, ("event_id", "key", "n"), [("e-3", "k", 3)])
        await uow.commit()
    async with deployment.database.sessions() as session:
        assert (await session.execute(select(effects.c.event_id, effects.c.n))).all() == [("e-3", 3)]
        assert (await session.execute(select(func.count()).select_from(effects))).scalar_one() == 1
