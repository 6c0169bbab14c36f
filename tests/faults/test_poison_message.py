"""Fault 4: a poison message on a topic under load: it lands in the dead-letter topic, everything after it flows, and
a redrive after the fix applies it once.

The poison is a well-formed event LKE's service cannot apply: Boligkontoret's topic says a tenant moved into a
dwelling that LKE has registered but not yet made ready, and a dwelling that is not ready cannot be let. The other
consumers of the event (NAV, the ordering function, the dashboard) handle it; LKE's retries it, dead-letters it and
goes on. The fix is LKE making the dwelling ready; the redrive then lets it, once.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from e2e.agencies import ok
from e2e.events import name_of
from e2e.system import System, eventually

from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events.applications import TenancyMovedIn
from boligflyt.contracts.topics import dead_letter_topic
from boligflyt.platform.auth import Agency
from boligflyt.platform.bus.kafka import KafkaBus
from boligflyt.platform.inbox import (
    ERROR,
    ERROR_KIND,
    FAILED_CONSUMER,
    ORIGINAL_OFFSET,
    ORIGINAL_PARTITION,
    ORIGINAL_TOPIC,
    redrive,
)
from boligflyt.testkit import kafka_bootstrap

from .conftest import Rig
from .load import APPLICATIONS, MAINTENANCE, Load
from .reckoning import Delivery, Fault, assert_exactly_once, read_topics, reckon_when_settled

CONSUMER = "maintenance"


async def test_a_poison_message_is_dead_lettered_the_rest_flows_and_a_redrive_after_the_fix_applies_it_once(
    rig: Rig, tmp_path: Path
) -> None:
    system = rig.system
    bus = KafkaBus(kafka_bootstrap(), topic_prefix=system.topic_prefix)
    lke = system.client("maintenance", Agency.lke, subject="lke-faults")
    try:
        async with Load(system) as before_fix:
            await asyncio.sleep(5)
            dwelling_id = await register_vacant_dwelling(lke)
            poison = Envelope(data=moved_in(dwelling_id, system))
            began = time.monotonic()
            await bus.publish([to_wire(poison)])
            [dead_letter] = await eventually(
                lambda: deliveries_of(system, dead_letter_topic(APPLICATIONS), poison.id),
                timeout=60,
                what="the poison on the dead-letter topic",
            )
            await asyncio.sleep(10)  # the load goes on past it
        [original] = await deliveries_of(system, APPLICATIONS, poison.id)
        assert (dead_letter.headers[ORIGINAL_TOPIC], dead_letter.headers[FAILED_CONSUMER]) == (APPLICATIONS, CONSUMER)
        assert (dead_letter.headers[ORIGINAL_PARTITION], dead_letter.headers[ORIGINAL_OFFSET]) == (
            str(original.partition),
            str(original.offset),
        )
        assert dead_letter.headers[ERROR_KIND] == "handler" and "cannot let" in dead_letter.headers[ERROR]
        assert (await dwelling(lke, dwelling_id))["status"] == "vacant"

        # Everything after it flowed: every consumer has handled every other event, LKE's included.
        waiting = Fault("poison-before-redrive", began, time.monotonic(), {poison.id}, {poison.id})
        flowed = await reckon_when_settled(system, waiting, before_fix)
        flowed.report(tmp_path, poison=poison.id)
        assert_exactly_once(flowed)
        after_it = [d for d in await read_topics(system, [APPLICATIONS]) if d.partition == original.partition]
        assert any(d.offset > original.offset for d in after_it), "no event came after the poison on its partition"
        orders_after = [op for op in before_fix.operations if op.kind == "order" and op.done and op.started_at > began]
        assert orders_after, "LKE's consumer got no order to open a project for after the poison"

        # The fix, then the redrive of LKE's dead letters, under load again.
        async with Load(system) as after_fix:
            await asyncio.sleep(3)
            await make_ready(lke, dwelling_id, system.today())
            assert await redrive(bus, APPLICATIONS, consumer=CONSUMER) == 1
            await eventually(lambda: dwelling_in(lke, dwelling_id, "let"), timeout=60, what="LKE to let the dwelling")
            ended = time.monotonic()
            await asyncio.sleep(5)

        redriven = Fault("poison-message", began, ended, dead_letters={poison.id})
        findings = await reckon_when_settled(system, redriven, before_fix, after_fix)
        findings.report(tmp_path, poison=poison.id, redriven=1)
        assert_exactly_once(findings)
        # Applied once: one let, for the poison's tenancy. The redriven copy was skipped by every consumer that had
        # handled the original (the reckoning found one inbox row each and one line in the dashboard's log), and
        # was not dead-lettered again.
        lets = [
            d.envelope.data.model_dump()
            for d in {d.event_id: d for d in await read_topics(system, [MAINTENANCE])}.values()
            if d.envelope and d.envelope.key == dwelling_id and name_of(d.envelope) == "dwelling.let"
        ]
        assert [let["tenancy_id"] for let in lets] == [poison.data.key]
        assert len(await deliveries_of(system, APPLICATIONS, poison.id)) == 2  # the original and the redriven copy
        assert len(await deliveries_of(system, dead_letter_topic(APPLICATIONS), poison.id)) == 1
        assert await redrive(bus, APPLICATIONS, consumer=CONSUMER) == 0  # each dead letter goes back once
    finally:
        await lke.aclose()
        await bus.stop()


def moved_in(dwelling_id: str, system: System) -> TenancyMovedIn:
    """A move-in no stay or waiting application of the load knows of: only LKE's reaction matters."""
    run = uuid.uuid4().hex[:8]
    return TenancyMovedIn(
        tenancy_id=f"ten-poison-{run}",
        dwelling_id=dwelling_id,
        application_id=f"app-poison-{run}",
        person_ref=hashlib.sha256(run.encode()).hexdigest(),
        move_in_date=system.today(),
        first_let=False,
    )


