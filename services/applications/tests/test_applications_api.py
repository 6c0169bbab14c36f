"""Every endpoint of Boligkontoret's API on SQLite + the embedded log, with bad input changing nothing."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from boligflyt.applications import domain, service
from boligflyt.contracts.events.maintenance import DwellingWithdrawn
from boligflyt.platform.tables import audit_log

from .conftest import Caseworker, national_id


async def snapshot(caseworker: Caseworker) -> tuple[int, Any]:
    """What a refused command must leave as it was: the events emitted and every application."""
    events = await caseworker.events()
    applications = (await caseworker.staff.get("/v1/applications", params={"limit": 500})).json()
    return len(events), applications


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    return body


# --- Applicants and consent ----------------------------------------------------------------------------


async def test_register_applicant_validates_the_national_id(caseworker: Caseworker) -> None:
    before = await snapshot(caseworker)
    valid = national_id(3)
    broken = valid[:-1] + str((int(valid[-1]) + 1) % 10)
    response = await caseworker.staff.post("/v1/applicants", json={"national_id": broken, "name": "Kari"})
    body = problem(response, 422)
    assert "check digits" in str(body)
    assert broken not in str(body)  # the number is never echoed into problem bodies and logs
    for bad in ("123", "0101901234x", ""):
        problem(await caseworker.staff.post("/v1/applicants", json={"national_id": bad, "name": "Kari"}), 422)
    assert await snapshot(caseworker) == before

    created = await caseworker.staff.post(
        "/v1/applicants",
        json={
            "national_id": valid[:6] + " " + valid[6:],
            "name": "Kari Nordmann",
            "interpreter_needed": True,
            "household_members": [{"name": "Ola", "relation": "child", "birth_year": 2010}],
        },
    )
    assert created.status_code == 201, created.text
    applicant = created.json()
    assert created.headers["location"] == f"/v1/applicants/{applicant['id']}"
    assert len(applicant["person_ref"]) == 64 and valid not in str(applicant)
    again = await caseworker.staff.post("/v1/applicants", json={"national_id": valid, "name": "Someone"})
    assert problem(again, 409)["applicant_id"] == applicant["id"]

    fetched = await caseworker.staff.get(f"/v1/applicants/{applicant['id']}")
    assert fetched.json()["household_members"][0]["name"] == "Ola"
    problem(await caseworker.staff.get("/v1/applicants/apl-unknown"), 404)
    problem(await caseworker.nav.get(f"/v1/applicants/{applicant['id']}"), 403)
    problem(await caseworker.coordinator.post("/v1/applicants", json={"national_id": valid, "name": "K"}), 403)


async def test_consent_is_recorded_with_date_and_scope(caseworker: Caseworker) -> None:
    applicant = await caseworker.applicant(caseworker.nav, consent=False)  # NAV's client, so NAV may record it
    url = f"/v1/applicants/{applicant['id']}/consents"
    problem(await caseworker.staff.post(url, json={"signed_on": "2015-01-05", "scope": ["everything"]}), 422)
    problem(await caseworker.staff.post(url, json={"signed_on": "2015-01-05", "scope": []}), 422)
    problem(
        await caseworker.staff.post(
            "/v1/applicants/apl-none/consents", json={"signed_on": "2015-01-05", "scope": ["collect_information"]}
        ),
        404,
    )
    response = await caseworker.nav.post(url, json={"signed_on": "2015-01-05", "scope": ["collect_information"]})
    assert response.status_code == 201, response.text
    consents = (await caseworker.staff.get(f"/v1/applicants/{applicant['id']}")).json()["consents"]
    assert consents == [
        {"id": response.json()["id"], "signed_on": "2015-01-05", "scope": ["collect_information"], "revoked_on": None}
    ]


async def test_revoked_consent_stops_new_applications(caseworker: Caseworker) -> None:
    applicant = await caseworker.applicant()
    [consent] = (await caseworker.staff.get(f"/v1/applicants/{applicant['id']}")).json()["consents"]
    url = f"/v1/applicants/{applicant['id']}/consents/{consent['id']}/revoke"
    problem(await caseworker.staff.post(url, json={"revoked_on": "2014-12-31"}), 422)
    problem(await caseworker.staff.post(f"/v1/applicants/apl-x/consents/{consent['id']}/revoke", json={}), 404)
    revoked = await caseworker.staff.post(url, json={})
    assert revoked.status_code == 200 and revoked.json()["revoked_on"] == "2015-01-05"
    assert problem(await caseworker.staff.post(url, json={}), 409)["current_state"] == "revoked"
    refused = await caseworker.staff.post("/v1/applications", json=caseworker.application_body(applicant["id"]))
    assert problem(refused, 422)["code"] == "consent_missing"


async def test_applicants_are_found_by_name_or_person_ref(caseworker: Caseworker) -> None:
    kari = await caseworker.applicant(name="Kari Hansen")
    await caseworker.applicant(name="Per Olsen")
    by_name = (await caseworker.staff.get("/v1/applicants", params={"name": "hansen"})).json()
    assert [a["id"] for a in by_name["items"]] == [kari["id"]]
    by_ref = (await caseworker.staff.get("/v1/applicants", params={"person_ref": kari["person_ref"]})).json()
    assert by_ref["total"] == 1
    assert (await caseworker.staff.get("/v1/applicants")).json()["total"] == 2
    problem(await caseworker.coordinator.get("/v1/applicants"), 403)
    problem(await caseworker.nav.get("/v1/applicants"), 403)


# --- Applications --------------------------------------------------------------------------------------


async def test_an_application_needs_consent_and_a_known_applicant(caseworker: Caseworker) -> None:
    applicant = await caseworker.applicant(consent=False)
    before = await snapshot(caseworker)
    no_consent = await caseworker.staff.post("/v1/applications", json=caseworker.application_body(applicant["id"]))
    assert problem(no_consent, 422)["code"] == "consent_missing"
    unknown = await caseworker.staff.post("/v1/applications", json=caseworker.application_body("apl-nobody"))
    assert problem(unknown, 422)["code"] == "unknown_applicant"
    bad_household = caseworker.application_body(
        applicant["id"], household={"adults": 1, "children": 1, "children_needing_own_bedroom": 2}
    )
    problem(await caseworker.staff.post("/v1/applications", json=bad_household), 422)
    no_check = caseworker.application_body(applicant["id"])
    del no_check["ownership_check"]
    problem(await caseworker.staff.post("/v1/applications", json=no_check), 422)
    assert await snapshot(caseworker) == before


async def test_submission_records_the_application_and_sends_a_receipt(caseworker: Caseworker) -> None:
    applicant = await caseworker.applicant()
    body = caseworker.application_body(
        applicant["id"],
        household={"adults": 2, "children": 3, "children_needing_own_bedroom": 1},
        needs={"accessible": True, "areas": ["SENTRUM"]},
        priority_factors=["notice_to_quit", "cannot_find_alternative"],
        ownership_check={"able_to_buy": False, "note": "income too low for startlån"},
    )
    response = await caseworker.staff.post("/v1/applications", json=body)
    assert response.status_code == 201, response.text
    application = response.json()
    assert response.headers["location"] == f"/v1/applications/{application['id']}"
    assert application["state"] == "submitted"
    assert application["bedrooms_needed"] == 3  # computed from the household
    assert application["able_to_buy"] is False and application["ownership_checked_on"] == "2015-01-05"
    [event] = await caseworker.events()
    assert event.type.endswith("application.submitted.v1")
    assert event.data.model_dump()["person_ref"] == applicant["person_ref"]

    letters = (await caseworker.staff.get(f"/v1/applications/{application['id']}/letters")).json()
    assert [letter["kind"] for letter in letters] == ["receipt"]
    assert "Kvittering" in letters[0]["body"] and "Kari Nordmann" in letters[0]["addressee"]
    pdf = await caseworker.staff.get(f"/v1/letters/{letters[0]['id']}/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert (await caseworker.staff.get(f"/v1/letters/{letters[0]['id']}")).json()["subject"].startswith("Kvittering")
    problem(await caseworker.staff.get("/v1/letters/ltr-none/pdf"), 404)
    problem(await caseworker.coordinator.get(f"/v1/letters/{letters[0]['id']}"), 403)

    listed = (await caseworker.coordinator.get("/v1/applications", params={"state": "submitted"})).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == application["id"]
    assert (await caseworker.coordinator.get("/v1/applications", params={"kind": "care"})).json()["total"] == 0
    by_person = await caseworker.staff.get("/v1/applications", params={"person_ref": applicant["person_ref"]})
    assert by_person.json()["total"] == 1
    problem(await caseworker.staff.get("/v1/applications", params={"state": "nonsense"}), 422)
    problem(await caseworker.staff.get("/v1/applications/app-none"), 404)
    problem(await caseworker.lke.get("/v1/applications"), 403)


async def test_completeness_check_asks_for_missing_documents(caseworker: Caseworker) -> None:
    application = await caseworker.application(kind="care", documents_received=["tax_assessment"])
    url = f"/v1/applications/{application['id']}"
    checked = (await caseworker.staff.post(f"{url}/completeness-check")).json()
    assert checked["state"] == "incomplete"
    assert checked["missing_documents"] == ["income_documentation", "housing_situation", "care_needs_assessment"]
    problem(await caseworker.staff.post(f"{url}/documents", json={"documents": ["passport_photo"]}), 422)
    partly = (await caseworker.staff.post(f"{url}/documents", json={"documents": ["income_documentation"]})).json()
    assert partly["state"] == "incomplete" and "income_documentation" not in partly["missing_documents"]
    again = (await caseworker.staff.post(f"{url}/completeness-check")).json()  # nothing new: no new letter
    assert again["missing_documents"] == partly["missing_documents"]
    done = await caseworker.staff.post(
        f"{url}/documents", json={"documents": ["housing_situation", "care_needs_assessment"]}
    )
    assert done.json()["state"] == "complete" and done.json()["missing_documents"] == []
    letters = (await caseworker.staff.get(f"{url}/letters")).json()
    assert [letter["kind"] for letter in letters] == ["receipt", "missing_documents", "missing_documents"]
    assert "vurdering av hjelpebehov" in letters[1]["body"]
    problem(await caseworker.staff.post("/v1/applications/app-none/completeness-check"), 404)
    # NAV learns each check: what is missing, and since when Boligkontoret asked (no personal data).
    checks = [
        e.data.model_dump()
        for e in await caseworker.events()
        if e.type.endswith("application.completeness_checked.v1") and e.key == application["id"]
    ]
    assert [(c["missing_documents"], c["documents_requested_on"]) for c in checks] == [
        (("income_documentation", "housing_situation", "care_needs_assessment"), caseworker.today),
        (("housing_situation", "care_needs_assessment"), caseworker.today),
        (("housing_situation", "care_needs_assessment"), caseworker.today),  # the letter that asked
        ((), None),
    ]


async def test_nav_submits_for_its_client_and_sees_only_its_own_referrals(caseworker: Caseworker) -> None:
    applicant = await caseworker.applicant(caseworker.nav)
    before = await snapshot(caseworker)
    as_self = caseworker.application_body(applicant["id"], referrer="self", referrer_case_ref="stay-17")
    assert problem(await caseworker.nav.post("/v1/applications", json=as_self), 422)["code"] == "referrer_mismatch"
    no_ref = caseworker.application_body(applicant["id"], referrer="nav")
    assert problem(await caseworker.nav.post("/v1/applications", json=no_ref), 422)["code"] == "case_ref_missing"
    national = caseworker.application_body(applicant["id"], referrer="nav", referrer_case_ref=national_id(5))
    problem(await caseworker.nav.post("/v1/applications", json=national), 422)  # a case ref is never a person id
    assert await snapshot(caseworker) == before

    body = caseworker.application_body(applicant["id"], referrer="nav", referrer_case_ref="stay-17")
    response = await caseworker.nav.post("/v1/applications", json=body)
    assert response.status_code == 201, response.text
    ours = response.json()
    theirs = await caseworker.application()

    referrals = (await caseworker.nav.get("/v1/referrals")).json()
    assert [r["id"] for r in referrals["items"]] == [ours["id"]]
    assert set(referrals["items"][0]) == {
        "id",
        "state",
        "referrer",
        "referrer_case_ref",
        "submitted_on",
        "decided_on",
        "outcome",
    }
    assert (await caseworker.nav.get("/v1/referrals", params={"referrer_case_ref": "stay-17"})).json()["total"] == 1
    assert (await caseworker.nav.get(f"/v1/referrals/{ours['id']}")).json()["state"] == "submitted"
    problem(await caseworker.nav.get(f"/v1/referrals/{theirs['id']}"), 404)
    problem(await caseworker.nav.get("/v1/applications"), 403)
    problem(await caseworker.staff.get("/v1/referrals"), 403)
    [event] = [e for e in await caseworker.events() if e.data.model_dump().get("application_id") == ours["id"]]
    assert event.data.model_dump()["referrer_case_ref"] == "stay-17"


async def test_nav_cannot_act_for_people_it_did_not_register_as_its_clients(caseworker: Caseworker) -> None:
    someone_else = await caseworker.applicant()  # registered by Boligkontoret, with consent
    [consent] = (await caseworker.staff.get(f"/v1/applicants/{someone_else['id']}")).json()["consents"]
    before = await snapshot(caseworker)
    body = caseworker.application_body(someone_else["id"], referrer="nav", referrer_case_ref="stay-18")
    problem(await caseworker.nav.post("/v1/applications", json=body), 403)
    consent_body = {"signed_on": caseworker.today.isoformat(), "scope": ["collect_information"]}
    problem(await caseworker.nav.post(f"/v1/applicants/{someone_else['id']}/consents", json=consent_body), 403)
    revoke = f"/v1/applicants/{someone_else['id']}/consents/{consent['id']}/revoke"
    problem(await caseworker.nav.post(revoke, json={}), 403)
    assert await snapshot(caseworker) == before


async def test_nav_intro_letters_go_to_the_programme_adviser(caseworker: Caseworker) -> None:
    application = await caseworker.application(
        caseworker.nav, referrer="nav_intro", referrer_case_ref="settlement-4", referrer_contact="NAV Intro, Per"
    )
    assert application["reply_to"] == "referrer"
    [receipt] = (await caseworker.staff.get(f"/v1/applications/{application['id']}/letters")).json()
    assert receipt["addressee"] == "NAV Intro, Per"


# --- Allocation committee ------------------------------------------------------------------------------


async def test_meetings_freeze_their_case_list_five_working_days_before(caseworker: Caseworker) -> None:
    meeting = await caseworker.meeting(days_ahead=10)  # Thursday 15 January 2015
    assert meeting["meeting_date"] == "2015-01-15"
    assert meeting["case_list_freezes_on"] == "2015-01-08"
    problem(await caseworker.staff.post("/v1/meetings", json={"meeting_date": "2015-01-15"}), 409)
    problem(await caseworker.coordinator.post("/v1/meetings", json={"meeting_date": "2015-02-15"}), 403)

    submitted = await caseworker.application()
    url = f"/v1/meetings/{meeting['id']}/cases"
    wrong = await caseworker.staff.post(url, json={"application_id": submitted["id"]})
    assert problem(wrong, 409)["current_state"] == "submitted"
    await caseworker.staff.post(f"/v1/applications/{submitted['id']}/completeness-check")
    added = await caseworker.staff.post(url, json={"application_id": submitted["id"]})
    assert added.status_code == 201 and added.json()["cases"][0]["application_id"] == submitted["id"]
    twice = await caseworker.staff.post(url, json={"application_id": submitted["id"]})
    assert problem(twice, 409)["meeting_id"] == meeting["id"]
    problem(await caseworker.staff.post(url, json={"application_id": "app-none"}), 422)
    problem(await caseworker.staff.post("/v1/meetings/mtg-none/cases", json={"application_id": "x"}), 404)

    late = await caseworker.application()
    await caseworker.staff.post(f"/v1/applications/{late['id']}/completeness-check")
    caseworker.harness.clock.advance(timedelta(days=3))  # Thursday 8 January: frozen
    frozen = await caseworker.staff.post(url, json={"application_id": late["id"]})
    assert problem(frozen, 409)["current_state"] == "case_list_frozen"
    got = (await caseworker.coordinator.get(f"/v1/meetings/{meeting['id']}")).json()
    assert got["case_list_frozen"] is True and len(got["cases"]) == 1
    listed = (await caseworker.coordinator.get("/v1/meetings", params={"from_date": "2015-01-01"})).json()
    assert listed["total"] == 1


async def test_decisions_approve_to_the_waiting_list_or_reject_with_reasons(caseworker: Caseworker) -> None:
    approved = await caseworker.application()
    rejected = await caseworker.application(ownership_check={"able_to_buy": True})
    outsider = await caseworker.application()
    meeting = await caseworker.meeting()
    for application in (approved, rejected):
        await caseworker.staff.post(f"/v1/applications/{application['id']}/completeness-check")
        await caseworker.staff.post(f"/v1/meetings/{meeting['id']}/cases", json={"application_id": application["id"]})
    url = f"/v1/meetings/{meeting['id']}/decisions"
    early = await caseworker.staff.post(url, json={"application_id": approved["id"], "outcome": "approved"})
    assert problem(early, 409)["current_state"] == "scheduled"
    await caseworker.to_meeting_day(meeting)
    before = await snapshot(caseworker)
    not_listed = await caseworker.staff.post(url, json={"application_id": outsider["id"], "outcome": "approved"})
    assert problem(not_listed, 422)["code"] == "not_on_case_list"
    problem(await caseworker.staff.post(url, json={"application_id": rejected["id"], "outcome": "rejected"}), 422)
    problem(
        await caseworker.staff.post(
            url, json={"application_id": approved["id"], "outcome": "approved", "reject_reasons": ["other"]}
        ),
        422,
    )
    assert await snapshot(caseworker) == before

    ok = await caseworker.staff.post(url, json={"application_id": approved["id"], "outcome": "approved"})
    assert ok.json()["state"] == "approved" and ok.json()["decided_on"] == meeting["meeting_date"]
    again = await caseworker.staff.post(url, json={"application_id": approved["id"], "outcome": "approved"})
    assert problem(again, 409)["current_state"] == "approved"
    refusal = await caseworker.staff.post(
        url,
        json={
            "application_id": rejected["id"],
            "outcome": "rejected",
            "reject_reasons": ["able_to_buy"],
            "reasoning": "Husstanden kan få startlån.",
        },
    )
    assert refusal.json()["state"] == "rejected"
    meeting_day = date.fromisoformat(meeting["meeting_date"])
    assert refusal.json()["appeal_deadline"] == (meeting_day + timedelta(weeks=3)).isoformat()

    letters = (await caseworker.staff.get(f"/v1/applications/{rejected['id']}/letters")).json()
    refusal_letter = letters[-1]
    assert refusal_letter["kind"] == "refusal"
    assert "startlån" in refusal_letter["body"] and "Klagefristen er tre uker" in refusal_letter["body"]
    assert (meeting_day + timedelta(weeks=3)).strftime("%d.%m.%Y") in refusal_letter["body"]
    waiting = (await caseworker.staff.get(f"/v1/applications/{approved['id']}/letters")).json()[-1]
    assert waiting["kind"] == "waiting_list" and "venteliste" in waiting["body"]

    decided = [e.data.model_dump() for e in await caseworker.events() if e.type.endswith("application.decided.v1")]
    assert [(d["outcome"], d["reject_reasons"]) for d in decided] == [("approved", ()), ("rejected", ("able_to_buy",))]
    assert decided[1]["appeal_deadline"] == meeting_day + timedelta(weeks=3)


async def test_an_appeal_goes_back_to_the_committee(caseworker: Caseworker) -> None:
    application = await caseworker.application()
    await caseworker.decide([application["id"]], outcome="rejected", reject_reasons=["not_resident"])
    url = f"/v1/applications/{application['id']}"
    appealed = await caseworker.staff.post(f"{url}/appeal", json={})
    assert appealed.json()["state"] == "appealed"
    twice = await caseworker.staff.post(f"{url}/appeal", json={})
    assert problem(twice, 409)["current_state"] == "appealed"
    await caseworker.decide([application["id"]])
    assert (await caseworker.staff.get(url)).json()["state"] == "approved"
    kinds = await caseworker.event_types()
    assert kinds == [
        "application.submitted",
        "application.completeness_checked",
        "application.listed_for_meeting",
        "application.decided",
        "application.appealed",
        "application.listed_for_meeting",  # the appeal goes on a case list again
        "application.decided",
    ]
    events = await caseworker.events()
    assert events[1].data.model_dump()["missing_documents"] == ()  # complete: nothing asked for
    assert events[4].data.model_dump()["within_deadline"] is True
    assert events[6].data.model_dump()["after_appeal"] is True


async def test_wrong_state_is_a_409_naming_the_state_and_changes_nothing(caseworker: Caseworker) -> None:
    [application] = await caseworker.approved()
    url = f"/v1/applications/{application['id']}"
    before = await snapshot(caseworker)
    assert problem(await caseworker.staff.post(f"{url}/appeal", json={}), 409)["current_state"] == "approved"
    assert problem(await caseworker.staff.post(f"{url}/completeness-check"), 409)["current_state"] == "approved"
    body = {"application_id": application["id"], "contract_type": "ordinary_rental", "start_date": "2015-03-01"}
    tenancy = await caseworker.staff.post("/v1/tenancies", json={**body, "deposit_kind": "cash"})
    assert problem(tenancy, 409)["current_state"] == "approved"
    assert await snapshot(caseworker) == before


async def test_leaving_the_waiting_list(caseworker: Caseworker) -> None:
    [on_list] = await caseworker.approved()
    pending = await caseworker.application()
    url = f"/v1/applications/{on_list['id']}/leave-list"
    problem(await caseworker.staff.post(url, json={"reason": "declined_offer"}), 422)  # only via an offer
    left = await caseworker.staff.post(url, json={"reason": "housed_elsewhere"})
    assert left.json()["state"] == "housed_elsewhere"
    assert problem(await caseworker.staff.post(url, json={"reason": "withdrawn"}), 409)["current_state"] == (
        "housed_elsewhere"
    )
    withdrawn = await caseworker.staff.post(
        f"/v1/applications/{pending['id']}/leave-list", json={"reason": "withdrawn"}
    )
    assert withdrawn.json()["state"] == "withdrawn"
    left_events = [e.data.model_dump() for e in await caseworker.events() if "left_list" in e.type]
    # Only the approved one stood on the list; the withdrawn application never did.
    assert [(e["application_id"], e["reason"]) for e in left_events] == [(on_list["id"], "housed_elsewhere")]


# --- Dwellings, waiting list and offers ---------------------------------------------------------------


async def test_the_waiting_list_is_ranked_and_explained(caseworker: Caseworker) -> None:
    plain = await caseworker.application(priority_factors=["unsuitable_dwelling"])
    urgent = await caseworker.application(priority_factors=["cannot_find_alternative", "no_fixed_address"])
    first = await caseworker.application(priority_factors=["head_lease_ending"])
    care = await caseworker.application(kind="care", documents_received=[])
    await caseworker.staff.post(
        f"/v1/applications/{care['id']}/documents",
        json={"documents": ["income_documentation", "tax_assessment", "housing_situation", "care_needs_assessment"]},
    )
    await caseworker.decide([plain["id"], urgent["id"], first["id"], care["id"]])
    ranked = (await caseworker.coordinator.get("/v1/waiting-list", params={"kind": "rental"})).json()
    assert [r["application_id"] for r in ranked["items"]] == [first["id"], urgent["id"], plain["id"]]
    assert ranked["items"][1]["explanation"][0] == "cannot_find_alternative (+200)"
    assert (await caseworker.coordinator.get("/v1/waiting-list")).json()["total"] == 4
    page = (await caseworker.coordinator.get("/v1/waiting-list", params={"limit": 1, "offset": 1})).json()
    assert page["items"][0]["rank"] == 2


async def test_a_page_of_the_waiting_list_is_the_domains_ranking_of_every_candidate(caseworker: Caseworker) -> None:
    """The service ranks the rows and makes candidates of the page's only; the domain ranks all candidates."""
    factor_sets = [[], ["unsuitable_dwelling"], ["notice_to_quit", "unsuitable_dwelling"], ["head_lease_ending"]]
    for _ in range(2):  # two decision dates, and ties within each
        await caseworker.decide(
            [(await caseworker.application(priority_factors=factors))["id"] for factors in factor_sets * 2]
        )
    runtime = caseworker.harness.runtimes["applications"]
    async with runtime.database.sessions() as session:
        every = await service.candidates(session)
    for offset, limit in [(0, 50), (0, 5), (3, 4), (14, 5), (16, 1)]:
        page = (await caseworker.coordinator.get("/v1/waiting-list", params={"limit": limit, "offset": offset})).json()
        expected = domain.waiting_list_page(every, caseworker.today, offset=offset, limit=limit)
        assert page["total"] == len(every) == 16
        assert [(r["rank"], r["application_id"], r["score"], r["explanation"]) for r in page["items"]] == [
            (r.rank, r.candidate.application_id, r.score, list(r.explanation)) for r in expected
        ]


