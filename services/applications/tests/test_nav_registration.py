"""NAV registering a person does not learn whether Boligkontoret holds them: the same status and body whether the
person was registered before or not, no `applicant_id` of Boligkontoret's, none of its details. On SQLite and on
PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from boligflyt.applications.main import definition
from boligflyt.platform.tables import audit_log
from boligflyt.testkit import ServiceHarness

from .conftest import Caseworker

DISTRIBUTED = pytest.param("distributed", marks=[pytest.mark.kafka, pytest.mark.postgres, pytest.mark.slow])


@pytest.fixture(params=["embedded", DISTRIBUTED])
async def caseworker(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Caseworker]:
    async with ServiceHarness([definition], tmp_path, kind=request.param) as harness:
        worker = Caseworker(harness)
        try:
            yield worker
        finally:
            await worker.close()


def without_identity(body: dict[str, Any]) -> dict[str, Any]:
    """The answer apart from the id and pseudonym, which differ from person to person."""
    return {key: value for key, value in body.items() if key not in ("id", "person_ref")}


async def test_nav_gets_the_same_answer_whether_boligkontoret_knows_the_person_or_not(caseworker: Caseworker) -> None:
    known_id = caseworker.next_national_id()
    held = await caseworker.staff.post(
        "/v1/applicants",
        json={
            "national_id": known_id,
            "name": "Kari Nordmann",
            "phone": "+47 900 00 000",
            "postal_address": "Storgata 1",
            "household_members": [{"name": "Ola", "relation": "child", "birth_year": 2010}],
        },
    )
    assert held.status_code == 201, held.text
    held_id = held.json()["id"]
    await caseworker.staff.post(
        f"/v1/applicants/{held_id}/consents",
        json={"signed_on": caseworker.today.isoformat(), "scope": ["collect_information"]},
    )
    # Boligkontoret is told of its own duplicate, with the id.
    again = await caseworker.staff.post("/v1/applicants", json={"national_id": known_id, "name": "K"})
    assert again.status_code == 409 and again.json()["applicant_id"] == held_id

    nav_body = {"name": "Kari N.", "language": "nb"}
    known = await caseworker.nav.post("/v1/applicants", json={"national_id": known_id, **nav_body})
    new = await caseworker.nav.post("/v1/applicants", json={"national_id": caseworker.next_national_id(), **nav_body})
    assert (known.status_code, new.status_code) == (201, 201), (known.text, new.text)
    assert without_identity(known.json()) == without_identity(new.json())
    assert set(known.headers) == set(new.headers)
    for answer in (known.json(), new.json()):
        assert "applicant_id" not in answer
        assert answer["phone"] is None and answer["postal_address"] is None and answer["household_members"] == []
        assert answer["consents"] == [] and answer["name"] == "Kari N."
    # Asking again answers alike too.
    twice = await caseworker.nav.post("/v1/applicants", json={"national_id": known_id, **nav_body})
    assert twice.status_code == 201 and twice.json() == known.json()

    # The person is NAV's client now: NAV records their consent and refers them; Boligkontoret's record is as it was.
    consent = await caseworker.nav.post(
        f"/v1/applicants/{known.json()['id']}/consents",
        json={"signed_on": caseworker.today.isoformat(), "scope": ["collect_information", "share_with_nav"]},
    )
    assert consent.status_code == 201, consent.text
    record = (await caseworker.staff.get(f"/v1/applicants/{held_id}")).json()
    assert (record["name"], record["phone"], len(record["consents"])) == ("Kari Nordmann", "+47 900 00 000", 2)
    async with caseworker.harness.runtimes["applications"].database.sessions() as session:
        actions = list(await session.scalars(select(audit_log.c.action).where(audit_log.c.entity_id == held_id)))
    assert actions.count("applicant.registered_as_nav_client") == 1