async def deliveries_of(system: System, topic: str, event_id: str) -> list[Delivery]:
    return [delivery for delivery in await read_topics(system, [topic]) if delivery.event_id == event_id]


async def register_vacant_dwelling(lke: httpx.AsyncClient) -> str:
    body = {
        "external_ref": f"F-POISON-{uuid.uuid4().hex[:10]}",
        "address": "Torget 1, 3256 Larvik",
        "category": "ordinary",
        "owner": "lke",
        "rooms": 3,
        "bedrooms": 2,
        "monthly_rent": 8_400,
        "status": "vacant",
    }
    return str(ok(await lke.post("/v1/dwellings", json=body), 201)["id"])


async def make_ready(lke: httpx.AsyncClient, dwelling_id: str, today: date) -> None:
    """LKE inspects the dwelling against the minimum standard: it passes, and the dwelling is ready for letting."""
    checklist = ok(await lke.get("/v1/inspection-checklist"))["items"]
    booking = {"planned_on": today.isoformat()}
    inspection = ok(await lke.post(f"/v1/dwellings/{dwelling_id}/inspections", json=booking), 201)
    result = {
        "inspector": "LKE faults",
        "results": [{"item": item["code"], "passed": True} for item in checklist],
        "readiness": {"photographs": ["photos/kitchen.jpg"], "meter_number": "M-POISON", "meter_reading_kwh": 1},
    }
    ok(await lke.post(f"/v1/inspections/{inspection['id']}/result", json=result))
    assert (await dwelling(lke, dwelling_id))["status"] == "ready"


async def dwelling(lke: httpx.AsyncClient, dwelling_id: str) -> dict[str, Any]:
    result: dict[str, Any] = ok(await lke.get(f"/v1/dwellings/{dwelling_id}"))
    return result


async def dwelling_in(lke: httpx.AsyncClient, dwelling_id: str, status: str) -> dict[str, Any] | None:
    current = await dwelling(lke, dwelling_id)
    return current if current["status"] == status else None