async def test_dwellings_come_from_lke_events_and_are_matched(caseworker: Caseworker) -> None:
    small = await caseworker.application()
    family = await caseworker.application(household={"adults": 2, "children": 2}, needs={"accessible": True})
    await caseworker.decide([small["id"], family["id"]])
    assert (await caseworker.coordinator.get("/v1/dwellings")).json()["total"] == 0
    await caseworker.ready_dwelling("dw-big", bedrooms=3, accessible=True)  # too big for one bedroom's need
    await caseworker.ready_dwelling("dw-small", bedrooms=1)
    offerable = (await caseworker.coordinator.get("/v1/dwellings", params={"offerable": True})).json()
    assert sorted(d["id"] for d in offerable["items"]) == ["dw-big", "dw-small"]
    big = (await caseworker.coordinator.get("/v1/dwellings/dw-big/matches")).json()
    assert [m["application_id"] for m in big] == [family["id"]]
    assert "fits: 3 bedrooms for 2 adults and 2 children (2 bedrooms to 3 bedrooms)" in big[0]["explanation"]
    assert big[0]["explanation"][-1] == "accessible, as needed"
    small_matches = (await caseworker.staff.get("/v1/dwellings/dw-small/matches")).json()
    assert [m["application_id"] for m in small_matches] == [small["id"]]
    problem(await caseworker.staff.get("/v1/dwellings/dw-none"), 404)
    problem(await caseworker.staff.get("/v1/dwellings/dw-none/matches"), 404)

    await caseworker.publish(
        DwellingWithdrawn(dwelling_id="dw-small", withdrawn_on=caseworker.today, reason="sold", permanent=True)
    )
    got = (await caseworker.staff.get("/v1/dwellings/dw-small")).json()
    assert got["status"] == "withdrawn" and got["offerable"] is False


