"""Flow 1, acute homelessness: NAV places a person tonight and applies for them -> the committee approves -> LKE
makes a dwelling ready -> offered, accepted, contract signed, moved in -> the stay ends by itself.

A consuming process is killed after the move-in and started again: the stay still ends, exactly once.
"""

from __future__ import annotations

from typing import Any

from boligflyt.client.applications.api import applications, offers, tenancies
from boligflyt.client.applications.models import DocumentsIn, MoveInIn, OfferAnswerIn, OfferIn, TenancyIn
from boligflyt.client.temporary_housing.api import stays
from boligflyt.client.temporary_housing.models import ApplicationLinkIn
from boligflyt.platform.auth import Agency

from .agencies import DOCUMENTS, Agencies, new_person, ok
from .events import name_of, topic_events
from .system import System, eventually

# Households of this flow need 10 bedrooms and its dwelling has 10: no other flow's household fits it.
BEDROOMS = 10


async def test_a_homeless_person_is_housed_and_the_stay_ends_by_itself(system: System) -> None:
    async with Agencies(system) as agencies:
        tbo, lke = agencies.tbo, agencies.lke
        nav_api, tbo_api = agencies.nav_api, agencies.tbo_api

        # NAV: a provider under a valid quality agreement, and a stay tonight.
        provider_id = await agencies.provider_with_agreement()
        person = new_person()
        stay = await agencies.start_stay(provider_id, person)
        stay_id, person_ref = stay["stay_id"], stay["person_ref"]
        assert stay["state"] == "started" and stay["agreement_id"] is not None

        # NAV submits the housing application through its own API; NAV calls Boligkontoret service to service.
        link = ApplicationLinkIn(bedrooms_needed=BEDROOMS)
        linked = ok(await stays.link_application.asyncio_detailed(stay_id, client=nav_api, body=link))
        application_id = linked["application_id"]
        assert application_id and linked["application_submitted_on"] == system.today().isoformat()
        application = await agencies.application(application_id)
        assert (application["referrer"], application["referrer_case_ref"]) == ("nav", stay_id)
        assert application["person_ref"] == person_ref and application["bedrooms_needed"] == BEDROOMS
        async with system.client("applications", Agency.nav) as nav_at_applications:
            referral = ok(await nav_at_applications.get(f"/v1/referrals/{application_id}"))
        assert referral["state"] == application["state"]

        # Boligkontoret: the documents arrive, and the committee (TBO) approves at its meeting.
        documents = DocumentsIn(documents=DOCUMENTS)
        complete = ok(
            await applications.receive_documents.asyncio_detailed(application_id, client=tbo_api, body=documents)
        )
        assert complete["missing_documents"] == []
        await agencies.approve([application_id])
        assert (await agencies.application(application_id))["state"] == "approved"

        async def nav_knows_the_decision() -> dict[str, Any] | None:
            current = await agencies.stay(stay_id)
            return current if current["application_decision"] == "approved" else None

        await eventually(nav_knows_the_decision, what="NAV to learn the committee approved")

        # LKE: a dwelling registered vacant, inspected and made ready; Boligkontoret may offer it.
        dwelling = await agencies.ready_dwelling(BEDROOMS)
        dwelling_id = dwelling["id"]

        async def offerable() -> bool:
            response = await tbo.get(f"/v1/dwellings/{dwelling_id}")
            return response.status_code == 200 and response.json()["offerable"] is True

        await eventually(offerable, what="Boligkontoret to see the ready dwelling as offerable")

        # Offered to the applicant, accepted, the contract signed, and the move-in.
        offer = ok(await offers.make_offer.asyncio_detailed(dwelling_id, client=tbo_api, body=OfferIn()), 201)
        assert (offer["application_id"], offer["rank"], offer["state"]) == (application_id, 1, "pending")
        today = system.today().isoformat()
        answer = OfferAnswerIn.from_dict({"answer": "accepted", "planned_move_in_on": today})
        accepted = ok(await offers.answer_offer.asyncio_detailed(offer["id"], client=tbo_api, body=answer))
        assert accepted["state"] == "accepted"

        async def allocated_everywhere() -> bool:
            at_nav = await agencies.stay(stay_id)
            at_lke = ok(await lke.get(f"/v1/dwellings/{dwelling_id}"))
            return (at_nav["state"], at_nav["dwelling_id"]) == ("allocated", dwelling_id) and (
                at_lke["status"],
                at_lke["allocated_application_id"],
            ) == ("reserved", application_id)

        await eventually(allocated_everywhere, what="NAV and LKE to see the allocation")
        await agencies.close_gates(application_id, "nav_guarantee")  # NAV guarantees the deposit
        contract = {
            "application_id": application_id,
            "contract_type": "ordinary_rental",
            "start_date": today,
            "deposit_kind": "nav_guarantee",
        }
        tenancy = ok(
            await tenancies.sign_tenancy.asyncio_detailed(client=tbo_api, body=TenancyIn.from_dict(contract)), 201
        )
        tenancy_id = tenancy["id"]
        assert (tenancy["dwelling_id"], tenancy["state"]) == (dwelling_id, "signed")
        moved = ok(await tenancies.move_in.asyncio_detailed(tenancy_id, client=tbo_api, body=MoveInIn()))
        assert (moved["state"], moved["move_in_date"]) == ("active", today)

        # A crash in the middle: the process that must end the stay goes down and comes back.
        victim = "embedded" if system.kind == "embedded" else "temporary-housing"
        system.kill(victim)
        await system.restart(victim)

        async def stay_ended() -> dict[str, Any] | None:
            current = await agencies.stay(stay_id)
            return current if current["state"] == "ended" else None

        ended = await eventually(stay_ended, timeout=60, what="the stay to end by itself")
        assert (ended["end_reason"], ended["end_date"], ended["tenancy_id"]) == ("permanent_housing", today, tenancy_id)
        assert ended["application_id"] == application_id and ended["dwelling_id"] == dwelling_id

        async def let() -> dict[str, Any] | None:
            current: dict[str, Any] = ok(await lke.get(f"/v1/dwellings/{dwelling_id}"))
            return current if current["status"] == "let" else None

        assert (await eventually(let, what="LKE to show the dwelling let"))["allocated_application_id"] in (
            None,
            application_id,
        )
        assert (await agencies.application(application_id))["state"] == "moved_in"
        assert ok(await tbo.get(f"/v1/dwellings/{dwelling_id}"))["offerable"] is False
        coordinator_view = ok(await agencies.nav_reader.get(f"/v1/stays/{stay_id}"))
        assert coordinator_view["state"] == "ended" and coordinator_view["person"] is None  # no personal data

        # The events on every topic, in order; the stay ended exactly once in spite of the crash.
        async def stay_events() -> list[str] | None:
            names = [name_of(e) for e in await topic_events(system, "boligflyt.temporary-housing") if e.key == stay_id]
            return names if "stay.ended" in names else None

        assert await eventually(stay_events, what="stay.ended on the topic") == [
            "stay.started",
            "stay.application_linked",
            "stay.ended",
        ]

        ours = {application_id, offer["id"], tenancy_id}
        applications_events = [
            name_of(e) for e in await topic_events(system, "boligflyt.applications") if e.key in ours
        ]
        assert applications_events == [
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

        async def maintenance_events() -> list[str] | None:
            events = await topic_events(system, "boligflyt.maintenance")
            names = [name_of(e) for e in events if e.key == dwelling_id]
            return names if "dwelling.let" in names else None

        assert await eventually(maintenance_events, what="dwelling.let on the topic") == [
            "dwelling.registered",
            "inspection.booked",
            "inspection.completed",
            "dwelling.ready_for_letting",
            "dwelling.reserved",
            "dwelling.let",
        ]

        # Still once, now that every consumer has long had the chance to handle the move-in again.
        stay_ends = [
            e.data.model_dump()
            for e in await topic_events(system, "boligflyt.temporary-housing")
            if e.key == stay_id and name_of(e) == "stay.ended"
        ]
        assert len(stay_ends) == 1
        assert (stay_ends[0]["reason"], stay_ends[0]["tenancy_id"]) == ("permanent_housing", tenancy_id)
