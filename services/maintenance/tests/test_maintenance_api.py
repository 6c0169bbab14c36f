"""The register, checklist, acquisitions and audit endpoints through HTTP (embedded)."""

from __future__ import annotations

from datetime import date

import httpx

from boligflyt.contracts.codes import AcquisitionMethod, BudgetLine, Supplier, TargetGroup
from boligflyt.contracts.events.ordering import OrderPlaced
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness

from .conftest import PHOTOS, TOPIC, answers, dwelling_body, publish


async def test_register_read_change_and_list(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    created = await lke.post(
        "/v1/dwellings",
        json=dwelling_body("F-77", owner="private_lease", head_lease_end="2018-01-31", category="emergency"),
    )
    assert created.status_code == 201, created.text
    dwelling = created.json()
    assert created.headers["Location"] == f"/v1/dwellings/{dwelling['id']}"
    assert dwelling["status"] == "let" and dwelling["head_lease_end"] == "2018-01-31"

    duplicate = await lke.post("/v1/dwellings", json=dwelling_body("F-77"))
    assert duplicate.status_code == 409

    changed = await lke.patch(f"/v1/dwellings/{dwelling['id']}", json={"monthly_rent": 8100, "address": "Nygata 2"})
    assert changed.status_code == 200 and changed.json()["monthly_rent"] == 8100
    address_only = await lke.patch(f"/v1/dwellings/{dwelling['id']}", json={"address": "Nygata 3"})
    assert address_only.status_code == 200
    cleared = await lke.patch(f"/v1/dwellings/{dwelling['id']}", json={"head_lease_end": None})
    assert cleared.status_code == 422 and "head_lease_end" in cleared.json()["detail"]

    await lke.post("/v1/dwellings", json=dwelling_body("F-78", status="ready", category="care"))
    async with harness.client("maintenance", Agency.boligkontoret) as boligkontoret:
        ready = (await boligkontoret.get("/v1/dwellings", params={"status": "ready"})).json()
        assert [d["external_ref"] for d in ready["items"]] == ["F-78"] and ready["total"] == 1
        care = (await boligkontoret.get("/v1/dwellings", params={"category": "care", "limit": 1})).json()
        assert care["total"] == 1 and care["limit"] == 1
        assert (await boligkontoret.patch(f"/v1/dwellings/{dwelling['id']}", json={"rooms": 4})).status_code == 403
    async with harness.client("maintenance", Agency.nav) as nav:
        assert (await nav.get("/v1/dwellings")).status_code == 403
    async with harness.client("maintenance") as anonymous:
        assert (await anonymous.get("/v1/dwellings")).status_code == 401

    await harness.settle()
    events = [e for e in await harness.events(TOPIC) if e.key == dwelling["id"]]
    assert [e.type.split(".")[4] for e in events] == ["registered", "changed"]  # the address is not announced
    assert "Nygata" not in str([e.data.model_dump() for e in events])

    audit = (await lke.get("/v1/audit", params={"entity_id": dwelling["id"]})).json()
    assert [a["action"] for a in audit["items"]] == ["dwelling.registered", "dwelling.changed", "dwelling.changed"]
    assert audit["items"][0]["actor"] == "lke:lke-tester"


async def test_bad_input_is_refused_and_changes_nothing(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    cases = [
        dwelling_body(category="castle"),
        dwelling_body(monthly_rent=-10),
        dwelling_body(bedrooms=5, rooms=2),
        dwelling_body(owner="housing_coop"),  # no board approval
        dwelling_body(head_lease_end="2019-01-01"),  # not a leased dwelling
        dwelling_body(status="renovating"),
        {**dwelling_body(), "unknown": 1},
    ]
    for body in cases:
        response = await lke.post("/v1/dwellings", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.headers["content-type"] == "application/problem+json"
    assert (await lke.get("/v1/dwellings")).json()["total"] == 0
    assert (await lke.get("/v1/dwellings/dw-nope")).status_code == 404
    assert (await lke.get("/v1/inspections/insp-nope")).status_code == 404
    assert (await lke.get("/v1/renovation-jobs/job-nope")).status_code == 404
    assert (await lke.get("/v1/acquisitions/acq-nope")).status_code == 404
    assert (await lke.get("/v1/dwellings/dw-nope/void-days")).status_code == 404


async def test_configured_checklist_governs_inspections(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    default = (await lke.get("/v1/inspection-checklist")).json()["items"]
    assert [i["code"] for i in default][:2] == ["fire_safety", "electrical"] and len(default) == 7
    adopted = await lke.put(
        "/v1/inspection-checklist",
        json={"items": [{"code": "fire_safety", "title": "Smoke detectors"}, {"code": "keys", "title": "Keys"}]},
    )
    assert adopted.status_code == 200 and [i["code"] for i in adopted.json()["items"]] == ["fire_safety", "keys"]
    duplicate = await lke.put(
        "/v1/inspection-checklist", json={"items": [{"code": "keys", "title": "a"}, {"code": "keys", "title": "b"}]}
    )
    assert duplicate.status_code == 422

    dwelling_id = (await lke.post("/v1/dwellings", json=dwelling_body(status="vacant"))).json()["id"]
    booked = await lke.post(f"/v1/dwellings/{dwelling_id}/inspections", json={"planned_on": "2015-01-06"})
    assert booked.status_code == 201, booked.text
    inspection_id = booked.json()["id"]
    old = await lke.post(f"/v1/inspections/{inspection_id}/result", json={"results": answers(), "readiness": PHOTOS})
    assert old.status_code == 422 and "not on the checklist" in old.json()["detail"]
    unexplained = await lke.post(
        f"/v1/inspections/{inspection_id}/result",
        json={"results": [{"item": "fire_safety", "passed": False}, {"item": "keys", "passed": True}]},
    )
    assert unexplained.status_code == 422 and "needs a note" in unexplained.json()["detail"]
    ok = await lke.post(
        f"/v1/inspections/{inspection_id}/result",
        json={
            "results": [{"item": "fire_safety", "passed": True}, {"item": "keys", "passed": True}],
            "readiness": PHOTOS,
        },
    )
    assert ok.status_code == 200 and ok.json()["meets_minimum_standard"] is True
    twice = await lke.post(f"/v1/inspections/{inspection_id}/result", json={"results": []})
    assert twice.status_code == 409 and twice.json()["current_state"] == "completed"


def new_dwelling(ref: str) -> dict[str, object]:
    return {k: v for k, v in dwelling_body(ref).items() if k != "status"}


def order(order_id: str = "ord-1", method: AcquisitionMethod | None = AcquisitionMethod.BUILD) -> OrderPlaced:
    return OrderPlaced(
        order_id=order_id,
        need_ids=("need-1",),
        placed_on=date(2015, 1, 5),
        supplier=Supplier.LKE,
        programme_year=2015,
        budget_line=BudgetLine.REFUGEE_DWELLINGS,
        budget_amount=6_000_000,
        target_group=TargetGroup.REFUGEES,
        dwellings=2,
        preferred_method=method,
        due_date=date(2016, 1, 1),
    )


async def test_order_opens_a_project_that_delivers_dwellings(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    await publish(harness, order(), order())  # the same order twice (two events) opens one project
    projects = (await lke.get("/v1/acquisitions", params={"order_id": "ord-1"})).json()["items"]
    assert len(projects) == 1
    project = projects[0]
    assert project["stage"] == "identified" and project["method"] == "build" and project["dwellings_planned"] == 2
    assert project["target_group"] == "refugees" and project["budget_amount"] == 6_000_000

    skip = await lke.post(f"/v1/acquisitions/{project['id']}/stage", json={"stage": "designed"})
    assert skip.status_code == 409 and skip.json()["current_state"] == "identified"
    early = await lke.post(
        f"/v1/acquisitions/{project['id']}/deliveries", json={"cost": 1, "dwellings": [new_dwelling("N-1")]}
    )
    assert early.status_code == 409
    for stage in (
        "zoned",
        "designed",
        "adopted",
        "ready_to_build",
        "contractor_chosen",
        "under_construction",
        "completed",
    ):
        moved = await lke.post(f"/v1/acquisitions/{project['id']}/stage", json={"stage": stage})
        assert moved.status_code == 200, moved.text
    back = await lke.post(f"/v1/acquisitions/{project['id']}/stage", json={"stage": "zoned"})
    assert back.status_code == 409

    new = [new_dwelling(f"N-{i}") for i in (1, 2)]
    delivered = await lke.post(
        f"/v1/acquisitions/{project['id']}/deliveries", json={"cost": 5_800_000, "dwellings": new}
    )
    assert delivered.status_code == 200, delivered.text
    dwellings = delivered.json()
    assert [(d["status"], d["new_dwelling"], d["order_ref"], d["acquired_via"]) for d in dwellings] == [
        ("vacant", True, "ord-1", "build")
    ] * 2
    final = (await lke.get(f"/v1/acquisitions/{project['id']}")).json()
    assert final["stage"] == "taken_over" and final["dwellings_delivered"] == 2

    # The new dwelling's condition report makes it ready for its first let; no void is counted for it.
    inspection = await lke.post(f"/v1/dwellings/{dwellings[0]['id']}/inspections", json={"planned_on": "2015-01-05"})
    await lke.post(
        f"/v1/inspections/{inspection.json()['id']}/result", json={"results": answers(), "readiness": PHOTOS}
    )
    assert (await lke.get(f"/v1/dwellings/{dwellings[0]['id']}/void-days")).json()["periods"] == []

    await harness.settle()
    events = await harness.events(TOPIC)
    stages = [e.data.stage for e in events if e.type.endswith("acquisition.stage_changed.v1")]  # type: ignore[attr-defined]
    assert stages[0] == "identified" and stages[-1] == "taken_over" and len(stages) == 9
    [delivery] = [e.data for e in events if e.type.endswith("acquisition.delivered.v1")]
    assert delivery.order_id == "ord-1"  # type: ignore[attr-defined]
    assert set(delivery.dwelling_ids) == {d["id"] for d in dwellings}  # type: ignore[attr-defined]
    [ready] = [e.data for e in events if e.type.endswith("dwelling.ready_for_letting.v1")]
    assert ready.first_let is True  # type: ignore[attr-defined]


async def test_purchase_skips_to_taken_over(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    opened = await lke.post("/v1/acquisitions", json={"method": "buy_existing", "dwellings_planned": 1})
    assert opened.status_code == 201
    project_id = opened.json()["id"]
    body = new_dwelling("B-1")
    delivered = await lke.post(
        f"/v1/acquisitions/{project_id}/deliveries", json={"cost": 2_500_000, "dwellings": [body]}
    )
    assert delivered.status_code == 200
    assert (await lke.get(f"/v1/acquisitions/{project_id}")).json()["stage"] == "taken_over"
    async with harness.client("maintenance", Agency.bestiller) as bestiller:
        assert (await bestiller.get(f"/v1/acquisitions/{project_id}")).status_code == 200
        assert (
            await bestiller.post("/v1/acquisitions", json={"method": "build", "dwellings_planned": 1})
        ).status_code == 403


async def test_openapi_documents_every_route(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    spec = (await lke.get("/openapi.json")).json()
    paths = spec["paths"]
    for path in ("/v1/dwellings", "/v1/dwelling-batches", "/v1/inspections/{inspection_id}/result", "/v1/acquisitions"):
        assert path in paths
    assert "Idempotency-Key" in str(paths["/v1/dwelling-batches"]["post"]["parameters"])


async def test_leased_dwellings_by_head_lease_end(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    for ref, end in (("L-1", "2015-06-30"), ("L-2", "2017-06-30")):
        body = dwelling_body(ref, owner="private_lease", head_lease_end=end)
        assert (await lke.post("/v1/dwellings", json=body)).status_code == 201
    await lke.post("/v1/dwellings", json=dwelling_body("O-1"))
    ending = (await lke.get("/v1/dwellings", params={"head_lease_ends_before": "2016-01-01"})).json()
    assert [d["external_ref"] for d in ending["items"]] == ["L-1"]
