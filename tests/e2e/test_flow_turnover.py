"""Flow 2, turnover: a tenant Boligkontoret housed gives notice, LKE books the inspection by itself, the tenancy
ends, the inspection fails, the renovation is completed late (LKE owes the lost rent), the dwelling is ready for
letting again and is let to the top of the waiting list. Driven through the public APIs with each agency's token.

The helpers below are shared with the refugee flow (test_flow_refugees.py imports them).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import httpx

from boligflyt.client import applications as applications_client
from boligflyt.client import maintenance as maintenance_client
from boligflyt.client.applications.api import applicants, applications, committee, offers, tenancies
from boligflyt.client.applications.models import (
    ApplicantIn,
    ApplicationIn,
    CaseIn,
    ConsentIn,
    DecisionIn,
    EndIn,
    MeetingIn,
    MoveInIn,
    NoticeIn,
    OfferAnswerIn,
    OfferAnswerInAnswer,
    OfferIn,
    TenancyIn,
)
from boligflyt.client.maintenance.api.dwellings import register_dwelling
from boligflyt.client.maintenance.api.inspections import complete_inspection
from boligflyt.client.maintenance.api.renovation import complete_job, start_job
from boligflyt.client.maintenance.models import DwellingCreate, InspectionResult, RenovationCompletion, RenovationStart
from boligflyt.contracts.envelope import Envelope
from boligflyt.platform.auth import Agency
from boligflyt.testkit.people import random_person

from .agencies import close_gates, ok, refused, typed
from .events import name_of, topic_events
from .system import System, eventually

ALL_DOCUMENTS = ["income_documentation", "tax_assessment", "housing_situation"]
CHECKLIST = ["fire_safety", "electrical", "kitchen", "bathroom", "surfaces", "cleaning", "keys"]
WAIT = 60.0  # seconds for a hand-off between services (Kafka consumers on two busy cores)
ID_FIELDS = (
    "application_id",
    "dwelling_id",
    "tenancy_id",
    "offer_id",
    "settlement_id",
    "quota_id",
    "need_id",
    "order_id",
    "project_id",
)


def tag() -> str:
    return uuid.uuid4().hex[:8]


async def get(client: httpx.AsyncClient, url: str, **params: Any) -> Any:
    return ok(await client.get(url, params=params or None))


async def register_applicant(system: System, client: httpx.AsyncClient, name: str) -> dict[str, Any]:
    """Register a person (Boligkontoret's staff, or NAV for its client) with signed consent."""
    api = typed(applications_client.AuthenticatedClient, client)
    for _ in range(5):
        person = ApplicantIn(
            national_id=random_person()[1],
            name=name,
            postal_address="Storgata 1",
            phone=f"4{random.randint(0, 9_999_999):07d}",
        )
        response = await applicants.register_applicant.asyncio_detailed(client=api, body=person)
        if response.status_code != 409:  # an id drawn twice: draw again
            break
    applicant: dict[str, Any] = ok(response, 201)
    consent = {"signed_on": system.today().isoformat(), "scope": ["collect_information", "share_with_nav"]}
    recorded = await applicants.record_consent.asyncio_detailed(
        applicant["id"], client=api, body=ConsentIn.from_dict(consent)
    )
    ok(recorded, 201)
    return applicant


async def submit_application(
    system: System, client: httpx.AsyncClient, name: str, *, bedrooms: int, adults: int, children: int, **fields: Any
) -> dict[str, Any]:
    applicant = await register_applicant(system, client, name)
    body: dict[str, Any] = {
        "applicant_id": applicant["id"],
        "kind": "rental",
        "household": {"adults": adults, "children": children},
        "needs": {"bedrooms": bedrooms},
        "priority_factors": [],
        "ownership_check": {"able_to_buy": False},
        "documents_received": ALL_DOCUMENTS,
        **fields,
    }
    api = typed(applications_client.AuthenticatedClient, client)
    submitted = await applications.submit_application.asyncio_detailed(client=api, body=ApplicationIn.from_dict(body))
    application: dict[str, Any] = ok(submitted, 201)
    assert application["state"] in ("submitted", "complete"), application
    return application


async def schedule_meeting(system: System, staff: httpx.AsyncClient) -> dict[str, Any]:
    """The next committee (TBO) meeting whose case list is still open (another flow may hold a day already)."""
    api = typed(applications_client.AuthenticatedClient, staff)
    for days_ahead in range(10, 90):
        meeting_date = system.today() + timedelta(days=days_ahead)
        response = await committee.create_meeting.asyncio_detailed(
            client=api, body=MeetingIn(meeting_date=meeting_date)
        )
        if response.status_code == 201:
            meeting: dict[str, Any] = ok(response, 201)
            assert meeting["case_list_frozen"] is False, meeting
            return meeting
        refused(response, 409)
    raise AssertionError("no free meeting day in the next three months")


async def committee_approves(
    system: System, staff: httpx.AsyncClient, application_ids: list[str], meeting: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The committee (TBO) approves the applications: on a meeting's case list before it freezes (five working
    days before), decided on the meeting day, to which the processes' calendar is moved."""
    api = typed(applications_client.AuthenticatedClient, staff)
    meeting = meeting or await schedule_meeting(system, staff)
    for application_id in application_ids:
        checked = ok(await applications.completeness_check.asyncio_detailed(application_id, client=api))
        assert checked["state"] == "complete", checked
        case = CaseIn(application_id=application_id)
        ok(await committee.add_case.asyncio_detailed(meeting["id"], client=api, body=case), 201)
    held_on = date.fromisoformat(meeting["meeting_date"])
    approval = {"application_id": application_ids[0], "outcome": "approved"}
    early = await committee.decide.asyncio_detailed(meeting["id"], client=api, body=DecisionIn.from_dict(approval))
    assert refused(early, 409)["current_state"] == "scheduled"  # not before the meeting
    system.advance_clock((held_on - system.today()).days)
    for application_id in application_ids:
        body = DecisionIn.from_dict({"application_id": application_id, "outcome": "approved"})
        decided = ok(await committee.decide.asyncio_detailed(meeting["id"], client=api, body=body))
        assert (decided["state"], decided["decided_on"]) == ("approved", held_on.isoformat())
    return meeting


def ids_of(event: Envelope) -> set[str]:
    data = event.data.model_dump(mode="json")
    found = {str(data[name]) for name in ID_FIELDS if data.get(name)}
    return found | {str(i) for i in data.get("dwelling_ids") or ()}


def flow_events(events: Iterable[Envelope], ids: Iterable[str]) -> list[Envelope]:
    """The events of one flow: those naming any of its ids, in the topic's order, each event once.

    The bus promises at least once: a relay that fails after publishing publishes the batch again (seen on the
    embedded log when SQLite answers "database is locked" to the relay's update), and consumers skip the copy
    by its event id. So does this.
    """
    wanted, seen, flow = set(ids), set(), []
    for event in events:
        if ids_of(event) & wanted and event.id not in seen:
            seen.add(event.id)
            flow.append(event)
    return flow


async def flow_event_names(system: System, topic: str, ids: Iterable[str]) -> list[str]:
    return [name_of(event) for event in flow_events(await topic_events(system, topic), ids)]


def readiness(tag_: str) -> dict[str, Any]:
    return {
        "photographs": [f"photo/{tag_}/1.jpg", f"photo/{tag_}/2.jpg"],
        "meter_number": f"M{tag_}",
        "meter_reading_kwh": 1234,
    }


def checklist(failed: dict[str, str] | None = None) -> list[dict[str, Any]]:
    failed = failed or {}
    return [
        {"item": item, "passed": item not in failed, **({"note": failed[item]} if item in failed else {})}
        for item in CHECKLIST
    ]


async def status_of(client: httpx.AsyncClient, url: str, field: str, wanted: str) -> dict[str, Any] | None:
    response = await client.get(url)
    if response.status_code == 404:  # not heard of it yet
        return None
    body: dict[str, Any] = ok(response)
    return body if body[field] == wanted else None


async def until_state(client: httpx.AsyncClient, url: str, wanted: str, *, field: str = "state") -> dict[str, Any]:
    async def check() -> dict[str, Any] | None:
        return await status_of(client, url, field, wanted)

    result: dict[str, Any] = await eventually(check, timeout=WAIT, what=f"{url} {field}={wanted}")
    return result


# --- Flow 2 -------------------------------------------------------------------------------------------

# Households of this flow need 4 bedrooms (or 3) and its dwelling has 4: no other flow's household fits it.
BEDROOMS = 4
RENT = 9_125  # a whole 300 NOK a day (x 12 / 365)
LATE = 5


async def test_turnover_from_notice_to_the_next_tenant(system: System) -> None:
    t = tag()
    lke = system.client("maintenance", Agency.lke)
    staff = system.client("applications", Agency.boligkontoret)
    with system.calendar_moved():
        async with lke, staff:
            await turnover(system, t, lke, staff)


ACCEPTED = OfferAnswerIn(answer=OfferAnswerInAnswer.ACCEPTED)


async def turnover(system: System, t: str, lke: httpx.AsyncClient, staff: httpx.AsyncClient) -> None:
    lke_api = typed(maintenance_client.AuthenticatedClient, lke)
    staff_api = typed(applications_client.AuthenticatedClient, staff)
    # LKE's dwelling, ready for letting.
    registered = await register_dwelling.asyncio_detailed(
        client=lke_api,
        body=DwellingCreate.from_dict(
            {
                "external_ref": f"E2E-T-{t}",
                "address": "Kongegata 12",
                "zone": f"Z{t}",
                "category": "ordinary",
                "owner": "lke",
                "rooms": BEDROOMS + 2,
                "bedrooms": BEDROOMS,
                "monthly_rent": RENT,
                "status": "ready",
            }
        ),
    )
    dwelling_id = ok(registered, 201)["id"]
    dwelling_url = f"/v1/dwellings/{dwelling_id}"
    await until_state(staff, dwelling_url, "ready", field="status")

    # The waiting list: the tenant-to-be first (a head lease ending), then two others; the committee approves.
    tenant = await submit_application(
        system,
        staff,
        "Turid Leietaker",
        bedrooms=BEDROOMS,
        adults=2,
        children=4,
        priority_factors=["head_lease_ending"],
    )
    top = await submit_application(
        system,
        staff,
        "Nils Ventende",
        bedrooms=BEDROOMS,
        adults=2,
        children=3,
        priority_factors=["cannot_find_alternative", "no_fixed_address"],
    )
    next_ = await submit_application(
        system, staff, "Berit Bakerst", bedrooms=BEDROOMS - 1, adults=1, children=3, priority_factors=["notice_to_quit"]
    )
    await committee_approves(system, staff, [tenant["id"], top["id"], next_["id"]])

    # The tenant is housed: offered, accepted, signed, moved in.
    offer1 = ok(await offers.make_offer.asyncio_detailed(dwelling_id, client=staff_api, body=OfferIn()), 201)
    assert (offer1["application_id"], offer1["rank"]) == (tenant["id"], 1)
    ok(await offers.answer_offer.asyncio_detailed(offer1["id"], client=staff_api, body=ACCEPTED))
    await until_state(lke, dwelling_url, "reserved", field="status")
    contract = {
        "application_id": tenant["id"],
        "contract_type": "ordinary_rental",
        "start_date": system.today().isoformat(),
        "deposit_kind": "cash",
    }
    await close_gates(system, staff, tenant["id"], "cash")
    tenancy1 = ok(
        await tenancies.sign_tenancy.asyncio_detailed(client=staff_api, body=TenancyIn.from_dict(contract)), 201
    )
    tenancy1_url = f"/v1/tenancies/{tenancy1['id']}"
    moved = await tenancies.move_in.asyncio_detailed(tenancy1["id"], client=staff_api, body=MoveInIn())
    assert ok(moved)["state"] == "active"
    await until_state(lke, dwelling_url, "let", field="status")

    # Some months on the tenant gives notice, moving out in 30 days: LKE books the move-out inspection by itself.
    system.advance_clock(100)
    noticed_on = system.today()
    move_out = noticed_on + timedelta(days=30)
    notice = {"given_by": "tenant", "move_out_date": move_out.isoformat()}
    noticed = await tenancies.give_notice.asyncio_detailed(
        tenancy1["id"], client=staff_api, body=NoticeIn.from_dict(notice)
    )
    assert ok(noticed)["state"] == "notice_given"
    await until_state(lke, dwelling_url, "notice_given", field="status")

    async def booked() -> dict[str, Any] | None:
        page = await get(lke, "/v1/inspections", dwelling_id=dwelling_id)
        items = [i for i in page["items"] if i["trigger"] == "move_out_notice"]
        return items[0] if items else None

    inspection = await eventually(booked, timeout=WAIT, what="the move-out inspection booked by LKE")
    assert (inspection["status"], inspection["tenancy_id"]) == ("booked", tenancy1["id"])
    assert (inspection["booked_on"], inspection["planned_on"]) == (
        noticed_on.isoformat(),
        (noticed_on + timedelta(days=7)).isoformat(),  # within a week of the notice
    )

    # The tenancy ends on the move-out day: the dwelling is vacant from then.
    system.advance_clock(30)
    end = EndIn.from_dict({"reason": "notice_by_tenant"})
    ended = ok(await tenancies.end_tenancy.asyncio_detailed(tenancy1["id"], client=staff_api, body=end))
    assert (ended["state"], ended["ended_on"]) == ("ended", move_out.isoformat())
    vacant = await until_state(lke, dwelling_url, "vacant", field="status")
    assert vacant["status_since"] == move_out.isoformat()

    # The inspection on the move-out day fails: a renovation job is ordered, due in a month.
    failed = {"kitchen": "Worktop burnt through", "surfaces": "Walls damaged in two rooms"}
    result = await complete_inspection.asyncio_detailed(
        inspection["id"],
        client=lke_api,
        body=InspectionResult.from_dict({"inspector": "LKE", "results": checklist(failed)}),
    )
    completed_inspection = ok(result)
    assert completed_inspection["meets_minimum_standard"] is False
    job_id = completed_inspection["renovation_job_id"]
    job_url = f"/v1/renovation-jobs/{job_id}"
    job = await get(lke, job_url)
    due = date.fromisoformat(job["due_date"])
    assert (job["status"], job["ordered_on"], job["due_date_agreed"]) == ("ordered", move_out.isoformat(), False)
    assert date(due.year, due.month, 1) > date(move_out.year, move_out.month, 1)  # the next month
    assert (await get(lke, dwelling_url))["status"] == "inspected"

    # Work starts three days later and is done five days after the due date: LKE owes the lost rent.
    system.advance_clock(3)
    started = ok(await start_job.asyncio_detailed(job_id, client=lke_api, body=RenovationStart()))
    assert (started["status"], started["started_on"]) == ("started", system.today().isoformat())
    system.advance_clock((due - system.today()).days + LATE)
    accrued = await get(lke, job_url)  # an open job shows what it has cost so far
    assert (accrued["daily_rent"], accrued["days_late"], accrued["lost_rent_owed"]) == (300, LATE, 300 * LATE)
    completion = {
        "cost_hard_use": 42_000,
        "cost_age_wear": 18_000,
        "joint_inspection_passed": True,
        "readiness": readiness(t),
    }
    done = ok(
        await complete_job.asyncio_detailed(job_id, client=lke_api, body=RenovationCompletion.from_dict(completion))
    )
    ready_on = system.today()
    assert (done["completed_on"], done["days_late"], done["lost_rent_owed"]) == (ready_on.isoformat(), LATE, 1_500)
    assert (await get(lke, dwelling_url))["status"] == "ready"

    # Ready for letting again: Boligkontoret offers it to the top of the waiting list (among those it suits).
    async def offerable() -> dict[str, Any] | None:
        body: dict[str, Any] = await get(staff, dwelling_url)
        return body if body["offerable"] else None

    await eventually(offerable, timeout=WAIT, what="the renovated dwelling offerable at Boligkontoret")
    matches = [m["application_id"] for m in await get(staff, f"{dwelling_url}/matches")]
    assert matches == [top["id"], next_["id"]]
    offer2 = ok(await offers.make_offer.asyncio_detailed(dwelling_id, client=staff_api, body=OfferIn()), 201)
    assert (offer2["application_id"], offer2["rank"]) == (top["id"], 1)
    ok(await offers.answer_offer.asyncio_detailed(offer2["id"], client=staff_api, body=ACCEPTED))
    await until_state(lke, dwelling_url, "reserved", field="status")
    contract2 = {
        "application_id": top["id"],
        "contract_type": "ordinary_rental",
        "start_date": ready_on.isoformat(),
        "deposit_kind": "nav_guarantee",
    }
    await close_gates(system, staff, top["id"], "nav_guarantee")
    tenancy2 = ok(
        await tenancies.sign_tenancy.asyncio_detailed(client=staff_api, body=TenancyIn.from_dict(contract2)), 201
    )
    moved = await tenancies.move_in.asyncio_detailed(tenancy2["id"], client=staff_api, body=MoveInIn())
    assert ok(moved)["state"] == "active"
    let = await until_state(lke, dwelling_url, "let", field="status")
    assert let["status_since"] == ready_on.isoformat()

    # The state at Boligkontoret.
    assert (await get(staff, f"/v1/applications/{tenant['id']}"))["state"] == "moved_in"
    assert (await get(staff, f"/v1/applications/{top['id']}"))["state"] == "moved_in"
    assert (await get(staff, f"/v1/applications/{next_['id']}"))["state"] == "approved"  # still waiting
    assert (await get(staff, tenancy1_url))["state"] == "ended"
    assert (await get(staff, f"/v1/tenancies/{tenancy2['id']}"))["state"] == "active"
    assert (await get(staff, f"/v1/offers/{offer2['id']}"))["state"] == "accepted"
    assert (await get(staff, dwelling_url))["status"] == "let"

    # The state at LKE: the job's lost rent, the status history and the void, split by what it waited for.
    job = await get(lke, job_url)
    assert (job["status"], job["days_late"], job["lost_rent_owed"], job["actual_cost"]) == (
        "completed",
        LATE,
        300 * LATE,
        60_000,
    )
    history = [h["status"] for h in await get(lke, f"{dwelling_url}/status-history")]
    assert history == [
        "ready",
        "reserved",
        "let",
        "notice_given",
        "vacant",
        "inspected",
        "renovating",
        "ready",
        "reserved",
        "let",
    ]
    [void] = (await get(lke, f"{dwelling_url}/void-days", as_of=ready_on.isoformat()))["periods"]
    renovating = (ready_on - move_out).days - 3
    assert (void["tenancy_ended_on"], void["let_on"]) == (move_out.isoformat(), ready_on.isoformat())
    assert (void["waiting_for_renovation"], void["renovating"], void["ready_not_let"]) == (2, renovating, 0)
    assert void["total"] == (ready_on - move_out).days - 1

    # The events of the flow, in order, on both topics.
    ids = [
        dwelling_id,
        tenant["id"],
        top["id"],
        next_["id"],
        tenancy1["id"],
        tenancy2["id"],
        offer1["id"],
        offer2["id"],
    ]
    assert await flow_event_names(system, "boligflyt.applications", ids) == [
        "application.submitted",
        "application.submitted",
        "application.submitted",
        "application.completeness_checked",  # each checked and listed in turn, then the meeting decides them all
        "application.listed_for_meeting",
        "application.completeness_checked",
        "application.listed_for_meeting",
        "application.completeness_checked",
        "application.listed_for_meeting",
        "application.decided",
        "application.decided",
        "application.decided",
        "offer.made",
        "offer.answered",
        "allocation.decided",
        "tenancy.signed",
        "tenancy.moved_in",
        "tenancy.notice_given",
        "tenancy.ended",
        "offer.made",
        "offer.answered",
        "allocation.decided",
        "tenancy.signed",
        "tenancy.moved_in",
    ]
    maintenance = flow_events(await topic_events(system, "boligflyt.maintenance"), [dwelling_id])
    assert [name_of(e) for e in maintenance] == [
        "dwelling.registered",
        "dwelling.reserved",
        "dwelling.let",
        "inspection.booked",
        "inspection.completed",
        "renovation.started",
        "renovation.completed",
        "dwelling.ready_for_letting",
        "dwelling.reserved",
        "dwelling.let",
    ]
    facts = {name_of(e): e.data.model_dump() for e in maintenance}
    assert facts["inspection.completed"]["renovation_needed"] is True
    renovated = facts["renovation.completed"]
    assert (renovated["due_date"], renovated["days_late"], renovated["lost_rent_owed"]) == (due, LATE, 300 * LATE)
    assert facts["dwelling.let"]["tenancy_id"] == tenancy2["id"]
