"""The CSV import (`boligflyt-maintenance import-dwellings`) and the batch upsert endpoint."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boligflyt.maintenance.cli import app
from boligflyt.maintenance.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.platform.db import Database
from boligflyt.testkit import ServiceHarness

from .conftest import dwelling_body

COLUMNS = [
    "external_ref",
    "address",
    "zone",
    "category",
    "owner",
    "coop_board_approval",
    "rooms",
    "bedrooms",
    "floor_area_m2",
    "monthly_rent",
    "accessible",
    "staffed",
    "near_services",
    "acquired_via",
    "order_ref",
    "head_lease_end",
    "status",
]


def row(ref: str, **values: str) -> dict[str, str]:
    base = {
        "external_ref": ref,
        "address": f"Kongegata {ref[-1]}",
        "zone": "sentrum",
        "category": "ordinary",
        "owner": "lke",
        "coop_board_approval": "",
        "rooms": "3",
        "bedrooms": "2",
        "floor_area_m2": "60",
        "monthly_rent": "7000",
        "accessible": "false",
        "staffed": "no",
        "near_services": "yes",
        "acquired_via": "",
        "order_ref": "",
        "head_lease_end": "",
        "status": "let",
    }
    base.update(values)
    return base


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


async def outbox_and_dwellings(data_dir: Path) -> tuple[int, list[tuple[str, int]]]:
    database = Database(f"sqlite+aiosqlite:///{data_dir / 'maintenance.sqlite'}", service="maintenance")
    try:
        async with database.engine.connect() as connection:
            from sqlalchemy import text

            outbox = (await connection.execute(text("SELECT count(*) FROM outbox"))).scalar_one()
            rows = (
                await connection.execute(text("SELECT external_ref, monthly_rent FROM dwelling ORDER BY external_ref"))
            ).all()
        return int(outbox), [(str(r[0]), int(r[1])) for r in rows]
    finally:
        await database.dispose()


def test_import_takes_good_rows_reports_bad_ones_and_a_rerun_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("BOLIGFLYT_DATA_DIR", str(data_dir))
    monkeypatch.delenv("BOLIGFLYT_DATABASE_URL_MAINTENANCE", raising=False)
    file = write_csv(
        tmp_path / "dwellings.csv",
        [
            row("F-1"),
            row("F-2", owner="private_lease", head_lease_end="2017-06-30", category="emergency"),
            row("F-3", category="palace"),  # unknown category
            row("F-4", monthly_rent="-500"),  # negative rent
            row("F-1", address="Another street 9"),  # duplicate reference
            row("F-5", owner="housing_coop", coop_board_approval="true", status="ready"),
        ],
    )
    runner = CliRunner()
    dry = runner.invoke(app, ["import-dwellings", "--dry-run", str(file)])
    assert "created 3, changed 0, unchanged 0, rejected 3" in " ".join(dry.output.split())
    assert asyncio.run(outbox_and_dwellings(data_dir)) == (0, [])
    first = runner.invoke(app, ["import-dwellings", str(file)])
    assert first.exit_code == 1, first.output  # some rows were rejected
    output = " ".join(first.output.split())
    assert "created 3, changed 0, unchanged 0, rejected 3" in output
    assert "category" in output and "monthly_rent" in output and "duplicate external_ref F-1" in output
    events_after_first, dwellings = asyncio.run(outbox_and_dwellings(data_dir))
    assert dwellings == [("F-1", 7000), ("F-2", 7000), ("F-5", 7000)]
    assert events_after_first == 3  # one dwelling.registered each

    second = runner.invoke(app, ["import-dwellings", str(file)])
    assert "created 0, changed 0, unchanged 3, rejected 3" in " ".join(second.output.split())
    assert asyncio.run(outbox_and_dwellings(data_dir)) == (events_after_first, dwellings)

    # A changed rent in the property system is an update, announced once.
    write_csv(file, [row("F-1", monthly_rent="7500")])
    third = runner.invoke(app, ["import-dwellings", str(file)])
    assert third.exit_code == 0, third.output
    assert "created 0, changed 1, unchanged 0, rejected 0" in " ".join(third.output.split())
    events, dwellings = asyncio.run(outbox_and_dwellings(data_dir))
    assert events == events_after_first + 1 and dwellings[0] == ("F-1", 7500)


def test_import_refuses_a_file_without_the_key_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOLIGFLYT_DATA_DIR", str(tmp_path / "data"))
    file = tmp_path / "bad.csv"
    file.write_text("address,rent\nStorgata 1,7000\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import-dwellings", str(file)])
    assert result.exit_code == 2
    assert not (tmp_path / "data" / "maintenance.sqlite").exists()


@pytest.mark.parametrize(
    "kind", ["embedded", pytest.param("distributed", marks=[pytest.mark.kafka, pytest.mark.postgres])]
)
async def test_batch_endpoint_is_idempotent_per_key(tmp_path: Path, kind: str) -> None:
    async with ServiceHarness([definition], tmp_path, kind=kind) as harness:
        async with harness.client("maintenance", Agency.integrator) as unscoped:
            refused = await unscoped.post(
                "/v1/dwelling-batches", json={"dwellings": []}, headers={"Idempotency-Key": "x"}
            )
            assert refused.status_code == 403 and refused.json()["required_scope"] == "dwelling-register:write"
        async with harness.client("maintenance", Agency.integrator, scopes=["dwelling-register:write"]) as facilit:
            batch = {
                "dwellings": [
                    dwelling_body("F-10"),
                    dwelling_body("F-11", monthly_rent=-1),
                    dwelling_body("F-12", owner="private_lease"),  # no head_lease_end
                ]
            }
            first = await facilit.post("/v1/dwelling-batches", json=batch, headers={"Idempotency-Key": "sync-1"})
            assert first.status_code == 200, first.text
            report = first.json()
            assert report["created"] == ["F-10"]
            assert [(r["row"], r["external_ref"]) for r in report["rejected"]] == [(2, "F-11"), (3, "F-12")]
            assert "head_lease_end" in report["rejected"][1]["reason"]

            again = await facilit.post("/v1/dwelling-batches", json=batch, headers={"Idempotency-Key": "sync-1"})
            assert again.status_code == 200 and again.json() == report
            assert again.headers["Idempotent-Replayed"] == "true"

            other = {"dwellings": [dwelling_body("F-10", monthly_rent=9999)]}
            reused = await facilit.post("/v1/dwelling-batches", json=other, headers={"Idempotency-Key": "sync-1"})
            assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"

            no_key = await facilit.post("/v1/dwelling-batches", json=batch)
            assert no_key.status_code == 422

            fresh = await facilit.post("/v1/dwelling-batches", json=other, headers={"Idempotency-Key": "sync-2"})
            assert fresh.json()["changed"] == ["F-10"]
        async with harness.client("maintenance", Agency.lke) as lke:
            listed = (await lke.get("/v1/dwellings")).json()
            assert [(d["external_ref"], d["monthly_rent"]) for d in listed["items"]] == [("F-10", 9999)]
        await harness.settle()
        types = [e.type.split(".")[3:5] for e in await harness.events("boligflyt.maintenance")]
        assert types == [["dwelling", "registered"], ["dwelling", "changed"]]
        async with harness.client("maintenance", Agency.nav) as nav:
            assert (
                await nav.post("/v1/dwelling-batches", json=batch, headers={"Idempotency-Key": "x"})
            ).status_code == 403


async def test_a_batch_row_without_a_category_keeps_lkes_and_a_new_dwelling_is_ordinary(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path) as harness, harness.client("maintenance", Agency.lke) as lke:
        assert (await lke.post("/v1/dwellings", json=dwelling_body("F-20", category="care"))).status_code == 201
        unknown = {key: value for key, value in dwelling_body("F-20", monthly_rent=8100).items() if key != "category"}
        new = {key: value for key, value in dwelling_body("F-21").items() if key != "category"}
        synced = await lke.post(
            "/v1/dwelling-batches", json={"dwellings": [unknown, new]}, headers={"Idempotency-Key": "k"}
        )
        assert synced.status_code == 200, synced.text
        assert (synced.json()["changed"], synced.json()["created"]) == (["F-20"], ["F-21"])
        listed = {d["external_ref"]: d for d in (await lke.get("/v1/dwellings")).json()["items"]}
        assert (listed["F-20"]["category"], listed["F-20"]["monthly_rent"]) == ("care", 8100)
        assert listed["F-21"]["category"] == "ordinary"


@pytest.mark.parametrize("client_agency", [Agency.boligkontoret, Agency.bestiller])
async def test_readers_cannot_sync(tmp_path: Path, client_agency: Agency) -> None:
    async with ServiceHarness([definition], tmp_path) as harness, harness.client("maintenance", client_agency) as c:
        response = await c.post(
            "/v1/dwelling-batches", json={"dwellings": [dwelling_body()]}, headers={"Idempotency-Key": "k"}
        )
        assert response.status_code == 403
        assert (await c.get("/v1/dwellings")).status_code == 200


def test_an_import_that_fails_part_way_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("BOLIGFLYT_DATA_DIR", str(data_dir))
    monkeypatch.delenv("BOLIGFLYT_DATABASE_URL_MAINTENANCE", raising=False)
    file = write_csv(tmp_path / "dwellings.csv", [row("F-1"), row("F-2"), row("F-3")])
    from boligflyt.maintenance.service import sync

    original = sync.add_dwelling
    calls: list[str] = []

    def crash_on_third(*args: object, **kwargs: object) -> object:
        calls.append("x")
        if len(calls) == 3:
            raise OSError("disk full")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync, "add_dwelling", crash_on_third)
    result = CliRunner().invoke(app, ["import-dwellings", str(file)])
    assert isinstance(result.exception, OSError)
    assert asyncio.run(outbox_and_dwellings(data_dir)) == (0, [])
