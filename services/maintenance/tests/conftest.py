"""Shared helpers of the maintenance tests: a harness around the service and ways to feed it events."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any

import httpx
import pytest

from boligflyt.contracts.base import Event
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.maintenance.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness

TOPIC = "boligflyt.maintenance"
PHOTOS = {"photographs": ["photo://living-room.jpg"], "meter_number": "M-1", "meter_reading_kwh": 41230}
CHECKLIST = ("fire_safety", "electrical", "kitchen", "bathroom", "surfaces", "cleaning", "keys")


def dwelling_body(ref: str = "F-1001", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "external_ref": ref,
        "address": "Storgata 1",
        "zone": "sentrum",
        "category": "ordinary",
        "owner": "lke",
        "rooms": 3,
        "bedrooms": 2,
        "floor_area_m2": 62,
        "monthly_rent": 7300,
        "accessible": False,
        "staffed": False,
        "near_services": True,
        "status": "let",
    }
    body.update(overrides)
    return body


def answers(*failed: str) -> list[dict[str, Any]]:
    return [
        {"item": item, "passed": item not in failed, "note": "broken" if item in failed else None} for item in CHECKLIST
    ]


async def publish(harness: ServiceHarness, *events: Event) -> None:
    await harness.bus.publish([to_wire(Envelope(data=event)) for event in events])
    await harness.settle()


async def types_for(harness: ServiceHarness, dwelling_id: str) -> list[str]:
    return [
        e.type.split(".")[3] + "." + e.type.split(".")[4] for e in await harness.events(TOPIC) if e.key == dwelling_id
    ]


Publish = Callable[..., Coroutine[Any, Any, None]]


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path) as running:
        yield running


@pytest.fixture
async def lke(harness: ServiceHarness) -> AsyncIterator[httpx.AsyncClient]:
    async with harness.client("maintenance", Agency.lke) as client:
        yield client
