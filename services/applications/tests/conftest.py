"""The fixture of this folder's tests: a caseworker at a running Boligkontoret (SQLite + embedded log)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from boligflyt.applications.main import definition
from boligflyt.applications.testing import Caseworker
from boligflyt.platform.testing import ServiceHarness


@pytest.fixture
async def caseworker(tmp_path: Path) -> AsyncIterator[Caseworker]:
    async with ServiceHarness([definition], tmp_path) as harness:
        worker = Caseworker(harness)
        try:
            yield worker
        finally:
            await worker.close()
