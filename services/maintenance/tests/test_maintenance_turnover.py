"""The turnover of a dwelling driven by Boligkontoret's events and LKE's own commands (embedded)."""

from __future__ import annotations

from datetime import date, timedelta

import httpx

from boligflyt.contracts.codes import NoticeParty, TenancyEndReason
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    TenancyEnded,
    TenancyMovedIn,
    TenancyNoticeGiven,
    TenancyNoticeWithdrawn,
)
from boligflyt.contracts.events.maintenance import InspectionCompleted, RenovationRescheduled
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness

from .conftest import PHOTOS, TOPIC, answers, dwelling_body, publish, types_for

PERSON = "a" * 64


async def register(lke: httpx.AsyncClient, ref: str = "F-1001", **overrides: object) -> str:
    response = await lke.post("/v1/dwellings", json=dwelling_body(ref, **overrides))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def status_of(lke: httpx.AsyncClient, dwelling_id: str) -> str:
    return str((await lke.get(f"/v1/dwellings/{dwelling_id}")).json()["status"])


def notice(dwelling_id: str, given_on: date, move_out: date, tenancy: str = "ten-1") -> TenancyNoticeGiven:
    return TenancyNoticeGiven(
        tenancy_id=tenancy,
        dwelling_id=dwelling_id,
        given_on=given_on,
        given_by=NoticeParty.TENANT,
        move_out_date=move_out,
    )


def ended(dwelling_id: str, end: date, tenancy: str = "ten-1") -> TenancyEnded:
    return TenancyEnded(
        tenancy_id=tenancy, dwelling_id=dwelling_id, end_date=end, reason=TenancyEndReason.NOTICE_BY_TENANT
    )


