"""Fault 2: a consuming service is killed (SIGKILL) in the middle of handling events, under load, and started again.

The ordering function consumes LKE's dwellings (adding a row of supply for each dwelling that becomes ready, which a
second handling would add again) and LKE's acquisition projects for its orders. It is killed while a transaction of
its consumer is open, having claimed events in its inbox and not yet committed; the other services go on taking
requests meanwhile. Once it is back it must handle every event it missed, the ones it was killed over included,
and none of those it had handled twice.

The kill follows the sighting within a millisecond or two, and PostgreSQL tells how the transaction ended: mostly
'aborted' (cut off: its events come again and are handled afresh), sometimes 'committed' (done just before: its
events come again because the offsets were not committed yet, and the inbox skips them). Either is a crash the
consumer must survive; the report names which it was.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from e2e.system import System
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import Rig
from .load import Load
from .reckoning import Fault, assert_exactly_once, reckon_when_settled

VICTIM = "ordering"

# A transaction that has written to the inbox and not yet ended holds this lock on it until it commits: the
# consumer in the middle of handling what it claimed (requests to the API never write to the inbox).
HANDLING = text(
    """
    SELECT activity.backend_xid::text::bigint FROM pg_locks AS locks JOIN pg_stat_activity AS activity USING (pid)
    WHERE locks.relation = 'inbox'::regclass AND locks.mode = 'RowExclusiveLock' AND locks.granted
      AND activity.pid <> pg_backend_pid() AND activity.backend_xid IS NOT NULL
    """
)
TRANSACTION_STATUS = text("SELECT txid_status(:xid)")


async def test_nothing_is_lost_or_done_twice_when_a_consumer_is_killed_while_handling(rig: Rig, tmp_path: Path) -> None:
    system = rig.system
    async with Load(system) as load:
        await asyncio.sleep(6)
        began = time.monotonic()
        cut_off = await kill_while_handling(system, VICTIM)
        await asyncio.sleep(6)
        await system.restart(VICTIM)
        ended = time.monotonic()
        await asyncio.sleep(8)
    findings = await reckon_when_settled(system, Fault(f"{VICTIM}-killed", began, ended), load)
    findings.report(tmp_path, handling_transaction=cut_off, outage_seconds=round(ended - began, 1))

    assert_exactly_once(findings)


async def kill_while_handling(system: System, consumer: str, timeout: float = 60) -> str:
    """SIGKILL `consumer`'s service the moment its consumer is seen inside a handling transaction; returns how that
    transaction ended: 'aborted' when the kill cut it off, 'committed' when it got there first."""
    engine = create_async_engine(system.database_url(consumer), pool_size=1)
    deadline = time.monotonic() + timeout
    try:
        async with engine.connect() as connection:
            while time.monotonic() < deadline:
                xid = await connection.scalar(HANDLING)
                if xid is not None:
                    system.kill(consumer)
                await connection.rollback()  # a fresh snapshot of the statistics each time
                if xid is not None:
                    while (status := await connection.scalar(TRANSACTION_STATUS, {"xid": xid})) == "in progress":
                        await connection.rollback()
                        await asyncio.sleep(0.05)  # the server has yet to notice its client is gone
                    return str(status)
                await asyncio.sleep(0.002)
    finally:
        await engine.dispose()
    raise AssertionError(f"{consumer} was never seen handling events in {timeout} s")
