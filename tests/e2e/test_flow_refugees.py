"""Flow 3, refugees: NAV adopts a quota and announces a household, its housing order reaches the ordering function,
which prioritises it and orders a dwelling from LKE; LKE's acquisition project opens by itself, LKE delivers and
readies the dwelling, Boligkontoret allocates it to the household NAV applied for, the household moves in, and
the settlement counts against the quota. Driven through the public APIs with each agency's own token."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from boligflyt.platform.auth import Agency

from .agencies import close_gates
from .events import name_of, topic_events
from .system import System, eventually
from .test_flow_turnover import (
    WAIT,
    checklist,
    committee_approves,
    flow_event_names,
    flow_events,
    get,
    ok,
    readiness,
    schedule_meeting,
    submit_application,
    tag,
    until_state,
)

# The household needs 2 bedrooms and its dwelling has 2: no other flow's household fits it.
ADULTS, CHILDREN, BEDROOMS = 2, 2, 2
QUOTA = 12


async def test_a_refugee_household_is_settled_and_counts_against_the_quota(system: System) -> None:
    with system.calendar_moved():
        await settlement(system)


async def settlement(system: System) -> None:
    t = tag()
    day = system.today()
    planned = day + timedelta(days=45)
    nav = system.client("temporary-housing", Agency.nav, subject="nav-intro-adviser")
    nav_applies = system.client("applications", Agency.nav, subject="nav-intro-adviser")
    bestiller = system.client("ordering", Agency.bestiller)
    lke = system.client("maintenance", Agency.lke)
    staff = system.client("applications", Agency.boligkontoret)
    async with nav, nav_applies, bestiller, lke, staff:
        # Boligkontoret's committee meets monthly: the meeting that will decide the household is already set, and
        # the household settles in that year (the quota and its progress are per year of settlement).
        meeting = await schedule_meeting(system, staff)
        year = date.fromisoformat(meeting["meeting_date"]).year
        before = await get(nav, f"/v1/quotas/progress/{year}")

        # NAV: the council adopts this year's quota; IMDi announces a household for it.
        quota = ok(await nav.post("/v1/quotas", json={"year": year, "requested_persons": 15}), 201)
        adopted = {"adopted_persons": QUOTA, "unaccompanied_minors": 2, "adopted_on": day.isoformat()}
        quota = ok(await nav.post(f"/v1/quotas/{quota['quota_id']}/adopt", json=adopted))
        assert (quota["state"], quota["adopted_persons"]) == ("adopted", QUOTA)
        household = {
            "quota_id": quota["quota_id"],
            "adults": ADULTS,
            "children": CHILDREN,
            "category": "family",
            "origin": "transfer_refugee",
            "announced_on": day.isoformat(),
            "planned_settlement_date": planned.isoformat(),
            "bedrooms_needed": BEDROOMS,
        }
        settlement = ok(await nav.post("/v1/settlements", json=household), 201)
        settlement_id = settlement["settlement_id"]
        settlement_url = f"/v1/settlements/{settlement_id}"
        assert settlement["state"] == "announced"

        # NAV's housing order reaches the ordering function as a need.
        ordered = ok(await nav.post(f"{settlement_url}/housing-order", json={}))
        assert (ordered["state"], ordered["ordered_on"]) == ("housing_ordered", day.isoformat())
        need_id = ordered["need_id"]
        need = await get(bestiller, f"/v1/needs/{need_id}")
        assert (need["state"], need["target_group"], need["source_ref"]) == ("reported", "refugees", settlement_id)
        assert (need["quantity"], need["bedrooms"], need["reported_by"]) == (1, BEDROOMS, "nav_intro")
        assert need["wanted_by"] == planned.isoformat()

        # The ordering function prioritises it into this year's programme and orders a dwelling from LKE.
        programme = await bestiller.post("/v1/programmes", json={"year": year})
        assert programme.status_code in (201, 409), programme.text  # another flow may have set the year up
        prioritised = ok(
            await bestiller.post(
                f"/v1/needs/{need_id}/prioritise",
                json={"programme_year": year, "budget_line": "refugee_dwellings", "note": f"e2e {t}"},
            )
        )
        assert prioritised["state"] == "prioritised"
        order = ok(
            await bestiller.post(
                "/v1/orders",
                json={
                    "need_ids": [need_id],
                    "dwellings": 1,
                    "estimated_cost": 4_200_000,
                    "due_date": planned.isoformat(),
                },
            ),
            201,
        )
        order_id = order["order_id"]
        assert (order["state"], order["target_group"], order["bedrooms"]) == ("placed", "refugees", BEDROOMS)
        assert (await get(bestiller, f"/v1/needs/{need_id}"))["state"] == "ordered"

        # A crash in the middle of the flow: the process hosting LKE's service dies right after the order is
        # placed (whether or not it had the order yet) and picks up where it left off when it starts again.
        victim = "embedded" if system.kind == "embedded" else "maintenance"
        system.kill(victim)
        await system.restart(victim)

        # LKE's acquisition project opens by itself, and the order is accepted by itself.
        async def project_opened() -> dict[str, Any] | None:
            items: list[dict[str, Any]] = (await get(lke, "/v1/acquisitions", order_id=order_id))["items"]
            return items[0] if items else None

        project = await eventually(project_opened, timeout=WAIT, what="LKE's acquisition project for the order")
        assert (project["dwellings_planned"], project["bedrooms"], project["target_group"]) == (1, BEDROOMS, "refugees")
        assert project["stage"] == "identified"
        await until_state(bestiller, f"/v1/orders/{order_id}", "accepted")

        # LKE buys and delivers the dwelling, then makes it ready (inspection passed, photographs, meter).
        delivered = await lke.post(
            f"/v1/acquisitions/{project['id']}/deliveries",
            json={
                "cost": 3_950_000,
                "dwellings": [
                    {
                        "external_ref": f"E2E-R-{t}",
                        "address": "Torstrandgata 8",
                        "zone": f"R{t}",
                        "category": "ordinary",
                        "owner": "lke",
                        "rooms": 9,
                        "bedrooms": BEDROOMS,
                        "monthly_rent": 14_600,
                    }
                ],
            },
        )
        [dwelling] = ok(delivered)
        dwelling_id = dwelling["id"]
        dwelling_url = f"/v1/dwellings/{dwelling_id}"
        assert (dwelling["status"], dwelling["new_dwelling"], dwelling["order_ref"]) == ("vacant", True, order_id)
        closed = await until_state(bestiller, f"/v1/orders/{order_id}", "closed")
        assert (closed["dwellings_delivered"], closed["delivered_dwelling_ids"]) == (1, [dwelling_id])
        assert closed["spent"] == 3_950_000  # what the delivery cost, spent from the refugee dwellings frame
        assert (await get(bestiller, f"/v1/needs/{need_id}"))["state"] == "delivered"

        inspection = ok(
            await lke.post(f"{dwelling_url}/inspections", json={"planned_on": day.isoformat(), "trigger": "move_in"}),
            201,
        )
        passed = ok(
            await lke.post(
                f"/v1/inspections/{inspection['id']}/result", json={"results": checklist(), "readiness": readiness(t)}
            )
        )
        assert passed["meets_minimum_standard"] is True
        assert (await get(lke, dwelling_url))["status"] == "ready"

        # NAV's programme adviser applies to Boligkontoret for the household; NAV links it to the settlement.
        application = await submit_application(
            system,
            nav_applies,
            "Amina Nyankommet",
            bedrooms=BEDROOMS,
            adults=ADULTS,
            children=CHILDREN,
            priority_factors=["no_fixed_address"],
            referrer="nav_intro",
            referrer_case_ref=settlement_id,
        )
        application_id = application["id"]
        linked = await until_state(nav, settlement_url, application_id, field="application_id")
        assert linked["state"] == "housing_ordered"
        await committee_approves(system, staff, [application_id], meeting)
        day = system.today()  # the meeting day

        # Boligkontoret offers the ready dwelling; the household is the top (and only) match; it accepts.
        async def offerable() -> dict[str, Any] | None:
            body: dict[str, Any] = await get(staff, dwelling_url)
            return body if body["offerable"] else None

        await eventually(offerable, timeout=WAIT, what="the new dwelling offerable at Boligkontoret")
        offer = ok(await staff.post(f"{dwelling_url}/offers", json={}), 201)
        assert (offer["application_id"], offer["rank"]) == (application_id, 1)
        ok(await staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"}))
        allocated = await until_state(nav, settlement_url, "dwelling_allocated")
        assert allocated["dwelling_id"] == dwelling_id
        await until_state(lke, dwelling_url, "reserved", field="status")

        # Signed at the dwelling (NAV's deposit guarantee) and moved in: the household is settled.
        contract = {
            "application_id": application_id,
            "contract_type": "ordinary_rental",
            "start_date": day.isoformat(),
            "deposit_kind": "nav_guarantee",
        }
        await close_gates(system, staff, application_id, "nav_guarantee")
        tenancy = ok(await staff.post("/v1/tenancies", json=contract), 201)
        assert ok(await staff.post(f"/v1/tenancies/{tenancy['id']}/move-in", json={}))["state"] == "active"
        settled = await until_state(nav, settlement_url, "establishment")
        assert (settled["settled_on"], settled["tenancy_id"], settled["dwelling_id"]) == (
            day.isoformat(),
            tenancy["id"],
            dwelling_id,
        )
        assert settled["establishment_ends_on"] > day.isoformat()
        await until_state(lke, dwelling_url, "let", field="status")

        # The state everywhere else, and the quota's progress.
        assert (await get(nav_applies, f"/v1/referrals/{application_id}"))["state"] == "moved_in"
        # For NAV Intro applications the letters go to the programme adviser, not the household.
        assert (await get(staff, f"/v1/applications/{application_id}"))["reply_to"] == "referrer"
        assert (await get(staff, dwelling_url))["status"] == "let"
        project_now = await get(lke, f"/v1/acquisitions/{project['id']}")
        assert (project_now["stage"], project_now["dwellings_delivered"]) == ("taken_over", 1)
        after = await get(nav, f"/v1/quotas/progress/{year}")
        assert after["adopted_persons"] == before["adopted_persons"] + QUOTA
        assert after["settled_persons"] == before["settled_persons"] + ADULTS + CHILDREN
        month = f"{year}-{day.month:02d}"
        [this_month] = [m for m in after["months"] if m["month"] == month]
        [month_before] = [m for m in before["months"] if m["month"] == month]
        assert this_month["settled_persons"] == month_before["settled_persons"] + ADULTS + CHILDREN

    # The events, in order, on every topic the flow crossed.
    assert await flow_event_names(system, "boligflyt.temporary-housing", [quota["quota_id"], settlement_id]) == [
        "settlement.quota_adopted",
        "settlement.announced",
        "settlement.housing_ordered",
        "settlement.completed",
    ]
    assert await flow_event_names(system, "boligflyt.ordering", [need_id, order_id]) == [
        "need.reported",
        "need.prioritised",
        "order.placed",
        "order.fulfilled",
    ]
    assert await flow_event_names(system, "boligflyt.maintenance", [project["id"], dwelling_id]) == [
        "acquisition.stage_changed",
        "acquisition.stage_changed",
        "dwelling.registered",
        "acquisition.delivered",
        "inspection.booked",
        "inspection.completed",
        "dwelling.ready_for_letting",
        "dwelling.reserved",
        "dwelling.let",
    ]
    assert await flow_event_names(system, "boligflyt.applications", [application_id, dwelling_id]) == [
        "application.submitted",
        "application.decided",
        "offer.made",
        "offer.answered",
        "allocation.decided",
        "tenancy.signed",
        "tenancy.moved_in",
    ]
    completed = [
        e.data.model_dump()
        for e in flow_events(await topic_events(system, "boligflyt.temporary-housing"), [settlement_id])
        if name_of(e) == "settlement.completed"
    ]
    assert len(completed) == 1
    assert (completed[0]["quota_id"], completed[0]["adults"] + completed[0]["children"]) == (
        quota["quota_id"],
        ADULTS + CHILDREN,
    )
    assert (completed[0]["dwelling_id"], completed[0]["tenancy_id"]) == (dwelling_id, tenancy["id"])