async def test_full_turnover_with_renovation_and_void_split(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    dwelling_id = await register(lke)
    start = harness.clock.today()  # 2015-01-05
    await publish(harness, notice(dwelling_id, start, start + timedelta(days=27)))
    assert await status_of(lke, dwelling_id) == "notice_given"
    booked = (await lke.get("/v1/inspections", params={"dwelling_id": dwelling_id})).json()["items"]
    assert [(i["trigger"], i["status"], i["planned_on"]) for i in booked] == [
        ("move_out_notice", "booked", str(start + timedelta(days=7)))
    ]

    end = start + timedelta(days=27)  # 2015-02-01
    harness.clock.advance(timedelta(days=28))
    await publish(harness, ended(dwelling_id, end))
    assert await status_of(lke, dwelling_id) == "vacant"

    # Inspected the day after: the kitchen fails, a renovation job is ordered with the default one-month deadline.
    result = await lke.post(
        f"/v1/inspections/{booked[0]['id']}/result", json={"results": answers("kitchen"), "estimated_cost": 20000}
    )
    assert result.status_code == 200, result.text
    assert result.json()["meets_minimum_standard"] is False
    job_id = result.json()["renovation_job_id"]
    assert await status_of(lke, dwelling_id) == "inspected"
    job = (await lke.get(f"/v1/renovation-jobs/{job_id}")).json()
    assert job["due_date"] == "2015-03-02" and job["status"] == "ordered" and "kitchen: broken" in job["scope"]

    # Allocated before it is ready, to a household with no fixed address: the job becomes urgent.
    await publish(
        harness,
        AllocationDecided(
            application_id="app-7",
            dwelling_id=dwelling_id,
            person_ref=PERSON,
            decided_on=harness.clock.today(),
            no_fixed_address=True,
        ),
    )
    assert (await lke.get(f"/v1/renovation-jobs/{job_id}")).json()["urgent"] is True
    assert await status_of(lke, dwelling_id) == "inspected"

    harness.clock.advance(timedelta(days=4))  # 2015-02-06: work starts
    started = await lke.post(f"/v1/renovation-jobs/{job_id}/start")
    assert started.status_code == 200, started.text
    assert await status_of(lke, dwelling_id) == "renovating"

    harness.clock.advance(timedelta(days=27))  # 2015-03-05: three days late
    overdue = (await lke.get("/v1/renovation-jobs", params={"overdue": True})).json()
    assert [j["id"] for j in overdue["items"]] == [job_id] and overdue["items"][0]["days_late"] == 3
    done = await lke.post(
        f"/v1/renovation-jobs/{job_id}/completion",
        json={
            "cost_hard_use": 12000,
            "cost_age_wear": 9000,
            "joint_inspection_passed": True,
            "readiness": PHOTOS,
        },
    )
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["days_late"] == 3 and body["daily_rent"] == 240 and body["lost_rent_owed"] == 720
    assert body["actual_cost"] == 21000
    # Reserved for the early allocation the day it became ready.
    assert await status_of(lke, dwelling_id) == "reserved"

    harness.clock.advance(timedelta(days=11))  # 2015-03-16
    await publish(
        harness,
        TenancyMovedIn(
            tenancy_id="ten-2",
            dwelling_id=dwelling_id,
            application_id="app-7",
            person_ref=PERSON,
            move_in_date=harness.clock.today(),
            first_let=False,
        ),
    )
    assert await status_of(lke, dwelling_id) == "let"
    assert await types_for(harness, dwelling_id) == [
        "dwelling.registered",
        "inspection.booked",
        "inspection.completed",
        "renovation.started",
        "renovation.completed",
        "dwelling.ready_for_letting",
        "dwelling.reserved",
        "dwelling.let",
    ]
    void = (await lke.get(f"/v1/dwellings/{dwelling_id}/void-days")).json()["periods"]
    # Ended 1 Feb, renovation from 6 Feb, ready 5 Mar, let 16 Mar: 4 + 27 + 11 = 42 days (the end day not counted).
    assert void == [
        {
            "tenancy_ended_on": "2015-02-01",
            "let_on": "2015-03-16",
            "waiting_for_renovation": 4,
            "renovating": 27,
            "ready_not_let": 11,
            "total": 42,
        }
    ]


async def test_passed_inspection_makes_ready_and_open_void_counts_to_today(
    harness: ServiceHarness, lke: httpx.AsyncClient
) -> None:
    dwelling_id = await register(lke)
    today = harness.clock.today()
    await publish(harness, ended(dwelling_id, today))  # ended without a notice we saw: a move-out inspection is booked
    inspections = (await lke.get("/v1/inspections", params={"dwelling_id": dwelling_id})).json()["items"]
    assert [i["trigger"] for i in inspections] == ["move_out"]
    harness.clock.advance(timedelta(days=2))
    missing = await lke.post(f"/v1/inspections/{inspections[0]['id']}/result", json={"results": answers()})
    assert missing.status_code == 422 and missing.json()["code"] == "readiness_missing"
    passed = await lke.post(
        f"/v1/inspections/{inspections[0]['id']}/result", json={"results": answers(), "readiness": PHOTOS}
    )
    assert passed.status_code == 200, passed.text
    dwelling = (await lke.get(f"/v1/dwellings/{dwelling_id}")).json()
    assert dwelling["status"] == "ready" and dwelling["meter_reading_kwh"] == 41230
    harness.clock.advance(timedelta(days=5))
    void = (await lke.get(f"/v1/dwellings/{dwelling_id}/void-days")).json()["periods"]
    assert void == [
        {
            "tenancy_ended_on": str(today),
            "let_on": None,
            "waiting_for_renovation": 1,  # the 6th; ready on the 7th, counted as ready
            "renovating": 0,
            "ready_not_let": 6,
            "total": 7,
        }
    ]
    # Allocation of a ready dwelling reserves it at once.
    await publish(
        harness,
        AllocationDecided(
            application_id="app-9",
            dwelling_id=dwelling_id,
            person_ref=PERSON,
            decided_on=harness.clock.today(),
            no_fixed_address=False,
        ),
    )
    assert await status_of(lke, dwelling_id) == "reserved"
    assert (await types_for(harness, dwelling_id))[-2:] == ["dwelling.ready_for_letting", "dwelling.reserved"]
    future = await lke.get(f"/v1/dwellings/{dwelling_id}/void-days", params={"as_of": "2015-02-01"})
    assert future.status_code == 422
    # The allocation falls through: ready again, announced again.
    released = await lke.post(f"/v1/dwellings/{dwelling_id}/reservation-release")
    assert released.status_code == 200 and released.json()["status"] == "ready"
    await harness.settle()
    assert (await types_for(harness, dwelling_id))[-1] == "dwelling.ready_for_letting"
    again = await lke.post(f"/v1/dwellings/{dwelling_id}/reservation-release")
    assert again.status_code == 409 and again.json()["current_state"] == "ready"


async def test_notice_withdrawn_cancels_the_inspection(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    dwelling_id = await register(lke)
    today = harness.clock.today()
    await publish(harness, notice(dwelling_id, today, today + timedelta(days=30)))
    await publish(
        harness,
        TenancyNoticeWithdrawn(tenancy_id="ten-1", dwelling_id=dwelling_id, withdrawn_on=today + timedelta(days=2)),
    )
    assert await status_of(lke, dwelling_id) == "let"
    inspections = (await lke.get("/v1/inspections", params={"dwelling_id": dwelling_id})).json()["items"]
    assert [i["status"] for i in inspections] == ["cancelled"]
    history = (await lke.get(f"/v1/dwellings/{dwelling_id}/status-history")).json()
    assert [h["status"] for h in history] == ["let", "notice_given", "let"]


async def test_illegal_transitions_answer_409_naming_the_current_state(
    harness: ServiceHarness, lke: httpx.AsyncClient
) -> None:
    dwelling_id = await register(lke, status="ready")
    booked = await lke.post(f"/v1/dwellings/{dwelling_id}/inspections", json={"planned_on": "2015-01-10"})
    assert booked.status_code == 409
    assert booked.json()["current_state"] == "ready" and "ready" in booked.json()["detail"]
    job = await lke.post(f"/v1/dwellings/{dwelling_id}/renovation-jobs", json={"scope": "paint"})
    assert job.status_code == 409 and job.json()["current_state"] == "ready"
    withdrawn = await lke.post(f"/v1/dwellings/{dwelling_id}/withdrawal", json={"reason": "sold", "permanent": True})
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    again = await lke.post(f"/v1/dwellings/{dwelling_id}/withdrawal", json={"reason": "sold", "permanent": True})
    assert again.status_code == 409 and again.json()["current_state"] == "withdrawn"
    refused = await lke.post(f"/v1/dwellings/{dwelling_id}/renovation-jobs", json={"scope": "paint"})
    assert refused.status_code == 409


async def test_event_for_a_dwelling_in_the_wrong_state_is_dead_lettered_not_applied(
    harness: ServiceHarness, lke: httpx.AsyncClient
) -> None:
    dwelling_id = await register(lke, status="ready")
    today = harness.clock.today()
    await publish(harness, notice(dwelling_id, today, today + timedelta(days=30)))
    assert await status_of(lke, dwelling_id) == "ready"
    dead = await harness.events("boligflyt.applications.dlq")
    assert [e.data.dwelling_id for e in dead] == [dwelling_id]  # type: ignore[attr-defined]


async def test_withdrawn_below_standard_comes_back_through_renovation(
    harness: ServiceHarness, lke: httpx.AsyncClient
) -> None:
    dwelling_id = await register(lke, status="vacant")
    await lke.post(f"/v1/dwellings/{dwelling_id}/withdrawal", json={"reason": "below_standard", "permanent": False})
    ordered = await lke.post(
        f"/v1/dwellings/{dwelling_id}/renovation-jobs",
        json={"kind": "below_standard", "scope": "new bathroom", "due_date": "2015-04-01", "estimated_cost": 90000},
    )
    assert ordered.status_code == 201, ordered.text
    job = ordered.json()
    assert job["due_date_agreed"] is True and ordered.headers["Location"] == f"/v1/renovation-jobs/{job['id']}"
    second = await lke.post(f"/v1/dwellings/{dwelling_id}/renovation-jobs", json={"scope": "more"})
    assert second.status_code == 409
    assert (await lke.post(f"/v1/renovation-jobs/{job['id']}/start", json={})).status_code == 200
    failed = await lke.post(
        f"/v1/renovation-jobs/{job['id']}/completion",
        json={"cost_hard_use": 0, "cost_age_wear": 1, "joint_inspection_passed": False, "readiness": PHOTOS},
    )
    assert failed.status_code == 422 and failed.json()["code"] == "joint_inspection_failed"
    assert await status_of(lke, dwelling_id) == "renovating"
    completed = await lke.post(
        f"/v1/renovation-jobs/{job['id']}/completion",
        json={"cost_hard_use": 0, "cost_age_wear": 80000, "joint_inspection_passed": True, "readiness": PHOTOS},
    )
    assert completed.status_code == 200 and completed.json()["lost_rent_owed"] == 0
    assert await status_of(lke, dwelling_id) == "ready"


async def test_inspection_before_the_key_is_returned(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    failing = await register(lke, "F-1")
    passing = await register(lke, "F-2")
    today = harness.clock.today()
    move_out = today + timedelta(days=20)
    await publish(
        harness, notice(failing, today, move_out, tenancy="ten-a"), notice(passing, today, move_out, tenancy="ten-b")
    )
    [on_failing] = (await lke.get("/v1/inspections", params={"dwelling_id": failing})).json()["items"]
    [on_passing] = (await lke.get("/v1/inspections", params={"dwelling_id": passing})).json()["items"]
    harness.clock.advance(timedelta(days=7))

    failed = await lke.post(f"/v1/inspections/{on_failing['id']}/result", json={"results": answers("bathroom")})
    assert failed.status_code == 200 and await status_of(lke, failing) == "notice_given"
    job_id = failed.json()["renovation_job_id"]
    # The tenant still lives there: work cannot start yet.
    early = await lke.post(f"/v1/renovation-jobs/{job_id}/start")
    assert early.status_code == 409 and early.json()["current_state"] == "notice_given"
    agreed = await lke.patch(
        f"/v1/renovation-jobs/{job_id}", json={"due_date": "2015-03-20", "reason": "new bathroom needs 6 weeks"}
    )
    assert agreed.status_code == 200 and agreed.json()["due_date_agreed"] is True
    no_reason = await lke.patch(f"/v1/renovation-jobs/{job_id}", json={"due_date": "2015-03-21"})
    assert no_reason.status_code == 422

    passed = await lke.post(f"/v1/inspections/{on_passing['id']}/result", json={"results": answers()})
    assert passed.status_code == 200 and await status_of(lke, passing) == "notice_given"

    harness.clock.advance(timedelta(days=13))
    await publish(harness, ended(failing, move_out, tenancy="ten-a"), ended(passing, move_out, tenancy="ten-b"))
    assert await status_of(lke, failing) == "vacant" and await status_of(lke, passing) == "vacant"
    # No new inspection where a job waits; a condition report before the next move-in where it passed.
    failing_now = (await lke.get("/v1/inspections", params={"dwelling_id": failing})).json()["items"]
    passing_now = (await lke.get("/v1/inspections", params={"dwelling_id": passing})).json()["items"]
    assert [i["status"] for i in failing_now] == ["completed"]
    assert [(i["trigger"], i["status"]) for i in passing_now] == [
        ("move_out_notice", "completed"),
        ("move_in", "booked"),
    ]
    assert (await lke.post(f"/v1/renovation-jobs/{job_id}/start")).status_code == 200
    assert await status_of(lke, failing) == "renovating"


async def test_the_month_runs_from_move_out_for_a_job_ordered_on_notice(
    harness: ServiceHarness, lke: httpx.AsyncClient
) -> None:
    dwelling_id = await register(lke)
    today = harness.clock.today()  # 2015-01-05
    await publish(harness, notice(dwelling_id, today, date(2015, 2, 15)))
    [inspection] = (await lke.get("/v1/inspections", params={"dwelling_id": dwelling_id})).json()["items"]
    failed = await lke.post(f"/v1/inspections/{inspection['id']}/result", json={"results": answers("keys")})
    job_id = failed.json()["renovation_job_id"]
    assert (await lke.get(f"/v1/renovation-jobs/{job_id}")).json()["due_date"] == "2015-02-05"
    harness.clock.advance(timedelta(days=41))
    await publish(harness, ended(dwelling_id, date(2015, 2, 15)))
    assert (await lke.get(f"/v1/renovation-jobs/{job_id}")).json()["due_date"] == "2015-03-15"
    # Boligkontoret hears both dates: the household allocated at notice moves in when the dwelling is ready.
    events = [e.data for e in await harness.events(TOPIC) if e.key == dwelling_id]
    [inspected] = [e for e in events if isinstance(e, InspectionCompleted)]
    assert inspected.renovation_due_date == date(2015, 2, 5)
    [moved] = [e for e in events if isinstance(e, RenovationRescheduled)]
    assert (moved.previous_due_date, moved.due_date, moved.rescheduled_on) == (
        date(2015, 2, 5),
        date(2015, 3, 15),
        date(2015, 2, 15),
    )


async def test_a_new_due_date_is_announced_once_and_the_same_date_again_not_at_all(
    harness: ServiceHarness, lke: httpx.AsyncClient
) -> None:
    dwelling_id = await register(lke, status="vacant")
    job = await lke.post(f"/v1/dwellings/{dwelling_id}/renovation-jobs", json={"scope": "paint"})
    job_id = job.json()["id"]
    due = job.json()["due_date"]
    for _ in range(2):
        moved = await lke.patch(f"/v1/renovation-jobs/{job_id}", json={"due_date": "2015-03-20", "reason": "damp"})
        assert moved.status_code == 200 and moved.json()["due_date"] == "2015-03-20"
    same = await lke.patch(f"/v1/renovation-jobs/{job_id}", json={"scope": "paint and floors", "reason": "more"})
    assert same.status_code == 200
    await harness.settle()
    rescheduled = [e.data for e in await harness.events(TOPIC) if isinstance(e.data, RenovationRescheduled)]
    assert [(e.previous_due_date.isoformat(), e.due_date.isoformat()) for e in rescheduled] == [(due, "2015-03-20")]


async def test_every_write_is_lke_only(harness: ServiceHarness, lke: httpx.AsyncClient) -> None:
    dwelling_id = await register(lke, status="vacant")
    writes = [
        ("POST", "/v1/dwellings", dwelling_body("F-9")),
        ("PATCH", f"/v1/dwellings/{dwelling_id}", {"rooms": 4}),
        ("POST", f"/v1/dwellings/{dwelling_id}/withdrawal", {"reason": "sold", "permanent": True}),
        ("POST", f"/v1/dwellings/{dwelling_id}/reservation-release", None),
        ("POST", f"/v1/dwellings/{dwelling_id}/inspections", {"planned_on": "2015-01-06"}),
        ("PUT", "/v1/inspection-checklist", {"items": [{"code": "keys", "title": "Keys"}]}),
        ("POST", f"/v1/dwellings/{dwelling_id}/renovation-jobs", {"scope": "paint"}),
        ("POST", "/v1/acquisitions", {"method": "build", "dwellings_planned": 1}),
        ("GET", "/v1/audit", None),
    ]
    for agency in (Agency.boligkontoret, Agency.bestiller, Agency.nav, Agency.coordinator):
        async with harness.client("maintenance", agency) as other:
            for method, path, body in writes:
                response = await other.request(method, path, json=body)
                assert response.status_code == 403, (agency, method, path, response.text)
    assert (await lke.get(f"/v1/dwellings/{dwelling_id}")).json()["rooms"] == 3
