"""NAV's view of a referred case and the adviser's tasks, through NAV's API, from Boligkontoret's events: on SQLite
with the embedded log, and on PostgreSQL with Kafka."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from boligflyt.contracts.codes import DecisionOutcome, DocumentKind, OfferAnswer, RejectReason
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    AllocationMoveInRescheduled,
    ApplicationAppealed,
    ApplicationCompletenessChecked,
    ApplicationDecided,
    ApplicationListedForMeeting,
    ApplicationSubmitted,
    OfferAnswered,
    OfferMade,
    TenancyMovedIn,
)
from boligflyt.platform.auth import Agency
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness

from .conftest import new_agreement, new_provider, publish, ref_of, stay_body

SERVICE = "temporary-housing"
DISTRIBUTED = pytest.param("distributed", marks=[pytest.mark.kafka, pytest.mark.postgres, pytest.mark.slow])
APP = "app-0042"


@pytest.fixture(params=["embedded", DISTRIBUTED])
async def harness(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    start = datetime(2015, 1, 5, 9, 0, tzinfo=UTC)
    async with ServiceHarness([definition], tmp_path, kind=request.param, start=start) as h:
        await h.bus.ensure_topics(["boligflyt.applications"])
        yield h


@pytest.fixture
async def embedded(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=datetime(2015, 1, 5, 9, 0, tzinfo=UTC)) as h:
        await h.bus.ensure_topics(["boligflyt.applications"])
        yield h


async def on_day(harness: ServiceHarness, day: date, *events: Any) -> None:
    """Boligkontoret's events of a day, handled; then NAV's periodic jobs of that day."""
    harness.clock.set(datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC))
    for data in events:
        await publish(harness, data)
    await harness.settle()
    await harness.run_jobs(SERVICE)


async def case_of(nav: httpx.AsyncClient, stay_id: str) -> dict[str, Any]:
    stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
    case: dict[str, Any] = stay["case"]
    return case


async def tasks(nav: httpx.AsyncClient, **params: str) -> list[dict[str, Any]]:
    response = await nav.get("/v1/tasks", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_the_case_follows_boligkontoret_and_the_tasks_appear_and_clear(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav, subject="adviser-anne") as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        body = stay_body(provider_id)
        stay = (await nav.post("/v1/stays", json=body)).json()
        stay_id, ref = stay["stay_id"], ref_of(body["person"]["national_id"])
        assert stay["adviser"] == "adviser-anne" and stay["case"] is None

        submitted = ApplicationSubmitted(
            application_id=APP,
            person_ref=ref,
            submitted_on=date(2015, 1, 12),
            kind="rental",
            adults=1,
            children=0,
            bedrooms_needed=1,
            accessible_needed=False,
            referrer="nav",
            referrer_case_ref=stay_id,
        )
        asked = ApplicationCompletenessChecked(
            application_id=APP,
            checked_on=date(2015, 1, 12),
            missing_documents=(DocumentKind.TAX_ASSESSMENT,),
            documents_requested_on=date(2015, 1, 12),
        )
        await on_day(harness, date(2015, 1, 12), submitted, asked)
        case = await case_of(nav, stay_id)
        assert (case["state"], case["missing_documents"], case["documents_requested_on"]) == (
            "incomplete",
            ["tax_assessment"],
            "2015-01-12",
        )
        assert await tasks(nav) == []

        # 14 days without the document: a task for the adviser who follows the stay, and only for her.
        await on_day(harness, date(2015, 1, 26))
        [missing] = await tasks(nav, adviser="adviser-anne")
        assert (missing["kind"], missing["subject_id"], missing["status"]) == ("documents_missing", APP, "open")
        assert await tasks(nav, adviser="adviser-bob") == []
        await on_day(harness, date(2015, 1, 27))  # the job again: still one task
        assert len(await tasks(nav)) == 1

        # The document arrives: the task clears itself; the case goes on the committee's list.
        complete = ApplicationCompletenessChecked(application_id=APP, checked_on=date(2015, 1, 28))
        listed = ApplicationListedForMeeting(
            application_id=APP, meeting_id="mtg-1", meeting_on=date(2015, 2, 4), listed_on=date(2015, 1, 28)
        )
        await on_day(harness, date(2015, 1, 28), complete, listed)
        assert await tasks(nav) == []
        [cleared] = await tasks(nav, status="cleared")
        assert cleared["task_id"] == missing["task_id"] and cleared["resolution_reason"]
        case = await case_of(nav, stay_id)
        assert (case["state"], case["missing_documents"], case["meeting_on"]) == ("on_case_list", [], "2015-02-04")

        # Refused, with reasons and an appeal deadline; 5 days before it, a task; the appeal clears it.
        refused = ApplicationDecided(
            application_id=APP,
            person_ref=ref,
            decided_on=date(2015, 2, 4),
            outcome=DecisionOutcome.REJECTED,
            kind="rental",
            bedrooms_needed=1,
            reject_reasons=(RejectReason.ABLE_TO_BUY,),
            appeal_deadline=date(2015, 2, 25),
        )
        await on_day(harness, date(2015, 2, 4), refused)
        case = await case_of(nav, stay_id)
        assert (case["state"], case["reject_reasons"], case["appeal_deadline"]) == (
            "rejected",
            ["able_to_buy"],
            "2015-02-25",
        )
        assert await tasks(nav) == []
        await on_day(harness, date(2015, 2, 20))
        [appeal] = await tasks(nav)
        assert (appeal["kind"], appeal["due_on"]) == ("appeal_deadline", "2015-02-25")
        await on_day(
            harness,
            date(2015, 2, 21),
            ApplicationAppealed(application_id=APP, appealed_on=date(2015, 2, 21), within_deadline=True),
        )
        assert (await case_of(nav, stay_id))["state"] == "appealed" and await tasks(nav) == []

        # The appeal is upheld; the committee allocates a dwelling (area and size, no address).
        upheld = ApplicationDecided(
            application_id=APP,
            person_ref=ref,
            decided_on=date(2015, 3, 4),
            outcome=DecisionOutcome.APPROVED,
            kind="rental",
            bedrooms_needed=1,
            after_appeal=True,
        )
        offer = OfferMade(
            offer_id="off-1",
            application_id=APP,
            dwelling_id="lke-0153",
            person_ref=ref,
            rank=1,
            offered_on=date(2015, 3, 4),
            answer_deadline=date(2015, 3, 11),
            area_code="sentrum",
            bedrooms=1,
            expected_ready_on=date(2015, 3, 20),
        )
        await on_day(harness, date(2015, 3, 4), upheld, offer)
        case = await case_of(nav, stay_id)
        assert (case["state"], case["outcome"], case["answer_deadline"], case["expected_ready_on"]) == (
            "offered",
            "approved",
            "2015-03-11",
            "2015-03-20",
        )
        assert case["dwelling"] == {"dwelling_id": "lke-0153", "area_code": "sentrum", "bedrooms": 1}
        accepted = OfferAnswered(
            offer_id="off-1",
            application_id=APP,
            dwelling_id="lke-0153",
            answer=OfferAnswer.ACCEPTED,
            answered_on=date(2015, 3, 6),
        )
        allocated = AllocationDecided(
            application_id=APP,
            dwelling_id="lke-0153",
            person_ref=ref,
            offer_id="off-1",
            decided_on=date(2015, 3, 6),
            no_fixed_address=True,
            planned_move_in_on=date(2015, 3, 20),
            area_code="sentrum",
            bedrooms=1,
            expected_ready_on=date(2015, 3, 20),
        )
        await on_day(harness, date(2015, 3, 6), accepted, allocated)
        case = await case_of(nav, stay_id)
        assert (case["state"], case["offer_answer"], case["planned_move_in_on"]) == (
            "allocated",
            "accepted",
            "2015-03-20",
        )
        assert await tasks(nav, adviser="adviser-anne") == [
            t for t in await tasks(nav) if t["kind"] == "stay_days"
        ]  # the stay nears day 60 by now (day 53 on 27 Feb): that task only

        # The renovation slips: a task, and the new date; the move-in clears it and ends the stay.
        slipped = AllocationMoveInRescheduled(
            application_id=APP,
            dwelling_id="lke-0153",
            person_ref=ref,
            rescheduled_on=date(2015, 3, 12),
            previous_move_in_on=date(2015, 3, 20),
            planned_move_in_on=date(2015, 3, 27),
        )
        await on_day(harness, date(2015, 3, 12), slipped)
        case = await case_of(nav, stay_id)
        assert (case["first_planned_move_in_on"], case["planned_move_in_on"], case["expected_ready_on"]) == (
            "2015-03-20",
            "2015-03-27",
            "2015-03-27",
        )
        assert "move_in_slipped" in [t["kind"] for t in await tasks(nav)]
        moved = TenancyMovedIn(
            tenancy_id="ten-1",
            dwelling_id="lke-0153",
            application_id=APP,
            person_ref=ref,
            move_in_date=date(2015, 3, 27),
            first_let=False,
        )
        await on_day(harness, date(2015, 3, 27), moved)
        stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
        assert (stay["state"], stay["case"]["state"], stay["case"]["moved_in_on"]) == (
            "ended",
            "moved_in",
            "2015-03-27",
        )
        assert await tasks(nav) == []  # the slip and the stay's days both cleared
        assert {t["kind"] for t in await tasks(nav, status="cleared")} >= {"move_in_slipped", "stay_days"}
        assert [e["fact"] for e in stay["case"]["history"]] == [
            "application.submitted",
            "application.completeness_checked",
            "application.completeness_checked",
            "application.listed_for_meeting",
            "application.decided",
            "application.appealed",
            "application.decided",
            "offer.made",
            "offer.answered",
            "allocation.decided",
            "allocation.move_in_rescheduled",
            "tenancy.moved_in",
        ]

        # The case list, with the stay's days and the limit beside it; by adviser and state.
        listed_cases = (await nav.get("/v1/cases", params={"adviser": "adviser-anne"})).json()
        [item] = listed_cases["items"]
        assert (item["case"]["application_id"], item["days_in_stay"], item["limit_date"], item["stay_state"]) == (
            APP,
            81,
            "2015-04-05",
            "ended",
        )
        assert (await nav.get("/v1/cases", params={"adviser": "adviser-bob"})).json()["total"] == 0
        assert (await nav.get("/v1/cases", params={"state": "moved_in"})).json()["total"] == 1
        assert (await nav.get("/v1/cases", params={"state": "approved"})).json()["total"] == 0
        assert (await nav.get(f"/v1/cases/{APP}")).json()["state"] == "moved_in"


async def test_applications_nav_has_nothing_to_do_with_get_no_case(embedded: ServiceHarness) -> None:
    own = ApplicationSubmitted(
        application_id="app-self",
        person_ref=ref_of("01018012371"),
        submitted_on=date(2015, 1, 5),
        kind="rental",
        adults=1,
        children=0,
        bedrooms_needed=1,
        accessible_needed=False,
        referrer="self",
    )
    await on_day(
        embedded,
        date(2015, 1, 5),
        own,
        ApplicationCompletenessChecked(application_id="app-self", checked_on=date(2015, 1, 5)),
    )
    async with embedded.client(SERVICE, Agency.nav) as nav:
        assert (await nav.get("/v1/cases")).json()["total"] == 0
        unknown = await nav.get("/v1/cases/app-self")
        assert unknown.status_code == 404 and unknown.headers["content-type"].startswith("application/problem+json")
        bad = await nav.get("/v1/cases", params={"state": "sleeping"})
        assert bad.status_code == 422


async def test_stay_days_supersede_each_other_and_a_dismissal_needs_a_reason(embedded: ServiceHarness) -> None:
    async with embedded.client(SERVICE, Agency.nav, subject="adviser-anne") as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        body = stay_body(provider_id, adviser="adviser-bob")
        stay = (await nav.post("/v1/stays", json=body)).json()
        stay_id = stay["stay_id"]
        assert stay["adviser"] == "adviser-bob"  # named, not the one who placed the person

        await on_day(embedded, date(2015, 2, 26))  # day 52
        assert await tasks(nav) == []
        await on_day(embedded, date(2015, 2, 27))  # day 53: a week before day 60
        [sixty] = await tasks(nav, adviser="adviser-bob")
        assert (sixty["kind"], sixty["subject_id"], sixty["due_on"]) == ("stay_days", stay_id, "2015-03-06")
        await on_day(embedded, date(2015, 3, 14))  # day 68: a week before day 75
        [seventy_five] = await tasks(nav)
        assert seventy_five["detail"]["threshold"] == 75
        assert [t["task_id"] for t in await tasks(nav, status="cleared")] == [sixty["task_id"]]

        blank = await nav.post(f"/v1/tasks/{seventy_five['task_id']}/dismiss", json={"reason": "  "})
        assert blank.status_code == 422 and blank.json()["code"] == "reason_required"
        assert len(await tasks(nav)) == 1  # changed nothing
        dismissed = await nav.post(
            f"/v1/tasks/{seventy_five['task_id']}/dismiss", json={"reason": "A private rental is signed next week."}
        )
        assert dismissed.status_code == 200, dismissed.text
        assert (dismissed.json()["status"], dismissed.json()["resolution_reason"]) == (
            "dismissed",
            "A private rental is signed next week.",
        )
        again = await nav.post(f"/v1/tasks/{seventy_five['task_id']}/dismiss", json={"reason": "again"})
        assert again.status_code == 409 and again.json()["current_state"] == "dismissed"
        await on_day(embedded, date(2015, 3, 15))  # the job does not open a dismissed fact again
        assert await tasks(nav) == []

        # The stay ends with belongings left behind: the notice letter's deadline, a month on.
        ended = await nav.post(
            f"/v1/stays/{stay_id}/end",
            json={"end_date": "2015-03-15", "reason": "private_rental", "belongings_left": True},
        )
        assert ended.status_code == 200, ended.text
        [belongings] = await tasks(nav, adviser="adviser-bob")
        assert (belongings["kind"], belongings["due_on"]) == ("belongings_notice", "2015-04-15")
        done = await nav.post(f"/v1/tasks/{belongings['task_id']}/done")
        assert done.json()["status"] == "done"
        assert [t["kind"] for t in await tasks(nav, status="done")] == ["belongings_notice"]
        assert await tasks(nav, open="false", adviser="adviser-bob") != []

    async with embedded.client(SERVICE, Agency.coordinator) as reader:
        assert (await reader.get("/v1/tasks")).status_code == 403
        assert (await reader.get("/v1/cases")).status_code == 200


async def test_a_settlement_date_near_gives_a_task_that_clears_when_settled(embedded: ServiceHarness) -> None:
    async with embedded.client(SERVICE, Agency.nav) as nav:
        settlement = await nav.post(
            "/v1/settlements",
            json={
                "adults": 2,
                "children": 1,
                "category": "family",
                "origin": "reception_centre",
                "announced_on": "2015-01-05",
                "planned_settlement_date": "2015-02-15",
            },
        )
        assert settlement.status_code == 201, settlement.text
        await on_day(embedded, date(2015, 1, 31))
        assert await tasks(nav) == []
        await on_day(embedded, date(2015, 2, 1))
        [task] = await tasks(nav)
        assert (task["kind"], task["subject_id"], task["due_on"]) == (
            "settlement_deadline",
            settlement.json()["settlement_id"],
            "2015-02-15",
        )


async def test_the_settlement_task_follows_the_national_deadline_where_the_permit_is_known(
    embedded: ServiceHarness,
) -> None:
    """A permit on 2014-11-20 gives a deadline of 2015-02-20 (3 months), earlier than the date NAV planned."""
    async with embedded.client(SERVICE, Agency.nav) as nav:
        settlement = await nav.post(
            "/v1/settlements",
            json={
                "adults": 1,
                "children": 0,
                "category": "family",
                "origin": "reception_centre",
                "announced_on": "2015-01-05",
                "residence_permit_on": "2014-11-20",
                "planned_settlement_date": "2015-03-30",
            },
        )
        assert settlement.status_code == 201, settlement.text
        assert settlement.json()["settlement_deadline"] == "2015-02-20"
        await on_day(embedded, date(2015, 2, 5))
        assert await tasks(nav) == []
        await on_day(embedded, date(2015, 2, 6))
        [task] = await tasks(nav)
        assert (task["kind"], task["due_on"]) == ("settlement_deadline", "2015-02-20")
