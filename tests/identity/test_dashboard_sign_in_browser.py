"""Signing in to the dashboard in a real browser (Debian's Chromium, Playwright) at the real provider's own
login page, on the distributed system: every service its own process on PostgreSQL and Kafka (tests/e2e's
System), each trusting the development provider (deploy/mock-oauth2) and calling the others with a client of its
own there, as `./dev up --distributed` runs them.

A coordinator signs in, sees the overview, changes a threshold (the form's CSRF token is checked: the same POST
without it is refused), signs out (the provider's session too), and Back shows the login page, not the
dashboard. A NAV caseworker who signs in is refused the dashboard with a page that says why. What signed-in
people do through the agencies' APIs is audited under their names."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from boligflyt.testkit import REPO_ROOT

from .conftest import client_token, discovery, launch_chromium, sign_in

# tests/e2e is imported as the package `e2e` (importlib mode names packages from the nearest folder without an
# __init__.py, here tests/), as tests/faults does.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from e2e.system import System

pytestmark = pytest.mark.slow
ARTIFACTS = REPO_ROOT / "test-artifacts" / "sign-in"


@pytest.fixture(scope="module")
def system(issuer: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    running = System("distributed", tmp_path_factory.mktemp("signed-in-system"), identity_provider=discovery(issuer))
    asyncio.run(running.start())
    try:
        yield running
    finally:
        asyncio.run(running.stop())


@pytest.fixture
def dashboard(system: System) -> str:
    return system.base_urls["dashboard"]


def sign_in_at_provider(page: object, base: str, username: str, issuer: str) -> None:
    page.goto(f"{base}/")  # type: ignore[attr-defined]
    page.click("#sign-in")  # type: ignore[attr-defined]
    page.wait_for_url(f"{issuer}/authorize*")  # type: ignore[attr-defined]  # the provider's own page
    page.fill("#username", username)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]


def test_coordinator_signs_in_changes_a_threshold_and_signs_out(dashboard: str, issuer: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
            page.set_default_timeout(15_000)
            sign_in_at_provider(page, dashboard, "kari", issuer)
            page.wait_for_url(f"{dashboard}/")
            expect(page.locator("[data-kpi=stays_active]")).to_be_visible()
            page.screenshot(path=ARTIFACTS / "01-overview.png", full_page=True)

            page.goto(f"{dashboard}/stuck")
            page.fill("input[name=notice_without_inspection]", "45")
            page.click("#thresholds button[type=submit]")
            page.wait_for_url(f"{dashboard}/stuck")
            expect(page.locator("input[name=notice_without_inspection]")).to_have_value("45")
            # The same POST from this browser's session but without the form's token: refused, nothing changed.
            forged = page.request.post(f"{dashboard}/stuck", form={"notice_without_inspection": "7"})
            assert forged.status == 403
            page.reload()
            expect(page.locator("input[name=notice_without_inspection]")).to_have_value("45")

            page.click("#logout-button")
            page.wait_for_url(f"{dashboard}/login*")
            expect(page.locator("#sign-in")).to_be_visible()
            page.go_back()
            page.wait_for_load_state()
            assert "/login" in page.url, page.url
            expect(page.locator("#sign-in")).to_be_visible()
            expect(page.locator("[data-kpi]")).to_have_count(0)
            page.screenshot(path=ARTIFACTS / "02-back-after-sign-out.png", full_page=True)
        finally:
            browser.close()  # type: ignore[attr-defined]


def test_a_nav_caseworker_is_refused_the_dashboard_with_a_clear_page(dashboard: str, issuer: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page()  # type: ignore[attr-defined]
            page.set_default_timeout(15_000)
            sign_in_at_provider(page, dashboard, "nils", issuer)
            expect(page.locator("#refused")).to_be_visible()
            expect(page.locator("main")).to_contain_text("Nils Hansen")
            expect(page.locator("main")).to_contain_text("nav")
            page.screenshot(path=ARTIFACTS / "03-nav-refused.png", full_page=True)
            # Refused means no session: the dashboard itself still sends this browser to the login page.
            page.goto(f"{dashboard}/")
            expect(page.locator("#sign-in")).to_be_visible()
        finally:
            browser.close()  # type: ignore[attr-defined]


def test_what_signed_in_people_do_is_audited_under_their_names(system: System, issuer: str) -> None:
    """A NAV caseworker who signed in at the provider registers a provider of temporary housing; NAV's audit
    row names his subject and his name, and a NAV system's own call is audited as that client, nameless."""
    nils = sign_in(issuer, "nils")
    machine = client_token(issuer, "boligflyt-temporary-housing")
    body = {
        "name": "Pensjonat Signert",
        "kind": "pension",
        "address": "Storgata 7, 3256 Larvik",
        "owner_operator": "Pensjonat AS",
        "capacity": 8,
    }
    with httpx.Client(base_url=system.base_urls["temporary-housing"], timeout=30) as nav:
        by_person = nav.post("/v1/providers", json=body, headers={"Authorization": f"Bearer {nils}"})
        assert by_person.status_code == 201, by_person.text
        by_machine = nav.post(
            "/v1/providers", json={**body, "name": "Pensjonat Maskin"}, headers={"Authorization": f"Bearer {machine}"}
        )
        assert by_machine.status_code == 201, by_machine.text
        actors: set[tuple[str, str | None]] = set()
        for created in (by_person, by_machine):
            audit = nav.get(
                "/v1/audit",
                params={"entity_id": created.json()["provider_id"]},
                headers={"Authorization": f"Bearer {machine}"},
            )
            assert audit.status_code == 200, audit.text
            actors |= {(row["actor"], row["actor_name"]) for row in audit.json()["items"]}
    assert actors == {("nav:nils", "Nils Hansen"), ("nav:boligflyt-temporary-housing", None)}
