"""Flow 7, NAV follows its client's housing case: NAV places a person and refers them to Boligkontoret; Boligkontoret
asks for documents, refuses, the client appeals, the appeal is upheld, the committee allocates a dwelling being
renovated, the renovation slips, the client moves in. At each step NAV's view of the case (`GET /v1/stays/{id}`, a
`case` block, and `/v1/cases`) shows the new fact within a second, and the adviser's tasks appear and clear."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any

import httpx

from .agencies import DOCUMENTS, Agencies, new_person
from .system import System, eventually
from .test_flow_turnover import WAIT, checklist, get, ok, readiness, schedule_meeting, tag, until_state

# Households of this flow need 9 bedrooms and its dwelling has 9; a household another flow left on the list may be
# proposed for it, so the committee's choice gives its reason when it deviates.
BEDROOMS = 9
SLIP_DAYS = 7
# NAV sees a fact Boligkontoret published within a second; a machine shared far beyond its cores may need longer
# (the outbox and the consumer each poll about twice a second), so the deadline can be raised for such a run.
FACT_SECONDS = float(os.environ.get("BOLIGFLYT_E2E_FACT_SECONDS") or 1.0)
JOB_SECONDS = 20.0  # tasks that come with the calendar: the job runs every 2 s in the end-to-end system


async def within_a_second(check: Callable[[], Awaitable[Any]], what: str) -> Any:
    """Poll NAV until `check` holds; fail when no poll begun within a second from now saw it."""
    return await eventually(check, timeout=FACT_SECONDS, what=what)


async def open_tasks(nav: httpx.AsyncClient, adviser: str, kind: str | None = None) -> list[dict[str, Any]]:
    page = ok(await nav.get("/v1/tasks", params={"adviser": adviser, "limit": 100}))
    return [t for t in page["items"] if kind is None or t["kind"] == kind]


async def test_nav_follows_the_case_and_the_advisers_tasks_come_and_go(system: System) -> None:
    t = tag()
    adviser = f"adviser-{t}"
    async with Agencies(system) as agencies:
        nav, tbo, lke = agencies.nav, agencies.tbo, agencies.lke

        # NAV places the person tonight, followed by their own adviser, and refers them to Boligkontoret.
        provider_id = await agencies.provider_with_agreement()
        today = system.today().isoformat()
        stay = ok(
            await nav.post(
                "/v1/stays",
                json={
                    "person": new_person(),
                    "adults": 1,
                    "children": 0,
                    "cause": "eviction",
                    "decision_date": today,
                    "provider_id": provider_id,
                    "start_date": today,
                    "adviser": adviser,
                },
            ),
            201,
        )
        stay_id = stay["stay_id"]
        assert stay["adviser"] == adviser and stay["case"] is None
        linked = ok(await nav.post(f"/v1/stays/{stay_id}/application", json={"bedrooms_needed": BEDROOMS}))
        application_id = linked["application_id"]
        assert linked["case"]["state"] == "submitted" and linked["case"]["application_id"] == application_id

        async def case_where(test: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
            case: dict[str, Any] | None = (await agencies.stay(stay_id))["case"]
            return case if case is not None and test(case) else None

        # Boligkontoret checks the application: the documents are missing (NAV sent none).
        check = await tbo.post(f"/v1/applications/{application_id}/completeness-check")
        if check.status_code == 412:
            # A reaction to NAV's link may change the application at the same moment; the 412 asks to retry.
            check = await tbo.post(f"/v1/applications/{application_id}/completeness-check")
        checked = ok(check)
        assert checked["state"] == "incomplete"
        case = await within_a_second(
            lambda: case_where(lambda c: c["state"] == "incomplete"), "NAV to see the documents missing"
        )
        assert case["missing_documents"] == DOCUMENTS and case["documents_requested_on"] == today
        assert await open_tasks(nav, adviser) == []

        # Two weeks on the documents are still missing: the adviser gets a task; when they arrive it clears.
        system.advance_clock(14)

        async def task_of(kind: str) -> dict[str, Any] | None:
            found = await open_tasks(nav, adviser, kind)
            return found[0] if found else None

        missing = await eventually(lambda: task_of("documents_missing"), timeout=JOB_SECONDS, what="the task")
        assert missing["subject_id"] == application_id and missing["detail"]["missing_documents"] == DOCUMENTS
        ok(await tbo.post(f"/v1/applications/{application_id}/documents", json={"documents": DOCUMENTS}))
        await within_a_second(lambda: case_where(lambda c: c["state"] == "complete"), "NAV to see the case complete")

        async def cleared(kind: str) -> bool:
            return await task_of(kind) is None

        await within_a_second(lambda: cleared("documents_missing"), "the documents task to clear")

        # On a meeting's case list; the committee refuses, with the reason and the appeal deadline.
        meeting = await schedule_meeting(system, tbo)
        ok(await tbo.post(f"/v1/meetings/{meeting['id']}/cases", json={"application_id": application_id}), 201)
        case = await within_a_second(
            lambda: case_where(lambda c: c["state"] == "on_case_list"), "NAV to see the committee date"
        )
        assert case["meeting_on"] == meeting["meeting_date"]
        system.advance_clock((date.fromisoformat(meeting["meeting_date"]) - system.today()).days)
        refusal = {"application_id": application_id, "outcome": "rejected", "reject_reasons": ["not_resident"]}
        refused = ok(await tbo.post(f"/v1/meetings/{meeting['id']}/decisions", json=refusal))
        case = await within_a_second(lambda: case_where(lambda c: c["state"] == "rejected"), "NAV to see the refusal")
        assert (case["reject_reasons"], case["appeal_deadline"]) == (["not_resident"], refused["appeal_deadline"])

        # Five days before the appeal deadline a task; the appeal clears it.
        deadline = date.fromisoformat(refused["appeal_deadline"])
        system.advance_clock((deadline - timedelta(days=5) - system.today()).days)
        appeal_task = await eventually(lambda: task_of("appeal_deadline"), timeout=JOB_SECONDS, what="the appeal task")
        assert appeal_task["due_on"] == deadline.isoformat()
        ok(await tbo.post(f"/v1/applications/{application_id}/appeal", json={}))
        await within_a_second(lambda: case_where(lambda c: c["state"] == "appealed"), "NAV to see the appeal")
        await within_a_second(lambda: cleared("appeal_deadline"), "the appeal task to clear")

        # The appeal is upheld at the next meeting.
        meeting = await schedule_meeting(system, tbo)
        ok(await tbo.post(f"/v1/meetings/{meeting['id']}/cases", json={"application_id": application_id}), 201)
        system.advance_clock((date.fromisoformat(meeting["meeting_date"]) - system.today()).days)
        upheld = {"application_id": application_id, "outcome": "approved"}
        ok(await tbo.post(f"/v1/meetings/{meeting['id']}/decisions", json=upheld))
        case = await within_a_second(lambda: case_where(lambda c: c["state"] == "approved"), "NAV to see the approval")
        assert case["outcome"] == "approved" and case["appealed_on"] is not None

        # LKE: a vacant dwelling fails its inspection; the renovation is due in a while.
        dwelling_id = ok(
            await lke.post(
                "/v1/dwellings",
                json={
                    "external_ref": f"E2E-C-{t}",
                    "address": f"Torstrand {t}",
                    "category": "ordinary",
                    "owner": "lke",
                    "rooms": BEDROOMS + 1,
                    "bedrooms": BEDROOMS,
                    "monthly_rent": 12_900,
                    "status": "vacant",
                    "zone": "torstrand",
                },
            ),
            201,
        )["id"]
        inspection = ok(
            await lke.post(f"/v1/dwellings/{dwelling_id}/inspections", json={"planned_on": system.today().isoformat()}),
            201,
        )
        result = ok(
            await lke.post(
                f"/v1/inspections/{inspection['id']}/result",
                json={"inspector": "LKE", "results": checklist({"surfaces": "Vannskade på kjøkkenet"})},
            )
        )
        job_url = f"/v1/renovation-jobs/{result['renovation_job_id']}"
        ok(await lke.post(f"{job_url}/start", json={}))
        due = date.fromisoformat((await get(lke, job_url))["due_date"])
        dwelling_url = f"/v1/dwellings/{dwelling_id}"

        async def coming_vacant() -> bool:
            response = await tbo.get(dwelling_url)
            return response.status_code == 200 and response.json()["expected_ready_on"] == due.isoformat()

        await eventually(coming_vacant, timeout=WAIT, what="Boligkontoret to expect the dwelling ready")

        # The committee allocates the dwelling to NAV's client: the offer, then the allocation, reach NAV.
        advice = await get(tbo, f"/v1/meetings/{meeting['id']}/recommendation")
        [entry] = [d for d in advice["dwellings"] if d["dwelling"]["id"] == dwelling_id]
        choice: dict[str, Any] = {"dwelling_id": dwelling_id, "application_id": application_id}
        if entry["proposed_application_id"] != application_id:  # a household another flow left on the list
            choice["deviation_reason"] = "NAV's client has waited longest in temporary housing."
        allocation = ok(await tbo.post(f"/v1/meetings/{meeting['id']}/allocations", json=choice), 201)
        case = await within_a_second(lambda: case_where(lambda c: c["state"] == "offered"), "NAV to see the offer")
        assert case["dwelling"] == {"dwelling_id": dwelling_id, "area_code": "torstrand", "bedrooms": BEDROOMS}
        assert case["answer_deadline"] is not None and case["expected_ready_on"] == due.isoformat()
        assert "Torstrand" not in str(case)  # the address is Boligkontoret's to tell the client
        ok(await tbo.post(f"/v1/offers/{allocation['offer_id']}/answer", json={"answer": "accepted"}))
        case = await within_a_second(
            lambda: case_where(lambda c: c["state"] == "allocated"), "NAV to see the allocation"
        )
        assert (case["offer_answer"], case["planned_move_in_on"]) == ("accepted", due.isoformat())

        # The renovation slips by a week: NAV sees the new date, and the adviser a task.
        slipped = due + timedelta(days=SLIP_DAYS)
        ok(await lke.patch(job_url, json={"due_date": slipped.isoformat(), "reason": "Fukt bak baderomsveggen"}))
        case = await eventually(
            lambda: case_where(lambda c: c["planned_move_in_on"] == slipped.isoformat()),
            timeout=WAIT,  # LKE -> Boligkontoret -> NAV: two hand-offs; the second is the one timed below
            what="NAV to see the new move-in",
        )
        assert (case["first_planned_move_in_on"], case["expected_ready_on"]) == (due.isoformat(), slipped.isoformat())
        assert [e["fact"] for e in case["history"]][-1] == "allocation.move_in_rescheduled"
        slip_task = await within_a_second(lambda: task_of("move_in_slipped"), "the adviser's task for the slip")
        assert slip_task["detail"]["now"] == slipped.isoformat()

        # The case list: the client's case with the stay's days and the 3-month limit beside it.
        cases = ok(await nav.get("/v1/cases", params={"adviser": adviser}))
        [item] = cases["items"]
        assert (item["case"]["application_id"], item["stay_state"]) == (application_id, "allocated")
        assert item["days_in_stay"] == (system.today() - date.fromisoformat(today)).days
        assert item["limit_date"] == stay["limit_date"] and item["open_tasks"] >= 1
        assert ok(await nav.get("/v1/cases", params={"adviser": adviser, "state": "moved_in"}))["total"] == 0

        # The contract for the new day; the dwelling is ready on it and the client moves in.
        await agencies.close_gates(application_id, "nav_guarantee")
        contract = {
            "application_id": application_id,
            "contract_type": "ordinary_rental",
            "start_date": slipped.isoformat(),
            "deposit_kind": "nav_guarantee",
        }
        tenancy = ok(await tbo.post("/v1/tenancies", json=contract), 201)
        system.advance_clock((slipped - system.today()).days)
        completion = {
            "cost_hard_use": 20_000,
            "cost_age_wear": 9_000,
            "joint_inspection_passed": True,
            "readiness": readiness(t),
        }
        ok(await lke.post(f"{job_url}/completion", json=completion))
        await until_state(tbo, dwelling_url, "reserved", field="status")
        ok(await tbo.post(f"/v1/tenancies/{tenancy['id']}/move-in", json={}))
        case = await within_a_second(lambda: case_where(lambda c: c["state"] == "moved_in"), "NAV to see the move-in")
        assert case["moved_in_on"] == slipped.isoformat()
        await within_a_second(lambda: cleared("move_in_slipped"), "the slip's task to clear")

        async def stay_ended() -> dict[str, Any] | None:
            current = await agencies.stay(stay_id)
            return current if current["state"] == "ended" else None

        ended = await eventually(stay_ended, timeout=WAIT, what="the stay to end on the move-in")
        assert ended["end_reason"] == "permanent_housing"
        await eventually(lambda: _none_open(nav, adviser), timeout=JOB_SECONDS, what="every task of the case closed")
        history = [e["fact"] for e in ended["case"]["history"]]
        assert history[:4] == [
            "application.submitted",
            "application.completeness_checked",
            "application.completeness_checked",
            "application.listed_for_meeting",
        ]
        assert history[-1] == "tenancy.moved_in" and history.count("application.decided") == 2


async def _none_open(nav: httpx.AsyncClient, adviser: str) -> bool:
    return await open_tasks(nav, adviser) == []
