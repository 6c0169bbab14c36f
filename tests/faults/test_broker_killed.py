"""Fault 1: the Kafka broker is killed (SIGKILL) under load and started again.

The outbox promises that a broker outage delays events and never fails a request: every request during the outage
is accepted, and once the broker is back every event arrives, each applied once by every consumer.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from .conftest import Rig
from .load import Load
from .reckoning import Fault, assert_exactly_once, reckon_when_settled


async def test_nothing_is_lost_or_done_twice_when_the_broker_is_killed_and_restarted(rig: Rig, tmp_path: Path) -> None:
    async with Load(rig.system) as load:
        await asyncio.sleep(8)
        began = time.monotonic()
        await asyncio.to_thread(rig.kafka.kill)
        await asyncio.sleep(10)
        await asyncio.to_thread(rig.kafka.start)
        ended = time.monotonic()
        await asyncio.sleep(8)
    findings = await reckon_when_settled(rig.system, Fault("broker-killed", began, ended), load)
    findings.report(tmp_path, outage_seconds=round(ended - began, 1))

    assert_exactly_once(findings)
    refused = [op for op in load.operations if began <= op.started_at <= ended and not op.done]
    assert not refused, f"requests failed while the broker was down: {[op.failure for op in refused][:5]}"
