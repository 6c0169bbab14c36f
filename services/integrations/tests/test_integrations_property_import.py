"""The Facilit-like import: a sample export round-trips into the dwelling register, idempotently, with a report."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, HTTPException, Request

from boligflyt.integrations.cli import import_export
from boligflyt.integrations.main import build_definition
from boligflyt.integrations.property_export import parse_export
from boligflyt.integrations.property_import import BATCH_PATH, RegisterResult
from boligflyt.platform.auth import Agency
from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.testkit import ServiceHarness

from .conftest import FAST, ReceiverServer, World

SAMPLE_CSV = """objekt_id;adresse;antall_rom;areal;husleie;eier;leieforhold;leietaker
H1001;Storgata 1, 3256 Larvik;3;64,5;9 800;LKE;K-2024-117;Kari Nordmann
H1002;Kirkestredet 4, 3263 Larvik;2;48;7600;LKBS;ledig;
H1003;Torget 2;1;30;5200;Privat innleie;;
H1004;Nansetgata 9;4;;11200;Ukjent eier;;
;Bøkkerfaret 3;2;50;6000;LKE;;
H1006;Langestrand 5;tre;55;6500;LKE;;
H1007;Tollerodden 1;2;50;6000;LKE;12345678901;
H1001;Storgata 1, 3256 Larvik;3;64;9800;LKE;;
"""


class FakeRegister:
    """The maintenance service's bulk upsert, as the port sees it."""

    def __init__(self, refuse: Sequence[str] = ()) -> None:
        self.dwellings: dict[str, dict[str, Any]] = {}
        self.calls: list[list[dict[str, Any]]] = []
        self.refuse = set(refuse)

    async def bulk_upsert(self, dwellings: Sequence[dict[str, Any]]) -> RegisterResult:
        self.calls.append(list(dwellings))
        refused = {}
        for index, dwelling in enumerate(dwellings):
            if dwelling["external_ref"] in self.refuse:
                refused[index] = "address: already registered under another ref"
            else:
                self.dwellings[dwelling["external_ref"]] = dwelling
        return RegisterResult(refused=refused)


@pytest.fixture
async def register_world(tmp_path: Path) -> AsyncIterator[tuple[World, FakeRegister]]:
    register = FakeRegister()
    definition = build_definition(FAST, register_factory=lambda _runtime: register)
    async with ServiceHarness([definition], tmp_path) as harness:
        world = World.of(harness, FAST)
        try:
            yield world, register
        finally:
            await world.worker.close()


async def test_a_csv_export_round_trips_idempotently_and_reports_rejected_rows(
    register_world: tuple[World, FakeRegister],
) -> None:
    world, register = register_world
    async with world.harness.client("integrations", Agency.lke) as lke:
        first = await lke.post("/v1/property-imports", content=SAMPLE_CSV, headers={"content-type": "text/csv"})
        assert first.status_code == 201, first.text
        report = first.json()
        assert (report["rows"], report["created"], report["updated"], report["unchanged"]) == (8, 3, 0, 0)
        assert report["created_objects"] == ["H1001", "H1002", "H1003"]
        rejected = {r["row"]: r for r in report["rejections"]}
        assert sorted(rejected) == [4, 5, 6, 7, 8]
        assert "owner 'Ukjent eier'" in rejected[4]["reasons"][0]
        assert rejected[5]["reasons"] == ["object_id is missing"]
        assert "rooms must be a whole number" in rejected[6]["reasons"][0]
        assert "tenancy must be a contract reference" in rejected[7]["reasons"][0]
        assert rejected[8]["reasons"] == ["object_id appears twice"]
        assert report["ignored_columns"] == ["leietaker"]

        # What the register got: mapped, and never the tenant's name.
        assert register.dwellings["H1001"] == {
            "external_ref": "H1001",
            "address": "Storgata 1, 3256 Larvik",
            "owner": "lke",
            "rooms": 3,
            "bedrooms": 2,
            "floor_area_m2": 64,
            "monthly_rent": 9800,
            "status": "let",
        }
        assert register.dwellings["H1002"]["status"] == "vacant"
        assert register.dwellings["H1003"]["owner"] == "private_lease"
        assert "Kari Nordmann" not in json.dumps(register.calls)

        again = (await lke.post("/v1/property-imports?format=csv", content=SAMPLE_CSV)).json()
        assert (again["created"], again["updated"], again["unchanged"], again["rejected"]) == (0, 0, 3, 5)
        assert len(register.calls) == 1  # nothing unchanged is sent again

        changed = SAMPLE_CSV.replace("48;7600;LKBS;ledig", "48;7900;LKBS;K-2026-001")
        third = (await lke.post("/v1/property-imports", content=changed, headers={"content-type": "text/csv"})).json()
        assert (third["created"], third["updated"], third["unchanged"]) == (0, 1, 2)
        assert register.calls[-1] == [register.dwellings["H1002"]]
        assert register.dwellings["H1002"]["monthly_rent"] == 7900 and register.dwellings["H1002"]["status"] == "let"

        stored = await lke.get(f"/v1/property-imports/{report['id']}")
        assert stored.status_code == 200 and stored.json() == report
        assert (await lke.get("/v1/property-imports/imp_nope")).status_code == 404


