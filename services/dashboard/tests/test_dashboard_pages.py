"""The pages through HTTP: who may look, what each page shows, CSV exports, thresholds, redrive, languages."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from boligflyt.contracts.envelope import to_wire
from boligflyt.contracts.topics import dead_letter_topic
from boligflyt.dashboard import printable, reports
from boligflyt.dashboard.main import definition
from boligflyt.dashboard.signin import SESSION_COOKIE
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness
from boligflyt.testkit import dashboard_story as story

# After the story's last event (2015-04-20): the pages are asked "as of" days up to today, never after.
TODAY = datetime(2015, 5, 4, 9, tzinfo=UTC)


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, start=TODAY) as harness:
        await harness.bus.publish([to_wire(envelope) for envelope in story.envelopes()])
        await harness.settle()
        yield harness


PAGES = [
    "/",
    "/?as_of=2015-04-30",
    "/flow?as_of=2015-04-30",
    "/flow/cases?step=stay_moved_in&as_of=2015-04-30",
    "/flow/stages/in_temporary_housing?as_of=2015-02-20",
    "/stream",
    f"/persons/{story.KARI}",
    "/dwellings/lke-0153",
    "/stuck?as_of=2015-02-20",
    "/reports",
    *(f"/reports/{name}?as_of=2015-04-30" for name in reports.REPORTS),
    "/system",
]


@pytest.mark.parametrize("path", PAGES)
async def test_pages_need_a_coordinator(harness: ServiceHarness, path: str) -> None:
    async with harness.client("dashboard") as anonymous:
        browser = await anonymous.get(path, headers={"Accept": "text/html"})
        assert browser.status_code == 303
        assert browser.headers["location"].startswith("/login?next=")
        assert (await anonymous.get(path)).status_code == 401
    async with harness.client("dashboard", Agency.nav) as nav:
        assert (await nav.get(path)).status_code == 403
    async with harness.client("dashboard", Agency.coordinator) as coordinator:
        response = await coordinator.get(path)
        assert response.status_code == 200, response.text
        assert "text/html" in response.headers["content-type"]


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no CSRF token"
    return found.group(1)


async def test_a_development_token_starts_a_signed_httponly_session(harness: ServiceHarness) -> None:
    async with harness.client("dashboard") as client:
        page = await client.get("/login")
        assert 'id="development-tokens"' in page.text  # no identity provider: the page says so
        assert page.headers["cache-control"] == "no-store"
        bad = await client.post("/login", data={"token": "not-a-token", "next": "/flow"})
        assert bad.status_code == 200 and "token is malformed" in bad.text
        nav = await client.post("/login", data={"token": harness.token(Agency.nav), "next": "/flow"})
        assert nav.status_code == 403 and 'id="refused"' in nav.text and "set-cookie" not in nav.headers
        response = await client.post("/login", data={"token": harness.token(Agency.coordinator), "next": "/flow"})
        assert response.status_code == 303 and response.headers["location"] == "/flow"
        cookie = response.headers["set-cookie"]
        assert cookie.startswith(f"{SESSION_COOKIE}=") and "httponly" in cookie and "samesite=lax" in cookie
        assert (await client.get("/flow")).status_code == 200  # the session carries the coordinator now
        # A session cookie altered by hand is not a session (it is signed).
        forged = client.cookies[SESSION_COOKIE][:-4] + "AAAA"
        async with harness.client("dashboard") as other:
            other.cookies.set(SESSION_COOKIE, forged)
            assert (await other.get("/flow")).status_code == 401
        # Sign-out is a form too: without its CSRF token it is refused, with it the session ends.
        assert (await client.post("/logout")).status_code == 403
        token = csrf_of((await client.get("/flow")).text)
        assert (await client.post("/logout", data={"csrf_token": token})).status_code == 303
        assert (await client.get("/flow")).status_code == 401
        # Only local paths are followed after login.
        away = await client.post("/login", data={"token": harness.token(Agency.coordinator), "next": "//evil.example"})
        assert away.headers["location"] == "/"


async def test_forms_of_a_session_need_its_csrf_token(harness: ServiceHarness) -> None:
    async with harness.client("dashboard") as client:
        await client.post("/login", data={"token": harness.token(Agency.coordinator), "next": "/"})
        page = await client.get("/stuck?as_of=2015-02-20")
        refused = await client.post("/stuck", data={"notice_without_inspection": "30"})
        assert refused.status_code == 403
        forged = await client.post("/stuck", data={"notice_without_inspection": "30", "csrf_token": "x" * 43})
        assert forged.status_code == 403
        assert 'name="notice_without_inspection" value="30"' not in (await client.get("/stuck")).text
        assert (await client.post("/system/redrive", data={"topic": "boligflyt.maintenance"})).status_code == 403
        saved = await client.post("/stuck", data={"notice_without_inspection": "30", "csrf_token": csrf_of(page.text)})
        assert saved.status_code == 303
        assert 'name="notice_without_inspection" value="30"' in (await client.get("/stuck")).text


async def test_overview_shows_the_kpis_in_either_language(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        norwegian = await client.get("/?as_of=2015-02-20")
        assert "I midlertidig botilbud nå" in norwegian.text
        assert '<div class="card" data-kpi="stays_active"><h3>I midlertidig botilbud nå</h3><div class="value">2<' in (
            norwegian.text
        )
        assert "<svg" in norwegian.text and 'class="limit"' in norwegian.text  # histogram with the 90-day line
        english = await client.get("/?as_of=2015-02-20&lang=en")
        assert "In temporary housing now" in english.text
        assert "boligflyt_lang=en" in english.headers["set-cookie"]
        assert "In temporary housing now" in (await client.get("/?as_of=2015-02-20")).text  # remembered
        assert (await client.get("/?as_of=yesterday")).status_code == 422


@pytest.mark.parametrize("as_of", ["9999-12-31", "2015-05-05", "0001-01-01", "1985-05-03"])
@pytest.mark.parametrize("path", ["/", "/flow", "/stuck", "/dwellings/lke-0153", "/reports/nav-monthly.csv"])
async def test_as_of_is_a_day_up_to_today_and_at_most_30_years_back(
    harness: ServiceHarness, path: str, as_of: str
) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        response = await client.get(path, params={"as_of": as_of})
        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["code"] == "as_of_out_of_range"
        assert (problem["earliest"], problem["latest"]) == ("1985-05-04", "2015-05-04")
        for day in ("1985-05-04", "2015-05-04"):  # the bounds themselves are days the figures can be told for
            assert (await client.get(path, params={"as_of": day})).status_code == 200


async def test_timelines_and_drill_down_link_cases_without_personal_data(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        person = await client.get(f"/persons/{story.KARI}")
        for name in ("stay.started", "application.submitted", "offer.made", "tenancy.moved_in", "stay.ended"):
            assert f'data-event="{name}"' in person.text
        assert "<svg" in person.text
        dwelling = await client.get("/dwellings/lke-0153?as_of=2015-04-30")
        assert '<td class="num">42</td><td class="num">0</td><td class="num">23</td><td class="num">19</td>' in (
            dwelling.text
        )
        cases = await client.get("/flow/cases?step=stay_moved_in&bucket=1-3m&as_of=2015-04-30")
        assert f"/persons/{story.KARI}" in cases.text and "stay-2015-0007" in cases.text
        assert (await client.get("/flow/cases?step=nonsense")).status_code == 404
        stage = await client.get("/flow/stages/in_temporary_housing?as_of=2015-02-20")
        assert "stay-2014-0113" in stage.text and "stay-2015-0007" in stage.text
        assert f"/persons/{story.FAMILY}" in stage.text
        assert (await client.get("/flow/stages/nonsense")).status_code == 404


async def test_stream_search_and_filters(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        nav = await client.get("/stream?agency=nav")
        assert "stay.started" in nav.text and "application.submitted</a>" not in nav.text
        by_key = await client.get("/stream?q=job-2015-0021")
        assert by_key.text.count("<tr data-seq=") == 0  # dwelling events are keyed by dwelling id
        by_dwelling = await client.get("/stream?dwelling_id=lke-0200&type=tenancy.moved_in")
        assert by_dwelling.text.count("<tr data-seq=") == 1


async def test_reports_export_csv(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        response = await client.get("/reports/nav-monthly.csv?as_of=2015-04-30")
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows[0] == ["month", "persons", "under_30", "singles", "children_with_singles", "new_enquiries"]
        assert rows[-4:] == [
            ["2015-01", "2", "1", "1", "0", "1"],
            ["2015-02", "2", "1", "1", "0", "0"],
            ["2015-03", "3", "1", "2", "0", "0"],
            ["2015-04", "2", "0", "1", "0", "0"],
        ]
        waiting = list(
            csv.reader(io.StringIO((await client.get("/reports/waiting-list?format=csv&as_of=2015-02-20")).text))
        )
        assert [row[0] for row in waiting[1:]] == ["app-2015-0042"]
        assert (await client.get("/reports/nothing")).status_code == 404


async def test_thresholds_are_saved_and_change_the_stuck_list(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        before = await client.get("/stuck?as_of=2015-02-20")
        assert 'data-rule="notice_without_inspection"' in before.text
        saved = await client.post("/stuck", data={"notice_without_inspection": "30"})
        assert saved.status_code == 303
        after = await client.get("/stuck?as_of=2015-02-20")
        assert 'data-rule="notice_without_inspection"' not in after.text
        assert 'name="notice_without_inspection" value="30"' in after.text
        assert (await client.post("/stuck", data={"ready_not_let": "-1"})).status_code == 422


async def test_system_health_counts_dead_letters_and_redrives_them(harness: ServiceHarness) -> None:
    topic = "boligflyt.maintenance"
    dead = to_wire(story.envelopes()[3])
    await harness.bus.publish(
        [type(dead)(topic=dead_letter_topic(topic), key=dead.key, value=dead.value, headers=dead.headers)]
    )
    async with harness.client("dashboard", Agency.coordinator) as client:
        page = await client.get("/system")
        assert '<td>boligflyt.maintenance.dlq</td><td class="num">1</td>' in page.text
        assert "<td>dashboard</td>" in page.text
        redriven = await client.post("/system/redrive", data={"topic": topic})
        assert redriven.status_code == 303
        await harness.settle()
        assert '<td>boligflyt.maintenance.dlq</td><td class="num">0</td>' in (await client.get("/system")).text
        assert (await client.post("/system/redrive", data={"topic": "nope"})).status_code == 422


async def test_the_live_stream_needs_a_coordinator_too(harness: ServiceHarness) -> None:
    async with harness.client("dashboard") as anonymous:
        assert (await anonymous.get("/stream/events")).status_code == 401
    async with harness.client("dashboard", Agency.lke) as lke:
        assert (await lke.get("/stream/events")).status_code == 403


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


async def test_every_report_prints_as_a_pdf_with_its_clock_charts_and_table(harness: ServiceHarness) -> None:
    async with harness.client("dashboard", Agency.coordinator) as client:
        for name in reports.REPORTS:
            response = await client.get(f"/reports/{name}.pdf?as_of=2015-04-30&lang=en")
            assert response.status_code == 200, (name, response.text)
            assert response.headers["content-type"] == "application/pdf"
            assert f'filename="{name}-2015-04-30.pdf"' in response.headers["content-disposition"]
            table = (await client.get(f"/v1/reports/{name}?as_of=2015-04-30")).json()
            text = pdf_text(response.content)
            assert "As of business date 2015-04-30" in text, name
            assert all(column in text for column in table["columns"]), name
            if table["rows"]:
                first_row_text = [str(value) for value in table["rows"][0] if value not in (None, "")]
                assert all(value in text for value in first_row_text), name
                captions = [caption for caption, _ in printable.report_charts(reports.Report(**table))]
                assert captions and all(caption in text for caption in captions), name

        monthly = pdf_text(
            (await client.get("/reports/nav-monthly.pdf?as_of=2015-04-30&clock=recorded&lang=en")).content
        )
        assert "As recorded on 2015-04-30" in monthly
        assert "persons by month" in monthly
        # The chart's bars carry their values: March 2015 had 3 persons in temporary housing (the CSV's row).
        assert "2015-03" in monthly and "NAV's monthly situation report" in monthly
