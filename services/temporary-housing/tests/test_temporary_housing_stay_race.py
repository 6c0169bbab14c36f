"""On PostgreSQL: two requests starting a stay for the same person at the same moment. Exactly one may succeed;
the other gets the 409 a second, later request gets.

Both requests run in this event loop and interleave at every statement, so without the lock in `start_stay` both
find no active stay before either inserts: for a person NAV knows, two stays start (every run of this test failed
so with the lock taken out); for a new person the persons table's unique key refused the second, but with a bare
409 that did not say why. No test seam is needed to make the transactions overlap."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from boligflyt.platform.auth import Agency
from boligflyt.temporary_housing.main import definition
from boligflyt.testkit import ServiceHarness

from .conftest import new_agreement, new_provider, stay_body

DISTRIBUTED = pytest.param("distributed", marks=[pytest.mark.kafka, pytest.mark.postgres, pytest.mark.slow])

SERVICE = "temporary-housing"
ROUNDS = 6


async def person_with_an_ended_stay(nav: httpx.AsyncClient, provider_id: str, birth: date) -> dict[str, object]:
    """A person NAV knows (an earlier stay, ended): the persons table has them, so only the stay check guards."""
    body = stay_body(provider_id, birth=birth)
    first = await nav.post("/v1/stays", json=body)
    assert first.status_code == 201, first.text
    ended = await nav.post(
        f"/v1/stays/{first.json()['stay_id']}/end", json={"end_date": "2015-01-06", "reason": "private_rental"}
    )
    assert ended.status_code == 200, ended.text
    return stay_body(provider_id, birth=birth, start_date="2015-01-07", decision_date="2015-01-07")


@pytest.mark.parametrize("kind", ["embedded", DISTRIBUTED])
async def test_two_concurrent_stay_starts_for_one_person_let_exactly_one_through(tmp_path: Path, kind: str) -> None:
    """On SQLite a unit of work holds the file's write lock from its start; on PostgreSQL the advisory lock."""
    async with ServiceHarness([definition], tmp_path, kind=kind, start=datetime(2015, 1, 8, 9, tzinfo=UTC)) as harness:
        if kind == "distributed":
            assert harness.runtimes[SERVICE].database.dialect == "postgresql"
        async with harness.client(SERVICE, Agency.nav) as nav:
            provider_id = await new_provider(nav, capacity=100)
            await new_agreement(nav, provider_id)
            for round_ in range(ROUNDS):
                known = await person_with_an_ended_stay(nav, provider_id, date(1980, 3, 1 + round_))
                new = stay_body(provider_id, birth=date(1981, 4, 1 + round_))  # and one NAV has never seen
                for body in (known, new):
                    answers = await asyncio.gather(nav.post("/v1/stays", json=body), nav.post("/v1/stays", json=body))
                    statuses = sorted(a.status_code for a in answers)
                    assert statuses == [201, 409], [a.text for a in answers]
                    loser = next(a for a in answers if a.status_code == 409)
                    sequential = await nav.post("/v1/stays", json=body)
                    assert sequential.status_code == 409
                    assert loser.headers["content-type"].startswith("application/problem+json")
                    assert loser.json()["current_state"] == sequential.json()["current_state"] == "in_stay"
            listed = (await nav.get("/v1/stays", params={"state": "started", "limit": 500})).json()
            refs = [s["person_ref"] for s in listed["items"]]
            assert len(refs) == len(set(refs)) == 2 * ROUNDS
