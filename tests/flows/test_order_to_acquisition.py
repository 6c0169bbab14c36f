"""Ordering and LKE together, on real PostgreSQL and Kafka: an order placed with the ordering function opens an
acquisition project at LKE by itself, and LKE's delivery fulfils the order, once (issue 6's acceptance)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import ordering as o
from boligflyt.maintenance.main import definition as maintenance
from boligflyt.ordering.main import definition as ordering
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness


def new_dwelling(external_ref: str) -> dict[str, object]:
    return {
        "external_ref": external_ref,
        "address": "Nansetgata 4",
        "category": "ordinary",
        "owner": "lke",
        "rooms": 4,
        "bedrooms": 3,
        "monthly_rent": 9_800,
        "acquired_via": "buy_existing",
    }


async def test_an_order_opens_a_project_at_lke_whose_delivery_fulfils_it_once(tmp_path: Path) -> None:
    start = datetime(2015, 2, 2, 9, 0, tzinfo=UTC)
    async with ServiceHarness([ordering, maintenance], tmp_path, kind="distributed", start=start) as harness:
        async with harness.client("ordering", Agency.bestiller) as bestiller:
            assert (await bestiller.post("/v1/programmes", json={"year": 2015})).status_code == 201
            need = await bestiller.post(
                "/v1/needs",
                json={
                    "quantity": 2,
                    "dwelling_type": "ordinary",
                    "bedrooms": 3,
                    "target_group": "refugees",
                    "wanted_by": "2015-08-01",
                    "justification": "Two families to settle in August.",
                    "reported_by": "nav_intro",
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

        async with harness.client("maintenance", Agency.lke) as lke:
            projects = (await lke.get("/v1/acquisitions", params={"order_id": order_id})).json()["items"]
            assert len(projects) == 1, projects
            [project] = projects
            assert (project["dwellings_planned"], project["bedrooms"]) == (2, 3)
            delivered = await lke.post(
                f"/v1/acquisitions/{project['id']}/deliveries",
                json={"cost": 5_800_000, "dwellings": [new_dwelling("F-9001"), new_dwelling("F-9002")]},
            )
            assert delivered.status_code == 200, delivered.text
        await harness.settle()

        deliveries = [e.data for e in await harness.events("boligflyt.maintenance")]
        assert sum(isinstance(d, m.AcquisitionDelivered) for d in deliveries) == 1
        fulfilled = [e.data for e in await harness.events("boligflyt.ordering") if isinstance(e.data, o.OrderFulfilled)]
        assert len(fulfilled) == 1
        assert (fulfilled[0].order_id, fulfilled[0].order_closed) == (order_id, True)
        async with harness.client("ordering", Agency.coordinator) as coordinator:
            order = (await coordinator.get(f"/v1/orders/{order_id}")).json()
        assert (order["state"], order["dwellings_delivered"], order["spent"]) == ("closed", 2, 5_800_000)
