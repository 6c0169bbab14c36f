"""The request's edge: body limits, the body timeout and control characters, checked before a body is parsed or a
token read (issue 23). A toy service shows the mechanism; the real services show their routes are covered."""

from __future__ import annotations

import asyncio
import gc
import os
import tracemalloc
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import httpx
import pytest
from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from boligflyt.platform.auth import Agency, Principal, mint_token, require
from boligflyt.platform.host import service_definition
from boligflyt.platform.runtime import ServiceDefinition, create_embedded_app
from boligflyt.testkit import ServiceHarness, embedded_settings, people

MiB = 1024 * 1024
PROBLEM = "application/problem+json"


class NoteIn(BaseModel):
    text: str


handled: list[str] = []  # what the toy's handlers saw: a refused request must never get here
router = APIRouter(prefix="/v1")
Writer = Annotated[Principal, Depends(require(Agency.bestiller))]


@router.post("/notes", status_code=201)
async def write_note(body: NoteIn, _: Writer) -> dict[str, str]:
    handled.append("notes")
    return {"text": body.text}


@router.post("/notes/{note_id}/close")
async def close_note(note_id: str, _: Writer) -> dict[str, str]:
    """Takes no body: an over-long Content-Length must still stop it before it runs."""
    handled.append("close")
    return {"closed": note_id}


@router.post("/imports")
async def take_import(request: Request, _: Writer) -> dict[str, int]:
    handled.append("imports")
    return {"bytes": len(await request.body())}


@router.get("/notes")
async def find_notes(_: Writer, q: str = "") -> dict[str, str]:
    handled.append("find")
    return {"q": q}


@router.get("/notes/{note_id}")
async def get_note(note_id: str, _: Writer) -> dict[str, str]:
    handled.append("get")
    return {"id": note_id}


toy = ServiceDefinition(
    name="ordering", title="toy", description="", routers=[router], import_routes=[("POST", "/v1/imports")]
)


@pytest.fixture(autouse=True)
def _forget_what_was_handled() -> None:
    handled.clear()


