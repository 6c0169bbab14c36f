"""Acceptance with real PostgreSQL and Kafka: an order placed here goes out as order.placed, and LKE's
acquisition.delivered, even when it arrives twice, fulfils the order here exactly once. And two orders racing
for the same budget frame, on both databases."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from boligflyt.contracts.codes import AcquisitionMethod
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import ordering as o
from boligflyt.ordering.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness


@pytest.mark.kafka
@pytest.mark.postgres
async def test_an_order_goes_out_on_kafka_and_a_twice_delivered_acquisition_fulfils_it_once(tmp_path: Path) -> None:
    start = datetime(2015, 2, 2, 9, 0, tzinfo=UTC)
    async with ServiceHarness([definition], tmp_path, kind="distributed", start=start) as harness:
        async with harness.client("ordering", Agency.bestiller) as bestiller:
            created = await bestiller.post("/v1/programmes", json={"year": 2015})
            assert created.status_code == 201, created.text
            async with harness.client("ordering", Agency.nav) as nav:
                need = await nav.post(
                    "/v1/needs",
                    json={
                        "quantity": 2,
                        "dwelling_type": "ordinary",
                        "bedrooms": 3,
                        "target_group": "refugees",
                        "wanted_by": "2015-08-01",
                        "justification": "Two families to settle in August.",
                        "source_ref": "set-2015-0011",
                    },
                )
            assert need.status_code == 201, need.text
            need_id = need.json()["need_id"]
            prioritised = await bestiller.post(
                f"/v1/needs/{need_id}/prioritise", json={"programme_year": 2015, "budget_line": "refugee_dwellings"}
            )
            assert prioritised.status_code == 200, prioritised.text
            placed = await bestiller.post(
                "/v1/orders",
                json={"need_ids": [need_id], "dwellings": 2, "estimated_cost": 6_000_000, "due_date": "2015-08-01"},
            )
            assert placed.status_code == 201, placed.text
            order_id = placed.json()["order_id"]
        await harness.settle()

        [order_placed] = [
            e.data for e in await harness.events("boligflyt.ordering") if isinstance(e.data, o.OrderPlaced)
        ]
        assert (order_placed.order_id, order_placed.need_ids, order_placed.dwellings) == (order_id, (need_id,), 2)
        assert (order_placed.budget_amount, order_placed.budget_line) == (6_000_000, "refugee_dwellings")
        assert (order_placed.dwelling_category, order_placed.bedrooms) == ("ordinary", 3)

        delivery = Envelope(
            data=m.AcquisitionDelivered(
                project_id="prj-2015-0003",
                order_id=order_id,
                method=AcquisitionMethod.BUY_EXISTING,
                delivered_on=date(2015, 6, 15),
                dwelling_ids=("lke-0301", "lke-0302"),
                cost=5_800_000,
            )
        )
        await harness.bus.publish([to_wire(delivery)])
        await harness.bus.publish([to_wire(delivery)])  # delivered twice
        await harness.settle()

        fulfilled = [e.data for e in await harness.events("boligflyt.ordering") if isinstance(e.data, o.OrderFulfilled)]
        assert len(fulfilled) == 1
        assert (fulfilled[0].order_id, fulfilled[0].order_closed, fulfilled[0].cost) == (order_id, True, 5_800_000)
        async with harness.client("ordering", Agency.lke) as lke:
            order = (await lke.get(f"/v1/orders/{order_id}")).json()
        assert (order["state"], order["dwellings_delivered"], order["spent"]) == ("closed", 2, 5_800_000)
        async with harness.client("ordering", Agency.coordinator) as coordinator:
            frames = (await coordinator.get("/v1/programmes/2015")).json()["frames"]
            need_now = (await coordinator.get(f"/v1/needs/{need_id}")).json()
        [refugee] = [f for f in frames if f["budget_line"] == "refugee_dwellings"]
        assert (refugee["committed"], refugee["spent"]) == (0, 5_800_000)
        assert need_now["state"] == "delivered"


@pytest.mark.parametrize("kind", ["embedded", "distributed"])
async def test_two_orders_racing_for_the_last_of_a_frame_commit_it_once(tmp_path: Path, kind: str) -> None:
    """The frame is locked while an order commits: two that each fit alone cannot both pass together."""
    start = datetime(2015, 2, 2, 9, 0, tzinfo=UTC)
    async with ServiceHarness([definition], tmp_path, kind=kind, start=start) as harness:
        async with harness.client("ordering", Agency.bestiller) as bestiller:
            await bestiller.post(
                "/v1/programmes", json={"year": 2015, "frames": {"disadvantaged_dwellings": 10_000_000}}
            )
            need_ids = []
            for n in range(2):
                need = await bestiller.post(
                    "/v1/needs",
                    json={
                        "quantity": 1,
                        "dwelling_type": "transitional",
                        "target_group": "homeless",
                        "justification": f"Housing First place {n}.",
                        "reported_by": "mental_health_and_substance",
                    },
                )
                need_id = need.json()["need_id"]
                await bestiller.post(
                    f"/v1/needs/{need_id}/prioritise",
                    json={"programme_year": 2015, "budget_line": "disadvantaged_dwellings"},
                )
                need_ids.append(need_id)
            responses = await asyncio.gather(
                *(
                    bestiller.post(
                        "/v1/orders",
                        json={
                            "need_ids": [need_id],
                            "dwellings": 1,
                            "estimated_cost": 6_000_000,
                            "due_date": "2015-09-01",
                        },
                    )
                    for need_id in need_ids
                )
            )
            assert sorted(r.status_code for r in responses) == [201, 422]
            frames = (await bestiller.get("/v1/programmes/2015")).json()["frames"]
        [line] = [f for f in frames if f["budget_line"] == "disadvantaged_dwellings"]
        assert line["committed"] == 6_000_000
