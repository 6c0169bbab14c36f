"""The dashboard in a real browser: headless Chromium (Debian's package) driven by Playwright.

The embedded app runs in a real uvicorn server on a free loopback port, in a thread. The test logs in with
a coordinator token, sees the overview, publishes an event to the embedded log (as another process would),
sees it appear in the live stream within a second, and opens its person timeline. Screenshots of every page
go to test-artifacts/dashboard/ (gitignored).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import uvicorn

from boligflyt.contracts.codes import ProviderKind
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events.temporary_housing import StayStarted
from boligflyt.dashboard.main import definition
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.bus.embedded import EmbeddedLog
from boligflyt.platform.runtime import create_embedded_app
from boligflyt.platform.settings import Settings
from boligflyt.testkit import REPO_ROOT, embedded_settings, free_port
from boligflyt.testkit import dashboard_story as story

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO_ROOT / "test-artifacts" / "dashboard"

pytestmark = pytest.mark.slow


async def publish(settings: Settings, envelopes: list[Envelope]) -> None:
    """Append to the embedded log through a connection of our own, as another process would."""
    log = EmbeddedLog(settings.event_log_path)
    await log.start()
    try:
        await log.publish([to_wire(envelope) for envelope in envelopes])
    finally:
        await log.stop()


def publish_from_another_thread(settings: Settings, envelopes: list[Envelope]) -> None:
    """Playwright's sync API runs an event loop in this thread; the publisher gets a thread of its own."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(publish(settings, envelopes))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=10)
    if errors:
        raise errors[0]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Settings]]:
    settings = embedded_settings(tmp_path / "data", log_level="WARNING")
    asyncio.run(publish(settings, story.envelopes()))
    app = create_embedded_app([definition], settings, root_service="dashboard")
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=2)
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", settings
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)


def no_browser(reason: str) -> None:
    # ./dev test installs Chromium and requires it; elsewhere a missing browser only skips this test.
    if os.environ.get("BOLIGFLYT_REQUIRE_INFRA") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def launch_chromium(playwright: object) -> object:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        no_browser(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    try:
        return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)  # type: ignore[attr-defined]
    except Exception as exc:
        no_browser(f"Chromium at {CHROMIUM} could not be launched by Playwright: {exc}")
        raise


