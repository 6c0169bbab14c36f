"""NAV's service through its API, on SQLite and the embedded log: providers, stays, reactions, the 3-month
job, the report, the application link and settlement."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from boligflyt.contracts.codes import DecisionOutcome, LeftListReason, OfferAnswer
from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.contracts.events.applications import (
    AllocationDecided,
    ApplicationDecided,
    ApplicationLeftList,
    ApplicationSubmitted,
    OfferAnswered,
    TenancyMovedIn,
)
from boligflyt.platform.auth import Agency
from boligflyt.platform.tables import audit_log, outbox
from boligflyt.temporary_housing import models
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness

from .conftest import FakeApplications, FakeOrders, new_agreement, new_provider, publish, ref_of, stay_body

SERVICE = "temporary-housing"
TOPIC = "boligflyt.temporary-housing"


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=datetime(2015, 1, 5, 9, 0, tzinfo=UTC)) as h:
        await h.bus.ensure_topics(["boligflyt.applications"])
        yield h


async def counts(harness: ServiceHarness) -> dict[str, int]:
    database = harness.runtimes[SERVICE].database
    result = {}
    async with database.sessions() as session:
        for name, table in [
            ("providers", models.Provider.__table__),
            ("agreements", models.Agreement.__table__),
            ("stays", models.Stay.__table__),
            ("ended", None),
            ("outbox", outbox),
            ("audit", audit_log),
        ]:
            if table is None:
                query = select(func.count()).select_from(models.Stay).where(models.Stay.state == "ended")
            else:
                query = select(func.count()).select_from(table)
            result[name] = int(await session.scalar(query) or 0)
    return result


async def test_a_stay_with_a_provider_under_agreement_starts_and_says_nothing_of_cause_or_identity(
    harness: ServiceHarness,
) -> None:
    async with harness.client(SERVICE, Agency.nav, subject="veileder-1") as nav:
        provider_id = await new_provider(nav)
        agreement = await new_agreement(nav, provider_id)
        assert agreement["renegotiation_deadline"] == "2016-02-29"
        response = await nav.post("/v1/stays", json=stay_body(provider_id, cause="psychiatry"))
        assert response.status_code == 201, response.text
        stay = response.json()
    assert stay["state"] == "started"
    assert stay["price_per_night"] == 600 and stay["agreement_id"] == agreement["agreement_id"]
    assert stay["single"] and not stay["under_30"] and stay["new_enquiry"]
    assert stay["person"]["name"] == "Test Person" and stay["cause"] == "psychiatry"
    assert stay["blocking_reason"] == "no_application"
    assert stay["limit_date"] == "2015-04-05"
    await harness.settle()
    [started] = await harness.events(TOPIC)
    assert isinstance(started.data, ev.StayStarted)
    wire = started.data.model_dump_json()
    assert "psychiatry" not in wire and "Test Person" not in wire
    assert started.data.person_ref == stay["person_ref"]
    # Coordinators read, without personal data or cause; they may not write.
    async with harness.client(SERVICE, Agency.coordinator) as coordinator:
        seen = (await coordinator.get(f"/v1/stays/{stay['stay_id']}")).json()
        assert seen["person"] is None and seen["cause"] is None
        refused = await coordinator.post("/v1/providers", json={})
        assert refused.status_code == 403
    async with harness.client(SERVICE, Agency.boligkontoret) as other:
        assert (await other.get("/v1/stays")).status_code == 403


async def test_placement_against_the_agreement_is_refused_with_reasons_unless_justified(
    harness: ServiceHarness,
) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        no_agreement = await new_provider(nav, name="Camping", kind="campsite")
        family = stay_body(provider_id, adults=1, children=2)
        refused = await nav.post("/v1/stays", json=family)
        assert refused.status_code == 422
        assert refused.json()["code"] == "placement_refused"
        assert refused.json()["reasons"] == ["excludes_families_with_children"]
        minor = stay_body(provider_id, birth=date(1998, 1, 1), serial=200)
        assert (await nav.post("/v1/stays", json=minor)).json()["reasons"] == ["excludes_under_18"]
        unagreed = await nav.post("/v1/stays", json=stay_body(no_agreement, serial=300))
        assert unagreed.json()["reasons"] == ["no_valid_agreement"]
        before = await counts(harness)
        assert before["stays"] == 0
        overridden = await nav.post(
            "/v1/stays",
            json=stay_body(
                no_agreement, serial=300, override_justification="nowhere else tonight", price_per_night=700
            ),
        )
        assert overridden.status_code == 201, overridden.text
        body = overridden.json()
        assert body["override_reasons"] == ["no_valid_agreement"] and body["price_per_night"] == 700
    async with harness.runtimes[SERVICE].database.sessions() as session:
        reason = await session.scalar(select(audit_log.c.reason).where(audit_log.c.action == "stay.started"))
    assert reason == "nowhere else tonight"


async def test_bad_input_gets_a_4xx_and_changes_nothing(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        stay_id = (await nav.post("/v1/stays", json=stay_body(provider_id))).json()["stay_id"]
        await harness.settle()
        before = await counts(harness)

        too_long = await nav.post(
            f"/v1/providers/{provider_id}/agreements",
            json={"valid_from": "2017-01-01", "valid_to": "2019-01-01", "price_per_night": 600},
        )
        unknown_provider = await nav.post("/v1/stays", json=stay_body("prov-nope", serial=400))
        unknown_provider_agreement = await nav.post(
            "/v1/providers/prov-nope/agreements",
            json={"valid_from": "2017-01-01", "valid_to": "2017-12-31", "price_per_night": 600},
        )
        ends_before_start = await nav.post(
            f"/v1/stays/{stay_id}/end", json={"end_date": "2015-01-04", "reason": "private_rental"}
        )
        bad_id = stay_body(provider_id, serial=500)
        bad_id["person"]["national_id"] = "12345678901"
        invalid_national_id = await nav.post("/v1/stays", json=bad_id)
        decision_after_start = await nav.post(
            "/v1/stays", json=stay_body(provider_id, serial=600, decision_date="2015-01-06")
        )
        short_absence = await nav.post(
            f"/v1/stays/{stay_id}/absences", json={"first_night": "2015-01-10", "returned_on": "2015-01-11"}
        )
        unknown_stay = await nav.post("/v1/stays/stay-nope/end", json={"end_date": "2015-02-01", "reason": "unknown"})
        bad_month = await nav.get("/v1/reports/monthly?from=2015-13")
        for response, status in [
            (too_long, 422),
            (unknown_provider, 404),
            (unknown_provider_agreement, 404),
            (ends_before_start, 422),
            (invalid_national_id, 422),
            (decision_after_start, 422),
            (short_absence, 422),
            (unknown_stay, 404),
            (bad_month, 422),
        ]:
            assert response.status_code == status, response.text
            assert response.headers["content-type"].startswith("application/problem+json")
        assert too_long.json()["code"] == "agreement_too_long"
        assert ends_before_start.json()["code"] == "stay_ends_before_start"
        assert "12345678901" not in invalid_national_id.text
        stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
        assert stay["state"] == "started" and stay["end_date"] is None
    await harness.settle()
    assert await counts(harness) == before
    assert [type(e.data) for e in await harness.events(TOPIC)] == [ev.StayStarted]


async def test_ending_a_stay_counts_nights_used_and_its_cost(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        stay_id = (await nav.post("/v1/stays", json=stay_body(provider_id))).json()["stay_id"]
        absence = await nav.post(
            f"/v1/stays/{stay_id}/absences",
            json={"first_night": "2015-01-20", "returned_on": "2015-01-23", "belongings_left": True},
        )
        assert absence.status_code == 201, absence.text
        harness.clock.set(datetime(2015, 2, 10, 9, tzinfo=UTC))  # a stay is ended when the person leaves
        ended = await nav.post(
            f"/v1/stays/{stay_id}/end",
            json={"end_date": "2015-02-10", "reason": "private_rental", "belongings_left": True},
        )
        assert ended.status_code == 200, ended.text
        assert ended.json()["belongings_left"] is True
        assert ended.json()["nights"] == 36 - 3 and ended.json()["cost"] == 33 * 600
        again = await nav.post(f"/v1/stays/{stay_id}/end", json={"end_date": "2015-02-11", "reason": "unknown"})
        assert again.status_code == 409 and again.json()["current_state"] == "ended"
        trail = (await nav.get(f"/v1/audit?entity_type=stay&entity_id={stay_id}")).json()["items"]
        assert [(a["action"], a["actor"]) for a in trail] == [
            ("stay.started", "nav:nav-tester"),
            ("stay.absence_reported", "nav:nav-tester"),
            ("stay.ended", "nav:nav-tester"),
            ("task.created", "nav:nav-tester"),  # the belongings left behind: the notice letter's deadline
        ]
    await harness.settle()
    end = [e.data for e in await harness.events(TOPIC) if isinstance(e.data, ev.StayEnded)]
    assert [(e.nights, e.cost, e.reason.value) for e in end] == [(33, 19_800, "private_rental")]


async def test_moving_to_another_provider_is_checked_and_priced_from_the_move(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        pension = await new_provider(nav)
        await new_agreement(nav, pension)
        barracks = await new_provider(nav, name="Brakka", kind="barracks")
        body = stay_body(pension, start_date="2015-01-08", decision_date="2015-01-08")
        stay_id = (await nav.post("/v1/stays", json=body)).json()["stay_id"]
        refused = await nav.post(
            f"/v1/stays/{stay_id}/move", json={"provider_id": barracks, "changed_on": "2015-02-01"}
        )
        assert refused.status_code == 422 and refused.json()["reasons"] == ["no_valid_agreement"]
        await new_agreement(nav, barracks, price_per_night=450)
        before_start = await nav.post(
            f"/v1/stays/{stay_id}/move", json={"provider_id": barracks, "changed_on": "2015-01-08"}
        )
        assert before_start.status_code == 422
        moved = await nav.post(f"/v1/stays/{stay_id}/move", json={"provider_id": barracks, "changed_on": "2015-02-01"})
        assert moved.status_code == 200, moved.text
        assert moved.json()["provider_id"] == barracks and moved.json()["price_per_night"] == 450
        pension_now = (await nav.get(f"/v1/providers/{pension}")).json()
        assert pension_now["occupied"] == 0
        harness.clock.set(datetime(2015, 3, 16, 9, tzinfo=UTC))  # a stay is ended when the person leaves
        ended = await nav.post(f"/v1/stays/{stay_id}/end", json={"end_date": "2015-03-16", "reason": "unknown"})
        assert ended.json()["nights"] == 67 and ended.json()["cost"] == 33_750
    await harness.settle()
    events = [e.data for e in await harness.events(TOPIC)]
    assert [type(e) for e in events] == [ev.StayStarted, ev.StayProviderChanged, ev.StayEnded]
    assert events[2].cost == 33_750


async def test_boligkontoret_events_move_the_stay_once_each(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        body = stay_body(provider_id)
        stay_id = (await nav.post("/v1/stays", json=body)).json()["stay_id"]
        ref = ref_of(body["person"]["national_id"])

        submitted = ApplicationSubmitted(
            application_id="app-0042",
            person_ref=ref,
            submitted_on=date(2015, 1, 12),
            kind="rental",
            adults=1,
            children=0,
            bedrooms_needed=1,
            accessible_needed=False,
            referrer="self",
        )
        await publish(harness, submitted)
        await harness.settle()
        stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
        assert stay["application_id"] == "app-0042" and stay["blocking_reason"] == "waiting_for_decision"

        await publish(
            harness,
            ApplicationDecided(
                application_id="app-0042",
                person_ref=ref,
                decided_on=date(2015, 1, 28),
                outcome=DecisionOutcome.APPROVED,
                kind="rental",
                bedrooms_needed=1,
            ),
        )
        declined = await publish(
            harness,
            OfferAnswered(
                offer_id="off-1",
                application_id="app-0042",
                dwelling_id="lke-0001",
                answer=OfferAnswer.DECLINED,
                answered_on=date(2015, 2, 3),
            ),
        )
        await publish(harness, declined.data, declined)  # the same event again
        await harness.settle()
        assert (await nav.get(f"/v1/stays/{stay_id}")).json()["blocking_reason"] == "waiting_for_offer"
        tasks = (await nav.get("/v1/tasks")).json()
        assert tasks["total"] == 1 and tasks["items"][0]["kind"] == "offer_declined"
        assert tasks["items"][0]["subject_id"] == stay_id
        task_id = tasks["items"][0]["task_id"]
        assert (await nav.post(f"/v1/tasks/{task_id}/done")).json()["done_at"] is not None
        assert (await nav.post(f"/v1/tasks/{task_id}/done")).status_code == 409
        assert (await nav.get("/v1/tasks")).json()["total"] == 0
        assert (await nav.get("/v1/tasks?open=false")).json()["total"] == 1

        await publish(
            harness,
            ApplicationLeftList(
                application_id="app-0042",
                person_ref=ref,
                left_on=date(2015, 2, 4),
                reason=LeftListReason.DECLINED_OFFER,
            ),
        )
        await harness.settle()
        assert (await nav.get(f"/v1/stays/{stay_id}")).json()["blocking_reason"] == "application_left_list"

        allocation = AllocationDecided(
            application_id="app-0042",
            dwelling_id="lke-0002",
            person_ref=ref,
            decided_on=date(2015, 2, 20),
            no_fixed_address=True,
        )
        await publish(harness, allocation)
        await harness.settle()
        stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
        assert stay["state"] == "allocated" and stay["blocking_reason"] == "allocated_waiting_for_move_in"

        harness.clock.set(datetime(2015, 3, 16, 9, tzinfo=UTC))  # Boligkontoret records a move-in when it happens
        moved_in = TenancyMovedIn(
            tenancy_id="ten-0101",
            dwelling_id="lke-0002",
            application_id="app-0042",
            person_ref=ref,
            move_in_date=date(2015, 3, 16),
            first_let=False,
        )
        envelope = await publish(harness, moved_in)
        await publish(harness, moved_in, envelope)
        await harness.settle()
        stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
        assert stay["state"] == "ended" and stay["end_reason"] == "permanent_housing"
        assert stay["end_date"] == "2015-03-16" and stay["nights"] == 70 and stay["tenancy_id"] == "ten-0101"
    events = [e.data for e in await harness.events(TOPIC)]
    assert [type(e) for e in events] == [ev.StayStarted, ev.StayApplicationLinked, ev.StayEnded]
    assert events[2].tenancy_id == "ten-0101" and events[2].cost == 70 * 600


async def test_the_three_month_job_raises_each_threshold_once_on_its_day(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        stay_id = (await nav.post("/v1/stays", json=stay_body(provider_id))).json()["stay_id"]  # 5 Jan 2015
    start = date(2015, 1, 5)

    database = harness.runtimes[SERVICE].database

    async def recorded() -> list[str]:
        async with database.sessions() as session:
            return list(await session.scalars(select(outbox.c.event_type).order_by(outbox.c.id)))

    async def run_on(day: date) -> list[type]:
        harness.clock.set(datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC))
        before = len(await recorded())
        await harness.run_jobs(SERVICE)
        await harness.run_jobs(SERVICE)  # twice: idempotent
        names = {
            ev.StayLimitApproaching.event_type: ev.StayLimitApproaching,
            ev.StayLimitExceeded.event_type: ev.StayLimitExceeded,
        }
        return [names[t] for t in (await recorded())[before:]]

    assert await run_on(start + timedelta(days=59)) == []
    assert await run_on(start + timedelta(days=60)) == [ev.StayLimitApproaching]
    assert await run_on(start + timedelta(days=74)) == []
    assert await run_on(start + timedelta(days=75)) == [ev.StayLimitApproaching]
    assert await run_on(start + timedelta(days=89)) == []
    assert await run_on(start + timedelta(days=90)) == [ev.StayLimitExceeded]
    assert await run_on(start + timedelta(days=120)) == []
    await harness.settle()
    limits = [
        e.data
        for e in await harness.events(TOPIC)
        if isinstance(e.data, ev.StayLimitApproaching | ev.StayLimitExceeded)
    ]
    assert [(e.days_in_stay, e.limit_date) for e in limits] == [(d, date(2015, 4, 5)) for d in (60, 75, 90)]
    async with harness.client(SERVICE, Agency.coordinator) as coordinator:
        listed = (await coordinator.get("/v1/stays/by-days")).json()
    assert [(s["stay_id"], s["days_in_stay"], s["over_limit"], s["blocking_reason"]) for s in listed] == [
        (stay_id, 120, True, "no_application")
    ]


async def test_agreements_near_their_deadline_get_one_renegotiation_task(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        agreement = await new_agreement(nav, provider_id, valid_from="2013-06-01", valid_to="2015-05-31")
        assert agreement["renegotiation_deadline"] == "2015-02-28"
        harness.clock.set(datetime(2015, 1, 28, 10, tzinfo=UTC))
        await harness.run_jobs(SERVICE)
        assert (await nav.get("/v1/tasks")).json()["total"] == 0
        harness.clock.set(datetime(2015, 1, 29, 10, tzinfo=UTC))
        await harness.run_jobs(SERVICE)
        await harness.run_jobs(SERVICE)
        tasks = (await nav.get("/v1/tasks")).json()
        assert tasks["total"] == 1
        assert tasks["items"][0]["kind"] == "agreement_renegotiation"
        assert tasks["items"][0]["due_on"] == "2015-02-28"
    await harness.settle()
    reminders = [
        e.data for e in await harness.events("boligflyt.temporary-housing") if e.type.endswith("renegotiation_due.v1")
    ]
    assert [(r.agreement_id, r.renegotiate_by, r.reminded_on) for r in reminders] == [  # type: ignore[attr-defined]
        (agreement["agreement_id"], date(2015, 2, 28), date(2015, 1, 29))
    ]


async def test_nav_submits_the_housing_application_through_the_port(harness: ServiceHarness) -> None:
    fake = FakeApplications()
    harness.runtimes[SERVICE].app.state.housing_applications = fake
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id)
        stay_id = (await nav.post("/v1/stays", json=stay_body(provider_id))).json()["stay_id"]
        harness.clock.set(datetime(2015, 1, 7, 10, tzinfo=UTC))
        linked = await nav.post(f"/v1/stays/{stay_id}/application", json={"bedrooms_needed": 1})
        assert linked.status_code == 200, linked.text
        assert linked.json()["application_id"] == "app-0001"
        [request] = fake.submitted
        assert request.stay_id == stay_id and request.submitted_on == date(2015, 1, 7)
        conflict = await nav.post(f"/v1/stays/{stay_id}/application", json={"application_id": "app-other"})
        assert conflict.status_code == 409
        same = await nav.post(f"/v1/stays/{stay_id}/application", json={"application_id": "app-0001"})
        assert same.status_code == 200
    await harness.settle()
    linked_events = [e.data for e in await harness.events(TOPIC) if isinstance(e.data, ev.StayApplicationLinked)]
    assert [(e.application_id, e.linked_on) for e in linked_events] == [("app-0001", date(2015, 1, 7))]


async def test_the_monthly_report_as_json_and_csv(harness: ServiceHarness) -> None:
    async with harness.client(SERVICE, Agency.nav) as nav:
        provider_id = await new_provider(nav)
        await new_agreement(nav, provider_id, price_per_night=500)
        first = stay_body(provider_id, start_date="2015-01-20", decision_date="2015-01-20")
        young = stay_body(provider_id, birth=date(1990, 5, 5), serial=700, start_date="2015-01-31")
        young["decision_date"] = "2015-01-31"
        a = (await nav.post("/v1/stays", json=first)).json()["stay_id"]
        await nav.post("/v1/stays", json=young)
        harness.clock.set(datetime(2015, 2, 10, 9, tzinfo=UTC))  # a stay is ended when the person leaves
        await nav.post(f"/v1/stays/{a}/end", json={"end_date": "2015-02-10", "reason": "private_rental"})
        again = stay_body(provider_id, start_date="2015-03-01", decision_date="2015-03-01")
        assert (await nav.post("/v1/stays", json=again)).json()["new_enquiry"] is False
    async with harness.client(SERVICE, Agency.coordinator) as coordinator:
        report = await coordinator.get("/v1/reports/monthly?from=2015-01&to=2015-03&as_of=2015-03-15")
        assert report.status_code == 200, report.text
        rows = [
            (m["month"], m["persons"], m["under_30"], m["singles"], m["new_enquiries"], m["nights"])
            for m in report.json()["months"]
        ]
        assert rows == [
            ("2015-01", 2, 1, 2, 2, 12 + 1),
            ("2015-02", 2, 1, 2, 0, 9 + 28),
            ("2015-03", 2, 1, 2, 0, 14 + 14),
        ]
        csv = await coordinator.get("/v1/reports/monthly?from=2015-01&to=2015-03&as_of=2015-03-15&format=csv")
        assert csv.headers["content-type"].startswith("text/csv")
        table = [line for line in csv.text.splitlines() if not line.startswith("# ")]
        assert table[1] == "2015-01,2,1,2,0,2,13,6500"
        assert csv.text.startswith("# persons: ")


async def test_a_refugee_household_from_announcement_to_establishment(harness: ServiceHarness) -> None:
    orders = FakeOrders()
    harness.runtimes[SERVICE].app.state.housing_orders = orders
    async with harness.client(SERVICE, Agency.nav) as nav:
        quota = (await nav.post("/v1/quotas", json={"year": 2015, "requested_persons": 90})).json()
        adopted = await nav.post(
            f"/v1/quotas/{quota['quota_id']}/adopt",
            json={"adopted_persons": 90, "unaccompanied_minors": 5, "adopted_on": "2014-06-19"},
        )
        assert adopted.status_code == 200, adopted.text
        settlement = await nav.post(
            "/v1/settlements",
            json={
                "quota_id": quota["quota_id"],
                "adults": 2,
                "children": 3,
                "category": "family",
                "origin": "reception_centre",
                "announced_on": "2015-01-05",
                "planned_settlement_date": "2015-04-15",
            },
        )
        assert settlement.status_code == 201, settlement.text
        settlement_id = settlement.json()["settlement_id"]
        ordered = await nav.post(f"/v1/settlements/{settlement_id}/housing-order", json={})
        assert ordered.status_code == 200, ordered.text
        assert ordered.json()["state"] == "housing_ordered" and ordered.json()["need_id"] == "need-0001"
        assert orders.ordered[0].bedrooms_needed == 3
        early = await nav.post(
            f"/v1/settlements/{settlement_id}/checklist", json={"item": "tax_card", "done_on": "2015-04-16"}
        )
        assert early.status_code == 409
        await nav.post(f"/v1/settlements/{settlement_id}/application", json={"application_id": "app-0049"})
        await publish(
            harness,
            AllocationDecided(
                application_id="app-0049",
                dwelling_id="lke-0171",
                person_ref="a" * 64,
                decided_on=date(2015, 3, 20),
                no_fixed_address=False,
            ),
        )
        await publish(
            harness,
            TenancyMovedIn(
                tenancy_id="ten-0130",
                dwelling_id="lke-0171",
                application_id="app-0049",
                person_ref="a" * 64,
                move_in_date=date(2015, 4, 15),
                first_let=False,
            ),
        )
        await harness.settle()
        settled = (await nav.get(f"/v1/settlements/{settlement_id}")).json()
        assert settled["state"] == "establishment" and settled["settled_on"] == "2015-04-15"
        assert settled["establishment_ends_on"] == "2015-07-15"
        ticked = await nav.post(
            f"/v1/settlements/{settlement_id}/checklist", json={"item": "tax_card", "done_on": "2015-04-16"}
        )
        assert ticked.json()["checklist_done"] == {"tax_card": "2015-04-16"}
        assert "tax_card" not in ticked.json()["checklist_missing"]
        unknown = await nav.post(
            f"/v1/settlements/{settlement_id}/checklist", json={"item": "nope", "done_on": "2015-04-16"}
        )
        assert unknown.status_code == 422
        harness.clock.set(datetime(2015, 7, 14, 10, tzinfo=UTC))
        await harness.run_jobs(SERVICE)
        assert (await nav.get(f"/v1/settlements/{settlement_id}")).json()["state"] == "establishment"
        harness.clock.set(datetime(2015, 7, 15, 10, tzinfo=UTC))
        await harness.run_jobs(SERVICE)
        await harness.run_jobs(SERVICE)
        tasks = (await nav.get("/v1/tasks")).json()["items"]
        assert [t["kind"] for t in tasks] == ["establishment_incomplete"]
        assert len(tasks[0]["detail"]["missing"]) == len(ticked.json()["checklist_missing"])
        for item in ticked.json()["checklist_missing"]:
            await nav.post(f"/v1/settlements/{settlement_id}/checklist", json={"item": item, "done_on": "2015-07-15"})
        await harness.run_jobs(SERVICE)
        assert (await nav.get(f"/v1/settlements/{settlement_id}")).json()["state"] == "done"
        progress = (await nav.get("/v1/quotas/progress/2015")).json()
        assert progress["adopted_persons"] == 90 and progress["settled_persons"] == 5
        assert progress["months"][3] == {
            "month": "2015-04",
            "settled_persons": 5,
            "settled_cumulative": 5,
            "expected_cumulative": 30,
            "behind_by": 25,
        }
    await harness.settle()
    types = [type(e.data) for e in await harness.events(TOPIC)]
    assert types == [
        ev.SettlementQuotaAdopted,
        ev.SettlementAnnounced,
        ev.SettlementHousingOrdered,
        ev.SettlementCompleted,
    ]
