"""Flow 4, a declined offer: two approved households wait for one dwelling; the first declines and leaves the
waiting list (one offer only), and the offer passes to the next by itself."""

from __future__ import annotations

from boligflyt.client.applications.api import offers
from boligflyt.client.applications.models import OfferAnswerIn, OfferAnswerInAnswer, OfferIn
from boligflyt.contracts.codes import LeftListReason

from .agencies import Agencies, ok, refused
from .events import name_of, topic_events
from .system import System, eventually

# Households of this flow need 8 bedrooms and its dwelling has 8: no other flow's household fits it.
BEDROOMS = 8


async def test_a_declined_offer_passes_to_the_next_on_the_list(system: System) -> None:
    async with Agencies(system) as agencies:
        tbo, lke, tbo_api = agencies.tbo, agencies.lke, agencies.tbo_api
        accept = OfferAnswerIn(answer=OfferAnswerInAnswer.ACCEPTED)
        first = await agencies.apply(BEDROOMS, ["head_lease_ending"])  # first in the queue (criteria §10)
        second = await agencies.apply(BEDROOMS, ["no_fixed_address"])
        await agencies.approve([first["id"], second["id"]])
        dwelling = await agencies.ready_dwelling(BEDROOMS, monthly_rent=9400)
        dwelling_id = dwelling["id"]

        async def ranked() -> list[str] | None:
            response = await tbo.get(f"/v1/dwellings/{dwelling_id}/matches")
            ids = [row["application_id"] for row in response.json()] if response.status_code == 200 else []
            return ids or None

        assert await eventually(ranked, what="Boligkontoret to match the ready dwelling") == [first["id"], second["id"]]

        offer1 = ok(await offers.make_offer.asyncio_detailed(dwelling_id, client=tbo_api, body=OfferIn()), 201)
        assert (offer1["application_id"], offer1["rank"], offer1["state"]) == (first["id"], 1, "pending")

        # The first declines: off the waiting list, and the dwelling is offered to the second at once.
        decline = OfferAnswerIn(answer=OfferAnswerInAnswer.DECLINED)
        declined = ok(await offers.answer_offer.asyncio_detailed(offer1["id"], client=tbo_api, body=decline))
        assert declined["state"] == "declined"
        assert (await agencies.application(first["id"]))["state"] == "declined_offer"
        waiting = ok(await tbo.get("/v1/waiting-list", params={"limit": 500}))
        assert first["id"] not in [row["application_id"] for row in waiting["items"]]
        offers2 = ok(await tbo.get("/v1/offers", params={"application_id": second["id"]}))["items"]
        assert len(offers2) == 1
        offer2 = offers2[0]
        assert (offer2["dwelling_id"], offer2["rank"], offer2["state"]) == (dwelling_id, 2, "pending")
        again = await offers.answer_offer.asyncio_detailed(offer1["id"], client=tbo_api, body=accept)
        assert refused(again, 409)["current_state"] == "declined"

        # The second accepts: the dwelling is allocated to them and LKE holds it for them.
        accepted = ok(await offers.answer_offer.asyncio_detailed(offer2["id"], client=tbo_api, body=accept))
        assert accepted["state"] == "accepted"
        assert (await agencies.application(second["id"]))["state"] == "allocated"
        assert ok(await tbo.get(f"/v1/dwellings/{dwelling_id}"))["allocated_to"] == second["id"]

        async def reserved_at_lke() -> bool:
            current = ok(await lke.get(f"/v1/dwellings/{dwelling_id}"))
            return bool(current["status"] == "reserved" and current["allocated_application_id"] == second["id"])

        await eventually(reserved_at_lke, what="LKE to hold the dwelling for the second household")

        # The events, in order: the decline, the household leaving the list, the next offer, the allocation.
        ours = {first["id"], second["id"], offer1["id"], offer2["id"]}
        events = [e for e in await topic_events(system, "boligflyt.applications") if e.key in ours]
        assert [name_of(e) for e in events] == [
            "application.submitted",
            "application.submitted",
            "application.completeness_checked",
            "application.completeness_checked",
            "application.listed_for_meeting",
            "application.listed_for_meeting",
            "application.decided",
            "application.decided",
            "offer.made",
            "offer.answered",
            "application.left_list",
            "offer.made",
            "offer.answered",
            "allocation.decided",
        ]
        data = [e.data.model_dump() for e in events][4:]  # from the decisions on, as before the checks were told
        assert (data[4]["application_id"], data[5]["answer"]) == (first["id"], "declined")
        assert (data[6]["application_id"], data[6]["reason"]) == (first["id"], LeftListReason.DECLINED_OFFER)
        assert (data[7]["application_id"], data[7]["rank"], data[8]["answer"]) == (second["id"], 2, "accepted")
        assert (data[9]["application_id"], data[9]["dwelling_id"]) == (second["id"], dwelling_id)

        async def maintenance_events() -> list[str] | None:
            names = [name_of(e) for e in await topic_events(system, "boligflyt.maintenance") if e.key == dwelling_id]
            return names if "dwelling.reserved" in names else None

        assert await eventually(maintenance_events, what="dwelling.reserved on the topic") == [
            "dwelling.registered",
            "inspection.booked",
            "inspection.completed",
            "dwelling.ready_for_letting",
            "dwelling.reserved",
        ]
