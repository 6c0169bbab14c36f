"""Fault 3: the PostgreSQL server of one service goes down under load (an immediate shutdown, as a crash) and is
started again.

Boligkontoret's service is on a cluster of its own. While its database is away its requests fail (and count as not
done); its relay and its consumer wait, and neither loses nor dead-letters an event. Once the database is back,
every request it accepted has its events published, and every event of LKE's it consumes is applied once.

This is where the consumer was found taking the refusals of a server starting up (SQLSTATE 57P03) for failures of
the event, and dead-lettering good events once its attempts ran out (fixed in boligflyt.platform.db.is_outage).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from .conftest import OWN_CLUSTER_SERVICE, Rig
from .load import Load
from .reckoning import Fault, assert_exactly_once, reckon_when_settled


async def test_nothing_is_lost_or_done_twice_when_a_services_database_restarts(rig: Rig, tmp_path: Path) -> None:
    async with Load(rig.system) as load:
        await asyncio.sleep(6)
        began = time.monotonic()
        await asyncio.to_thread(rig.postgres.stop, immediate=True)
        await asyncio.sleep(6)
        await asyncio.to_thread(rig.postgres.start)
        ended = time.monotonic()
        await asyncio.sleep(10)
    findings = await reckon_when_settled(
        rig.system, Fault(f"{OWN_CLUSTER_SERVICE}-database-restarted", began, ended), load
    )
    findings.report(tmp_path, outage_seconds=round(ended - began, 1))

    assert_exactly_once(findings)
    # The outage really reached the service: requests to it failed meanwhile, and it took them again afterwards.
    at_boligkontoret = [op for op in load.operations if op.kind == "application"]
    refused = [op for op in at_boligkontoret if began <= op.started_at <= ended and not op.done]
    assert refused
    assert any(op.done for op in at_boligkontoret if op.started_at > ended)
    # Refused as unavailable for a moment (retry), never as a server error.
    assert {op.failed_with for op in refused} <= {"503"}, [op.failure for op in refused][:5]