def test_login_overview_live_stream_and_person_timeline(server: tuple[str, Settings]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, settings = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    token = mint_token(settings, subject="browser-coordinator", agency=Agency.coordinator)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
            page.set_default_timeout(10_000)

            # Not logged in: the login form. Log in with the token; the cookie keeps us in.
            page.goto(f"{base}/")
            expect(page.locator("#login-button")).to_be_visible()
            page.screenshot(path=ARTIFACTS / "01-login.png", full_page=True)
            page.fill("#token", token)
            page.click("#login-button")
            page.wait_for_url(f"{base}/")

            # The overview as of 30 April 2015, once the consumer has projected the story.
            deadline = time.monotonic() + 15
            page.goto(f"{base}/?as_of=2015-04-30")
            while page.inner_text("[data-kpi=settlement] .value") != "5 / 90":
                assert time.monotonic() < deadline, "the story was not projected"
                time.sleep(0.2)
                page.reload()
            expect(page.locator("[data-kpi=settlement] .value")).to_have_text("5 / 90")
            expect(page.locator("[data-kpi=stays_active] .value")).to_have_text("2")
            expect(page.locator("[data-kpi=waiting_list] .value")).to_have_text("0")
            page.screenshot(path=ARTIFACTS / "02-overview.png", full_page=True)
            page.click("#lang-switch")
            expect(page.locator("[data-kpi=stays_active] h3")).to_have_text("In temporary housing now")
            page.screenshot(path=ARTIFACTS / "03-overview-en.png", full_page=True)
            page.goto(f"{base}/?as_of=2015-04-30&lang=nb")

            for number, (path, name) in enumerate(
                [
                    ("/flow?as_of=2015-04-30", "flow"),
                    ("/flow/cases?step=stay_moved_in&as_of=2015-04-30", "flow-cases"),
                    ("/flow/stages/in_temporary_housing?as_of=2015-02-20", "flow-stage"),
                    ("/stuck?as_of=2015-02-20", "stuck"),
                    ("/reports", "reports"),
                    ("/reports/nav-monthly?as_of=2015-04-30", "report-nav-monthly"),
                    ("/reports/relet-times?as_of=2015-04-30", "report-relet-times"),
                    ("/reports/budgets?as_of=2015-04-30", "report-budgets"),
                    ("/reports/settlement?as_of=2015-04-30", "report-settlement"),
                    ("/dwellings/lke-0153?as_of=2015-04-30", "dwelling-timeline"),
                    ("/system", "system"),
                ],
                start=4,
            ):
                response = page.goto(f"{base}{path}")
                assert response is not None and response.status == 200, path
                page.screenshot(path=ARTIFACTS / f"{number:02d}-{name}.png", full_page=True)

            # The live stream: an event published now appears without reloading, within a second.
            page.goto(f"{base}/stream")
            expect(page.locator("#live-status")).to_have_attribute("title", "live")
            person = hashlib.sha256(b"boligflyt browser test: new person").hexdigest()
            event = Envelope(
                data=StayStarted(
                    stay_id="stay-2026-0001",
                    person_ref=person,
                    start_date=date.today(),
                    under_30=False,
                    single=True,
                    adults=1,
                    children=0,
                    new_enquiry=True,
                    provider_id="prov-pension-1",
                    provider_kind=ProviderKind.PENSION,
                    price_per_night=650,
                ),
                time=datetime.now(UTC),
            )
            published = time.monotonic()
            publish_from_another_thread(settings, [event])
            row = page.locator(f'tr[data-id="{event.id}"]')
            row.wait_for(state="visible", timeout=1_000)
            elapsed = time.monotonic() - published
            assert elapsed < 1.0, f"the event took {elapsed:.2f} s to appear"
            page.screenshot(path=ARTIFACTS / "15-stream.png", full_page=True)

            # Its person timeline, from the link in the new row.
            row.locator(f'a[href$="/persons/{person}"]').click()
            page.wait_for_url(f"{base}/persons/{person}")
            expect(page.locator("#person-ref")).to_have_text(person)
            expect(page.locator('#timeline tr[data-event="stay.started"]')).to_have_count(1)
            page.screenshot(path=ARTIFACTS / "16-person-timeline.png", full_page=True)
            page.goto(f"{base}/persons/{story.KARI}")
            expect(page.locator('#timeline tr[data-event="tenancy.moved_in"]')).to_have_count(1)
            page.screenshot(path=ARTIFACTS / "17-person-timeline-kari.png", full_page=True)
        finally:
            browser.close()  # type: ignore[attr-defined]


EVERY_PAGE = [
    "/login",
    "/",
    "/?as_of=2015-04-30",
    "/?as_of=2015-03-31&clock=recorded",
    "/flow?as_of=2015-04-30",
    "/flow/cases?step=stay_moved_in&as_of=2015-04-30",
    "/flow/stages/in_temporary_housing?as_of=2015-02-20",
    "/stream",
    f"/persons/{story.KARI}",
    "/dwellings/lke-0153?as_of=2015-04-30",
    "/stuck?as_of=2015-02-20",
    "/reports",
    *(
        f"/reports/{name}?as_of=2015-04-30"
        for name in (
            "four-monthly",
            "nav-monthly",
            "waiting-list",
            "relet-times",
            "renovation",
            "ordering",
            "budgets",
            "settlement",
        )
    ),
    "/system",
]


def test_every_page_loads_without_a_console_error(server: tuple[str, Settings]) -> None:
    """Issue 22: no page logs an error in the browser's console, and none of what a page loads (the favicon
    above all, which every browser asks for) answers with an error."""
    from playwright.sync_api import sync_playwright

    base, settings = server
    token = mint_token(settings, subject="browser-coordinator", agency=Agency.coordinator)
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page()  # type: ignore[attr-defined]
            page.set_default_timeout(10_000)
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            page.goto(f"{base}/login")
            page.fill("#token", token)
            page.click("#login-button")
            page.wait_for_url(f"{base}/")
            for path in EVERY_PAGE:
                response = page.goto(f"{base}{path}")
                assert response is not None and response.status == 200, path
                page.wait_for_load_state("load")
            # Chromium asks for the icon once per origin; it was served, not a 404.
            icon = page.request.get(f"{base}/favicon.ico")
            assert icon.status == 200 and icon.headers["content-type"].startswith("image/svg+xml")
            page.goto(f"{base}/?as_of=2015-03-31&clock=recorded")
            assert page.get_attribute("#clock-shown", "data-clock") == "recorded"
        finally:
            browser.close()  # type: ignore[attr-defined]
    assert problems == []
