"""Flow 5, renewal: a time-limited contract close to its end produces the reminder by itself (husleieloven § 9-2:
it turns indefinite unless notice is sent), and the renewal is recorded."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from boligflyt.client.applications.api import applications, offers, tenancies
from boligflyt.client.applications.models import (
    ApplicationIn,
    MoveInIn,
    OfferAnswerIn,
    OfferAnswerInAnswer,
    OfferIn,
    RenewalIn,
    TenancyIn,
)

from .agencies import DOCUMENTS, Agencies, ok
from .events import name_of, topic_events
from .system import System, eventually

# Households of this flow need 6 bedrooms and its dwelling has 6: no other flow's household fits it.
BEDROOMS = 6
# Inside the reminder window (3 months before the end, BOLIGFLYT_APPLICATIONS_RENEWAL_REMINDER_MONTHS).
DAYS_LEFT = 60


async def test_a_contract_near_its_end_is_reminded_of_and_renewed(system: System) -> None:
    async with Agencies(system) as agencies:
        tbo, tbo_api = agencies.tbo, agencies.tbo_api
        application = await agencies.apply(BEDROOMS, ["unsuitable_dwelling"])
        await agencies.approve([application["id"]])
        dwelling = await agencies.ready_dwelling(BEDROOMS, monthly_rent=10_200)
        dwelling_id = dwelling["id"]

        async def offerable() -> bool:
            response = await tbo.get(f"/v1/dwellings/{dwelling_id}")
            return response.status_code == 200 and response.json()["offerable"] is True

        await eventually(offerable, what="Boligkontoret to see the ready dwelling as offerable")
        offer = ok(await offers.make_offer.asyncio_detailed(dwelling_id, client=tbo_api, body=OfferIn()), 201)
        assert offer["application_id"] == application["id"]
        accept = OfferAnswerIn(answer=OfferAnswerInAnswer.ACCEPTED)
        ok(await offers.answer_offer.asyncio_detailed(offer["id"], client=tbo_api, body=accept))
        await agencies.close_gates(application["id"], "cash")

        # A contract that ends within the reminder window, counted from the processes' today.
        today = system.today()
        end = today + timedelta(days=DAYS_LEFT)
        contract = {
            "application_id": application["id"],
            "contract_type": "ordinary_rental",
            "start_date": today.isoformat(),
            "end_date": end.isoformat(),
            "deposit_kind": "cash",
        }
        tenancy = ok(
            await tenancies.sign_tenancy.asyncio_detailed(client=tbo_api, body=TenancyIn.from_dict(contract)), 201
        )
        tenancy_id = tenancy["id"]
        assert tenancy["end_date"] == end.isoformat()
        ok(await tenancies.move_in.asyncio_detailed(tenancy_id, client=tbo_api, body=MoveInIn()))

        # The reminder comes by itself: the service's job finds the contract close to its end.
        async def reminders() -> list[dict[str, object]] | None:
            found = [
                e.data.model_dump()
                for e in await topic_events(system, "boligflyt.applications")
                if e.key == tenancy_id and name_of(e) == "tenancy.ending_soon"
            ]
            return found or None

        [reminder] = await eventually(reminders, timeout=30, what="the reminder before the contract ends")
        assert (reminder["end_date"], reminder["days_left"], reminder["dwelling_id"]) == (end, DAYS_LEFT, dwelling_id)
        assert isinstance(reminder["expiry_notice_deadline"], date) and reminder["expiry_notice_deadline"] > end

        # The tenant applies for a renewal; the committee approves it after the ownership check, and Boligkontoret
        # records the renewal on that application: the contract runs on for the type's term.
        check = {"ownership_check": {"able_to_buy": False}}
        # Without the renewal's application the request is refused (the client's model could not even be built).
        without = await tbo.post(f"/v1/tenancies/{tenancy_id}/renewal", json=check)
        assert without.status_code == 422, without.text
        renewal_application = ok(
            await applications.submit_application.asyncio_detailed(
                client=tbo_api,
                body=ApplicationIn.from_dict(
                    {
                        "applicant_id": application["applicant_id"],
                        "kind": "rental",
                        "household": {"adults": 1, "children": 0},
                        "needs": {"bedrooms": BEDROOMS},
                        **check,
                        "documents_received": DOCUMENTS,
                        "renewal_of_tenancy_id": tenancy_id,
                    }
                ),
            ),
            201,
        )
        await agencies.approve([renewal_application["id"]])
        renewal = RenewalIn.from_dict({**check, "application_id": renewal_application["id"]})
        renewed = ok(await tenancies.renew.asyncio_detailed(tenancy_id, client=tbo_api, body=renewal))
        new_end = date.fromisoformat(renewed["end_date"])
        assert renewed["state"] == "active" and new_end == date(end.year + 3, end.month, end.day)
        assert ok(await tbo.get(f"/v1/tenancies/{tenancy_id}"))["end_date"] == new_end.isoformat()

        await asyncio.sleep(5)  # the job has run again meanwhile: a renewed contract is not reminded of again
        events = [e for e in await topic_events(system, "boligflyt.applications") if e.key == tenancy_id]
        names = [name_of(e) for e in events]
        # The job may find the contract between its signing and the move-in a moment later: both orders are right.
        assert names[0] == "tenancy.signed" and names[-1] == "tenancy.renewed", names
        assert sorted(names[1:-1]) == ["tenancy.ending_soon", "tenancy.moved_in"], names
        renewal = events[-1].data.model_dump()
        assert (renewal["previous_end_date"], renewal["new_end_date"]) == (end, new_end)
        assert renewal["renewed_on"] == system.today()
