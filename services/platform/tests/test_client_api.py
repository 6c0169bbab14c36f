"""What a client system relies on (client_api.py): safe retries with Idempotency-Key, no lost updates with
ETag/If-Match, rate limits with 429 and the RateLimit fields, and the headers of a deprecated route. On SQLite
and on PostgreSQL, through a toy service run by the harness."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel
from sqlalchemy import ForeignKey, String, func, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from boligflyt.platform.auth import Agency, Principal, require
from boligflyt.platform.concurrency import Versioned
from boligflyt.platform.db import get_or_404, read_or_404, utcnow
from boligflyt.platform.deprecation import retiring
from boligflyt.platform.errors import RuleViolation
from boligflyt.platform.ids import new_id
from boligflyt.platform.runtime import DatabaseDep, ServiceDefinition, sweep_idempotency_keys
from boligflyt.platform.tables import idempotency_key
from boligflyt.testkit import ServiceHarness


class Base(DeclarativeBase):
    pass


class Case(Versioned, Base):
    __tablename__ = "toy_case"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="open")


class Note(Base):
    __tablename__ = "toy_note"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("toy_case.id"))
    text: Mapped[str] = mapped_column(String(100))


class CaseIn(BaseModel):
    title: str
    slow: bool = False  # the handler waits inside its transaction: for twins that really overlap


class CasePatch(BaseModel):
    title: str | None = None
    status: str | None = None


class CaseOut(BaseModel):
    id: str
    title: str
    status: str


Writer = Annotated[Principal, Depends(require(Agency.boligkontoret))]
router = APIRouter(prefix="/v1")


@router.post("/cases", status_code=201, response_model=CaseOut)
async def create_case(body: CaseIn, principal: Writer, database: DatabaseDep, response: Response) -> CaseOut:
    async with database.unit_of_work(principal.actor) as uow:
        case = Case(id=new_id("case"), title=body.title)
        uow.session.add(case)
        if body.slow:
            await asyncio.sleep(0.3)
        uow.audit("case.created", "case", case.id)
        await uow.commit()
    response.headers["Location"] = f"/v1/cases/{case.id}"
    return CaseOut(id=case.id, title=case.title, status=case.status)


@router.get("/cases/{case_id}", response_model=CaseOut)
async def get_case(case_id: str, _: Writer, database: DatabaseDep) -> CaseOut:
    case = await read_or_404(database, Case, case_id, what="case")
    return CaseOut(id=case.id, title=case.title, status=case.status)


@router.patch("/cases/{case_id}", response_model=CaseOut)
async def patch_case(case_id: str, body: CasePatch, principal: Writer, database: DatabaseDep) -> CaseOut:
    async with database.unit_of_work(principal.actor) as uow:
        case = await get_or_404(uow.session, Case, case_id, what="case", lock=True)
        if body.status == "refused":
            raise RuleViolation("a case cannot be refused here", code="no_refusal")
        case.title = body.title or case.title
        case.status = body.status or case.status
        uow.audit("case.changed", "case", case.id)
        await uow.commit()
    return CaseOut(id=case.id, title=case.title, status=case.status)


@router.post("/cases/{case_id}/notes", status_code=201)
async def add_note(case_id: str, body: CaseIn, principal: Writer, database: DatabaseDep) -> dict[str, str]:
    async with database.unit_of_work(principal.actor) as uow:
        await get_or_404(uow.session, Case, case_id, what="case")
        note = Note(id=new_id("note"), case_id=case_id, text=body.title)
        uow.session.add(note)
        await uow.commit()
    return {"id": note.id}


@router.get(
    "/old-cases",
    openapi_extra=retiring(deprecated_on=date(2026, 12, 8), sunset_on=date(2027, 6, 30)),
)
async def old_cases(_: Writer) -> list[str]:
    return []


definition = ServiceDefinition(
    name="applications", title="toy", description="", routers=[router], publishes=False, versioned={"case_id": Case}
)


@pytest.fixture
async def harness(tmp_path: Path, either_database_url: str) -> AsyncIterator[ServiceHarness]:
    async with ServiceHarness([definition], tmp_path, database_urls={"applications": either_database_url}) as h:
        async with h.runtimes["applications"].database.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        yield h


async def count(h: ServiceHarness, model: Any) -> int:
    async with h.runtimes["applications"].database.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_a_creating_post_retried_after_a_lost_answer_gives_one_resource_and_the_same_answer(
    harness: ServiceHarness,
) -> None:
    async with harness.client("applications", Agency.boligkontoret) as client:
        key = {"Idempotency-Key": "create-7f3c"}
        first = await client.post("/v1/cases", json={"title": "Ola"}, headers=key)  # its answer "lost"
        retry = await client.post("/v1/cases", json={"title": "Ola"}, headers=key)
        assert first.status_code == retry.status_code == 201, retry.text
        assert retry.json() == first.json()
        assert retry.headers["location"] == first.headers["location"] == f"/v1/cases/{first.json()['id']}"
        assert retry.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
        assert await count(harness, Case) == 1

        # The same key with another body: a 422 problem, and nothing is made.
        other = await client.post("/v1/cases", json={"title": "Kari"}, headers=key)
        assert other.status_code == 422 and other.headers["content-type"] == "application/problem+json"
        assert other.json()["code"] == "idempotency_key_reused"
        # Without a key, a POST behaves as before: a second resource.
        assert (await client.post("/v1/cases", json={"title": "Ola"})).status_code == 201
        assert await count(harness, Case) == 2

    # Keys are per client: another client's same key is its own.
    async with harness.client("applications", Agency.boligkontoret, subject="case-system-2") as other_client:
        theirs = await other_client.post("/v1/cases", json={"title": "Kari"}, headers=key)
        assert theirs.status_code == 201 and "idempotent-replayed" not in theirs.headers
    assert await count(harness, Case) == 3


async def test_two_concurrent_retries_with_one_key_give_one_effect(harness: ServiceHarness) -> None:
    async with harness.client("applications", Agency.boligkontoret) as client:
        key = {"Idempotency-Key": "twins"}
        body = {"title": "Ola", "slow": True}
        answers = await asyncio.gather(*(client.post("/v1/cases", json=body, headers=key) for _ in range(2)))
        # The twin found the key free, then waited on the first's claim (PostgreSQL: its row; SQLite: the write
        # lock) and found it taken once the first had committed.
        created, twin = sorted(answers, key=lambda a: a.status_code)
        assert (created.status_code, twin.status_code) == (201, 409), [a.text for a in answers]
        assert twin.json()["code"] == "idempotency_key_in_use"
        assert twin.headers["content-type"] == "application/problem+json"
        assert await count(harness, Case) == 1
        later = await client.post("/v1/cases", json=body, headers=key)
        assert later.status_code == 201 and later.json() == created.json()


async def test_a_refused_request_is_not_stored_and_its_retry_is_judged_again(harness: ServiceHarness) -> None:
    async with harness.client("applications", Agency.boligkontoret) as client:
        case = (await client.post("/v1/cases", json={"title": "Ola"})).json()
        key = {"Idempotency-Key": "refused"}
        refused = await client.patch(f"/v1/cases/{case['id']}", json={"status": "refused"}, headers=key)
        assert refused.status_code == 422 and refused.json()["code"] == "no_refusal"
        assert await count(harness, idempotency_key) == 0
        bad = await client.post("/v1/cases", json={"title": "Ola"}, headers={"Idempotency-Key": "a key"})
        assert bad.status_code == 400 and bad.json()["code"] == "idempotency_key_invalid"


async def test_a_change_committed_without_a_stored_answer_is_never_made_again(harness: ServiceHarness) -> None:
    """A crash between the commit and storing the answer: the retry is told, not carried out."""
    database = harness.runtimes["applications"].database
    async with harness.client("applications", Agency.boligkontoret) as client:
        key = {"Idempotency-Key": "crash"}
        assert (await client.post("/v1/cases", json={"title": "Ola"}, headers=key)).status_code == 201
        async with database.sessions() as session:  # as if the process had stopped before storing the answer
            await session.execute(
                update(idempotency_key).values(
                    status_code=None, body=None, headers=None, created_at=utcnow() - timedelta(minutes=5)
                )
            )
            await session.commit()
        retry = await client.post("/v1/cases", json={"title": "Ola"}, headers=key)
        assert retry.status_code == 409 and retry.json()["code"] == "idempotency_answer_lost"
        assert await count(harness, Case) == 1


async def test_expired_keys_are_swept_and_count_as_absent(harness: ServiceHarness) -> None:
    runtime = harness.runtimes["applications"]
    async with harness.client("applications", Agency.boligkontoret) as client:
        key = {"Idempotency-Key": "old"}
        assert (await client.post("/v1/cases", json={"title": "Ola"}, headers=key)).status_code == 201
        async with runtime.database.sessions() as session:
            await session.execute(update(idempotency_key).values(expires_at=utcnow() - timedelta(seconds=1)))
            await session.commit()
        again = await client.post("/v1/cases", json={"title": "Ola"}, headers=key)
        assert again.status_code == 201 and "idempotent-replayed" not in again.headers
        assert await count(harness, Case) == 2
        async with runtime.database.sessions() as session:
            await session.execute(update(idempotency_key).values(expires_at=utcnow() - timedelta(seconds=1)))
            await session.commit()
    assert await sweep_idempotency_keys(runtime) == 1
    assert await count(harness, idempotency_key) == 0


async def test_two_clients_updating_one_case_the_second_gets_412_and_nothing_of_its_change_lands(
    harness: ServiceHarness,
) -> None:
    async with (
        harness.client("applications", Agency.boligkontoret, subject="worker-1") as first,
        harness.client("applications", Agency.boligkontoret, subject="worker-2") as second,
    ):
        created = await first.post("/v1/cases", json={"title": "Ola"})
        url = created.headers["location"]
        read_1, read_2 = await first.get(url), await second.get(url)
        assert read_1.headers["etag"] == read_2.headers["etag"] == '"1"'

        changed = await first.patch(url, json={"title": "Ola Nordmann"}, headers={"If-Match": read_1.headers["etag"]})
        assert changed.status_code == 200 and changed.headers["etag"] == '"2"'

        stale = await second.patch(url, json={"status": "closed"}, headers={"If-Match": read_2.headers["etag"]})
        assert stale.status_code == 412 and stale.headers["content-type"] == "application/problem+json"
        assert stale.json()["current_version"] == 2 and stale.headers["etag"] == '"2"'
        now = (await second.get(url)).json()
        assert now == {"id": created.json()["id"], "title": "Ola Nordmann", "status": "open"}

        # Read again, changed again: now it lands. Weak tags and lists are taken too.
        again = await second.patch(url, json={"status": "closed"}, headers={"If-Match": 'W/"2", "9"'})
        assert again.status_code == 200 and again.headers["etag"] == '"3"'
        # A change beneath the case (a note) counts its version up too; without If-Match it is made as before.
        noted = await second.post(f"{url}/notes", json={"title": "called"})
        assert noted.status_code == 201 and noted.headers["etag"] == '"4"'
        assert (await first.get(url)).headers["etag"] == '"4"'
        gone = await first.patch("/v1/cases/case-missing", json={"title": "x"}, headers={"If-Match": '"1"'})
        assert gone.status_code == 404


async def test_if_match_can_be_required(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path, require_if_match=True) as harness:
        async with harness.runtimes["applications"].database.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        async with harness.client("applications", Agency.boligkontoret) as client:
            url = (await client.post("/v1/cases", json={"title": "Ola"})).headers["location"]
            refused = await client.patch(url, json={"title": "x"})
            assert refused.status_code == 428 and refused.json()["code"] == "if_match_required"
            assert (await client.get(url)).json()["title"] == "Ola"
            assert (await client.patch(url, json={"title": "x"}, headers={"If-Match": '"1"'})).status_code == 200


async def test_a_client_over_its_limit_gets_429_with_retry_after(tmp_path: Path) -> None:
    limits = {"rate_limit_default": 1000, "rate_limits": {"nav": 3}, "rate_limit_window_seconds": 60}
    async with (
        ServiceHarness([definition], tmp_path, **limits) as harness,
        harness.client("applications", Agency.nav) as nav,
        harness.client("applications", Agency.boligkontoret) as other,
    ):
        answers = [await nav.get("/v1/old-cases") for _ in range(4)]
        assert [a.status_code for a in answers] == [403, 403, 403, 429]
        assert answers[0].headers["ratelimit-policy"] == '"nav";q=3;w=60'
        assert answers[0].headers["ratelimit"].startswith('"nav";r=2;t=')
        limited = answers[3]
        assert limited.headers["content-type"] == "application/problem+json"
        assert limited.json()["status"] == 429 and 1 <= int(limited.headers["retry-after"]) <= 60
        assert limited.headers["ratelimit"].startswith('"nav";r=0;')
        # Another client is not held back, and health is never limited.
        assert (await other.get("/v1/old-cases")).status_code == 200
        assert (await nav.get("/healthz")).status_code == 200


async def test_a_deprecated_route_says_when_it_goes_and_openapi_documents_the_headers(harness: ServiceHarness) -> None:
    async with harness.client("applications", Agency.boligkontoret) as client:
        old = await client.get("/v1/old-cases")
        assert old.status_code == 200
        assert old.headers["deprecation"] == "@1796688000"  # 2026-12-08T00:00:00Z
        assert old.headers["sunset"] == "Wed, 30 Jun 2027 23:59:59 GMT"
        assert 'rel="deprecation"' in old.headers["link"]
        assert "deprecation" not in (await client.post("/v1/cases", json={"title": "Ola"})).headers
        document = (await client.get("/openapi.json")).json()
    paths = document["paths"]
    assert paths["/v1/old-cases"]["get"]["deprecated"] is True
    assert "Sunset" in paths["/v1/old-cases"]["get"]["responses"]["200"]["headers"]
    create = paths["/v1/cases"]["post"]
    assert {"$ref": "#/components/parameters/IdempotencyKey"} in create["parameters"]
    assert "If-Match" not in str(create)
    patch = paths["/v1/cases/{case_id}"]["patch"]
    assert {"$ref": "#/components/parameters/IfMatch"} in patch["parameters"]
    assert {"412", "428", "429"} <= set(patch["responses"]) and "ETag" in patch["responses"]["200"]["headers"]
    assert "ETag" in paths["/v1/cases/{case_id}"]["get"]["responses"]["200"]["headers"]
    assert document["components"]["parameters"]["IdempotencyKey"]["name"] == "Idempotency-Key"
