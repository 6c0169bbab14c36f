"""The import of the existing stock through the API, on SQLite and on PostgreSQL (+ Kafka): 700 contracts load,
the same file again (also as JSON) changes nothing, every kind of bad row is reported with its line and reason
and nothing of it is stored, and the imported contracts get their renewal reminders and § 9-2 escalations."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from boligflyt.applications import cli, domain
from boligflyt.applications.domain import Reminder
from boligflyt.applications.main import definition
from boligflyt.applications.models import Dwelling
from boligflyt.contracts.codes import ContractType, DwellingCategory, DwellingOwner, DwellingStatus
from boligflyt.contracts.events.maintenance import DwellingRegistered
from boligflyt.platform.db import Database
from boligflyt.testkit import ServiceHarness

from .conftest import Caseworker
from .stock_samples import SampleContract, contracts, csv_text, dwelling_id, json_text, person

COUNT = 700
CSV = {"Content-Type": "text/csv"}


@pytest.fixture(
    params=["embedded", pytest.param("distributed", marks=[pytest.mark.kafka, pytest.mark.postgres, pytest.mark.slow])]
)
async def stock_caseworker(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Caseworker]:
    async with ServiceHarness([definition], tmp_path, kind=request.param) as harness:
        worker = Caseworker(harness)
        try:
            yield worker
        finally:
            await worker.close()


async def register_let_dwellings(caseworker: Caseworker, count: int) -> None:
    """LKE's register as Boligkontoret knows it from LKE's events: `count` let dwellings."""
    await caseworker.publish(
        *(
            DwellingRegistered(
                dwelling_id=dwelling_id(n),
                owner=DwellingOwner.LKE,
                category=DwellingCategory.ORDINARY,
                bedrooms=1 + n % 3,
                accessible=False,
                staffed=False,
                monthly_rent=7000,
                registered_on=caseworker.today - timedelta(days=4000),
                status=DwellingStatus.LET,
                new_dwelling=False,
            )
            for n in range(1, count + 3)  # two spare dwellings for the duplicate rows below
        )
    )


def bad_rows(caseworker: Caseworker) -> tuple[list[SampleContract], dict[str, str]]:
    """One row of each bad kind (appended after the good rows) and what its reason says."""
    today = caseworker.today
    start = today - timedelta(days=200)
    valid = person(COUNT + 10)
    invalid = valid[:-1] + str((int(valid[-1]) + 1) % 10)
    kind = ContractType.ORDINARY_RENTAL
    end = today + timedelta(days=800)
    rows = [
        SampleContract("K-BAD-1", "dw-nobody-knows", kind, start, end, person(COUNT + 11), 7000),
        SampleContract("K-BAD-2", dwelling_id(COUNT + 1), kind, start, end, invalid, 7000),
        SampleContract("K-BAD-3", dwelling_id(COUNT + 2), kind, start, start - timedelta(days=1), valid, 7000),
        # two open contracts on one dwelling in the file: both rows are refused
        SampleContract("K-BAD-4", dwelling_id(COUNT + 3), kind, start, end, person(COUNT + 12), 7000),
        SampleContract("K-BAD-5", dwelling_id(COUNT + 3), kind, start, end, person(COUNT + 13), 7000),
    ]
    reasons = {
        "K-BAD-1": "unknown dwelling dw-nobody-knows",
        "K-BAD-2": "invalid national identity number",
        "K-BAD-3": "is not after the start",
        "K-BAD-4": f"dwelling {dwelling_id(COUNT + 3)} has two open contracts in the file",
        "K-BAD-5": f"dwelling {dwelling_id(COUNT + 3)} has two open contracts in the file",
    }
    return rows, reasons


async def tenancies_total(caseworker: Caseworker, **params: Any) -> int:
    total: int = (await caseworker.staff.get("/v1/tenancies", params=params)).json()["total"]
    return total


async def test_the_existing_stock_imports_once_with_bad_rows_reported_and_reminders_following(
    stock_caseworker: Caseworker,
) -> None:
    caseworker = stock_caseworker
    await register_let_dwellings(caseworker, COUNT + 1)
    good = contracts(COUNT, caseworker.today)
    bad, reasons = bad_rows(caseworker)
    text = csv_text(good + bad)

    report = await caseworker.staff.post("/v1/tenancy-imports", content=text.encode(), headers=CSV)
    assert report.status_code == 200, report.text
    first = report.json()
    assert (first["rows"], first["created"], first["unchanged"], first["rejected"]) == (COUNT + 5, COUNT, 0, 5)
    # Each bad row by its file line (the header is line 1, so the n-th row is line n + 1) and its reason.
    lines = {row.contract_ref: COUNT + 2 + i for i, row in enumerate(bad)}
    by_line = {r["line"]: r for r in first["rejections"]}
    assert sorted(by_line) == sorted(lines.values())
    for ref, line in lines.items():
        assert any(reasons[ref] in reason for reason in by_line[line]["reasons"]), (ref, by_line[line])
    assert bad[1].national_id not in report.text  # a national id is never echoed back
    # Nothing of a bad row is stored: no tenancy on its dwelling.
    assert await tenancies_total(caseworker) == COUNT
    for row in bad:
        assert await tenancies_total(caseworker, dwelling_id=row.dwelling_id) == 0
    stored = (await caseworker.staff.get("/v1/tenancies", params={"dwelling_id": good[0].dwelling_id})).json()
    [tenancy] = stored["items"]
    assert tenancy["state"] == "active" and tenancy["application_id"] is None
    assert tenancy["contract_ref"] == good[0].contract_ref and tenancy["monthly_rent"] == good[0].rent
    # The national id stays here, with the tenant as an applicant: registering the person again finds them.
    known = await caseworker.staff.post("/v1/applicants", json={"national_id": good[0].national_id, "name": "X"})
    assert known.status_code == 409 and known.json()["applicant_id"] == tenancy["applicant_id"]

    # The same file again changes nothing; the same contracts as the Facilit-like JSON neither.
    again = (await caseworker.staff.post("/v1/tenancy-imports", content=text.encode(), headers=CSV)).json()
    assert (again["created"], again["unchanged"], again["rejected"]) == (0, COUNT, 5)
    as_json = await caseworker.staff.post(
        "/v1/tenancy-imports", content=json_text(good).encode(), headers={"Content-Type": "application/json"}
    )
    assert as_json.status_code == 200, as_json.text
    assert (as_json.json()["created"], as_json.json()["unchanged"], as_json.json()["rejected"]) == (0, COUNT, 0)
    assert await tenancies_total(caseworker) == COUNT
    applicants = (await caseworker.staff.get("/v1/applicants", params={"limit": 1})).json()["total"]
    assert applicants == COUNT

    # A new contract on a dwelling that has one stored already is refused against what is stored.
    other = SampleContract(
        "K-NEW", good[1].dwelling_id, good[1].contract_type, caseworker.today, None, person(COUNT + 20), 7000
    )
    clash = (await caseworker.staff.post("/v1/tenancy-imports", content=csv_text([other]).encode(), headers=CSV)).json()
    assert clash["created"] == 0 and clash["rejections"][0]["line"] == 2
    assert f"dwelling {good[1].dwelling_id} has an open contract already" in clash["rejections"][0]["reasons"][0]
    assert await tenancies_total(caseworker, dwelling_id=good[1].dwelling_id) == 1

    # The reminder job sees the imported contracts: each contract's due reminders, once.
    expected = Counter(
        reminder for c in good for reminder in domain.due_reminders(c.end, caseworker.today, 3, []) if c.end is not None
    )
    assert expected[Reminder.BEFORE_END] > 0 and expected[Reminder.AT_END] > 0
    past_end = sum(1 for c in good if c.end is not None and c.end < caseworker.today)
    assert past_end > 0
    await caseworker.harness.run_jobs("applications")
    await caseworker.harness.run_jobs("applications")
    types = Counter(await caseworker.event_types())
    assert types["tenancy.ending_soon"] == expected[Reminder.BEFORE_END] + expected[Reminder.AT_END]
    assert types["tenancy.past_end_escalated"] == past_end
    assert types["tenancy.signed"] == 0  # an import of old contracts is no news on the bus


async def test_unreadable_files_and_formats_are_refused_and_store_nothing(caseworker: Caseworker) -> None:
    no_columns = await caseworker.staff.post("/v1/tenancy-imports", content=b"a;b\n1;2\n", headers=CSV)
    assert no_columns.status_code == 422 and no_columns.json()["code"] == "unreadable_stock"
    assert "no column for dwelling" in no_columns.json()["detail"]
    not_json = await caseworker.staff.post(
        "/v1/tenancy-imports", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 422 and not_json.json()["code"] == "unreadable_stock"
    pdf = await caseworker.staff.post("/v1/tenancy-imports", content=b"%PDF", headers={"Content-Type": "image/png"})
    assert pdf.status_code == 422 and pdf.json()["code"] == "unknown_stock_format"
    latin1 = await caseworker.staff.post(
        "/v1/tenancy-imports", content="bolig;fødselsnummer".encode("latin-1"), headers=CSV
    )
    assert latin1.status_code == 422
    nav = caseworker.nav
    assert (await nav.post("/v1/tenancy-imports", content=b"bolig\n", headers=CSV)).status_code == 403
    assert await tenancies_total(caseworker) == 0


async def test_a_dry_run_reports_and_stores_nothing(caseworker: Caseworker) -> None:
    await register_let_dwellings(caseworker, 3)
    text = csv_text(contracts(3, caseworker.today), delimiter="\t")
    dry = await caseworker.staff.post(
        "/v1/tenancy-imports", params={"dry_run": "true"}, content=text.encode(), headers=CSV
    )
    assert dry.status_code == 200 and dry.json()["created"] == 3 and dry.json()["dry_run"] is True
    assert await tenancies_total(caseworker) == 0
    real = await caseworker.staff.post("/v1/tenancy-imports", content=text.encode(), headers=CSV)
    assert real.json()["created"] == 3 and await tenancies_total(caseworker) == 3


async def _seed_dwellings(data_dir: Path, count: int) -> None:
    """LKE's let dwellings in Boligkontoret's database, as its events would have put them there."""
    database = Database(f"sqlite+aiosqlite:///{data_dir / 'applications.sqlite'}", service="applications")
    try:
        async with database.unit_of_work("test") as uow:
            for n in range(1, count + 1):
                uow.session.add(
                    Dwelling(
                        id=dwelling_id(n),
                        owner="lke",
                        category="ordinary",
                        bedrooms=1,
                        accessible=False,
                        staffed=False,
                        monthly_rent=7000,
                        status="let",
                        recommendation=[],
                        letting_round=0,
                        first_let=False,
                        updated_on=date(2015, 1, 1),
                    )
                )
            await uow.commit()
    finally:
        await database.dispose()


def test_the_command_imports_with_a_progress_bar_and_reports_rejected_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("BOLIGFLYT_DATA_DIR", str(data_dir))
    monkeypatch.delenv("BOLIGFLYT_DATABASE_URL_APPLICATIONS", raising=False)
    file = tmp_path / "kontrakter.csv"
    file.write_text(csv_text(contracts(30, date.today())), encoding="utf-8")
    runner = CliRunner()
    unknown = runner.invoke(cli.app, ["import-tenancies", str(file)])  # migrates; no dwelling is known yet
    assert unknown.exit_code == 1, unknown.output
    assert "rejected 30" in unknown.output and "unknown dwelling dw-stock-0001" in unknown.output
    asyncio.run(_seed_dwellings(data_dir, 30))
    dry = runner.invoke(cli.app, ["import-tenancies", "--dry-run", str(file)])
    assert dry.exit_code == 0 and "created 30, unchanged 0, rejected 0" in dry.output
    first = runner.invoke(cli.app, ["import-tenancies", str(file)])
    assert first.exit_code == 0 and "created 30, unchanged 0, rejected 0" in first.output, first.output
    assert "importing contracts" in first.stderr  # the progress bar, on stderr
    json_file = tmp_path / "kontrakter.json"
    json_file.write_text(json_text(contracts(30, date.today())), encoding="utf-8")
    again = runner.invoke(cli.app, ["import-tenancies", str(json_file)])
    assert again.exit_code == 0 and "created 0, unchanged 30, rejected 0" in again.output, again.output