async def test_a_json_export_maps_the_same_and_bad_exports_change_nothing(
    register_world: tuple[World, FakeRegister],
) -> None:
    world, register = register_world
    export = {
        "objects": [
            {"object_id": "H2001", "address": "Prinsegata 1", "rooms": 2, "area": 51.2, "rent": 8100, "owner": "lke"},
            {"object_id": "H2002", "address": "Prinsegata 3", "rooms": 0, "area": 40, "rent": 7000, "owner": "lke"},
        ]
    }
    token = world.harness.token(Agency.integrator, "facilit", scopes=["property-import:write"])
    async with world.harness.client("integrations") as client:
        client.headers["Authorization"] = f"Bearer {token}"
        response = await client.post("/v1/property-imports", json=export)
        assert response.status_code == 201, response.text
        assert response.json()["created_objects"] == ["H2001"]
        assert register.dwellings["H2001"]["floor_area_m2"] == 51 and register.dwellings["H2001"]["status"] == "vacant"
        assert response.json()["rejections"][0]["object_id"] == "H2002"

        for body, content_type in (
            ("not json", "application/json"),
            ('{"rows": 1}', "application/json"),
            ("a;b\n1;2\n", "text/csv"),
            ("x", "text/plain"),
        ):
            bad = await client.post("/v1/property-imports", content=body, headers={"content-type": content_type})
            assert bad.status_code == 422, body
    assert len(register.calls) == 1
    async with world.client("facilit", scopes=["events:read:*"]) as unscoped:
        assert (await unscoped.post("/v1/property-imports", json=export)).status_code == 403
    async with world.harness.client("integrations", Agency.nav) as nav:
        assert (await nav.post("/v1/property-imports", json=export)).status_code == 403


