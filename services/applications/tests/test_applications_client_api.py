"""Boligkontoret's case system as a client (issue 26): a retried submission makes one application, and two workers
changing one case do not overwrite each other."""

from __future__ import annotations

from sqlalchemy import func, select

from boligflyt.applications.models import Application
from boligflyt.platform.auth import Agency

from .conftest import Caseworker


async def test_a_submission_retried_with_its_key_makes_one_application(caseworker: Caseworker) -> None:
    applicant = await caseworker.applicant()
    body = caseworker.application_body(applicant["id"])
    key = {"Idempotency-Key": "case-system-4711"}
    first = await caseworker.staff.post("/v1/applications", json=body, headers=key)
    retry = await caseworker.staff.post("/v1/applications", json=body, headers=key)
    assert first.status_code == retry.status_code == 201, retry.text
    assert retry.json() == first.json() and retry.headers["idempotent-replayed"] == "true"
    async with caseworker.harness.runtimes["applications"].database.sessions() as session:
        assert (await session.execute(select(func.count()).select_from(Application))).scalar_one() == 1
    other = await caseworker.staff.post("/v1/applications", json={**body, "kind": "care"}, headers=key)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


async def test_two_workers_changing_one_case_the_second_gets_412_and_nothing_of_its_change_lands(
    caseworker: Caseworker,
) -> None:
    application = await caseworker.application(kind="care", documents_received=["tax_assessment"])
    url = f"/v1/applications/{application['id']}"
    async with caseworker.harness.client("applications", Agency.boligkontoret, subject="worker-2") as second:
        seen_by_first = await caseworker.staff.get(url)
        seen_by_second = await second.get(url)
        assert seen_by_first.headers["etag"] == seen_by_second.headers["etag"]

        first = await caseworker.staff.post(
            f"{url}/documents",
            json={"documents": ["income_documentation"]},
            headers={"If-Match": seen_by_first.headers["etag"]},
        )
        assert first.status_code == 200, first.text
        assert first.headers["etag"] != seen_by_first.headers["etag"]

        stale = await second.post(
            f"{url}/documents",
            json={"documents": ["housing_situation"]},
            headers={"If-Match": seen_by_second.headers["etag"]},
        )
        assert stale.status_code == 412 and stale.headers["content-type"] == "application/problem+json"
        assert stale.headers["etag"] == first.headers["etag"]
        now = (await second.get(url)).json()
        assert "housing_situation" in now["missing_documents"]
        assert "income_documentation" not in now["missing_documents"]
        audit = (await caseworker.staff.get("/v1/audit", params={"entity_id": application["id"]})).json()
        assert "worker-2" not in str(audit["items"])