async def chunks_of(total: int, size: int = 64 * 1024, sent: list[int] | None = None) -> AsyncIterator[bytes]:
    """`total` bytes in chunks (one chunk object, reused, so the sender holds nothing); counts what was taken."""
    chunk = b" " * size
    for _ in range(total // size):
        if sent is not None:
            sent.append(len(chunk))
        yield chunk


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status and problem["title"] and problem["type"].startswith("https://")
    return problem


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# --- body size ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("framing", ["content-length", "chunked"])
async def test_a_200_mb_body_without_a_token_is_refused_413_and_never_held(tmp_path: Path, framing: str) -> None:
    """The attack of issue 23: memory grew from 176 to 761 MB before the missing token was noticed."""
    harness = ServiceHarness([service_definition("applications")], tmp_path)
    async with harness, harness.client("applications") as anonymous:

        async def post(total: int, sent: list[int]) -> httpx.Response:
            headers = {"Content-Type": "application/json"}
            if framing == "content-length":
                headers["Content-Length"] = str(total)  # else httpx sends it chunked, length unknown
            return await anonymous.post("/v1/applicants", content=chunks_of(total, sent=sent), headers=headers)

        await post(2 * MiB, [])  # the first request builds what every later one reuses
        gc.collect()
        sent: list[int] = []
        rss_before = rss_bytes()
        tracemalloc.start()
        try:
            response = await post(200 * MiB, sent)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        grown = rss_bytes() - rss_before
    print(f"\n{framing}: peak traced {peak / MiB:.1f} MiB, RSS grown {grown / MiB:.1f} MiB, read {sum(sent) / MiB} MiB")
    assert peak < 20 * MiB, f"{peak / MiB:.0f} MiB allocated while refusing the body"
    assert grown < 20 * MiB, f"the process grew {grown / MiB:.0f} MiB"
    problem = assert_problem(response, 413)
    assert problem["max_body_bytes"] == MiB
    # Counted as it arrived and refused at the limit: never read to the end.
    assert sum(sent) <= MiB + 64 * 1024 if framing == "chunked" else sum(sent) == 0


async def test_a_body_over_the_limit_is_refused_before_authentication_and_before_any_handler(tmp_path: Path) -> None:
    harness = ServiceHarness([toy], tmp_path)
    async with harness, harness.client("ordering") as anonymous, harness.client("ordering", Agency.bestiller) as writer:
        chunked = await anonymous.post("/v1/notes", content=chunks_of(2 * MiB))
        declared = await writer.post(
            "/v1/notes/n1/close", content=chunks_of(2 * MiB), headers={"Content-Length": str(2 * MiB)}
        )
        at_the_limit = await writer.post("/v1/notes", json={"text": "x" * (MiB - 100)})
    assert_problem(chunked, 413)
    assert_problem(declared, 413)
    assert declared.headers["connection"] == "close"  # the rest of the body is never read
    assert at_the_limit.status_code == 201
    assert handled == ["notes"]  # only the body within the limit reached a handler


async def test_an_import_route_takes_a_body_up_to_its_own_larger_limit(tmp_path: Path) -> None:
    harness = ServiceHarness([toy], tmp_path, max_import_body_bytes=4 * MiB)
    async with harness, harness.client("ordering", Agency.bestiller) as writer:
        taken = await writer.post("/v1/imports", content=chunks_of(3 * MiB))
        too_large = await writer.post("/v1/imports", content=chunks_of(5 * MiB))
        elsewhere = await writer.post("/v1/notes", content=chunks_of(3 * MiB))
    assert taken.status_code == 200 and taken.json() == {"bytes": 3 * MiB}
    assert assert_problem(too_large, 413)["max_body_bytes"] == 4 * MiB
    assert_problem(elsewhere, 413)


async def test_the_limits_hold_under_the_embedded_hosts_prefixes(tmp_path: Path) -> None:
    settings = embedded_settings(tmp_path / "data")
    host = create_embedded_app([toy], settings)
    token = mint_token(settings, subject="edge", agency=Agency.bestiller)
    transport = httpx.ASGITransport(app=host)
    client = httpx.AsyncClient(
        transport=transport, base_url="http://testserver", headers={"Authorization": f"Bearer {token}"}
    )
    async with host.router.lifespan_context(host), client:
        taken = await client.post("/ordering/v1/imports", content=chunks_of(2 * MiB))
        refused = await client.post("/ordering/v1/notes", content=chunks_of(2 * MiB))
        nul = await client.get("/ordering/v1/notes", params={"q": "a\x00"})
    assert taken.status_code == 200
    assert_problem(refused, 413)
    assert_problem(nul, 422)


async def test_the_bulk_import_routes_of_maintenance_and_integrations_take_more_than_a_mebibyte(
    tmp_path: Path,
) -> None:
    maintenance, integrations = service_definition("maintenance"), service_definition("integrations")
    assert ("POST", "/v1/dwelling-batches") in maintenance.import_routes
    assert ("POST", "/v1/property-imports") in integrations.import_routes
    padding = " " * (2 * MiB)  # JSON allows any amount of whitespace: a 2 MiB body with one row in it
    async with ServiceHarness([maintenance, integrations], tmp_path) as harness:
        async with harness.client("maintenance", Agency.lke) as lke:
            batch = await lke.post(
                "/v1/dwelling-batches",
                content='{"dwellings": [{"external_ref": "LKE-1"}]' + padding + "}",
                headers={"Content-Type": "application/json", "Idempotency-Key": "edge-1"},
            )
            elsewhere = await lke.post(
                "/v1/dwellings", content="{" + padding + "}", headers={"Content-Type": "application/json"}
            )
        async with harness.client("integrations", Agency.lke) as importer:
            export = await importer.post(
                "/v1/property-imports", content="[" + padding + "]", headers={"Content-Type": "application/json"}
            )
    assert batch.status_code == 200, batch.text
    assert_problem(elsewhere, 413)
    assert export.status_code != 413 and export.status_code < 500, export.text


# --- body timeout ---------------------------------------------------------------------------------------


async def test_a_body_that_does_not_arrive_in_time_is_408(tmp_path: Path) -> None:
    async def slow() -> AsyncIterator[bytes]:
        yield b'{"text": '
        await asyncio.sleep(1.0)
        yield b'"late"}'

    harness = ServiceHarness([toy], tmp_path, body_timeout_seconds=0.2)
    async with harness, harness.client("ordering", Agency.bestiller) as writer:
        late = await writer.post("/v1/notes", content=slow(), headers={"Content-Type": "application/json"})
        in_time = await writer.post("/v1/notes", json={"text": "on time"})
    problem = assert_problem(late, 408)
    assert "0.2" in problem["detail"]
    assert in_time.status_code == 201
    assert handled == ["notes"]


# --- control characters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '{"text": "Kari\\u0000Nordmann"}',
        '{"text": "bell \\u0007"}',
        '{"text": "unit separator \\u001F"}',
        '{"text": "escaped backslash, then NUL: \\\\\\u0000"}',
        '{"te\\u0001xt": "in a name"}',
    ],
)
async def test_a_control_character_in_a_json_body_is_422_before_any_handler(tmp_path: Path, body: str) -> None:
    async with ServiceHarness([toy], tmp_path) as harness, harness.client("ordering", Agency.bestiller) as writer:
        response = await writer.post("/v1/notes", content=body, headers={"Content-Type": "application/json"})
    problem = assert_problem(response, 422)
    assert problem["code"] == "control-character"
    assert problem["errors"][0]["loc"] == ["body"]
    assert handled == []


