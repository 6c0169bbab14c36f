"""Flow 6, allocation at notice: a tenant gives notice; the dwelling goes on the next committee meeting as coming
vacant; the committee allocates it to a household in NAV's temporary housing; LKE's renovation slips by a week (the
household gets a letter, NAV's stay shows the new date); the dwelling is ready, the household moves in that day and
NAV's stay ends by itself. Driven through the public APIs with each agency's token."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from boligflyt.client.applications.api import applications, committee, offers, tenancies
from boligflyt.client.applications.models import (
    CommitteeAllocationIn,
    DocumentsIn,
    EndIn,
    MeetingIn,
    MoveInIn,
    NoticeIn,
    OfferAnswerIn,
    OfferAnswerInAnswer,
    OfferIn,
    TenancyIn,
)
from boligflyt.client.maintenance.api import dwellings, inspections, renovation
from boligflyt.client.maintenance.models import (
    DwellingCreate,
    InspectionResult,
    RenovationChange,
    RenovationCompletion,
    RenovationStart,
)
from boligflyt.client.temporary_housing.api import stays
from boligflyt.client.temporary_housing.models import ApplicationLinkIn
from boligflyt.platform.auth import Agency

from .agencies import DOCUMENTS, Agencies, new_person, refused
from .system import System, eventually
from .test_flow_turnover import WAIT, checklist, get, ok, readiness, submit_application, tag, until_state

# Households of this flow need 7 bedrooms and its dwelling has 7: no other flow's household fits it.
BEDROOMS = 7
SLIP_DAYS = 7


async def test_the_committee_allocates_at_notice_and_the_move_in_follows_the_renovation(system: System) -> None:
    t = tag()
    async with Agencies(system) as agencies:
        tbo, lke = agencies.tbo, agencies.lke
        nav_api, tbo_api, lke_api = agencies.nav_api, agencies.tbo_api, agencies.lke_api
        accept = OfferAnswerIn(answer=OfferAnswerInAnswer.ACCEPTED)

        # LKE's dwelling, let to a tenant Boligkontoret housed.
        registered = await dwellings.register_dwelling.asyncio_detailed(
            client=lke_api,
            body=DwellingCreate.from_dict(
                {
                    "external_ref": f"E2E-N-{t}",
                    "address": "Nansetgata 7",
                    "category": "ordinary",
                    "owner": "lke",
                    "rooms": BEDROOMS + 1,
                    "bedrooms": BEDROOMS,
                    "monthly_rent": 9_490,
                    "status": "ready",
                }
            ),
        )
        dwelling_id = ok(registered, 201)["id"]
        dwelling_url = f"/v1/dwellings/{dwelling_id}"
        await until_state(tbo, dwelling_url, "ready", field="status")
        tenant = await submit_application(
            system,
            tbo,
            "Tor Leietaker",
            bedrooms=BEDROOMS,
            adults=1,
            children=0,
            priority_factors=["head_lease_ending"],
        )
        await agencies.approve([tenant["id"]])
        offer = ok(await offers.make_offer.asyncio_detailed(dwelling_id, client=tbo_api, body=OfferIn()), 201)
        ok(await offers.answer_offer.asyncio_detailed(offer["id"], client=tbo_api, body=accept))
        await until_state(lke, dwelling_url, "reserved", field="status")
        contract = {
            "application_id": tenant["id"],
            "contract_type": "ordinary_rental",
            "start_date": system.today().isoformat(),
            "deposit_kind": "cash",
        }
        await agencies.close_gates(tenant["id"], "cash")
        tenancy = ok(
            await tenancies.sign_tenancy.asyncio_detailed(client=tbo_api, body=TenancyIn.from_dict(contract)), 201
        )
        ok(await tenancies.move_in.asyncio_detailed(tenancy["id"], client=tbo_api, body=MoveInIn()))
        await until_state(lke, dwelling_url, "let", field="status")

        # NAV places a homeless person and applies for them; the committee approves.
        stay = await agencies.start_stay(await agencies.provider_with_agreement(), new_person())
        stay_id = stay["stay_id"]
        link = ApplicationLinkIn(bedrooms_needed=BEDROOMS)
        linked = ok(await stays.link_application.asyncio_detailed(stay_id, client=nav_api, body=link))
        application_id = linked["application_id"]
        application = await agencies.application(application_id)
        assert application["priority_factors"] == ["no_fixed_address", "cannot_find_alternative"]
        documents = DocumentsIn(documents=DOCUMENTS)
        ok(await applications.receive_documents.asyncio_detailed(application_id, client=tbo_api, body=documents))
        await agencies.approve([application_id])

        # The tenant gives notice: the dwelling is coming vacant at once, expected ready on the move-out day.
        move_out = system.today() + timedelta(days=30)
        notice = {"given_by": "tenant", "move_out_date": move_out.isoformat()}
        noticed = await tenancies.give_notice.asyncio_detailed(
            tenancy["id"], client=tbo_api, body=NoticeIn.from_dict(notice)
        )
        assert ok(noticed)["state"] == "notice_given"
        coming = await get(tbo, dwelling_url)
        assert (coming["status"], coming["expected_ready_on"]) == ("notice_given", move_out.isoformat())

        # The first meeting after the notice: the recommendation proposes NAV's client, and the committee allocates.
        meeting = None
        for days_ahead in range(7, 30):
            meeting_in = MeetingIn(meeting_date=system.today() + timedelta(days=days_ahead))
            response = await committee.create_meeting.asyncio_detailed(client=tbo_api, body=meeting_in)
            if response.status_code == 201:
                meeting = ok(response, 201)
                break
        assert meeting is not None
        system.advance_clock((date.fromisoformat(meeting["meeting_date"]) - system.today()).days)
        advice = await get(tbo, f"/v1/meetings/{meeting['id']}/recommendation")
        [entry] = [d for d in advice["dwellings"] if d["dwelling"]["id"] == dwelling_id]
        assert entry["proposed_application_id"] == application_id
        allocate = CommitteeAllocationIn(dwelling_id=dwelling_id, application_id=application_id)
        allocation = ok(await committee.allocate.asyncio_detailed(meeting["id"], client=tbo_api, body=allocate), 201)
        assert allocation["expected_move_in_on"] == move_out.isoformat()
        accepted = await offers.answer_offer.asyncio_detailed(allocation["offer_id"], client=tbo_api, body=accept)
        assert ok(accepted)["state"] == "accepted"

        async def nav_sees_the_allocation() -> dict[str, Any] | None:
            current = await agencies.stay(stay_id)
            return current if current["state"] == "allocated" else None

        allocated = await eventually(nav_sees_the_allocation, timeout=WAIT, what="NAV to see the allocation")
        assert (allocated["dwelling_id"], allocated["planned_move_in_on"]) == (dwelling_id, move_out.isoformat())

        # The tenant leaves; LKE's inspection fails and the renovation starts, due in a month.
        system.advance_clock((move_out - system.today()).days)
        end = EndIn.from_dict({"reason": "notice_by_tenant"})
        ok(await tenancies.end_tenancy.asyncio_detailed(tenancy["id"], client=tbo_api, body=end))
        await until_state(lke, dwelling_url, "vacant", field="status")
        page = await get(lke, "/v1/inspections", dwelling_id=dwelling_id)
        inspection = next(i for i in page["items"] if i["status"] == "booked")
        failed = {"surfaces": "Walls damaged in three rooms"}
        found = InspectionResult.from_dict({"inspector": "LKE", "results": checklist(failed)})
        result = ok(
            await inspections.complete_inspection.asyncio_detailed(inspection["id"], client=lke_api, body=found)
        )
        job_id = result["renovation_job_id"]
        job_url = f"/v1/renovation-jobs/{job_id}"
        ok(await renovation.start_job.asyncio_detailed(job_id, client=lke_api, body=RenovationStart()))
        due = date.fromisoformat((await get(lke, job_url))["due_date"])

        async def move_in_on(day: date) -> dict[str, Any] | None:
            at_boligkontoret = await get(tbo, dwelling_url)
            at_nav = await agencies.stay(stay_id)
            wanted = day.isoformat()
            if at_boligkontoret["planned_move_in_on"] == wanted and at_nav["planned_move_in_on"] == wanted:
                return at_nav
            return None

        await eventually(lambda: move_in_on(due), timeout=WAIT, what="the move-in to follow the renovation's due date")

        # The renovation slips by a week: the household is told by letter and NAV sees the new date.
        slipped = due + timedelta(days=SLIP_DAYS)
        change = {"due_date": slipped.isoformat(), "reason": "Fukt bak baderomsveggen"}
        ok(
            await renovation.change_job.asyncio_detailed(
                job_id, client=lke_api, body=RenovationChange.from_dict(change)
            )
        )
        await eventually(lambda: move_in_on(slipped), timeout=WAIT, what="the new move-in at Boligkontoret and NAV")
        letter = ok(await tbo.get(f"/v1/applications/{application_id}/letters"))[-1]
        assert letter["kind"] == "move_in_rescheduled" and slipped.strftime("%d.%m.%Y") in letter["body"]

        # The contract is signed for that day; nobody moves in before the dwelling is ready.
        contract = {
            "application_id": application_id,
            "contract_type": "ordinary_rental",
            "start_date": slipped.isoformat(),
            "deposit_kind": "nav_guarantee",
        }
        await agencies.close_gates(application_id, "nav_guarantee")
        new_tenancy = ok(
            await tenancies.sign_tenancy.asyncio_detailed(client=tbo_api, body=TenancyIn.from_dict(contract)), 201
        )
        system.advance_clock((slipped - system.today()).days)
        too_soon = await tenancies.move_in.asyncio_detailed(new_tenancy["id"], client=tbo_api, body=MoveInIn())
        assert "not ready" in refused(too_soon, 409)["detail"]
        completion = {
            "cost_hard_use": 30_000,
            "cost_age_wear": 12_000,
            "joint_inspection_passed": True,
            "readiness": readiness(t),
        }
        completed = RenovationCompletion.from_dict(completion)
        ok(await renovation.complete_job.asyncio_detailed(job_id, client=lke_api, body=completed))
        await until_state(tbo, dwelling_url, "reserved", field="status")
        moved = ok(await tenancies.move_in.asyncio_detailed(new_tenancy["id"], client=tbo_api, body=MoveInIn()))
        assert moved["move_in_date"] == slipped.isoformat()

        async def stay_ended() -> dict[str, Any] | None:
            current = await agencies.stay(stay_id)
            return current if current["state"] == "ended" else None

        ended = await eventually(stay_ended, timeout=WAIT, what="NAV's stay to end on the move-in")
        assert (ended["end_reason"], ended["end_date"]) == ("permanent_housing", slipped.isoformat())
        async with system.client("applications", Agency.coordinator) as reader:
            decisions = ok(await reader.get(f"/v1/meetings/{meeting['id']}/allocations"))
        assert [d["application_id"] for d in decisions if d["dwelling_id"] == dwelling_id] == [application_id]
