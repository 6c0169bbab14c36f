"""Whole cases on SQLite + the embedded log: offer hand-offs, allocation, contract, move-in, tenancy life,
and no personal data in any event."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from boligflyt.contracts.envelope import to_wire
from boligflyt.contracts.events.maintenance import DwellingWithdrawn

from .conftest import Caseworker


async def offer_of(caseworker: Caseworker, application_id: str) -> dict[str, Any]:
    offers = (await caseworker.staff.get("/v1/offers", params={"application_id": application_id})).json()
    result: dict[str, Any] = offers["items"][-1]
    return result


async def state_of(caseworker: Caseworker, application_id: str) -> str:
    state: str = (await caseworker.staff.get(f"/v1/applications/{application_id}")).json()["state"]
    return state


async def test_decline_and_silence_pass_the_dwelling_down_the_ranking(caseworker: Caseworker) -> None:
    first = await caseworker.application(priority_factors=["head_lease_ending"])
    second = await caseworker.application(priority_factors=["cannot_find_alternative"])
    third = await caseworker.application(priority_factors=[])
    await caseworker.decide([first["id"], second["id"], third["id"]])
    dwelling = await caseworker.ready_dwelling("dw-7")
    made = await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={})
    assert made.status_code == 201, made.text
    offer1 = made.json()
    assert offer1["application_id"] == first["id"] and offer1["rank"] == 1
    assert offer1["answer_deadline"] == (caseworker.today + timedelta(days=7)).isoformat()
    again = await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={})
    assert again.status_code == 409 and again.json()["current_state"] == "offered"
    letters = (await caseworker.staff.get(f"/v1/applications/{first['id']}/letters")).json()
    assert letters[-1]["kind"] == "offer" and "bare ett tilbud" in letters[-1]["body"]

    # Rank 1 declines: one-offer rule takes them off the list, and rank 2 gets the offer at once.
    declined = await caseworker.staff.post(f"/v1/offers/{offer1['id']}/answer", json={"answer": "declined"})
    assert declined.json()["state"] == "declined"
    assert await state_of(caseworker, first["id"]) == "declined_offer"
    offer2 = await offer_of(caseworker, second["id"])
    assert offer2["rank"] == 2 and offer2["state"] == "pending"
    answered_twice = await caseworker.staff.post(f"/v1/offers/{offer1['id']}/answer", json={"answer": "accepted"})
    assert answered_twice.status_code == 409 and answered_twice.json()["current_state"] == "declined"

    # Rank 2 stays silent: the job expires the offer after the deadline, and rank 3 gets it.
    await caseworker.harness.run_jobs("applications")
    assert (await caseworker.staff.get(f"/v1/offers/{offer2['id']}")).json()["state"] == "pending"
    caseworker.harness.clock.advance(timedelta(days=8))
    await caseworker.harness.run_jobs("applications")
    await caseworker.harness.run_jobs("applications")  # idempotent: a second run changes nothing
    assert (await caseworker.staff.get(f"/v1/offers/{offer2['id']}")).json()["state"] == "expired"
    assert await state_of(caseworker, second["id"]) == "approved"  # silence keeps them on the list
    offer3 = await offer_of(caseworker, third["id"])
    assert offer3["rank"] == 3 and offer3["state"] == "pending"

    # Rank 3 declines too: nobody left who has not had it this round, so the dwelling is back on the list.
    await caseworker.staff.post(f"/v1/offers/{offer3['id']}/answer", json={"answer": "declined"})
    got = (await caseworker.staff.get(f"/v1/dwellings/{dwelling}")).json()
    assert got["offerable"] is True
    assert (await caseworker.staff.get("/v1/offers", params={"state": "pending"})).json()["total"] == 0

    types = await caseworker.event_types()
    assert types[-8:] == [
        "offer.made",
        "offer.answered",
        "application.left_list",
        "offer.made",
        "offer.answered",
        "offer.made",
        "offer.answered",
        "application.left_list",
    ]
    answers = [e.data.model_dump()["answer"] for e in await caseworker.events() if "offer.answered" in e.type]
    assert answers == ["declined", "expired", "declined"]


async def test_a_withdrawn_dwelling_cancels_its_offer(caseworker: Caseworker) -> None:
    [application] = await caseworker.approved()
    dwelling = await caseworker.ready_dwelling()
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={})).json()
    await caseworker.publish(
        DwellingWithdrawn(dwelling_id=dwelling, withdrawn_on=caseworker.today, reason="fire_or_damage", permanent=False)
    )
    assert (await caseworker.staff.get(f"/v1/offers/{offer['id']}")).json()["state"] == "cancelled"
    assert await state_of(caseworker, application["id"]) == "approved"
    late = await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    assert late.status_code == 409 and late.json()["current_state"] == "cancelled"


async def test_from_allocation_to_the_end_of_the_tenancy(caseworker: Caseworker) -> None:
    [application] = await caseworker.approved(priority_factors=["no_fixed_address"])
    dwelling = await caseworker.ready_dwelling("dw-42", monthly_rent=7500)
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={"answer_days": 3})).json()
    assert offer["answer_deadline"] == (caseworker.today + timedelta(days=3)).isoformat()
    move_in_on = caseworker.today + timedelta(days=20)
    accepted = await caseworker.staff.post(
        f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted", "planned_move_in_on": move_in_on.isoformat()}
    )
    assert accepted.json()["state"] == "accepted"
    allocation_letter = (await caseworker.staff.get(f"/v1/applications/{application['id']}/letters")).json()[-1]
    assert allocation_letter["kind"] == "allocation"
    assert "kr 30 000" in allocation_letter["body"] and move_in_on.strftime("%d.%m.%Y") in allocation_letter["body"]
    assert (await caseworker.staff.get(f"/v1/dwellings/{dwelling}")).json()["offerable"] is False

    contract = {
        "application_id": application["id"],
        "contract_type": "ordinary_rental",
        "start_date": move_in_on.isoformat(),
        "deposit_kind": "nav_guarantee",
    }
    await caseworker.close_gates(application["id"], "nav_guarantee")
    bad_end = await caseworker.staff.post("/v1/tenancies", json={**contract, "end_date": move_in_on.isoformat()})
    assert bad_end.status_code == 422 and bad_end.json()["code"] == "end_before_start"
    signed = await caseworker.staff.post("/v1/tenancies", json=contract)
    assert signed.status_code == 201, signed.text
    tenancy = signed.json()
    assert tenancy["deposit_amount"] == 4 * 7500 and tenancy["monthly_rent"] == 7500
    end = date.fromisoformat(tenancy["end_date"])
    assert end == date(move_in_on.year + 3, move_in_on.month, move_in_on.day) - timedelta(days=1)
    twice = await caseworker.staff.post("/v1/tenancies", json=contract)
    assert twice.status_code == 409 and twice.json()["current_state"] == "contracted"

    url = f"/v1/tenancies/{tenancy['id']}"
    caseworker.harness.clock.advance(move_in_on - caseworker.today)  # a move-in is recorded when it happens
    moved = await caseworker.staff.post(f"{url}/move-in", json={})
    assert moved.json()["state"] == "active" and moved.json()["move_in_date"] == move_in_on.isoformat()
    assert (await caseworker.staff.post(f"{url}/move-in", json={})).json()["current_state"] == "active"
    assert await state_of(caseworker, application["id"]) == "moved_in"

    # Three months before the end, and at the end: one reminder each, however often the job runs.
    caseworker.harness.clock.set(caseworker.harness.clock.now() + (end - caseworker.today) - timedelta(days=85))
    await caseworker.harness.run_jobs("applications")
    await caseworker.harness.run_jobs("applications")
    without = await caseworker.staff.post(f"{url}/renewal", json={"ownership_check": {"able_to_buy": False}})
    assert without.status_code == 422  # a renewal needs its renewal application
    renewal_application = await caseworker.application(
        renewal_of_tenancy_id=tenancy["id"], ownership_check={"able_to_buy": False}
    )
    await caseworker.decide([renewal_application["id"]])
    renewal = await caseworker.staff.post(
        f"{url}/renewal",
        json={"ownership_check": {"able_to_buy": False}, "application_id": renewal_application["id"]},
    )
    assert renewal.status_code == 200, renewal.text
    new_end = date.fromisoformat(renewal.json()["end_date"])
    assert new_end == date(end.year + 3, end.month, end.day)
    caseworker.harness.clock.advance(timedelta(days=85))
    await caseworker.harness.run_jobs("applications")  # renewed: no reminder at the old end

    notice_body = {"given_by": "tenant", "move_out_date": (caseworker.today + timedelta(days=60)).isoformat()}
    early = {"given_by": "tenant", "move_out_date": (caseworker.today - timedelta(days=1)).isoformat()}
    assert (await caseworker.staff.post(f"{url}/notice", json=early)).status_code == 422
    assert (await caseworker.staff.post(f"{url}/notice", json=notice_body)).json()["state"] == "notice_given"
    withdrawn = await caseworker.staff.post(f"{url}/notice/withdraw")
    assert withdrawn.json()["state"] == "active" and withdrawn.json()["move_out_date"] is None
    assert (await caseworker.staff.post(f"{url}/notice/withdraw")).json()["current_state"] == "active"
    await caseworker.staff.post(f"{url}/notice", json=notice_body)
    ended = await caseworker.staff.post(f"{url}/end", json={"reason": "notice_by_tenant"})
    assert ended.json()["state"] == "ended" and ended.json()["ended_on"] == notice_body["move_out_date"]
    assert (await caseworker.staff.post(f"{url}/end", json={"reason": "other"})).json()["current_state"] == "ended"
    listed = await caseworker.coordinator.get("/v1/tenancies", params={"state": "ended", "dwelling_id": dwelling})
    assert listed.json()["total"] == 1

    events = await caseworker.events()
    # The first application's own way to the waiting list: submitted, checked complete, listed, decided.
    chain = [e.type.removeprefix("no.larvik.boligflyt.").removesuffix(".v1") for e in events][4:]
    assert chain == [
        "offer.made",
        "offer.answered",
        "allocation.decided",
        "tenancy.signed",
        "tenancy.moved_in",
        "tenancy.ending_soon",
        "application.submitted",  # the renewal application
        "application.completeness_checked",
        "application.listed_for_meeting",
        "application.decided",
        "tenancy.renewed",
        "tenancy.notice_given",
        "tenancy.notice_withdrawn",
        "tenancy.notice_given",
        "tenancy.ended",
    ]
    by_type = {e.type: e.data.model_dump() for e in events}
    allocation = by_type["no.larvik.boligflyt.allocation.decided.v1"]
    assert allocation["no_fixed_address"] is True and allocation["planned_move_in_on"] == move_in_on
    # NAV sees where and how big the dwelling is, never its address.
    offered = by_type["no.larvik.boligflyt.offer.made.v1"]
    assert (offered["area_code"], offered["bedrooms"], offered["expected_ready_on"]) == ("SENTRUM", 1, None)
    assert (allocation["area_code"], allocation["bedrooms"]) == ("SENTRUM", 1)
    reminder = by_type["no.larvik.boligflyt.tenancy.ending_soon.v1"]
    assert reminder["days_left"] == 85 and reminder["expiry_notice_deadline"] > reminder["end_date"]
    assert by_type["no.larvik.boligflyt.tenancy.signed.v1"]["deposit_kind"] == "nav_guarantee"


async def test_the_reminder_at_the_end_of_a_contract(caseworker: Caseworker) -> None:
    [application] = await caseworker.approved()
    dwelling = await caseworker.ready_dwelling()
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={})).json()
    await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    await caseworker.close_gates(offer["application_id"])
    tenancy = (
        await caseworker.staff.post(
            "/v1/tenancies",
            json={
                "application_id": application["id"],
                "contract_type": "short_term_staffed",
                "start_date": caseworker.today.isoformat(),
                "deposit_kind": "none",
            },
        )
    ).json()
    assert tenancy["deposit_amount"] == 0
    await caseworker.staff.post(f"/v1/tenancies/{tenancy['id']}/move-in", json={})
    await caseworker.harness.run_jobs("applications")  # a 3-month contract is due a reminder at once
    caseworker.harness.clock.advance(timedelta(days=100))
    await caseworker.harness.run_jobs("applications")
    await caseworker.harness.run_jobs("applications")
    reminders = [e.data.model_dump() for e in await caseworker.events() if "ending_soon" in e.type]
    assert [r["days_left"] for r in reminders][1:] == [0]
    assert len(reminders) == 2


# Eleven digits standing alone (hex digests and trace ids hold digit runs inside longer tokens).
NATIONAL_ID = re.compile(r"(?<![0-9A-Za-z])\d{6}\s?\d{5}(?![0-9A-Za-z])")


async def test_no_personal_data_in_any_event(caseworker: Caseworker) -> None:
    """Drive every kind of event, then scan every payload for identity numbers, names and contact data."""
    people = []
    for i, factors in enumerate((["head_lease_ending"], ["no_fixed_address"], [])):
        applicant = await caseworker.applicant(
            name=f"Ingrid Testesen{i}", phone="+47 912 34 567", email=f"ingrid{i}@example.no"
        )
        body = caseworker.application_body(applicant["id"], priority_factors=factors)
        application = (await caseworker.staff.post("/v1/applications", json=body)).json()
        people.append((applicant, application))
    await caseworker.decide([people[0][1]["id"], people[1][1]["id"]])
    await caseworker.decide([people[2][1]["id"]], outcome="rejected", reject_reasons=["not_resident"])
    await caseworker.staff.post(f"/v1/applications/{people[2][1]['id']}/appeal", json={})
    dwelling = await caseworker.ready_dwelling()
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={})).json()
    await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "declined"})
    offer = (await caseworker.staff.get("/v1/offers", params={"state": "pending"})).json()["items"][0]
    await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    await caseworker.close_gates(offer["application_id"])
    tenancy = (
        await caseworker.staff.post(
            "/v1/tenancies",
            json={
                "application_id": offer["application_id"],
                "contract_type": "ordinary_rental",
                "start_date": caseworker.today.isoformat(),
                "deposit_kind": "cash",
            },
        )
    ).json()
    await caseworker.staff.post(f"/v1/tenancies/{tenancy['id']}/move-in", json={})

    events = await caseworker.events()
    assert len({e.type for e in events}) >= 9
    secrets: list[str] = []
    async with caseworker.harness.runtimes["applications"].database.sessions() as session:
        from sqlalchemy import select

        from boligflyt.applications.models import Applicant

        for row in (await session.scalars(select(Applicant))).all():
            secrets += [row.national_id, row.name, *row.name.split(), row.phone or "", row.email or ""]
    secrets = [s for s in secrets if s]
    assert len(secrets) >= 12
    assert NATIONAL_ID.search(json.dumps({"x": secrets[0]}))  # the scan would see one
    for envelope in events:
        wire = to_wire(envelope)
        text = wire.value.decode() + json.dumps([(k, v.decode()) for k, v in wire.headers])
        assert not NATIONAL_ID.search(text), f"{envelope.type} carries an 11-digit number"
        for secret in secrets:
            assert secret not in text, f"{envelope.type} carries personal data"


async def test_renewal_on_a_written_application(caseworker: Caseworker) -> None:
    [application] = await caseworker.approved()
    dwelling = await caseworker.ready_dwelling()
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={})).json()
    await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    contract = {
        "application_id": application["id"],
        "contract_type": "faret_one_year",
        "start_date": caseworker.today.isoformat(),
        "deposit_kind": "cash",
    }
    await caseworker.close_gates(application["id"])
    tenancy = (await caseworker.staff.post("/v1/tenancies", json=contract)).json()
    url = f"/v1/tenancies/{tenancy['id']}"
    check = {"ownership_check": {"able_to_buy": False}}
    too_early = {**check, "application_id": application["id"]}
    assert (await caseworker.staff.post(f"{url}/renewal", json=too_early)).json()["current_state"] == "signed"
    await caseworker.staff.post(f"{url}/move-in", json={})

    renewal = await caseworker.application(
        renewal_of_tenancy_id=tenancy["id"], ownership_check={"able_to_buy": False, "note": "no loan capacity"}
    )
    early = await caseworker.staff.post(f"{url}/renewal", json={**check, "application_id": renewal["id"]})
    assert early.status_code == 409 and early.json()["current_state"] == "submitted"
    other = await caseworker.application()
    wrong = await caseworker.staff.post(f"{url}/renewal", json={**check, "application_id": other["id"]})
    assert wrong.status_code == 422 and wrong.json()["code"] == "not_a_renewal"
    await caseworker.decide([renewal["id"]])
    waiting = (await caseworker.staff.get("/v1/waiting-list")).json()
    assert renewal["id"] not in [r["application_id"] for r in waiting["items"]]  # not on the waiting list
    letters = (await caseworker.staff.get(f"/v1/applications/{renewal['id']}/letters")).json()
    assert "waiting_list" not in [letter["kind"] for letter in letters]
    backwards = await caseworker.staff.post(
        f"{url}/renewal", json={**check, "application_id": renewal["id"], "new_end_date": tenancy["start_date"]}
    )
    assert backwards.status_code == 422 and backwards.json()["code"] == "end_not_later"
    renewed = await caseworker.staff.post(
        f"{url}/renewal", json={**check, "application_id": renewal["id"], "contract_type": "ordinary_rental"}
    )
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["contract_type"] == "ordinary_rental"
    old_end = date.fromisoformat(tenancy["end_date"])
    assert renewed.json()["end_date"] == date(old_end.year + 3, old_end.month, old_end.day).isoformat()
    [event] = [e.data.model_dump() for e in await caseworker.events() if "renewed" in e.type]
    assert event["application_id"] == renewal["id"] and event["previous_end_date"] == old_end
    submitted = [e.data.model_dump() for e in await caseworker.events() if "submitted" in e.type]
    assert submitted[-2]["renewal_of_tenancy_id"] == tenancy["id"]
