"""LKE's sale and Boligkontoret's contract on the same dwelling, at once, on real PostgreSQL + Kafka: exactly one of
them is refused, in either order, and never is a tenant signed into a sold dwelling."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest

from boligflyt.applications.main import definition as applications
from boligflyt.maintenance.main import definition as maintenance
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness

from .conftest import Caseworker

pytestmark = [pytest.mark.kafka, pytest.mark.postgres]

SOLD = {"reason": "sold", "permanent": True}


async def lke_dwelling(harness: ServiceHarness, lke: httpx.AsyncClient, ref: str) -> str:
    body = {
        "external_ref": ref,
        "address": f"{ref} Storgata 1",
        "zone": "SENTRUM",
        "category": "ordinary",
        "owner": "lke",
        "rooms": 2,
        "bedrooms": 1,
        "monthly_rent": 8000,
        "status": "ready",
    }
    created = await lke.post("/v1/dwellings", json=body)
    assert created.status_code == 201, created.text
    await harness.settle()
    return str(created.json()["id"])


async def allocated_and_ready_to_sign(caseworker: Caseworker, dwelling_id: str) -> dict[str, Any]:
    [application] = await caseworker.approved()
    offer = await caseworker.staff.post(f"/v1/dwellings/{dwelling_id}/offers", json={})
    assert offer.status_code == 201, offer.text
    accepted = await caseworker.staff.post(f"/v1/offers/{offer.json()['id']}/answer", json={"answer": "accepted"})
    assert accepted.status_code == 200, accepted.text
    await caseworker.close_gates(application["id"])
    await caseworker.harness.settle()
    return {
        "application_id": application["id"],
        "contract_type": "ordinary_rental",
        "start_date": caseworker.today.isoformat(),
        "deposit_kind": "cash",
    }


async def test_sale_and_signing_at_once_one_is_refused_in_both_orders(tmp_path: Path) -> None:
    async with ServiceHarness([applications, maintenance], tmp_path, kind="distributed") as harness:
        caseworker = Caseworker(harness)
        lke = harness.client("maintenance", Agency.lke)
        try:
            assert harness.runtimes["maintenance"].database.dialect == "postgresql"
            for first in ("boligkontoret", "lke"):
                dwelling_id = await lke_dwelling(harness, lke, f"F-RACE-{first}")
                contract = await allocated_and_ready_to_sign(caseworker, dwelling_id)
                sign = caseworker.staff.post("/v1/tenancies", json=contract)
                sell = lke.post(f"/v1/dwellings/{dwelling_id}/withdrawal", json=SOLD)
                signed, sold = await asyncio.gather(*((sign, sell) if first == "boligkontoret" else (sell, sign)))
                if first == "lke":
                    sold, signed = signed, sold
                assert sorted([signed.status_code, sold.status_code]) == [201, 409], (signed.text, sold.text)
                await harness.settle()
                status = (await lke.get(f"/v1/dwellings/{dwelling_id}")).json()["status"]
                tenancies = (await caseworker.staff.get("/v1/tenancies", params={"dwelling_id": dwelling_id})).json()
                assert not (status == "withdrawn" and tenancies["total"] > 0)  # never a tenant in a sold dwelling
                # LKE held the dwelling for the allocation: the sale is the one refused, naming what blocks it.
                assert sold.status_code == 409 and "allocation" in sold.json()["blocking"]
                assert "allocation" in sold.json()["detail"]

                # With the contract signed, the tenancy blocks a sale too (LKE keeps it from tenancy.signed).
                again = await lke.post(f"/v1/dwellings/{dwelling_id}/withdrawal", json=SOLD)
                assert again.status_code == 409 and "active_tenancy" in again.json()["blocking"]

            # LKE sold first, before any offer: Boligkontoret can neither offer nor sign it.
            sold_first = await lke_dwelling(harness, lke, "F-RACE-sold")
            withdrawn = await lke.post(f"/v1/dwellings/{sold_first}/withdrawal", json=SOLD)
            assert withdrawn.status_code == 200, withdrawn.text
            await harness.settle()
            [household] = await caseworker.approved()
            refused = await caseworker.staff.post(f"/v1/dwellings/{sold_first}/offers", json={})
            assert refused.status_code == 409, refused.text

            # An open offer blocks the sale, named.
            offered = await lke_dwelling(harness, lke, "F-RACE-offer")
            offer = await caseworker.staff.post(f"/v1/dwellings/{offered}/offers", json={})
            assert offer.status_code == 201, offer.text
            await harness.settle()
            blocked = await lke.post(f"/v1/dwellings/{offered}/withdrawal", json=SOLD)
            assert blocked.status_code == 409 and blocked.json()["blocking"] == {"open_offer": [offer.json()["id"]]}
            assert household["id"]
        finally:
            await lke.aclose()
            await caseworker.close()