async def test_the_http_adapter_posts_the_bulk_upsert_to_maintenance_and_a_refusal_records_nothing(
    tmp_path: Path,
) -> None:
    received: list[dict[str, Any]] = []
    answer = {"status": 200}
    maintenance = FastAPI()

    @maintenance.post(BATCH_PATH)
    async def batch(request: Request) -> dict[str, Any]:
        received.append(
            {
                "body": await request.json(),
                "auth": request.headers.get("authorization", ""),
                "key": request.headers.get("idempotency-key", ""),
            }
        )
        if answer["status"] != 200:
            raise HTTPException(status_code=answer["status"], detail="down for maintenance")
        return {"created": [], "changed": [], "unchanged": [], "rejected": []}

    async with ServiceHarness([build_definition(FAST)], tmp_path) as harness:
        runtime: ServiceRuntime = harness.runtimes["integrations"]
        runtime.local_services["maintenance"] = maintenance
        async with harness.client("integrations", Agency.lke) as lke:
            answer["status"] = 503
            refused = await lke.post("/v1/property-imports", content=SAMPLE_CSV, headers={"content-type": "text/csv"})
            assert refused.status_code == 502 and refused.json()["upstream_status"] == 503
            answer["status"] = 200
            accepted = await lke.post("/v1/property-imports", content=SAMPLE_CSV, headers={"content-type": "text/csv"})
            assert accepted.status_code == 201
            # The refused run remembered nothing, so this one created all three.
            assert accepted.json()["created"] == 3
    assert [d["external_ref"] for d in received[-1]["body"]["dwellings"]] == ["H1001", "H1002", "H1003"]
    assert received[-1]["auth"].startswith("Bearer ")
    # The retry of the same batch carries the same key: a replay at maintenance, never a second write.
    assert received[0]["key"] == received[1]["key"] and received[0]["key"].startswith("facilit-")


def test_the_mapping_reads_only_known_columns_and_english_names_too() -> None:
    parsed = parse_export(
        "object_id,address,rooms,area,rent,owner,tenancy,phone\nA-1,Vei 1,2,40,5000,borettslag,,99999999\n", "csv"
    )
    assert parsed.ignored_columns == ["phone"]
    [obj] = parsed.objects
    assert obj.dwelling["owner"] == "housing_coop" and "99999999" not in json.dumps(obj.dwelling)


def test_a_category_is_sent_only_when_the_export_states_one() -> None:
    """An export without the column leaves the register's category as LKE set it (say, a care dwelling)."""
    export = (
        "objekt_id;adresse;antall_rom;husleie;eier;kategori\nA-1;Vei 1;2;5000;LKE;Omsorgsbolig\nA-2;Vei 2;2;5000;LKE;\n"
    )
    parsed = parse_export(export, "csv")
    stated, unstated = parsed.objects
    assert stated.dwelling["category"] == "care"
    assert "category" not in unstated.dwelling


async def test_the_configured_export_is_imported_on_a_schedule(tmp_path: Path) -> None:
    export = tmp_path / "facilit-export.csv"
    export.write_text(SAMPLE_CSV, encoding="utf-8")
    settings = FAST.model_copy(update={"property_export_path": export})
    register = FakeRegister()
    definition = build_definition(settings, register_factory=lambda _runtime: register)
    async with ServiceHarness([definition], tmp_path) as harness:
        await harness.run_jobs("integrations")
        await harness.run_jobs("integrations")
        export.write_text(SAMPLE_CSV.replace("9 800", "9 900"), encoding="utf-8")
        await harness.run_jobs("integrations")
        worker = harness.runtimes["integrations"].app.state.delivery_worker
        await worker.close()
    assert [[d["external_ref"] for d in call] for call in register.calls] == [["H1001", "H1002", "H1003"], ["H1001"]]
    assert register.dwellings["H1001"]["monthly_rent"] == 9900


