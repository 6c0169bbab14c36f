"""The committee allocates at notice: a tenant gives notice, the dwelling goes on the next meeting's recommendation
as coming vacant, the committee allocates it to a household in temporary housing, the renovation slips (the
household is told and NAV gets an event), the dwelling is ready and the household moves in that day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from boligflyt.contracts.codes import InspectionTrigger, RenovationKind
from boligflyt.contracts.events.maintenance import (
    DwellingLet,
    DwellingReadyForLetting,
    InspectionCompleted,
    RenovationRescheduled,
    RenovationStarted,
)
from boligflyt.contracts.events.temporary_housing import StayApplicationLinked

from .conftest import Caseworker
from .test_applications_api import problem


async def let_to_a_tenant(caseworker: Caseworker, dwelling_id: str) -> dict[str, Any]:
    """A household moves into the dwelling through an ordinary offer; its tenancy is what later gets notice."""
    [tenant] = await caseworker.approved(priority_factors=["head_lease_ending"], needs={})
    await caseworker.ready_dwelling(dwelling_id, bedrooms=0, monthly_rent=6200)
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling_id}/offers", json={})).json()
    assert offer["application_id"] == tenant["id"]
    await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    contract = {
        "application_id": tenant["id"],
        "contract_type": "ordinary_rental",
        "start_date": caseworker.today.isoformat(),
        "deposit_kind": "cash",
    }
    await caseworker.close_gates(tenant["id"])
    signed = await caseworker.staff.post("/v1/tenancies", json=contract)
    assert signed.status_code == 201, signed.text
    tenancy: dict[str, Any] = signed.json()
    moved = await caseworker.staff.post(f"/v1/tenancies/{tenancy['id']}/move-in", json={})
    assert moved.status_code == 200, moved.text
    await caseworker.publish(DwellingLet(dwelling_id=dwelling_id, let_on=caseworker.today, tenancy_id=tenancy["id"]))
    return tenancy


async def state_of(caseworker: Caseworker, application_id: str) -> str:
    state: str = (await caseworker.staff.get(f"/v1/applications/{application_id}")).json()["state"]
    return state


async def test_allocation_at_notice_follows_the_renovation_to_the_move_in(caseworker: Caseworker) -> None:
    tenancy = await let_to_a_tenant(caseworker, "dw-studio")
    homeless = await caseworker.application(
        household={"adults": 1}, needs={}, priority_factors=["no_fixed_address", "cannot_find_alternative"]
    )
    notice = await caseworker.application(
        household={"adults": 1}, needs={}, priority_factors=["cannot_find_alternative", "notice_to_quit"]
    )
    family = await caseworker.application(household={"adults": 2, "children": 2}, needs={}, priority_factors=[])
    await caseworker.decide([homeless["id"], notice["id"], family["id"]])
    assert homeless["bedrooms_needed"] == 0  # a single person fits a studio
    await caseworker.publish(
        StayApplicationLinked(
            stay_id="stay-1",
            application_id=homeless["id"],
            linked_on=caseworker.today,
            application_submitted_on=caseworker.today,
            stay_start_date=caseworker.today - timedelta(days=40),
        )
    )

    # The tenant gives notice: the studio is coming vacant from today, expected ready when the tenant leaves.
    move_out = caseworker.today + timedelta(days=30)
    given = await caseworker.staff.post(
        f"/v1/tenancies/{tenancy['id']}/notice", json={"given_by": "tenant", "move_out_date": move_out.isoformat()}
    )
    assert given.status_code == 200, given.text
    studio = (await caseworker.staff.get("/v1/dwellings/dw-studio")).json()
    assert studio["status"] == "notice_given" and studio["expected_ready_on"] == move_out.isoformat()
    assert studio["offerable"] is False  # not offered directly: the committee allocates it

    # The first meeting after the notice has it on its recommendation, the homeless household proposed.
    meeting = await caseworker.meeting(days_ahead=7)
    early = await caseworker.staff.post(
        f"/v1/meetings/{meeting['id']}/allocations", json={"dwelling_id": "dw-studio", "application_id": homeless["id"]}
    )
    assert problem(early, 409)["current_state"] == "scheduled"
    await caseworker.to_meeting_day(meeting)
    advice = (await caseworker.coordinator.get(f"/v1/meetings/{meeting['id']}/recommendation")).json()
    [entry] = [d for d in advice["dwellings"] if d["dwelling"]["id"] == "dw-studio"]
    assert entry["proposed_application_id"] == homeless["id"]
    assert [h["application_id"] for h in entry["households"]] == [homeless["id"], notice["id"]]  # not the family
    assert any("47 days in temporary housing" in line for line in entry["households"][0]["explanation"])

    # Refusals name their reason and change nothing.
    url = f"/v1/meetings/{meeting['id']}/allocations"
    unreasoned = problem(
        await caseworker.staff.post(url, json={"dwelling_id": "dw-studio", "application_id": notice["id"]}), 422
    )
    assert unreasoned["code"] == "deviation_reason_required" and unreasoned["proposed_application_id"] == homeless["id"]
    too_small = problem(
        await caseworker.staff.post(
            url, json={"dwelling_id": "dw-studio", "application_id": family["id"], "deviation_reason": "x"}
        ),
        422,
    )
    assert too_small["code"] == "unsuitable_dwelling"
    assert too_small["reasons"] == ["a studio is too small for 2 adults and 2 children (at least 2 bedrooms)"]
    assert problem(
        await caseworker.staff.post(url, json={"dwelling_id": "dw-none", "application_id": homeless["id"]}), 404
    )
    assert problem(
        await caseworker.nav.post(url, json={"dwelling_id": "dw-studio", "application_id": homeless["id"]}), 403
    )
    assert (
        await caseworker.coordinator.get("/v1/offers", params={"dwelling_id": "dw-studio", "state": "pending"})
    ).json()["total"] == 0
    assert await state_of(caseworker, notice["id"]) == "approved"

    # The committee allocates to the proposed household: the offer says when the studio is expected ready.
    allocated = await caseworker.staff.post(url, json={"dwelling_id": "dw-studio", "application_id": homeless["id"]})
    assert allocated.status_code == 201, allocated.text
    decision = allocated.json()
    assert decision["proposed_application_id"] == homeless["id"] and decision["deviation_reason"] is None
    assert decision["expected_move_in_on"] == move_out.isoformat()
    offer = (await caseworker.staff.get(f"/v1/offers/{decision['offer_id']}")).json()
    assert offer["application_id"] == homeless["id"] and offer["meeting_id"] == meeting["id"]
    again = await caseworker.staff.post(
        url, json={"dwelling_id": "dw-studio", "application_id": notice["id"], "deviation_reason": "x"}
    )
    assert problem(again, 409)["current_state"] == "offered"
    letter = (await caseworker.staff.get(f"/v1/applications/{homeless['id']}/letters")).json()[-1]
    assert letter["kind"] == "offer" and move_out.strftime("%d.%m.%Y") in letter["body"]
    assert [a["offer_id"] for a in (await caseworker.coordinator.get(url)).json()] == [offer["id"]]

    accepted = await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    assert accepted.status_code == 200, accepted.text
    studio = (await caseworker.staff.get("/v1/dwellings/dw-studio")).json()
    assert studio["allocated_to"] == homeless["id"] and studio["planned_move_in_on"] == move_out.isoformat()
    allocation = [e for e in await caseworker.events() if e.type.endswith("allocation.decided.v1")][-1]
    assert allocation.data.planned_move_in_on == move_out

    # The notice can no longer be withdrawn: the next household was promised the studio.
    withdrawn = await caseworker.staff.post(f"/v1/tenancies/{tenancy['id']}/notice/withdraw")
    assert problem(withdrawn, 409)["current_state"] == "allocated"

    # The tenant leaves; LKE inspects, orders and starts the renovation, and then agrees a week more.
    caseworker.harness.clock.advance(move_out - caseworker.today)
    ended = await caseworker.staff.post(f"/v1/tenancies/{tenancy['id']}/end", json={"reason": "notice_by_tenant"})
    assert ended.status_code == 200, ended.text
    due = move_out + timedelta(days=21)
    await caseworker.publish(
        InspectionCompleted(
            dwelling_id="dw-studio",
            inspection_id="insp-1",
            inspected_on=move_out,
            trigger=InspectionTrigger.MOVE_OUT,
            meets_minimum_standard=False,
            renovation_needed=True,
            renovation_due_date=due,
        ),
        RenovationStarted(
            dwelling_id="dw-studio",
            job_id="job-1",
            kind=RenovationKind.BETWEEN_TENANCIES,
            ordered_on=move_out,
            started_on=move_out,
            due_date=due,
            daily_rent=200,
        ),
    )
    studio = (await caseworker.staff.get("/v1/dwellings/dw-studio")).json()
    assert studio["status"] == "renovating" and studio["expected_ready_on"] == due.isoformat()
    assert studio["planned_move_in_on"] == due.isoformat()  # the move-in follows the ready date
    slipped = due + timedelta(days=7)
    await caseworker.publish(
        RenovationRescheduled(
            dwelling_id="dw-studio",
            job_id="job-1",
            rescheduled_on=caseworker.today,
            previous_due_date=due,
            due_date=slipped,
        )
    )
    studio = (await caseworker.staff.get("/v1/dwellings/dw-studio")).json()
    assert studio["planned_move_in_on"] == slipped.isoformat()
    moves = [e.data for e in await caseworker.events() if e.type.endswith("allocation.move_in_rescheduled.v1")]
    assert [(m.previous_move_in_on, m.planned_move_in_on) for m in moves] == [(move_out, due), (due, slipped)]
    letter = (await caseworker.staff.get(f"/v1/applications/{homeless['id']}/letters")).json()[-1]
    assert letter["kind"] == "move_in_rescheduled" and slipped.strftime("%d.%m.%Y") in letter["body"]

    # The contract is signed for the new date; nobody moves in before the studio is ready.
    contract = {
        "application_id": homeless["id"],
        "contract_type": "ordinary_rental",
        "start_date": slipped.isoformat(),
        "deposit_kind": "nav_guarantee",
    }
    await caseworker.close_gates(homeless["id"], "nav_guarantee")
    signed = await caseworker.staff.post("/v1/tenancies", json=contract)
    assert signed.status_code == 201, signed.text
    caseworker.harness.clock.advance(slipped - caseworker.today)
    too_soon = await caseworker.staff.post(f"/v1/tenancies/{signed.json()['id']}/move-in", json={})
    assert "expected ready on" in problem(too_soon, 409)["detail"]
    await caseworker.publish(DwellingReadyForLetting(dwelling_id="dw-studio", ready_on=slipped, first_let=False))
    studio = (await caseworker.staff.get("/v1/dwellings/dw-studio")).json()
    assert studio["status"] == "ready" and studio["allocated_to"] == homeless["id"]  # the allocation stands
    moved = await caseworker.staff.post(f"/v1/tenancies/{signed.json()['id']}/move-in", json={})
    assert moved.status_code == 200, moved.text
    assert moved.json()["move_in_date"] == slipped.isoformat()
    assert await state_of(caseworker, homeless["id"]) == "moved_in"


async def test_a_decline_passes_a_coming_dwelling_down_the_committees_recommendation(caseworker: Caseworker) -> None:
    tenancy = await let_to_a_tenant(caseworker, "dw-studio")
    first = await caseworker.application(
        household={"adults": 1}, needs={}, priority_factors=["cannot_find_alternative"]
    )
    second = await caseworker.application(household={"adults": 1}, needs={}, priority_factors=["notice_to_quit"])
    await caseworker.decide([first["id"], second["id"]])
    move_out = caseworker.today + timedelta(days=20)
    await caseworker.staff.post(
        f"/v1/tenancies/{tenancy['id']}/notice", json={"given_by": "tenant", "move_out_date": move_out.isoformat()}
    )
    meeting = await caseworker.meeting(days_ahead=3)
    await caseworker.to_meeting_day(meeting)
    url = f"/v1/meetings/{meeting['id']}/allocations"
    chosen = await caseworker.staff.post(
        url,
        json={"dwelling_id": "dw-studio", "application_id": second["id"], "deviation_reason": "Nærhet til jobb."},
    )
    assert chosen.status_code == 201, chosen.text
    assert chosen.json()["proposed_application_id"] == first["id"]
    declined = await caseworker.staff.post(
        f"/v1/offers/{chosen.json()['offer_id']}/answer", json={"answer": "declined"}
    )
    assert declined.status_code == 200
    assert await state_of(caseworker, second["id"]) == "declined_offer"  # the one-offer rule
    [next_offer] = (await caseworker.staff.get("/v1/offers", params={"state": "pending"})).json()["items"]
    assert next_offer["application_id"] == first["id"] and next_offer["expected_move_in_on"] == move_out.isoformat()


async def test_a_withdrawn_notice_takes_the_dwelling_off_the_list(caseworker: Caseworker) -> None:
    tenancy = await let_to_a_tenant(caseworker, "dw-studio")
    await caseworker.approved(household={"adults": 1}, needs={})
    move_out = caseworker.today + timedelta(days=20)
    await caseworker.staff.post(
        f"/v1/tenancies/{tenancy['id']}/notice", json={"given_by": "tenant", "move_out_date": move_out.isoformat()}
    )
    meeting = await caseworker.meeting(days_ahead=3)
    assert (await caseworker.staff.post(f"/v1/tenancies/{tenancy['id']}/notice/withdraw")).status_code == 200
    await caseworker.to_meeting_day(meeting)
    advice = (await caseworker.coordinator.get(f"/v1/meetings/{meeting['id']}/recommendation")).json()
    assert "dw-studio" not in [d["dwelling"]["id"] for d in advice["dwellings"]]
    assert (await caseworker.staff.get("/v1/dwellings/dw-studio")).json()["status"] == "let"
    assert date.fromisoformat(meeting["meeting_date"]) == caseworker.today


async def test_an_offer_accepted_after_the_expected_ready_day_plans_the_move_in_from_today(
    caseworker: Caseworker,
) -> None:
    """The renovation ran late and LKE has not said a new date: the move-in cannot be planned in the past."""
    tenancy = await let_to_a_tenant(caseworker, "dw-studio")
    [household] = await caseworker.approved(household={"adults": 1}, needs={})
    move_out = caseworker.today + timedelta(days=10)
    await caseworker.staff.post(
        f"/v1/tenancies/{tenancy['id']}/notice", json={"given_by": "tenant", "move_out_date": move_out.isoformat()}
    )
    meeting = await caseworker.meeting(days_ahead=3)
    await caseworker.to_meeting_day(meeting)
    allocated = await caseworker.staff.post(
        f"/v1/meetings/{meeting['id']}/allocations",
        json={"dwelling_id": "dw-studio", "application_id": household["id"]},
    )
    assert allocated.status_code == 201, allocated.text
    caseworker.harness.clock.advance(move_out + timedelta(days=4) - caseworker.today)
    accepted = await caseworker.staff.post(
        f"/v1/offers/{allocated.json()['offer_id']}/answer", json={"answer": "accepted"}
    )
    assert accepted.status_code == 200, accepted.text
    studio = (await caseworker.staff.get("/v1/dwellings/dw-studio")).json()
    assert studio["planned_move_in_on"] == caseworker.today.isoformat()
