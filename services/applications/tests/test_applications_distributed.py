"""The acceptance scenario on real PostgreSQL + Kafka: a dwelling LKE makes ready by event becomes
offerable, and the offer/allocation/contract/move-in chain emits its events in order."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from boligflyt.applications.main import definition
from boligflyt.testkit import ServiceHarness

from .conftest import Caseworker

pytestmark = [pytest.mark.kafka, pytest.mark.postgres]


async def test_ready_dwelling_to_move_in_on_postgres_and_kafka(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path, kind="distributed") as harness:
        caseworker = Caseworker(harness)
        try:
            assert harness.runtimes["applications"].database.dialect == "postgresql"
            [application] = await caseworker.approved()
            before = await caseworker.staff.get("/v1/dwellings", params={"offerable": True})
            assert before.json()["total"] == 0

            dwelling = await caseworker.ready_dwelling("dw-kafka-1", monthly_rent=9000)  # published on Kafka
            offerable = (await caseworker.staff.get("/v1/dwellings", params={"offerable": True})).json()
            assert [d["id"] for d in offerable["items"]] == [dwelling]

            # Two caseworkers offer the same dwelling at the same moment: PostgreSQL lets one through.
            attempts = await asyncio.gather(
                *(caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={}) for _ in range(2))
            )
            assert sorted(a.status_code for a in attempts) == [201, 409]
            [offer] = [a.json() for a in attempts if a.status_code == 201]
            answered = await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
            assert answered.status_code == 200, answered.text
            await caseworker.close_gates(application["id"])
            signed = await caseworker.staff.post(
                "/v1/tenancies",
                json={
                    "application_id": application["id"],
                    "contract_type": "ordinary_rental",
                    "start_date": caseworker.today.isoformat(),
                    "deposit_kind": "cash",
                },
            )
            assert signed.status_code == 201, signed.text
            moved = await caseworker.staff.post(f"/v1/tenancies/{signed.json()['id']}/move-in", json={})
            assert moved.status_code == 200, moved.text

            events = await caseworker.events()
            # Kafka keeps order per key (partition); across keys the outbox wrote them in commit order.
            events.sort(key=lambda e: e.time)
            types = [e.type.removeprefix("no.larvik.boligflyt.").removesuffix(".v1") for e in events]
            assert types == [
                "application.submitted",
                "application.completeness_checked",
                "application.listed_for_meeting",
                "application.decided",
                "offer.made",
                "offer.answered",
                "allocation.decided",
                "tenancy.signed",
                "tenancy.moved_in",
            ]
            tail = [e.data.model_dump() for e in events[4:]]
            assert {t["dwelling_id"] for t in tail} == {dwelling}
            assert tail[-1]["application_id"] == application["id"]
            assert tail[3]["deposit_amount"] == 4 * 9000
        finally:
            await caseworker.close()
