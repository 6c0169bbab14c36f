"""Flow 3, refugees: NAV adopts a quota and announces a household, its housing order reaches the ordering function,
which prioritises it and orders a dwelling from LKE; LKE's acquisition project opens by itself, LKE delivers and
readies the dwelling, Boligkontoret allocates it to the household NAV applied for, the household moves in, and
the settlement counts against the quota. Driven through the public APIs with each agency's own token."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from boligflyt.client import applications as applications_client
from boligflyt.client import maintenance as maintenance_client
from boligflyt.client import ordering as ordering_client
from boligflyt.client import temporary_housing as temporary_housing_client
from boligflyt.client.applications.api import offers, tenancies
from boligflyt.client.applications.models import MoveInIn, OfferAnswerIn, OfferAnswerInAnswer, OfferIn, TenancyIn
from boligflyt.client.maintenance.api import acquisitions, inspections
from boligflyt.client.maintenance.models import Delivery, InspectionBook, InspectionResult
from boligflyt.client.ordering.api import needs, orders, programme
from boligflyt.client.ordering.models import OrderIn, PrioritiseIn, ProgrammeIn
from boligflyt.client.temporary_housing.api import settlement as settlements
from boligflyt.client.temporary_housing.models import HousingOrderIn, QuotaAdoptIn, QuotaIn, SettlementIn
from boligflyt.platform.auth import Agency

from .agencies import close_gates, typed
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
    nav_api = typed(temporary_housing_client.AuthenticatedClient, nav)
    bestiller_api = typed(ordering_client.AuthenticatedClient, bestiller)
    lke_api = typed(maintenance_client.AuthenticatedClient, lke)
    staff_api = typed(applications_client.AuthenticatedClient, staff)
    async with nav, nav_applies, bestiller, lke, staff:
        # Boligkontoret's committee meets monthly: the meeting that will decide the household is already set, and
        # the household settles in that year (the quota and its progress are per year of settlement).
        meeting = await schedule_meeting(system, staff)
        year = date.fromisoformat(meeting["meeting_date"]).year
        before = await get(nav, f"/v1/quotas/progress/{year}")

        # NAV: the council adopts this year's quota; IMDi announces a household for it.
        requested = QuotaIn(year=year, requested_persons=15)
        quota = ok(await settlements.request_quota.asyncio_detailed(client=nav_api, body=requested), 201)
        adopted = QuotaAdoptIn(adopted_persons=QUOTA, unaccompanied_minors=2, adopted_on=day)
        quota = ok(await settlements.adopt_quota.asyncio_detailed(quota["quota_id"], client=nav_api, body=adopted))
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
        announced = await settlements.announce_settlement.asyncio_detailed(
            client=nav_api, body=SettlementIn.from_dict(household)
        )
        settlement = ok(announced, 201)
        settlement_id = settlement["settlement_id"]
        settlement_url = f"/v1/settlements/{settlement_id}"
        assert settlement["state"] == "announced"

        # NAV's housing order reaches the ordering function as a need.
        ordered = ok(
            await settlements.order_housing.asyncio_detailed(settlement_id, client=nav_api, body=HousingOrderIn())
        )
        assert (ordered["state"], ordered["ordered_on"]) == ("housing_ordered", day.isoformat())
        need_id = ordered["need_id"]
        need = await get(bestiller, f"/v1/needs/{need_id}")
        assert (need["state"], need["target_group"], need["source_ref"]) == ("reported", "refugees", settlement_id)
        assert (need["quantity"], need["bedrooms"], need["reported_by"]) == (1, BEDROOMS, "nav_intro")
        assert need["wanted_by"] == planned.isoformat()

        # The ordering function prioritises it into this year's programme and orders a dwelling from LKE.
        created = await programme.create_programme.asyncio_detailed(client=bestiller_api, body=ProgrammeIn(year=year))
        assert created.status_code in (201, 409), created.content  # another flow may have set the year up
        priority = PrioritiseIn.from_dict(
            {"programme_year": year, "budget_line": "refugee_dwellings", "note": f"e2e {t}"}
        )
        prioritised = ok(await needs.prioritise_need.asyncio_detailed(need_id, client=bestiller_api, body=priority))
        assert prioritised["state"] == "prioritised"
        placing = OrderIn(need_ids=[need_id], dwellings=1, estimated_cost=4_200_000, due_date=planned)
        order = ok(await orders.place_order.asyncio_detailed(client=bestiller_api, body=placing), 201)
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
        delivered = await acquisitions.deliver.asyncio_detailed(
            project["id"],
            client=lke_api,
            body=Delivery.from_dict(
                {
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
                }
            ),
        )
        [dwelling] = ok(delivered)
        dwelling_id = dwelling["id"]
        dwelling_url = f"/v1/dwellings/{dwelling_id}"
        assert (dwelling["status"], dwelling["new_dwelling"], dwelling["order_ref"]) == ("vacant", True, order_id)
        closed = await until_state(bestiller, f"/v1/orders/{order_id}", "closed")
        assert (closed["dwellings_delivered"], closed["delivered_dwelling_ids"]) == (1, [dwelling_id])
        assert closed["spent"] == 3_950_000  # what the delivery cost, spent from the refugee dwellings frame
        assert (await get(bestiller, f"/v1/needs/{need_id}"))["state"] == "delivered"

        booking = InspectionBook.from_dict({"planned_on": day.isoformat(), "trigger": "move_in"})
        inspection = ok(
            await inspections.book_inspection.asyncio_detailed(dwelling_id, client=lke_api, body=booking), 201
        )
        found = InspectionResult.from_dict({"results": checklist(), "readiness": readiness(t)})
        passed = ok(
            await inspections.complete_inspection.asyncio_detailed(inspection["id"], client=lke_api, body=found)
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
        offer = ok(await offers.make_offer.asyncio_detailed(dwelling_id, client=staff_api, body=OfferIn()), 201)
        assert (offer["application_id"], offer["rank"]) == (application_id, 1)
        accept = OfferAnswerIn(answer=OfferAnswerInAnswer.ACCEPTED)
        ok(await offers.answer_offer.asyncio_detailed(offer["id"], client=staff_api, body=accept))
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
        tenancy = ok(
            await tenancies.sign_tenancy.asyncio_detailed(client=staff_api, body=TenancyIn.from_dict(contract)), 201
        )
        moved = await tenancies.move_in.asyncio_detailed(tenancy["id"], client=staff_api, body=MoveInIn())
        assert ok(moved)["state"] == "active"
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
        "application.completeness_checked",
        "application.listed_for_meeting",
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
