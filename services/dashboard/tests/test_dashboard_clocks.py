"""The two clocks of "as of" (issue 22), through the real projection and HTTP: a stay and a re-let registered
months after the fact count in their own period as of the business date, and not as recorded on that day; the
JSON API and the pages give the same numbers; the live model follows new events without a reload."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from boligflyt.contracts.codes import ProviderKind, TenancyEndReason
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.events import temporary_housing as t
from boligflyt.dashboard import domain, reports, service
from boligflyt.dashboard.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness
from boligflyt.testkit import dashboard_story as story

TODAY = datetime(2015, 7, 1, 9, tzinfo=UTC)
LATE = datetime(2015, 6, 10, 12, tzinfo=UTC)  # when the late events were registered
LATE_REF = "f" * 56 + "0000beef"


def late_events() -> list[Envelope]:
    """A stay that began on 5 March and a re-let on 20 March (after a tenancy ended on 28 February), both
    registered on 10 June; the tenancy's end was registered on time."""
    ended = a.TenancyEnded(
        tenancy_id="ten-2009-0900",
        dwelling_id="lke-0900",
        end_date=date(2015, 2, 28),
        reason=TenancyEndReason.NOTICE_BY_TENANT,
    )
    signed = a.TenancySigned.model_validate(
        {
            "tenancy_id": "ten-2015-0900",
            "application_id": "app-2015-0900",
            "dwelling_id": "lke-0900",
            "person_ref": LATE_REF,
            "contract_type": "ordinary_rental",
            "signed_on": date(2015, 3, 20),
            "start_date": date(2015, 3, 20),
            "monthly_rent": 5600,
            "deposit_kind": "cash",
            "deposit_amount": 22400,
            "adults": 1,
            "children": 0,
        }
    )
    moved_in = a.TenancyMovedIn(
        tenancy_id="ten-2015-0900",
        dwelling_id="lke-0900",
        application_id="app-2015-0900",
        person_ref=LATE_REF,
        move_in_date=date(2015, 3, 20),
        first_let=False,
    )
    stay = t.StayStarted(
        stay_id="stay-2015-0900",
        person_ref=LATE_REF,
        start_date=date(2015, 3, 5),
        under_30=False,
        single=True,
        adults=1,
        children=0,
        new_enquiry=True,
        provider_id="prov-pension-1",
        provider_kind=ProviderKind.PENSION,
        price_per_night=500,
        limit_date=date(2015, 6, 3),
    )
    return [
        Envelope(data=ended, time=datetime(2015, 2, 28, 12, tzinfo=UTC)),
        *(Envelope(data=data, time=LATE) for data in (stay, signed, moved_in)),
    ]


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=TODAY) as harness:
        envelopes = sorted([*story.envelopes(), *late_events()], key=lambda e: e.time)
        await harness.bus.publish([to_wire(envelope) for envelope in envelopes])
        await harness.settle()
        yield harness


def relets_of(model: domain.ReadModel, day: date) -> list[str]:
    return [v.dwelling_id for v in domain.voids(model, day)]


async def test_late_registered_stay_and_relet_count_in_their_own_period_by_business_date(
    harness: ServiceHarness,
) -> None:
    database = harness.runtimes["dashboard"].database
    today = TODAY.date()
    march_end = date(2015, 3, 31)

    business = await service.kpis(database, march_end, today, service.Clock.business)
    recorded = await service.kpis(database, march_end, today, service.Clock.recorded)
    assert "lke-0900" in [v.dwelling_id for v in business.voids]  # re-let on 20 March, 19 void days
    assert next(v.days for v in business.voids if v.dwelling_id == "lke-0900") == 19
    assert "lke-0900" not in [v.dwelling_id for v in recorded.voids]  # registered in June
    # The stay ran on 31 March by its own dates; nobody knew of it until June.
    assert business.temporary_housing.active == recorded.temporary_housing.active + 1

    # After the registration both clocks agree: the system knows now what was true then.
    june = date(2015, 6, 30)
    assert (await service.kpis(database, june, today, service.Clock.business)).summary() == (
        await service.kpis(database, june, today, service.Clock.recorded)
    ).summary()

    # The report: the re-let CSV as of 31 March lists the March re-let by business date only.
    async with harness.client("dashboard", Agency.coordinator) as client:
        by_date = await client.get("/reports/relet-times.csv", params={"as_of": "2015-03-31"})
        as_recorded = await client.get("/reports/relet-times.csv", params={"as_of": "2015-03-31", "clock": "recorded"})
        page = await client.get("/reports/relet-times", params={"as_of": "2015-03-31", "clock": "recorded"})
    assert by_date.status_code == as_recorded.status_code == 200
    assert "lke-0900" in by_date.text
    assert "lke-0900" not in as_recorded.text
    assert 'data-clock="recorded"' in page.text  # the page says which clock it shows


