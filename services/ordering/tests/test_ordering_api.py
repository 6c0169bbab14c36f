"""The Ordering service through its HTTP API and its handlers, on SQLite and the embedded log."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from boligflyt.contracts.codes import (
    AcquisitionMethod,
    AcquisitionStage,
    ApplicationKind,
    DecisionOutcome,
    DwellingCategory,
    DwellingOwner,
    DwellingStatus,
    LeftListReason,
    Referrer,
)
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import ordering as o
from boligflyt.contracts.examples import example_person_ref
from boligflyt.ordering.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness

# BOLIGFLYT_ORDERING_TEST_KIND=distributed runs this whole suite on PostgreSQL + Kafka (about a minute).
KIND = os.environ.get("BOLIGFLYT_ORDERING_TEST_KIND", "embedded")
START = datetime(2015, 1, 5, 9, 0, tzinfo=UTC)
TODAY = date(2015, 1, 5)

REFUGEE_NEED = {
    "quantity": 3,
    "dwelling_type": "ordinary",
    "bedrooms": 3,
    "target_group": "refugees",
    "service_needs": "none",
    "wanted_by": "2015-06-01",
    "justification": "Planned settlement of three families in June.",
    "source_ref": "set-2015-0004",
}


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=START, kind=KIND) as running:
        yield running


async def call(harness: ServiceHarness, agency: Agency, method: str, url: str, **kwargs: Any) -> Any:
    async with harness.client("ordering", agency) as client:
        return await client.request(method, url, **kwargs)


async def publish(harness: ServiceHarness, *events: Any) -> None:
    await harness.bus.publish([to_wire(Envelope(data=event)) for event in events])
    await harness.settle()


async def ordering_events(harness: ServiceHarness, event_type: type[Any]) -> list[Any]:
    await harness.settle()
    return [e.data for e in await harness.events("boligflyt.ordering") if isinstance(e.data, event_type)]


async def programme(harness: ServiceHarness, year: int = 2015, **frames: int) -> None:
    response = await call(harness, Agency.bestiller, "POST", "/v1/programmes", json={"year": year, "frames": frames})
    assert response.status_code == 201, response.text


async def prioritised_need(
    harness: ServiceHarness, *, quantity: int = 3, line: str = "refugee_dwellings", **changes: Any
) -> str:
    body = {**REFUGEE_NEED, "quantity": quantity, "source_ref": None, **changes}
    reported = await call(harness, Agency.nav, "POST", "/v1/needs", json=body)
    assert reported.status_code == 201, reported.text
    need_id = reported.json()["need_id"]
    response = await call(
        harness,
        Agency.bestiller,
        "POST",
        f"/v1/needs/{need_id}/prioritise",
        json={"programme_year": 2015, "budget_line": line},
    )
    assert response.status_code == 200, response.text
    return str(need_id)


async def place(harness: ServiceHarness, need_ids: list[str], **body: Any) -> Any:
    payload = {"need_ids": need_ids, "dwellings": 3, "estimated_cost": 9_000_000, "due_date": "2015-12-01", **body}
    return await call(harness, Agency.bestiller, "POST", "/v1/orders", json=payload)


def delivered(order_id: str | None, dwellings: tuple[str, ...], cost: int, on: date = date(2015, 6, 1)) -> Any:
    return m.AcquisitionDelivered(
        project_id="prj-1",
        order_id=order_id,
        method=AcquisitionMethod.BUY_EXISTING,
        delivered_on=on,
        dwelling_ids=dwellings,
        cost=cost,
    )


async def frame(harness: ServiceHarness, line: str = "refugee_dwellings") -> dict[str, Any]:
    response = await call(harness, Agency.coordinator, "GET", "/v1/programmes/2015")
    assert response.status_code == 200, response.text
    [found] = [f for f in response.json()["frames"] if f["budget_line"] == line]
    return dict(found)


# --- Needs ---------------------------------------------------------------------------------------------------


async def test_nav_reports_a_refugee_housing_order_once_and_it_becomes_need_reported(harness: ServiceHarness) -> None:
    first = await call(harness, Agency.nav, "POST", "/v1/needs", json=REFUGEE_NEED)
    assert first.status_code == 201, first.text
    need = first.json()
    assert first.headers["location"] == f"/v1/needs/{need['need_id']}"
    assert (need["state"], need["reported_by"], need["quantity"], need["reported_on"]) == (
        "reported",
        "nav_intro",
        3,
        "2015-01-05",
    )
    again = await call(harness, Agency.nav, "POST", "/v1/needs", json=REFUGEE_NEED)
    assert again.status_code == 200
    assert again.json()["need_id"] == need["need_id"]
    changed = await call(harness, Agency.nav, "POST", "/v1/needs", json={**REFUGEE_NEED, "quantity": 4})
    assert changed.status_code == 409
    assert changed.json()["need_id"] == need["need_id"]

    [event] = await ordering_events(harness, o.NeedReported)
    assert (event.need_id, event.dwellings, event.source_ref, event.staffed, event.dwelling_category) == (
        need["need_id"],
        3,
        "set-2015-0004",
        False,
        "ordinary",
    )


async def test_units_see_their_own_needs_and_the_ordering_function_sees_all(harness: ServiceHarness) -> None:
    nav = await call(harness, Agency.nav, "POST", "/v1/needs", json=REFUGEE_NEED)
    kontoret = await call(
        harness,
        Agency.boligkontoret,
        "POST",
        "/v1/needs",
        json={**REFUGEE_NEED, "target_group": "homeless", "source_ref": None, "service_needs": "staff_base"},
    )
    assert kontoret.json()["reported_by"] == "boligkontoret"
    own = await call(harness, Agency.nav, "GET", "/v1/needs")
    assert [n["need_id"] for n in own.json()["items"]] == [nav.json()["need_id"]]
    other = await call(harness, Agency.nav, "GET", f"/v1/needs/{kontoret.json()['need_id']}")
    assert other.status_code == 404
    everything = await call(harness, Agency.coordinator, "GET", "/v1/needs", params={"state": "reported"})
    assert everything.json()["total"] == 2
    staffed = [e for e in await ordering_events(harness, o.NeedReported) if e.staffed]
    assert [e.need_id for e in staffed] == [kontoret.json()["need_id"]]


async def test_bad_needs_are_refused_and_change_nothing(harness: ServiceHarness) -> None:
    lke = await call(harness, Agency.lke, "POST", "/v1/needs", json=REFUGEE_NEED)
    anonymous = await call(harness, None, "POST", "/v1/needs", json=REFUGEE_NEED)  # type: ignore[arg-type]
    zero = await call(harness, Agency.nav, "POST", "/v1/needs", json={**REFUGEE_NEED, "quantity": 0})
    national_id = await call(
        harness, Agency.nav, "POST", "/v1/needs", json={**REFUGEE_NEED, "source_ref": "12345678901"}
    )
    not_nav = await call(
        harness, Agency.nav, "POST", "/v1/needs", json={**REFUGEE_NEED, "reported_by": "child_welfare"}
    )
    bestiller_unnamed = await call(harness, Agency.bestiller, "POST", "/v1/needs", json=REFUGEE_NEED)
    assert [r.status_code for r in (lke, anonymous, zero, national_id, not_nav, bestiller_unnamed)] == [
        403,
        401,
        422,
        422,
        422,
        422,
    ]
    assert not_nav.json()["code"] == "reporter_not_allowed"
    assert await ordering_events(harness, o.NeedReported) == []


async def test_prioritise_and_reject_are_guarded_transitions(harness: ServiceHarness) -> None:
    reported = await call(harness, Agency.nav, "POST", "/v1/needs", json=REFUGEE_NEED)
    need_id = reported.json()["need_id"]
    no_frame = await call(
        harness,
        Agency.bestiller,
        "POST",
        f"/v1/needs/{need_id}/prioritise",
        json={"programme_year": 2015, "budget_line": "refugee_dwellings"},
    )
    assert (no_frame.status_code, no_frame.json()["code"]) == (422, "no_frame")
    await programme(harness)
    wrong_line = await call(
        harness,
        Agency.bestiller,
        "POST",
        f"/v1/needs/{need_id}/prioritise",
        json={"programme_year": 2015, "budget_line": "disadvantaged_dwellings"},
    )
    assert wrong_line.json()["code"] == "line_not_for_target_group"
    too_many = await call(
        harness,
        Agency.bestiller,
        "POST",
        f"/v1/needs/{need_id}/prioritise",
        json={"programme_year": 2015, "budget_line": "refugee_dwellings", "dwellings": 4},
    )
    assert too_many.status_code == 422
    by_nav = await call(
        harness,
        Agency.nav,
        "POST",
        f"/v1/needs/{need_id}/prioritise",
        json={"programme_year": 2015, "budget_line": "refugee_dwellings"},
    )
    assert by_nav.status_code == 403
    done = await call(
        harness,
        Agency.bestiller,
        "POST",
        f"/v1/needs/{need_id}/prioritise",
        json={"programme_year": 2015, "budget_line": "lke_refugee_loan_frame", "dwellings": 2},
    )
    assert done.status_code == 200, done.text
    assert (done.json()["state"], done.json()["dwellings_prioritised"]) == ("prioritised", 2)
    twice = await call(
        harness,
        Agency.bestiller,
        "POST",
        f"/v1/needs/{need_id}/prioritise",
        json={"programme_year": 2015, "budget_line": "refugee_dwellings"},
    )
    assert (twice.status_code, twice.json()["current_state"]) == (409, "prioritised")
    rejected = await call(
        harness, Agency.bestiller, "POST", f"/v1/needs/{need_id}/reject", json={"reason": "no_budget"}
    )
    assert rejected.json()["state"] == "rejected"
    again = await call(harness, Agency.bestiller, "POST", f"/v1/needs/{need_id}/reject", json={"reason": "other"})
    assert again.status_code == 409
    unknown = await call(harness, Agency.bestiller, "POST", "/v1/needs/need-nope/reject", json={"reason": "other"})
    assert unknown.status_code == 404

    [prioritised] = await ordering_events(harness, o.NeedPrioritised)
    assert (prioritised.budget_line, prioritised.dwellings) == ("lke_refugee_loan_frame", 2)
    [rejection] = await ordering_events(harness, o.NeedRejected)
    assert rejection.reason == "no_budget"


# --- Programme and frames ------------------------------------------------------------------------------------


async def test_a_programme_gets_the_standard_frames_and_frames_can_be_revised(harness: ServiceHarness) -> None:
    await programme(harness, service_needs=12_000_000)
    response = await call(harness, Agency.coordinator, "GET", "/v1/programmes/2015")
    amounts = {f["budget_line"]: f["amount"] for f in response.json()["frames"]}
    assert amounts == {
        "refugee_dwellings": 30_000_000,
        "disadvantaged_dwellings": 30_000_000,
        "lke_refugee_loan_frame": 30_000_000,
        "service_needs": 12_000_000,
    }
    twice = await call(harness, Agency.bestiller, "POST", "/v1/programmes", json={"year": 2015})
    assert twice.status_code == 409
    revised = await call(
        harness, Agency.bestiller, "PUT", "/v1/programmes/2015/frames/service_needs", json={"amount": 15_000_000}
    )
    assert revised.json()["amount"] == 15_000_000
    by_lke = await call(harness, Agency.lke, "GET", "/v1/programmes/2015")
    missing = await call(harness, Agency.coordinator, "GET", "/v1/programmes/2016")
    assert (by_lke.status_code, missing.status_code) == (403, 404)

    frames = await ordering_events(harness, o.BudgetFrameSet)
    assert len(frames) == 5
    assert [f.amount for f in frames if f.frame_id == "frame-2015-service_needs"] == [12_000_000, 15_000_000]


# --- Orders --------------------------------------------------------------------------------------------------


async def test_an_order_commits_the_frame_and_over_committing_is_refused_with_the_numbers(
    harness: ServiceHarness,
) -> None:
    await programme(harness, refugee_dwellings=10_000_000)
    first = await prioritised_need(harness)
    placed = await place(harness, [first], estimated_cost=8_000_000, preferred_method="buy_existing")
    assert placed.status_code == 201, placed.text
    order = placed.json()
    assert (order["state"], order["commitment_remaining"], order["overdue"]) == ("placed", 8_000_000, False)
    assert (await frame(harness))["committed"] == 8_000_000

    second = await prioritised_need(harness)
    refused = await place(harness, [second], estimated_cost=2_500_000)
    assert refused.status_code == 422
    problem = refused.json()
    assert (problem["code"], problem["frame_amount"], problem["committed"], problem["available"]) == (
        "frame_exceeded",
        10_000_000,
        8_000_000,
        2_000_000,
    )
    assert (problem["requested"], problem["shortfall"]) == (2_500_000, 500_000)
    need = await call(harness, Agency.bestiller, "GET", f"/v1/needs/{second}")
    assert need.json()["state"] == "prioritised"  # the refusal changed nothing

    weak = await place(harness, [second], estimated_cost=2_500_000, over_commit_approval={"justification": "x"})
    assert weak.status_code == 422
    approved = await place(
        harness,
        [second],
        estimated_cost=2_500_000,
        over_commit_approval={"justification": "Council decision 2015/17: extra settlement."},
    )
    assert approved.status_code == 201, approved.text
    assert approved.json()["over_commit_justification"] == "Council decision 2015/17: extra settlement."
    used = await frame(harness)
    assert (used["committed"], used["available"]) == (10_500_000, -500_000)

    trail = await call(
        harness,
        Agency.coordinator,
        "GET",
        "/v1/audit",
        params={"entity_type": "budget_frame", "entity_id": "frame-2015-refugee_dwellings"},
    )
    [approval] = [e for e in trail.json()["items"] if e["action"] == "budget.over_commit_approved"]
    assert (approval["actor"], approval["reason"], approval["detail"]["shortfall"]) == (
        "bestiller:bestiller-tester",
        "Council decision 2015/17: extra settlement.",
        500_000,
    )
    by_lke = await call(harness, Agency.lke, "GET", "/v1/audit")
    assert by_lke.status_code == 403

    placed_events = await ordering_events(harness, o.OrderPlaced)
    # Different orders are different keys: in order per key only, so compare them as a set.
    assert {(e.budget_amount, e.need_ids, e.preferred_method) for e in placed_events} == {
        (8_000_000, (first,), "buy_existing"),
        (2_500_000, (second,), None),
    }


async def test_order_rules_needs_state_mixing_lkbs_and_dates(harness: ServiceHarness) -> None:
    await programme(harness)
    refugee = await prioritised_need(harness, quantity=2)
    homeless = await prioritised_need(harness, quantity=2, line="disadvantaged_dwellings", target_group="homeless")
    reported = (await call(harness, Agency.nav, "POST", "/v1/needs", json={**REFUGEE_NEED, "source_ref": None})).json()
    mixed = await place(harness, [refugee, homeless], dwellings=2)
    not_prioritised = await place(harness, [reported["need_id"]], dwellings=1)
    too_many = await place(harness, [refugee], dwellings=3)
    lkbs = await place(harness, [refugee], dwellings=2, supplier="lkbs")
    past_due = await place(harness, [refugee], dwellings=2, due_date="2014-12-31")
    by_nav = await call(
        harness,
        Agency.nav,
        "POST",
        "/v1/orders",
        json={"need_ids": [refugee], "dwellings": 1, "estimated_cost": 1, "due_date": "2015-12-01"},
    )
    unknown = await place(harness, ["need-unknown"], dwellings=1)
    assert [r.status_code for r in (mixed, not_prioritised, too_many, lkbs, past_due, by_nav, unknown)] == [
        422,
        409,
        422,
        422,
        422,
        403,
        404,
    ]
    assert lkbs.json()["code"] == "competition_required"
    with_competition = await place(harness, [refugee], dwellings=2, supplier="lkbs", competition_ref="komp-2015-1")
    assert with_competition.status_code == 201, with_competition.text
    assert len(await ordering_events(harness, o.OrderPlaced)) == 1


async def test_cancel_releases_the_commitment_and_returns_the_needs_to_the_programme(harness: ServiceHarness) -> None:
    await programme(harness)
    need_id = await prioritised_need(harness)
    order = (await place(harness, [need_id], estimated_cost=9_000_000)).json()
    by_lke = await call(
        harness, Agency.lke, "POST", f"/v1/orders/{order['order_id']}/cancel", json={"reason": "no_supply"}
    )
    assert by_lke.status_code == 403
    cancelled = await call(
        harness, Agency.bestiller, "POST", f"/v1/orders/{order['order_id']}/cancel", json={"reason": "no_supply"}
    )
    assert cancelled.json()["state"] == "cancelled"
    assert (await frame(harness))["committed"] == 0
    need = (await call(harness, Agency.bestiller, "GET", f"/v1/needs/{need_id}")).json()
    assert (need["state"], need["order_id"]) == ("prioritised", None)
    again = await call(
        harness, Agency.bestiller, "POST", f"/v1/orders/{order['order_id']}/cancel", json={"reason": "other"}
    )
    assert (again.status_code, again.json()["current_state"]) == (409, "cancelled")
    [event] = await ordering_events(harness, o.OrderCancelled)
    assert (event.order_id, event.budget_line) == (order["order_id"], "refugee_dwellings")
    reordered = await place(harness, [need_id])
    assert reordered.status_code == 201


async def test_partial_and_final_delivery_spend_the_frame_and_deliver_the_needs_exactly_once(
    harness: ServiceHarness,
) -> None:
    await programme(harness)
    need_id = await prioritised_need(harness)
    order_id = (await place(harness, [need_id], estimated_cost=9_000_000)).json()["order_id"]
    await publish(
        harness,
        m.AcquisitionStageChanged(
            project_id="prj-1",
            order_id=order_id,
            method=AcquisitionMethod.BUY_EXISTING,
            stage=AcquisitionStage.IDENTIFIED,
            previous_stage=None,
            changed_on=date(2015, 2, 1),
            dwellings_planned=3,
        ),
    )
    accepted = (await call(harness, Agency.lke, "GET", f"/v1/orders/{order_id}")).json()
    assert (accepted["state"], accepted["project_id"], accepted["accepted_on"]) == ("accepted", "prj-1", "2015-02-01")

    partial = delivered(order_id, ("lke-1", "lke-2"), 6_400_000)
    await harness.bus.publish([to_wire(Envelope(data=partial))] * 2)  # the same event twice
    await publish(harness, delivered(order_id, ("lke-2", "lke-1"), 6_400_000))  # re-sent under a new id
    order = (await call(harness, Agency.lke, "GET", f"/v1/orders/{order_id}")).json()
    assert (order["state"], order["dwellings_delivered"], order["spent"]) == ("partly_delivered", 2, 6_400_000)
    assert order["commitment_remaining"] == 3_000_000
    assert ((await frame(harness))["committed"], (await frame(harness))["spent"]) == (3_000_000, 6_400_000)

    await publish(harness, delivered(order_id, ("lke-3",), 2_900_000, on=date(2015, 7, 1)))
    order = (await call(harness, Agency.coordinator, "GET", f"/v1/orders/{order_id}")).json()
    assert (order["state"], order["closed_on"], order["delivered_dwelling_ids"]) == (
        "closed",
        "2015-07-01",
        ["lke-1", "lke-2", "lke-3"],
    )
    used = await frame(harness)
    assert (used["committed"], used["spent"], used["available"]) == (0, 9_300_000, 20_700_000)
    need = (await call(harness, Agency.bestiller, "GET", f"/v1/needs/{need_id}")).json()
    assert need["state"] == "delivered"

    await publish(harness, delivered(order_id, ("lke-4",), 1))  # after the close: on record, not counted
    fulfilled = await ordering_events(harness, o.OrderFulfilled)
    assert [(f.dwelling_ids, f.dwellings_delivered_total, f.order_closed, f.cost) for f in fulfilled] == [
        (("lke-1", "lke-2"), 2, False, 6_400_000),
        (("lke-3",), 3, True, 2_900_000),
    ]
    cancel_closed = await call(
        harness, Agency.bestiller, "POST", f"/v1/orders/{order_id}/cancel", json={"reason": "other"}
    )
    assert cancel_closed.status_code == 409


async def test_deliveries_for_orders_we_do_not_know_are_ignored(harness: ServiceHarness) -> None:
    await publish(harness, delivered(None, ("lke-9",), 1), delivered("ord-elsewhere", ("lke-8",), 1))
    assert await ordering_events(harness, o.OrderFulfilled) == []


async def test_overdue_orders_are_flagged_and_filtered(harness: ServiceHarness) -> None:
    await programme(harness)
    soon = (await place(harness, [await prioritised_need(harness)], due_date="2015-02-01")).json()["order_id"]
    later = (await place(harness, [await prioritised_need(harness)], due_date="2015-12-01")).json()["order_id"]
    harness.clock.advance(timedelta(days=40))
    overdue = (await call(harness, Agency.lke, "GET", "/v1/orders", params={"overdue": "true"})).json()
    assert [o_["order_id"] for o_ in overdue["items"]] == [soon]
    assert overdue["items"][0]["overdue"] is True
    not_overdue = (await call(harness, Agency.lke, "GET", "/v1/orders", params={"overdue": "false"})).json()
    assert [o_["order_id"] for o_ in not_overdue["items"]] == [later]
    accepted = await call(harness, Agency.lke, "POST", f"/v1/orders/{later}/accept")
    assert accepted.json()["state"] == "accepted"
    by_bestiller = await call(harness, Agency.bestiller, "POST", f"/v1/orders/{later}/accept")
    assert by_bestiller.status_code == 403


# --- Reports -------------------------------------------------------------------------------------------------


async def test_the_programme_report_per_line_as_json_and_csv(harness: ServiceHarness) -> None:
    await programme(harness)
    need_id = await prioritised_need(harness)
    order_id = (await place(harness, [need_id], estimated_cost=9_000_000)).json()["order_id"]
    await prioritised_need(harness, quantity=2, line="disadvantaged_dwellings", target_group="homeless")
    await publish(harness, delivered(order_id, ("lke-1",), 3_000_000))

    report = (await call(harness, Agency.coordinator, "GET", "/v1/programmes/2015/report")).json()
    lines = {line["budget_line"]: line for line in report["lines"]}
    refugee = lines["refugee_dwellings"]
    assert (refugee["frame_amount"], refugee["committed"], refugee["spent"]) == (30_000_000, 6_000_000, 3_000_000)
    assert (refugee["orders"], refugee["dwellings_ordered"], refugee["dwellings_delivered"]) == (1, 3, 1)
    assert lines["disadvantaged_dwellings"]["dwellings_prioritised"] == 2
    assert lines["service_needs"]["frame_amount"] is None
    assert report["needs_reported_in_year"] == 2

    response = await call(harness, Agency.bestiller, "GET", "/v1/programmes/2015/report", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4
    [row] = [r for r in rows if r["budget_line"] == "refugee_dwellings"]
    assert (row["year"], row["spent"], row["dwellings_delivered"]) == ("2015", "3000000", "1")
    bad_format = await call(harness, Agency.bestiller, "GET", "/v1/programmes/2015/report", params={"format": "xml"})
    nothing = await call(harness, Agency.bestiller, "GET", "/v1/programmes/2031/report")
    out_of_range = await call(harness, Agency.bestiller, "GET", "/v1/programmes/99999/report")
    by_nav = await call(harness, Agency.nav, "GET", "/v1/programmes/2015/report")
    assert [r.status_code for r in (bad_format, nothing, out_of_range, by_nav)] == [422, 404, 422, 403]


# --- The unmet-need signal ------------------------------------------------------------------------------------


def decided(application_id: str, kind: ApplicationKind = ApplicationKind.RENTAL) -> a.ApplicationDecided:
    return a.ApplicationDecided(
        application_id=application_id,
        person_ref=example_person_ref(application_id),
        decided_on=TODAY,
        outcome=DecisionOutcome.APPROVED,
        kind=kind,
        bedrooms_needed=1,
    )


def ready(dwelling_id: str, on: date = TODAY) -> m.DwellingReadyForLetting:
    return m.DwellingReadyForLetting(dwelling_id=dwelling_id, ready_on=on, first_let=False)


async def test_waiting_demand_outgrowing_supply_suggests_a_need_the_coordinator_confirms(
    harness: ServiceHarness,
) -> None:
    settings = {"period_days": 14, "window_days": 60, "min_gap": 2}
    by_coordinator = await call(harness, Agency.coordinator, "PUT", "/v1/unmet-need/settings", json=settings)
    assert by_coordinator.status_code == 403  # the ordering function sets its own signal; coordinators confirm
    assert (await call(harness, Agency.bestiller, "PUT", "/v1/unmet-need/settings", json=settings)).status_code == 200
    await publish(
        harness,
        *(decided(f"app-{i}") for i in range(5)),
        a.ApplicationSubmitted(
            application_id="app-renewal",
            person_ref=example_person_ref("app-renewal"),
            submitted_on=TODAY,
            kind=ApplicationKind.RENTAL,
            adults=1,
            children=0,
            bedrooms_needed=1,
            accessible_needed=False,
            referrer=Referrer.SELF,
            renewal_of_tenancy_id="ten-2012-0100",
        ),
        decided("app-renewal"),  # a renewal: the household is housed, not waiting
        decided("app-care", ApplicationKind.CARE),
        m.DwellingRegistered(
            dwelling_id="lke-care",
            owner=DwellingOwner.LKE,
            category=DwellingCategory.CARE,
            bedrooms=1,
            accessible=True,
            staffed=False,
            monthly_rent=7000,
            registered_on=TODAY,
            status=DwellingStatus.READY,
            new_dwelling=False,
        ),
        ready("lke-care"),
        ready("lke-r1"),
        a.AllocationDecided(
            application_id="app-0",
            dwelling_id="lke-r1",
            person_ref=example_person_ref("app-0"),
            decided_on=TODAY,
            no_fixed_address=False,
        ),
        a.ApplicationLeftList(
            application_id="app-1",
            person_ref=example_person_ref("app-1"),
            left_on=TODAY,
            reason=LeftListReason.WITHDRAWN,
        ),
    )
    await harness.run_jobs("ordering")
    view = (await call(harness, Agency.coordinator, "GET", "/v1/unmet-need")).json()
    demand = {d["kind"]: d for d in view["demand"]}
    assert (demand["rental"]["waiting"], demand["rental"]["ready_in_window"], demand["rental"]["gap"]) == (3, 1, 2)
    assert demand["rental"]["gap_since"] == "2015-01-05"
    assert demand["care"]["gap"] == 0
    suggested = await call(harness, Agency.bestiller, "GET", "/v1/needs", params={"state": "suggested"})
    assert suggested.json()["total"] == 0

    harness.clock.advance(timedelta(days=14))
    await harness.run_jobs("ordering")
    await harness.run_jobs("ordering")  # a second run suggests nothing more
    suggested = (await call(harness, Agency.bestiller, "GET", "/v1/needs", params={"state": "suggested"})).json()
    [need] = suggested["items"]
    assert (need["quantity"], need["dwelling_type"], need["origin"]) == (2, "ordinary", "unmet_need_signal")
    assert await ordering_events(harness, o.NeedReported) == []  # a suggestion is not a reported need yet

    by_nav = await call(harness, Agency.nav, "POST", f"/v1/needs/{need['need_id']}/confirm", json={})
    assert by_nav.status_code == 403
    confirmed = await call(
        harness, Agency.coordinator, "POST", f"/v1/needs/{need['need_id']}/confirm", json={"quantity": 3}
    )
    assert (confirmed.json()["state"], confirmed.json()["quantity"]) == ("reported", 3)
    [event] = await ordering_events(harness, o.NeedReported)
    assert (event.need_id, event.reported_by, event.dwellings) == (need["need_id"], "boligkontoret", 3)
    twice = await call(harness, Agency.coordinator, "POST", f"/v1/needs/{need['need_id']}/dismiss", json={"note": "x"})
    assert (twice.status_code, twice.json()["current_state"]) == (409, "reported")


async def test_a_dismissed_suggestion_allows_a_new_one_later(harness: ServiceHarness) -> None:
    await call(
        harness,
        Agency.bestiller,
        "PUT",
        "/v1/unmet-need/settings",
        json={"period_days": 0, "window_days": 30, "min_gap": 1},
    )
    await publish(harness, decided("app-s", ApplicationKind.STAFFED))
    await harness.run_jobs("ordering")
    [need] = (await call(harness, Agency.bestiller, "GET", "/v1/needs", params={"state": "suggested"})).json()["items"]
    assert (need["dwelling_type"], need["service_needs"], need["target_group"]) == ("staffed", "staffed", "disability")
    dismissed = await call(
        harness, Agency.bestiller, "POST", f"/v1/needs/{need['need_id']}/dismiss", json={"note": "Covered by Faret."}
    )
    assert dismissed.json()["state"] == "dismissed"
    await harness.run_jobs("ordering")
    again = (await call(harness, Agency.bestiller, "GET", "/v1/needs", params={"state": "suggested"})).json()
    assert again["total"] == 1 and again["items"][0]["need_id"] != need["need_id"]


async def test_the_openapi_document_describes_the_needs_payload(harness: ServiceHarness) -> None:
    async with harness.client("ordering") as client:
        document = (await client.get("/openapi.json")).json()
    schema = document["components"]["schemas"]["NeedIn"]
    assert set(schema["required"]) == {"quantity", "dwelling_type", "target_group", "justification"}
    assert {"service_needs", "wanted_by", "source_ref", "reported_by"} <= set(schema["properties"])
    assert "post" in document["paths"]["/v1/needs"]


async def test_cancel_after_a_partial_delivery_releases_only_what_is_still_committed(harness: ServiceHarness) -> None:
    await programme(harness)
    need_id = await prioritised_need(harness)
    order_id = (await place(harness, [need_id], estimated_cost=9_000_000)).json()["order_id"]
    await publish(harness, delivered(order_id, ("lke-1",), 3_500_000))
    cancelled = await call(
        harness, Agency.bestiller, "POST", f"/v1/orders/{order_id}/cancel", json={"reason": "no_supply"}
    )
    assert (cancelled.json()["state"], cancelled.json()["commitment_remaining"]) == ("cancelled", 0)
    used = await frame(harness)
    assert (used["committed"], used["spent"]) == (0, 3_500_000)
    need = (await call(harness, Agency.bestiller, "GET", f"/v1/needs/{need_id}")).json()
    assert need["state"] == "prioritised"
    await publish(harness, delivered(order_id, ("lke-2",), 3_000_000))  # too late: on record only
    assert (await frame(harness))["spent"] == 3_500_000


async def test_amounts_out_of_range_are_refused_not_crashed_on(harness: ServiceHarness) -> None:
    negative = await call(
        harness, Agency.bestiller, "POST", "/v1/programmes", json={"year": 2015, "frames": {"service_needs": -1}}
    )
    huge = await call(
        harness, Agency.bestiller, "PUT", "/v1/programmes/2015/frames/service_needs", json={"amount": 10**19}
    )
    bad_year = await call(
        harness, Agency.bestiller, "PUT", "/v1/programmes/1999/frames/service_needs", json={"amount": 1}
    )
    unknown_line = await call(harness, Agency.bestiller, "PUT", "/v1/programmes/2015/frames/roads", json={"amount": 1})
    assert [r.status_code for r in (negative, huge, bad_year, unknown_line)] == [422, 422, 422, 422]
    assert await ordering_events(harness, o.BudgetFrameSet) == []


async def test_an_order_past_any_real_amount_or_date_is_refused_and_changes_nothing(harness: ServiceHarness) -> None:
    """LKE keeps an order's amount in a 32-bit column: an order past it was taken here and broke there."""
    await programme(harness, refugee_dwellings=10_000_000)
    need = await prioritised_need(harness)
    approval = {"justification": "Council decision 2015/17: extra settlement."}
    for body in ({"estimated_cost": 10**10, "over_commit_approval": approval}, {"due_date": "9999-12-31"}):
        refused = await place(harness, [need], **body)
        assert refused.status_code == 422, refused.text
    assert (await frame(harness))["committed"] == 0
    assert (await call(harness, Agency.bestiller, "GET", f"/v1/needs/{need}")).json()["state"] == "prioritised"
    ancient = {**REFUGEE_NEED, "source_ref": None, "wanted_by": "0001-01-01"}
    assert (await call(harness, Agency.nav, "POST", "/v1/needs", json=ancient)).status_code == 422