async def test_two_offers_of_one_dwelling_at_once_make_one_offer(caseworker: Caseworker) -> None:
    await caseworker.approved(count=2)
    dwelling = await caseworker.ready_dwelling()
    first, second = await asyncio.gather(
        caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={}),
        caseworker.staff.post(f"/v1/dwellings/{dwelling}/offers", json={}),
    )
    assert sorted([first.status_code, second.status_code]) == [201, 409]
    assert (await caseworker.staff.get("/v1/offers", params={"state": "pending"})).json()["total"] == 1


async def test_every_state_change_is_audited(caseworker: Caseworker) -> None:
    [application] = await caseworker.approved()
    async with caseworker.harness.runtimes["applications"].database.sessions() as session:
        rows = (
            await session.execute(
                select(audit_log.c.action, audit_log.c.actor).where(audit_log.c.entity_id == application["id"])
            )
        ).all()
    actions = [row.action for row in rows]
    assert actions[0] == "application.submitted"
    assert "application.check_completeness" in actions and "application.approve" in actions
    assert {row.actor for row in rows} == {"boligkontoret:boligkontoret-tester"}


async def test_offers_refuse_unknown_and_unready_dwellings(caseworker: Caseworker) -> None:
    await caseworker.approved()
    before = await snapshot(caseworker)
    problem(await caseworker.staff.post("/v1/dwellings/dw-none/offers", json={}), 404)
    problem(await caseworker.staff.post("/v1/dwellings/dw-none/offers", json={"answer_days": 0}), 422)
    await caseworker.ready_dwelling("dw-care", category="care")
    nobody = await caseworker.staff.post("/v1/dwellings/dw-care/offers", json={})
    assert problem(nobody, 422)["code"] == "no_matching_applicant"
    problem(await caseworker.coordinator.post("/v1/dwellings/dw-care/offers", json={}), 403)
    problem(await caseworker.staff.post("/v1/offers/off-none/answer", json={"answer": "accepted"}), 404)
    problem(await caseworker.staff.get("/v1/offers/off-none"), 404)
    assert await snapshot(caseworker) == before
    await caseworker.publish(
        DwellingWithdrawn(dwelling_id="dw-care", withdrawn_on=caseworker.today, reason="sold", permanent=True)
    )
    assert problem(await caseworker.staff.post("/v1/dwellings/dw-care/offers", json={}), 409)["current_state"] == (
        "withdrawn"
    )