async def test_the_json_api_and_the_pages_give_the_same_numbers(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        for clock in ("business", "recorded"):
            params = {"as_of": "2015-03-31", "clock": clock}
            kpis = (await client.get("/v1/kpis", params=params)).json()
            page = (await client.get("/", params=params)).text
            assert 'data-kpi="stays_active"' in page
            card = re.search(r'data-kpi="stays_active".*?class="value">\s*([0-9]+)', page, re.S)
            assert card and int(card.group(1)) == kpis["temporary_housing"]["active"], clock
            for name in reports.REPORTS:
                table = (await client.get(f"/v1/reports/{name}", params=params)).json()
                rows = list(csv.reader(io.StringIO((await client.get(f"/reports/{name}.csv", params=params)).text)))
                assert rows[0] == table["columns"], name
                assert rows[1:] == [["" if v is None else str(v) for v in row] for row in table["rows"]], name
            flow = (await client.get("/v1/flow", params=params)).json()
            flow_page = (await client.get("/flow", params=params)).text
            for stage, count in flow["stages"].items():
                assert f'/flow/stages/{stage}?as_of=2015-03-31&amp;clock={clock}">{count}</a>' in flow_page
            trends = (await client.get("/v1/trends", params=params)).json()
            assert [p["month"] for p in trends][-1] == "2015-03" and len(trends) == 12
        every = (await client.get("/v1/flow/cases", params={"step": "submitted_decided"})).json()
        page = (
            await client.get("/v1/flow/cases", params={"step": "submitted_decided", "offset": 1, "limit": 1})
        ).json()
        assert every["total"] == page["total"] >= 2 and page["cases"] == every["cases"][1:2]
        assert (await client.get("/v1/flow/cases", params={"step": "submitted_decided", "limit": 0})).status_code == 422
        paged = (await client.get("/reports/four-monthly", params={"limit": 1, "offset": 1})).text
        assert "1 / 3" not in paged and "2\u20132 / 3" in paged and 'id="next-page"' in paged
        table = paged.split('id="report"', 1)[1].split("</table>", 1)[0]
        assert table.count("-T") == 1  # one period's row (the charts above it show them all)
        refused = await client.get("/v1/kpis", params={"as_of": "2015-03-31", "clock": "someday"})
        assert refused.status_code == 422
    async with harness.client("dashboard", Agency.nav) as nav:
        assert (await nav.get("/v1/kpis")).status_code == 403
    async with harness.client("dashboard") as anonymous:
        assert (await anonymous.get("/v1/kpis")).status_code == 401
        icon = await anonymous.get("/favicon.ico")
        assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


async def test_the_live_model_follows_new_events(harness: ServiceHarness) -> None:
    database = harness.runtimes["dashboard"].database
    today = TODAY.date()
    before = await service.kpis(database, None, today)
    ended = a.TenancyEnded(
        tenancy_id="ten-2015-0900",
        dwelling_id="lke-0900",
        end_date=date(2015, 6, 20),
        reason=TenancyEndReason.NOTICE_BY_TENANT,
    )
    stay = t.StayStarted.model_validate(
        {
            **late_events()[1].data.model_dump(),
            "stay_id": "stay-2015-0901",
            "start_date": date(2015, 6, 25),
            "limit_date": date(2015, 9, 23),
        }
    )
    await harness.bus.publish([to_wire(Envelope(data=e, time=TODAY)) for e in (ended, stay)])
    await harness.settle()
    after = await service.kpis(database, None, today)
    assert after.temporary_housing.active == before.temporary_housing.active + 1
    async with database.sessions() as session:  # the same figures as loading every table afresh
        fresh = await service.load_read_model(session)
    assert domain.kpis(fresh, today, domain.STUCK_RULES).summary() == after.summary()


async def test_the_four_monthly_report_tells_each_period_at_its_end(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        table = (await client.get("/v1/reports/four-monthly", params={"as_of": "2015-06-30"})).json()
        april = (await client.get("/v1/kpis", params={"as_of": "2015-04-30"})).json()
        june = (await client.get("/v1/kpis", params={"as_of": "2015-06-30"})).json()
    rows = {row[0]: dict(zip(table["columns"], row, strict=True)) for row in table["rows"]}
    assert list(rows) == ["2014-T3", "2015-T1", "2015-T2"]
    first_third, now = rows["2015-T1"], rows["2015-T2"]
    assert first_third["as_of"] == "2015-04-30" and now["as_of"] == "2015-06-30"  # the running period: as_of
    for row, kpis in ((first_third, april), (now, june)):
        assert row["in_temporary_housing"] == kpis["temporary_housing"]["active"]
        assert row["over_90_days"] == kpis["temporary_housing"]["over_90_days"]
        assert row["waiting_list"] == kpis["waiting_list"]
    # The March re-lets (the story's lke-0200 and the late lke-0900) belong to the first period.
    assert first_third["relets"] >= 2 and now["relets"] == 0
