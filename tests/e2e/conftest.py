from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from .system import System

# Starting every service as its own process takes a while on two cores, so each way to run is started once
# for the whole session; every flow works on its own people and dwellings, so flows do not disturb each other.


@pytest.fixture(scope="session", params=["distributed", "embedded"])
def system(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    running = System(request.param, tmp_path_factory.mktemp(request.param))
    asyncio.run(running.start())
    try:
        yield running
    finally:
        asyncio.run(running.stop())
