"""LKE's dwelling-register import refuses free text a spreadsheet would run as a formula: such a row is rejected
with its reason and nothing of it is stored."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boligflyt.maintenance.cli import app
from boligflyt.maintenance.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness

from .conftest import dwelling_body
from .test_maintenance_import import outbox_and_dwellings, row, write_csv

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the command writes the service's SQLite database."""
    monkeypatch.setenv("BOLIGFLYT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BOLIGFLYT_DATABASE_URL_MAINTENANCE", raising=False)
    return tmp_path / "data"


def test_the_csv_import_rejects_an_address_that_is_a_formula_and_stores_nothing_of_it(
    tmp_path: Path, data_dir: Path
) -> None:
    formulas = {"F-2": HYPERLINK, "F-3": "+47 Storgata", "F-4": "@Storgata 4", "F-5": "-Storgata 5"}
    rows = [row("F-1"), *(row(ref, address=address) for ref, address in formulas.items())]
    rows += [row("F-6", order_ref="=1+1"), row("F-7", address="12 Storgata - bak")]
    result = CliRunner().invoke(app, ["import-dwellings", str(write_csv(tmp_path / "dwellings.csv", rows))])
    output = " ".join(result.output.split())
    assert "created 2, changed 0, unchanged 0, rejected 5" in output, result.output
    assert "address" in output and "formula" in output
    _, dwellings = asyncio.run(outbox_and_dwellings(data_dir))
    assert [ref for ref, _ in dwellings] == ["F-1", "F-7"]


async def test_a_batch_row_with_a_formula_for_an_address_is_rejected_with_its_reason(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path) as harness, harness.client("maintenance", Agency.lke) as lke:
        batch = {"dwellings": [dwelling_body("F-30", address=HYPERLINK), dwelling_body("F-31", address="-12 Storgata")]}
        synced = await lke.post("/v1/dwelling-batches", json=batch, headers={"Idempotency-Key": "formulas"})
        assert synced.status_code == 200, synced.text
        [rejected] = synced.json()["rejected"]
        assert (rejected["row"], rejected["external_ref"]) == (1, "F-30")
        assert rejected["reason"].startswith("address:") and "formula" in rejected["reason"]
        assert synced.json()["created"] == ["F-31"]
        listed = (await lke.get("/v1/dwellings")).json()["items"]
        assert [d["external_ref"] for d in listed] == ["F-31"]
        assert HYPERLINK not in str(listed)