async def test_a_control_character_split_across_chunks_is_found(tmp_path: Path) -> None:
    async def split() -> AsyncIterator[bytes]:
        yield b'{"text": "a\\'
        yield b"u00"
        yield b'1fb"}'

    async with ServiceHarness([toy], tmp_path) as harness, harness.client("ordering", Agency.bestiller) as writer:
        response = await writer.post("/v1/notes", content=split(), headers={"Content-Type": "application/json"})
    assert_problem(response, 422)
    assert handled == []


@pytest.mark.parametrize(
    "text", ["line one\nline two", "a\ttab and a\r\ncarriage return", "a backslash-u0000 as text: \\u0000", "æøå €"]
)
async def test_tab_newline_carriage_return_and_escaped_backslashes_are_text(tmp_path: Path, text: str) -> None:
    async with ServiceHarness([toy], tmp_path) as harness, harness.client("ordering", Agency.bestiller) as writer:
        response = await writer.post("/v1/notes", json={"text": text})
    assert response.status_code == 201, response.text
    assert response.json() == {"text": text}


async def test_a_control_character_in_a_query_parameter_or_the_path_is_422_naming_where(tmp_path: Path) -> None:
    async with ServiceHarness([toy], tmp_path) as harness, harness.client("ordering", Agency.bestiller) as writer:
        in_query = await writer.get("/v1/notes?limit=5&q=Kari%00Nordmann")
        in_a_name = await writer.get("/v1/notes?q%1F=1")
        in_path = await writer.get("/v1/notes/n%001")
        fine = await writer.get("/v1/notes?q=two%0Alines%09and%20a%20tab")
    problem = assert_problem(in_query, 422)
    assert problem["errors"][0]["loc"] == ["query", "q"] and "q" in problem["detail"]
    assert "Kari" not in in_query.text  # the value is not echoed
    assert assert_problem(in_a_name, 422)["errors"][0]["loc"] == ["query"]
    assert assert_problem(in_path, 422)["errors"][0]["loc"] == ["path"]
    assert fine.json() == {"q": "two\nlines\tand a tab"}
    assert handled == ["find"]


async def test_a_nul_in_an_applicants_name_is_422_and_nothing_is_stored(tmp_path: Path) -> None:
    harness = ServiceHarness([service_definition("applications")], tmp_path)
    async with harness, harness.client("applications", Agency.boligkontoret) as caseworker:
        # json= sends the NUL as the escape \u0000, as any JSON library does.
        person = {"national_id": people.national_id(date(1990, 1, 1), 10), "name": "Kari\x00Nordmann"}
        nul = await caseworker.post("/v1/applicants", json=person)
        listed_after_nul = (await caseworker.get("/v1/applicants")).json()["total"]
        in_query = await caseworker.get("/v1/applicants?person_ref=%00")
        multi_line = await caseworker.post(
            "/v1/applicants",
            json={
                "national_id": people.national_id(date(1990, 1, 1), 20),
                "name": "Kari Nordmann",
                "postal_address": "Storgata 1\n3251 Larvik",
            },
        )
    problem = assert_problem(nul, 422)
    assert problem["errors"][0]["loc"] == ["body"]
    assert listed_after_nul == 0
    assert assert_problem(in_query, 422)["errors"][0]["loc"] == ["query", "person_ref"]
    assert multi_line.status_code == 201, multi_line.text
    assert multi_line.json()["postal_address"] == "Storgata 1\n3251 Larvik"
