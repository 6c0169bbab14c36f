"""Plausible dates and amounts at LKE: an amount past any real case was a 500 from the database, a date in the
year 9999 or 0001 was stored as given. Each is a 422 now, and changes nothing."""

from __future__ import annotations

import httpx

from boligflyt.testkit import ServiceHarness

from .conftest import dwelling_body


async def test_absurd_amounts_and_dates_are_a_422_not_a_500(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    registered = await lke.post("/v1/dwellings", json=dwelling_body(status="vacant"))
    assert registered.status_code == 201, registered.text
    dwelling_id = registered.json()["id"]
    jobs = f"/v1/dwellings/{dwelling_id}/renovation-jobs"
    for body in ({"scope": "paint", "estimated_cost": 10**20}, {"scope": "paint", "due_date": "9999-12-31"}):
        refused = await lke.post(jobs, json=body)
        assert refused.status_code == 422, refused.text
    assert (await lke.get("/v1/renovation-jobs", params={"dwelling_id": dwelling_id})).json()["total"] == 0
    booked = await lke.post(f"/v1/dwellings/{dwelling_id}/inspections", json={"planned_on": "0001-01-01"})
    assert booked.status_code == 422 and "planned_on must lie between" in booked.json()["detail"]
    rent = await lke.post("/v1/dwellings", json=dwelling_body("F-2002", monthly_rent=10**20))
    assert rent.status_code == 422
    void = await lke.get(f"/v1/dwellings/{dwelling_id}/void-days", params={"as_of": "9999-12-31"})
    assert void.status_code == 422

    opened = await lke.post("/v1/acquisitions", json={"method": "buy_existing", "dwellings_planned": 10**20})
    assert opened.status_code == 422
    project = (await lke.post("/v1/acquisitions", json={"method": "buy_existing", "dwellings_planned": 1})).json()
    delivered_dwelling = {k: v for k, v in dwelling_body("F-3003").items() if k != "status"}
    delivery = {"cost": 10**20, "dwellings": [delivered_dwelling]}
    delivered = await lke.post(f"/v1/acquisitions/{project['id']}/deliveries", json=delivery)
    assert delivered.status_code == 422 and "cost" in delivered.json()["detail"]
    assert (await lke.get("/v1/dwellings")).json()["total"] == 1
