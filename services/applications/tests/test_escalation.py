"""Husleieloven § 9-2: a time-limited contract past its end with neither a renewal nor a notice is escalated, once
per end: the rule (`domain.escalation_due`) and the job (`tenancy_escalations`) on imported contracts."""

from __future__ import annotations

from datetime import date, timedelta

from boligflyt.applications import domain
from boligflyt.applications.domain import TenancyState
from boligflyt.contracts.codes import ContractType

from .conftest import Caseworker
from .stock_samples import SampleContract, csv_text, person
from .test_stock_import import CSV, register_let_dwellings

END = date(2027, 6, 30)
ACTIVE = TenancyState.ACTIVE


def test_one_day_past_its_end_without_renewal_or_notice_it_escalates() -> None:
    assert domain.escalation_due(END, ACTIVE, END + timedelta(days=1), None)
    assert not domain.escalation_due(END, ACTIVE, END, None)  # on the end day it still runs
    assert not domain.escalation_due(None, ACTIVE, END + timedelta(days=400), None)  # indefinite


def test_a_notice_or_a_renewal_resolves_it() -> None:
    day_after = END + timedelta(days=1)
    assert not domain.escalation_due(END, TenancyState.NOTICE_GIVEN, day_after, None)
    assert not domain.escalation_due(END, TenancyState.ENDED, day_after, None)
    renewed_end = END + timedelta(days=3 * 365)
    assert not domain.escalation_due(renewed_end, ACTIVE, day_after, None)


def test_once_per_end_and_again_after_a_renewed_end_runs_out() -> None:
    later = END + timedelta(days=30)
    assert not domain.escalation_due(END, ACTIVE, later, END)  # escalated for this end already
    renewed_end = END + timedelta(days=365)
    assert domain.escalation_due(renewed_end, ACTIVE, renewed_end + timedelta(days=1), END)


async def test_the_job_escalates_the_unresolved_contract_once_and_not_the_renewed_or_noticed(
    caseworker: Caseworker,
) -> None:
    await register_let_dwellings(caseworker, 3)
    today = caseworker.today
    end = today + timedelta(days=30)
    start = today - timedelta(days=3 * 365 - 31)
    rows = [
        SampleContract(f"K-{n}", f"dw-stock-{n:04d}", ContractType.ORDINARY_RENTAL, start, end, person(n), 7000)
        for n in (1, 2, 3)
    ]
    imported = await caseworker.staff.post("/v1/tenancy-imports", content=csv_text(rows).encode(), headers=CSV)
    assert imported.json()["created"] == 3, imported.text
    unresolved, noticed, renewed = imported.json()["created_tenancies"]

    # The third tenant applies to renew; the committee approves; the contract is renewed.
    tenancy = (await caseworker.staff.get(f"/v1/tenancies/{renewed}")).json()
    consent = await caseworker.staff.post(
        f"/v1/applicants/{tenancy['applicant_id']}/consents",
        json={"signed_on": today.isoformat(), "scope": ["collect_information"]},
    )
    assert consent.status_code == 201, consent.text
    application = await caseworker.staff.post(
        "/v1/applications",
        json=caseworker.application_body(tenancy["applicant_id"], renewal_of_tenancy_id=renewed),
    )
    assert application.status_code == 201, application.text
    await caseworker.decide([application.json()["id"]])
    renewal = await caseworker.staff.post(
        f"/v1/tenancies/{renewed}/renewal",
        json={"application_id": application.json()["id"], "ownership_check": {"able_to_buy": False}},
    )
    assert renewal.status_code == 200, renewal.text
    # The second tenant gives notice.
    notice = await caseworker.staff.post(
        f"/v1/tenancies/{noticed}/notice",
        json={"given_by": "tenant", "move_out_date": (end + timedelta(days=10)).isoformat()},
    )
    assert notice.status_code == 200, notice.text

    caseworker.harness.clock.advance(end - caseworker.today)  # the end day: nothing yet
    await caseworker.harness.run_jobs("applications")
    assert "tenancy.past_end_escalated" not in await caseworker.event_types()

    caseworker.harness.clock.advance(timedelta(days=1))  # one day past the end
    await caseworker.harness.run_jobs("applications")
    await caseworker.harness.run_jobs("applications")  # idempotent
    escalations = [e for e in await caseworker.events() if e.type.endswith("tenancy.past_end_escalated.v1")]
    assert len(escalations) == 1
    data = escalations[0].data
    assert data.tenancy_id == unresolved and data.days_past_end == 1 and data.end_date == end  # type: ignore[attr-defined]
    shown = (await caseworker.staff.get(f"/v1/tenancies/{unresolved}")).json()
    assert shown["escalated_end_date"] == end.isoformat()
