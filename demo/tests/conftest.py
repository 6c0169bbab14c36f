"""The embedded host in-process, on the demo's clock, reached through httpx's ASGI transport."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from boligflyt.demo.agencies import embedded_urls
from boligflyt.demo.clock import DemoClock
from boligflyt.demo.host import demo_app
from boligflyt.platform.host import service_definitions
from boligflyt.platform.settings import Settings
from boligflyt.testkit import embedded_settings


@dataclass
class Host:
    settings: Settings
    transport: httpx.ASGITransport
    base_urls: dict[str, str]
    clock: DemoClock


@pytest.fixture
async def host(tmp_path: Path) -> AsyncIterator[Host]:
    settings = embedded_settings(tmp_path / "data")
    clock = DemoClock(settings.data_dir / "demo-clock.json")
    app = demo_app(settings, list(service_definitions().values()), clock)
    async with app.router.lifespan_context(app):
        yield Host(settings, httpx.ASGITransport(app=app), embedded_urls("http://demo"), clock)