async def test_tenancy_endpoints_refuse_bad_input(caseworker: Caseworker) -> None:
    problem(await caseworker.staff.get("/v1/tenancies/ten-none"), 404)
    problem(await caseworker.staff.post("/v1/tenancies/ten-none/move-in", json={}), 404)
    problem(await caseworker.staff.post("/v1/tenancies/ten-none/notice", json={"given_by": "tenant"}), 422)
    body = {
        "application_id": "app-none",
        "contract_type": "ordinary_rental",
        "start_date": "2015-03-01",
        "deposit_kind": "cash",
    }
    problem(await caseworker.staff.post("/v1/tenancies", json=body), 422)
    problem(await caseworker.staff.post("/v1/tenancies", json={**body, "contract_type": "tenth_kind"}), 422)
    problem(await caseworker.nav.post("/v1/tenancies", json=body), 403)
    assert (await caseworker.coordinator.get("/v1/tenancies")).json()["total"] == 0


async def test_openapi_documents_every_route(caseworker: Caseworker) -> None:
    spec = (await caseworker.staff.get("/openapi.json")).json()
    paths = spec["paths"]
    for path in (
        "/v1/applicants",
        "/v1/applications",
        "/v1/referrals",
        "/v1/meetings/{meeting_id}/decisions",
        "/v1/waiting-list",
        "/v1/dwellings/{dwelling_id}/offers",
        "/v1/offers/{offer_id}/answer",
        "/v1/tenancies/{tenancy_id}/renewal",
        "/v1/letters/{letter_id}/pdf",
    ):
        assert path in paths
    assert spec["components"]["schemas"]["ApplicantIn"]["properties"]["national_id"]["examples"]