async def test_the_import_command_reports_and_exits_by_what_it_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    received: list[dict[str, Any]] = []
    maintenance = FastAPI()

    @maintenance.post(BATCH_PATH)
    async def batch(request: Request) -> dict[str, Any]:
        received.append(await request.json())
        return {"created": [], "changed": [], "unchanged": [], "rejected": []}

    server = ReceiverServer(app=maintenance)
    server.start()
    try:
        monkeypatch.setenv("BOLIGFLYT_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv("BOLIGFLYT_SERVICE_URL_MAINTENANCE", f"http://127.0.0.1:{server.port}")
        monkeypatch.setenv("BOLIGFLYT_LOG_JSON", "false")
        export = tmp_path / "export.json"
        export.write_text(
            json.dumps([{"objekt_id": "H3001", "adresse": "Vei 2", "antall_rom": 2, "husleie": 6100, "eier": "LKE"}])
        )
        assert await import_export(export, None) == 0
        first = json.loads(capsys.readouterr().out)
        assert await import_export(export, None) == 0
        second = json.loads(capsys.readouterr().out)
        bad = tmp_path / "export.csv"
        bad.write_text(SAMPLE_CSV)
        assert await import_export(bad, None) == 1
        assert await import_export(tmp_path / "export.txt", None) == 2
    finally:
        server.stop()
    assert (first["created"], second["created"], second["unchanged"]) == (1, 0, 1)
    assert [[d["external_ref"] for d in r["dwellings"]] for r in received] == [["H3001"], ["H1001", "H1002", "H1003"]]


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


async def test_the_shipped_sample_export_round_trips_the_same_from_csv_and_json(
    register_world: tuple[World, FakeRegister],
) -> None:
    world, register = register_world
    async with world.harness.client("integrations", Agency.lke) as lke:
        from_csv = await lke.post(
            "/v1/property-imports",
            content=(SAMPLES / "facilit-export.csv").read_bytes(),
            headers={"content-type": "text/csv"},
        )
        after_csv = dict(register.dwellings)
        from_json = await lke.post(
            "/v1/property-imports",
            content=(SAMPLES / "facilit-export.json").read_bytes(),
            headers={"content-type": "application/json"},
        )
    csv_report, json_report = from_csv.json(), from_json.json()
    assert csv_report["created"] == 5 and csv_report["rejected"] == 2
    assert [(r["object_id"], r["reasons"][0].split(" ")[0]) for r in csv_report["rejections"]] == [
        ("LKE-0190", "rooms"),
        ("LKE-0191", "owner"),
    ]
    # The JSON export of the same objects maps to exactly the same dwellings: nothing changed, nothing sent.
    assert (json_report["unchanged"], json_report["created"], json_report["updated"]) == (5, 0, 0)
    assert json_report["rejections"] == csv_report["rejections"]
    assert register.dwellings == after_csv and len(register.calls) == 1
    # And what the register holds reads back as the export's valid rows.
    lines = (SAMPLES / "facilit-export.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines[:5]:
        object_id, address, rooms, _area, rent, _owner, tenancy, _head_lease_end = line.split(";")
        dwelling = register.dwellings[object_id]
        assert (dwelling["address"], dwelling["rooms"]) == (address, int(rooms))
        assert dwelling["monthly_rent"] == int(rent.replace(" ", ""))
        assert dwelling["status"] == ("let" if tenancy not in ("", "ledig") else "vacant")


async def test_rows_the_register_refuses_are_reported_and_sent_again_next_time(tmp_path: Path) -> None:
    register = FakeRegister(refuse=["H1002"])
    definition = build_definition(FAST, register_factory=lambda _r: register)
    async with ServiceHarness([definition], tmp_path) as harness, harness.client("integrations", Agency.lke) as lke:
        first = (await lke.post("/v1/property-imports?format=csv", content=SAMPLE_CSV)).json()
        register.refuse.clear()
        second = (await lke.post("/v1/property-imports?format=csv", content=SAMPLE_CSV)).json()
    assert first["created_objects"] == ["H1001", "H1003"]
    [refused] = [r for r in first["rejections"] if r["object_id"] == "H1002"]
    assert refused["row"] == 2 and refused["reasons"][0].startswith("the dwelling register refused it: address")
    assert (second["created_objects"], second["unchanged"]) == (["H1002"], 2)


async def test_the_sample_export_lands_in_the_real_maintenance_register(tmp_path: Path) -> None:
    from boligflyt.maintenance.main import definition as maintenance

    async with ServiceHarness([maintenance, build_definition(FAST)], tmp_path) as harness:
        async with harness.client("integrations", Agency.lke) as lke:
            report = await lke.post(
                "/v1/property-imports",
                content=(SAMPLES / "facilit-export.csv").read_bytes(),
                headers={"content-type": "text/csv"},
            )
            assert report.status_code == 201, report.text
            again = (
                await lke.post(
                    "/v1/property-imports",
                    content=(SAMPLES / "facilit-export.json").read_bytes(),
                    headers={"content-type": "application/json"},
                )
            ).json()
        async with harness.client("maintenance", Agency.lke) as register:
            listed = (await register.get("/v1/dwellings?limit=100")).json()["items"]
    assert report.json()["created"] == 5 and report.json()["rejected"] == 2, report.json()["rejections"]
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 5)
    by_ref = {d["external_ref"]: d for d in listed}
    assert sorted(by_ref) == ["BRL-0007", "INN-0042", "LKBS-0301", "LKE-0153", "LKE-0171"]
    assert by_ref["LKE-0153"]["monthly_rent"] == 9800 and by_ref["LKE-0153"]["floor_area_m2"] == 64
    assert by_ref["LKE-0153"]["status"] == "let" and by_ref["LKE-0171"]["status"] == "vacant"
    assert by_ref["BRL-0007"]["owner"] == "housing_coop" and by_ref["BRL-0007"]["coop_board_approval"] is True
    assert by_ref["INN-0042"]["owner"] == "private_lease" and by_ref["INN-0042"]["bedrooms"] == 3
    assert by_ref["INN-0042"]["head_lease_end"] == "2028-05-31"


async def test_an_address_that_is_a_spreadsheet_formula_is_a_rejected_row_and_never_sent(
    register_world: tuple[World, FakeRegister],
) -> None:
    world, register = register_world
    export = (
        "objekt_id;adresse;antall_rom;husleie;eier\n"
        'H2001;=HYPERLINK("http://x","y");3;9800;LKE\n'
        "H2002;@Storgata 2;3;9800;LKE\n"
        "H2003;-Storgata 3;3;9800;LKE\n"
        "H2004;12 Storgata - bak;3;9800;LKE\n"
    )
    async with world.harness.client("integrations", Agency.lke) as lke:
        report = (await lke.post("/v1/property-imports?format=csv", content=export)).json()
    assert (report["created"], report["rejected"]) == (1, 3)
    assert [(r["row"], r["object_id"]) for r in report["rejections"]] == [(1, "H2001"), (2, "H2002"), (3, "H2003")]
    assert all("formula" in r["reasons"][0] for r in report["rejections"])
    assert list(register.dwellings) == ["H2004"]
    assert "HYPERLINK" not in json.dumps(register.calls)


async def test_a_dry_run_reports_what_an_import_would_change_and_changes_nothing(
    register_world: tuple[World, FakeRegister],
) -> None:
    world, register = register_world
    async with world.harness.client("integrations", Agency.lke) as lke:
        url = "/v1/property-imports?format=csv"
        dry = await lke.post(url + "&dry_run=true", content=SAMPLE_CSV)
        assert dry.status_code == 200 and "location" not in dry.headers
        report = dry.json()
        assert report["dry_run"] is True
        assert (report["created"], report["updated"], report["unchanged"], report["rejected"]) == (3, 0, 0, 5)
        assert report["created_objects"] == ["H1001", "H1002", "H1003"]
        assert register.calls == [], "a dry run sends nothing"
        assert (await lke.get(f"/v1/property-imports/{report['id']}")).status_code == 404  # nor stores a report
        # Nothing was remembered either: the real import still creates all three.
        real = (await lke.post(url, content=SAMPLE_CSV)).json()
        assert (real["created"], real["dry_run"]) == (3, False)

        changed = SAMPLE_CSV.replace("48;7600;LKBS;ledig", "48;7900;LKBS;K-2026-001")
        after = (await lke.post(url + "&dry_run=true", content=changed)).json()
        assert (after["created"], after["updated"], after["unchanged"]) == (0, 1, 2)
        assert after["updated_objects"] == ["H1002"]
        assert len(register.calls) == 1 and register.dwellings["H1002"]["monthly_rent"] == 7600
